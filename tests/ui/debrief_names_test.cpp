// The debrief's expert steps read in the trainee's language by the names the trainee knows, even
// for a trainee who found none of them: the service's display name, the jurisdiction pack's
// instrument, the question and the chosen option, never a service id ("bitnova"), an instrument
// kind ("freeze_request") or an option id ("dead-end"). Over every shipped case, submitted at once,
// rendered in Spanish and read back from the screen.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "model/vocabulary.hpp"
#include "recording_host.hpp"
#include "scenario/loader.hpp"
#include "screen_text.hpp"
#include "session/session.hpp"
#include "shipped_cases.hpp"
#include "ui/format.hpp"
#include "ui/widgets.hpp"

using namespace mt;
using namespace mt::test;

namespace {

std::string without_punctuation(const std::string& word) {
    const std::string punctuation = "()[].,;:«»\"'¿?";
    std::size_t a = 0, b = word.size();
    while (a < b && punctuation.find(word[a]) != std::string::npos) ++a;
    while (b > a && punctuation.find(word[b - 1]) != std::string::npos) --b;
    return word.substr(a, b - a);
}

// Words of `text` joined by single spaces, as the screen's words are.
std::string spaced(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '\n') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("the debrief names the expert's services, instruments and answers, never their ids",
          "[ui][i18n][debrief]") {
    set_interface_language("es");
    std::set<std::string> problems;
    std::size_t requests_checked = 0, answers_checked = 0;
    for (const ShippedCase& shipped : shipped_cases()) {
        const LoadResult loaded =
            load_scenario_file(std::filesystem::path(MT_SOURCE_DIR) / "scenarios" / shipped.file);
        REQUIRE(loaded.ok());
        Session session(loaded.scenario);
        Action submit;
        submit.type = ActionType::Submit;
        REQUIRE(session.apply(submit).accepted);
        const Casefile& casefile = session.casefile();
        REQUIRE(casefile.expert_texts.size() == casefile.expert_solution.size());
        // The expert's own requests, replayed in full: the names they were sent under.
        std::set<std::string> pack_instruments;
        for (const LegalRequestFile& file : shipped.done.requests)
            if (!file.instrument_name.es.empty()) pack_instruments.insert(file.instrument_name.es);

        RecordingHost host;
        ui::InvestigatorUi view;
        HeadlessUi driver(view, host, 1920.0f, 12000.0f);  // the whole debrief on one screen
        use_program_fonts(1.0f);
        host.case_open = casefile;
        driver.frames(3);
        REQUIRE(driver.drawn("debrief.grade"));
        std::set<std::string> words;
        std::string screen;
        for (const ScreenWord& w : screen_words(0, 0)) {
            words.insert(without_punctuation(w.text));
            screen += w.text + " ";
        }

        std::set<std::string> ids;  // what must never be read
        for (std::size_t i = 0; i < casefile.expert_solution.size(); ++i) {
            const Action& step = casefile.expert_solution[i];
            const ExpertStepText& names = casefile.expert_texts[i];
            const std::string where = shipped.file + " expert step " + std::to_string(i + 1);
            if (step.type == ActionType::LegalRequest) {
                ++requests_checked;
                ids.insert(step.target);
                ids.insert(std::string(name_of(step.instrument)));
                if (!step.legal_instrument.empty()) ids.insert(step.legal_instrument);
                const Entity* service = loaded.scenario->find_entity(step.target);
                REQUIRE(service);
                if (names.service.es != service->name.es)
                    problems.insert(where + ": service named \"" + names.service.es + "\"");
                if (screen.find(spaced(service->name.es)) == std::string::npos)
                    problems.insert(where + ": \"" + service->name.es + "\" not on screen");
                if (!pack_instruments.empty() && !pack_instruments.count(names.instrument.es))
                    problems.insert(where + ": instrument named \"" + names.instrument.es +
                                    "\", not by the pack");
                if (!names.instrument.es.empty() &&
                    screen.find(spaced(names.instrument.es)) == std::string::npos)
                    problems.insert(where + ": \"" + names.instrument.es + "\" not on screen");
            }
            if (step.type == ActionType::AnswerCheckpoint) {
                ++answers_checked;
                ids.insert(step.target);
                if (names.question.es.empty())
                    problems.insert(where + ": question without its text");
                else if (screen.find(spaced(names.question.es)) == std::string::npos)
                    problems.insert(where + ": \"" + names.question.es + "\" not on screen");
                for (const OpenCheckpoint& open : shipped.done.checkpoints)
                    if (open.id == step.target && open.kind == "choice") ids.insert(step.answer);
            }
        }
        // A Spanish name may keep the foreign term on purpose: "Citatorio (subpoena)", "Citatorio
        // del gran jurado (grand jury subpoena)".
        std::string names_shown;
        for (std::size_t i = 0; i < casefile.expert_solution.size(); ++i)
            names_shown += casefile.expert_texts[i].service.es + " " +
                           casefile.expert_texts[i].instrument.es + " " +
                           tr(ui::key_of(casefile.expert_solution[i].instrument)) + " ";
        for (const std::string& id : ids)
            if (words.count(id) && names_shown.find(id) == std::string::npos)
                problems.insert(shipped.file + ": the id \"" + id + "\" on screen");
    }
    ui::set_fonts({});
    set_interface_language("en");
    std::string listed;
    for (const std::string& p : problems) listed += p + "\n";
    INFO(listed);
    CHECK(requests_checked > 10);
    CHECK(answers_checked > 10);
    CHECK(problems.empty());
}
