#include "ui/format.hpp"

#include <cstdlib>

#include "i18n/catalogue.hpp"
#include "model/time.hpp"

namespace mt::ui {
namespace {

std::string prefixed(std::string_view prefix, std::string_view name) {
    std::string key(prefix);
    key += '.';
    key += name;
    return key;
}

std::string service_name(const Casefile* casefile, const std::string& id) {
    if (casefile) {
        auto it = casefile->services.find(id);
        if (it != casefile->services.end()) return text_of(it->second.name);
    }
    return id;
}

}  // namespace

Language current_language() {
    return interface_language() == "es" ? Language::Spanish : Language::English;
}

const std::string& text_of(const LocalizedText& text) {
    const std::string& chosen = text.in(current_language());
    return chosen.empty() ? text.en : chosen;
}

std::string usd_text(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::int64_t magnitude = negative ? -cents : cents;
    // The currency named, never "$": in Mexico "$" reads as pesos.
    std::string amount = negative ? "-" : "";
    amount += group_thousands(std::to_string(magnitude / 100));
    const std::int64_t rest = magnitude % 100;
    amount += rest < 10 ? ".0" : ".";
    amount += std::to_string(rest);
    return render(Message("money.usd").arg("amount", amount));
}

std::string sim_date(const CaseBriefing& briefing, SimSeconds at) {
    return format_utc(briefing.start_unix + at);
}

std::string sim_date_short(const CaseBriefing& briefing, SimSeconds at) {
    // format_utc gives "YYYY-MM-DD HH:MM UTC"; keep "MM-DD HH:MM".
    const std::string full = sim_date(briefing, at);
    return full.size() >= 16 ? full.substr(5, 11) : full;
}

std::string duration_text(SimSeconds span) {
    return format_duration(span);
}

std::string instrument_text(Instrument kind, std::string_view legal_instrument,
                            const Casefile* casefile) {
    if (casefile)
        if (const InstrumentGuide* g = find_instrument(casefile->briefing, legal_instrument, kind))
            return text_of(g->name);
    return tr(key_of(kind));
}

std::string typology_text(const std::string& typology) {
    const std::string key = prefixed("typology", typology);
    if (has_translation(key)) return tr(key);
    // Shown as written so a missing translation is seen (validate refuses such a case).
    return typology;
}

std::string difficulty_text(const std::string& difficulty) {
    const std::string key = prefixed("difficulty", difficulty);
    return has_translation(key) ? std::string(tr(key)) : difficulty;
}

std::string describe_action(const Action& a, const Casefile* casefile,
                            const ExpertStepText* names) {
    const std::string target = short_id(a.target, 20);
    switch (a.type) {
        case ActionType::ExploreAddress:
            return trf("action.explore_address", {target, tr(key_of(a.direction))});
        case ActionType::ExploreTransaction:
            return trf("action.explore_transaction", {target});
        case ActionType::Lookup:
            return trf("action.lookup", {target});
        case ActionType::RunAnalysis:
            if (a.tool == AnalysisTool::Taint)
                return trf("action.run_taint", {target, tr(key_of(a.method))});
            return trf("action.run_analysis", {tr(key_of(a.tool)), target});
        case ActionType::LegalRequest: {
            std::string ids;
            for (const std::string& id : a.identifiers) {
                if (!ids.empty()) ids += ", ";
                ids += short_id(id, 14);
            }
            return trf("action.legal_request",
                       {names && !names->instrument.empty()
                            ? text_of(names->instrument)
                            : instrument_text(a.instrument, a.legal_instrument, casefile),
                        names && !names->service.empty() ? text_of(names->service)
                                                         : service_name(casefile, a.target),
                        ids});
        }
        case ActionType::AnswerCheckpoint: {
            // The question and the option as the trainee read them, never their ids.
            if (names && !names->question.empty())
                return trf(
                    "action.answer_checkpoint",
                    {text_of(names->question),
                     names->answer.empty() ? short_id(a.answer, 24) : text_of(names->answer)});
            if (casefile)
                for (const OpenCheckpoint& open : casefile->checkpoints) {
                    if (open.id != a.target) continue;
                    std::string answer = short_id(a.answer, 24);
                    for (const CheckpointOptionView& option : open.options)
                        if (option.id == a.answer) answer = text_of(option.text);
                    return trf("action.answer_checkpoint", {text_of(open.question), answer});
                }
            return trf("action.answer_checkpoint", {a.target, short_id(a.answer, 24)});
        }
        case ActionType::Annotate:
            return trf("action.annotate", {target});
        case ActionType::Hint:
            return tr("action.hint");
        case ActionType::Wait:
            return trf("action.wait", {duration_text(a.duration)});
        case ActionType::Submit:
            return tr("action.submit");
    }
    return std::string(name_of(a.type));
}

}  // namespace mt::ui
