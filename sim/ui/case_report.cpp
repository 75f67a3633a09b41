#include "ui/case_report.hpp"

#include <cctype>
#include <cstdio>
#include <sstream>
#include <vector>

#include "i18n/catalogue.hpp"
#include "ui/format.hpp"

namespace mt::ui {
namespace {

// Table cells hold one line and no column separator.
std::string cell(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string code(std::string_view id) {
    return id.empty() ? std::string() : '`' + cell(id) + '`';
}

class MarkdownTable {
  public:
    explicit MarkdownTable(std::vector<std::string> headers) : columns_(headers.size()) {
        row(headers);
        std::string rule = "|";
        for (std::size_t i = 0; i < columns_; ++i) rule += "---|";
        text_ << rule << '\n';
    }
    void row(const std::vector<std::string>& cells) {
        text_ << '|';
        for (std::size_t i = 0; i < columns_; ++i)
            text_ << ' ' << (i < cells.size() ? cells[i] : std::string()) << " |";
        text_ << '\n';
    }
    std::string str() const { return text_.str() + "\n"; }

  private:
    std::size_t columns_;
    std::ostringstream text_;
};

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string balances_text(const KnownAddress& address) {
    std::vector<std::string> parts;
    for (const KnownBalance& b : address.balances)
        parts.push_back(display_amount(b.amount, b.decimals, b.asset));
    return joined(parts, ", ");
}

std::string legs_text(const std::vector<KnownLeg>& legs, const KnownTransaction& tx) {
    std::vector<std::string> parts;
    for (const KnownLeg& leg : legs)
        parts.push_back(code(short_id(leg.address)) + " " +
                        cell(display_amount(leg.amount, tx.decimals, tx.asset)));
    return joined(parts, "<br>");
}

// A section's heading, and "none" under it when it has nothing: then false, nothing more to write.
bool section_heading(std::ostringstream& out, const char* heading_key, bool empty) {
    out << "## " << tr(heading_key) << "\n\n";
    if (empty) out << tr("report.none") << "\n\n";
    return !empty;
}

void write_addresses(std::ostringstream& out, const Casefile& casefile) {
    if (!section_heading(out, "report.addresses", casefile.addresses.empty())) return;
    MarkdownTable table({tr("report.col.address"), tr("report.col.chain"), tr("report.col.label"),
                         tr("report.col.balance"), tr("report.col.note")});
    for (const auto& [id, address] : casefile.addresses) {
        std::string label;
        if (address.attribution)
            label = cell(text_of(address.attribution->name)) + " · " +
                    tr(key_of(address.attribution->kind));
        std::string note = cell(address.note);
        if (!address.tags.empty()) {
            if (!note.empty()) note += ' ';
            note += cell('#' + joined(address.tags, " #"));
        }
        table.row({code(id), cell(address.chain), label, cell(balances_text(address)), note});
    }
    out << table.str();
}

void write_transactions(std::ostringstream& out, const Casefile& casefile) {
    if (!section_heading(out, "report.transactions", casefile.transactions.empty())) return;
    MarkdownTable table({tr("report.col.transaction"), tr("report.col.time"),
                         tr("report.col.inputs"), tr("report.col.outputs"), tr("report.col.note")});
    for (const auto& [id, tx] : casefile.transactions)
        table.row({code(id), cell(sim_date(casefile.briefing, tx.time)), legs_text(tx.inputs, tx),
                   legs_text(tx.outputs, tx), cell(tx.note)});
    out << table.str();
}

void write_requests(std::ostringstream& out, const Casefile& casefile) {
    if (!section_heading(out, "report.requests", casefile.requests.empty())) return;
    for (const LegalRequestFile& request : casefile.requests) {
        out << "### " << request.id << ": " << tr(key_of(request.instrument)) << " → "
            << text_of(request.service_name) << "\n\n";
        out << "- " << tr("report.col.sent") << ": " << sim_date(casefile.briefing, request.sent_at)
            << "\n";
        out << "- " << tr("report.col.due") << ": " << sim_date(casefile.briefing, request.due_at)
            << "\n";
        out << "- " << tr("report.col.status") << ": " << tr(key_of(request.status)) << "\n";
        std::vector<std::string> identifiers;
        for (const std::string& id : request.identifiers) identifiers.push_back(code(id));
        out << "- " << tr("report.col.identifiers") << ": " << joined(identifiers, ", ") << "\n";
        out << "- " << tr("report.col.justification") << ": " << cell(request.justification)
            << "\n";
        if (!request.response.empty())
            out << "- " << tr("report.col.response") << ": " << cell(render(request.response))
                << "\n";
        for (const ObtainedRecord& record : request.records)
            out << "- " << tr("report.record") << " " << record.id << " ("
                << tr(key_of(record.kind)) << ", " << code(record.subject)
                << "): " << cell(text_of(record.content)) << "\n";
        out << "\n";
    }
    if (!casefile.frozen.empty()) {
        out << "### " << tr("report.frozen") << "\n\n";
        for (const LocalizedText& line : casefile.frozen) out << "- " << text_of(line) << "\n";
        out << "\n";
    }
}

void write_analyses(std::ostringstream& out, const Casefile& casefile) {
    if (casefile.analyses.empty()) return;
    out << "## " << tr("report.analyses") << "\n\n";
    for (const AnalysisReport& analysis : casefile.analyses) {
        out << "### " << analysis.id << ": " << tr(key_of(analysis.tool)) << " · "
            << code(analysis.subject) << " · " << sim_date(casefile.briefing, analysis.at)
            << "\n\n";
        out << render_all(analysis.summary, " ") << "\n\n";
    }
}

void write_checkpoints(std::ostringstream& out, const Casefile& casefile) {
    if (casefile.checkpoints.empty()) return;
    out << "## " << tr("report.checkpoints") << "\n\n";
    for (const OpenCheckpoint& checkpoint : casefile.checkpoints) {
        std::string answer = checkpoint.answer.value_or(tr("report.unanswered"));
        for (const CheckpointOptionView& option : checkpoint.options)
            if (checkpoint.answer && option.id == *checkpoint.answer) answer = text_of(option.text);
        out << "- " << text_of(checkpoint.question) << " **" << cell(answer) << "**\n";
    }
    out << "\n";
}

void write_timeline(std::ostringstream& out, const Casefile& casefile) {
    out << "## " << tr("report.timeline") << "\n\n";
    MarkdownTable table({tr("report.col.time"), tr("report.col.kind"), tr("report.col.what")});
    for (const TimelineEntry& entry : casefile.timeline)
        table.row({cell(sim_date(casefile.briefing, entry.at)), tr(key_of(entry.kind)),
                   cell(render(entry.text))});
    out << table.str();
}

void write_score(std::ostringstream& out, const Casefile& casefile) {
    if (!casefile.score) return;
    const ScoreReport& score = *casefile.score;
    out << "## " << tr("report.score") << "\n\n";
    out << trf("report.score_line", {std::to_string(score.total), std::to_string(score.max),
                                     std::to_string(score.percent), text_of(score.grade)})
        << "\n\n";
    MarkdownTable table({tr("report.col.objective"), tr("report.col.points")});
    for (const ObjectiveResult& objective : score.objectives)
        table.row({cell(text_of(objective.title)),
                   std::to_string(objective.earned) + " / " + std::to_string(objective.points)});
    for (const PenaltyItem& penalty : score.penalties)
        table.row({cell(tr(key_of(penalty.kind)) + std::string(": ") + penalty.detail),
                   '-' + std::to_string(penalty.points)});
    out << table.str();
}

}  // namespace

std::string case_report_markdown(const Casefile& casefile, const std::string& graph_image) {
    std::ostringstream out;
    const CaseBriefing& briefing = casefile.briefing;
    out << "# " << tr("report.title") << ": " << text_of(briefing.title) << "\n\n";
    out << "*"
        << trf("report.as_of",
               {sim_date(briefing, casefile.now), duration_text(casefile.now),
                render(Message("count.actions").arg("count", casefile.actions_taken))})
        << " · " << tr(casefile.submitted ? "report.submitted" : "report.in_progress") << "*\n\n";
    out << "## " << tr("report.briefing") << "\n\n" << text_of(briefing.briefing) << "\n\n";
    if (!graph_image.empty())
        out << "## " << tr("report.graph") << "\n\n![" << tr("report.graph") << "](" << graph_image
            << ")\n\n";
    write_addresses(out, casefile);
    write_transactions(out, casefile);
    write_requests(out, casefile);
    write_analyses(out, casefile);
    write_checkpoints(out, casefile);
    write_timeline(out, casefile);
    write_score(out, casefile);
    out << "---\n" << tr("report.footer") << "\n";
    return out.str();
}

std::string case_report_stem(const Casefile& casefile) {
    // Simulated day and time: two exports of one session never collide unless nothing happened.
    const SimSeconds now = casefile.now < 0 ? 0 : casefile.now;
    char when[32];
    std::snprintf(when, sizeof when, "d%lld-%02lld%02lld", static_cast<long long>(now / 86400),
                  static_cast<long long>(now % 86400 / 3600),
                  static_cast<long long>(now % 3600 / 60));
    std::string id;
    for (const char c : casefile.briefing.scenario_id)
        id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return (id.empty() ? "case" : id) + "-report-" + when;
}

}  // namespace mt::ui
