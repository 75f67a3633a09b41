// The exportable case report: what the casefile holds, in the interface language, as Markdown whose
// tables survive whatever the trainee typed, and nothing of the debrief's answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>

#include "i18n/catalogue.hpp"
#include "sample_casefile.hpp"
#include "ui/case_report.hpp"

using namespace mt;
using namespace mt::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Column separators of a Markdown table row, not counting escaped ones.
int separators(const std::string& line) {
    int count = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++count;
    return count;
}

struct LanguageGuard {
    explicit LanguageGuard(const char* language) { set_interface_language(language); }
    ~LanguageGuard() { set_interface_language("en"); }
};

}  // namespace

TEST_CASE("the case report holds every part of the casefile", "[report]") {
    LanguageGuard english("en");
    const Casefile casefile = sample_casefile();
    const std::string report = ui::case_report_markdown(casefile, "graph.png");
    INFO(report);
    CHECK(report.rfind("# Case report: " + casefile.briefing.title.en, 0) == 0);
    CHECK(contains(report, "investigation in progress"));
    CHECK(contains(report, "![Funds graph](graph.png)"));
    for (const auto& [id, address] : casefile.addresses) CHECK(contains(report, "`" + id + "`"));
    for (const auto& [id, tx] : casefile.transactions) CHECK(contains(report, "`" + id + "`"));
    CHECK(contains(report, "deposit wallet"));
    CHECK(contains(report, "### req-1: "));
    CHECK(contains(report, "### req-2: "));
    CHECK(contains(report, "Ransom proceeds deposited"));
    CHECK(contains(report, "CoinBay produced 1 record."));
    CHECK(contains(report, "Name: J. Doe"));
    CHECK(contains(report, "2 BTC marked as tainted reached 3 addresses."));
    CHECK_FALSE(contains(report, "## Score"));
}

TEST_CASE("without a graph picture the report has no image link", "[report]") {
    LanguageGuard english("en");
    const std::string report = ui::case_report_markdown(sample_casefile(), "");
    CHECK_FALSE(contains(report, "!["));
}

TEST_CASE("the case report speaks the interface language", "[report]") {
    LanguageGuard spanish("es");
    const Casefile casefile = sample_casefile();
    const std::string report = ui::case_report_markdown(casefile, "grafo.png");
    INFO(report);
    CHECK(report.rfind("# Informe del caso: " + casefile.briefing.title.es, 0) == 0);
    CHECK(contains(report, "## Solicitudes legales"));
    CHECK(contains(report, "CoinBay entregó 1 registro."));
    CHECK(contains(report, "Nombre: J. Doe"));
    CHECK(contains(report, "2 BTC marcados como contaminados llegaron a 3 direcciones."));
    CHECK_FALSE(contains(report, "Records attached."));
}

TEST_CASE("what the trainee typed cannot break the report's tables", "[report]") {
    LanguageGuard english("en");
    Casefile casefile = sample_casefile();
    casefile.addresses[kDeposit].note = "paid | then\nswept";
    const std::string report = ui::case_report_markdown(casefile, "");
    CHECK(contains(report, "paid \\| then swept"));
    // Every row of a table has as many columns as its header.
    std::istringstream lines(report);
    std::string line;
    int columns = -1;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '|') {
            columns = -1;
            continue;
        }
        if (columns < 0) columns = separators(line);
        INFO(line);
        CHECK(separators(line) == columns);
    }
}

TEST_CASE("a submitted case's report has the score but not the expert's answers", "[report]") {
    LanguageGuard english("en");
    Casefile casefile = submitted_casefile();
    casefile.expert_summary = {"EXPERT-ONLY walkthrough", "Recorrido EXPERT-ONLY"};
    const std::string report = ui::case_report_markdown(casefile, "");
    INFO(report);
    CHECK(contains(report, "findings submitted"));
    CHECK(contains(report, "47 of 100 points (47%): Needs practice"));
    CHECK(contains(report, "| Freeze the funds | 0 / 30 |"));
    CHECK(contains(report, "-3 |"));
    CHECK_FALSE(contains(report, "EXPERT-ONLY"));
    CHECK_FALSE(contains(report, "The exchange deposit."));  // a checkpoint's explanation
}

TEST_CASE("report file names order by simulated time and stay inside their folder", "[report]") {
    Casefile casefile = sample_casefile();
    casefile.briefing.scenario_id = "ransomware-peel-chain";
    casefile.now = days(1) + hours(2) + minutes(5);
    CHECK(ui::case_report_stem(casefile) == "ransomware-peel-chain-report-d1-0205");
    casefile.briefing.scenario_id = "../../etc/passwd";
    const std::string stem = ui::case_report_stem(casefile);
    CHECK(stem.find('/') == std::string::npos);
    CHECK(stem.find("..") == std::string::npos);
}
