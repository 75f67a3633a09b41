#include "import_support.hpp"

#include <catch2/catch.hpp>

#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "scenario/loader.hpp"

namespace mt::import_testing {

const std::string kRansomAddress = "bc1qjm0ut0km6sfctecyprjs9dlp9uksdsxaay7gjt";
const std::vector<std::string> kPeelIds{
    "489e5378eb044021dcc7051d2b75a02ad34d9b6ea880927c6c434a629b1f8d58",
    "6fb806e90f8c495846924d986c3bf467e1f3a78102b54e2d13f39815c15545b8",
    "63d63ae11e3af2015f81616f44da72e3752dbe3346596d53d91816d1ea3360f7",
    "6d4dd85bf26a0b86390ac68518770a14d090e551f268462719243ddfd57690a0",
    "69105ed9ce3c138737459b1167c9328504d91d85115775caac919dbead811db0"};
const std::string kBridgeRelease = "0xf7545f0d3c1988b7d1a90409aacd11e7a1bc0db2";

std::filesystem::path data(const std::string& name) {
    return std::filesystem::path(MT_TEST_DATA_DIR) / "data" / name;
}

std::vector<std::filesystem::path> peel_chain_exports() {
    std::vector<std::filesystem::path> files{data("esplora-address-txs.json"),
                                             data("esplora-address-txs-page2.json")};
    for (const std::string& id : kPeelIds) files.push_back(data(id + "-outspends.json"));
    return files;
}

std::string error_text(const import::ImportResult& result) {
    REQUIRE(result.error);
    return render(*result.error, "en");
}

std::shared_ptr<const Scenario> load_written(const import::ImportResult& result) {
    INFO((result.error ? render(*result.error, "en") : std::string()));
    REQUIRE(result.ok());
    const LoadResult loaded = load_scenario_file(result.case_file, LedgerCacheOptions{});
    std::string diagnostics;
    for (const Diagnostic& d : loaded.errors) diagnostics += render(d) + "\n";
    INFO(diagnostics);
    REQUIRE(loaded.ok());
    return loaded.scenario;
}

}  // namespace mt::import_testing
