// TagPacks both ways. The export is checked against the rules of the published TagPack schema
// (graphsense-tagpack-tool src/tagpack/conf/tagpack_schema.yaml, with the confidence vocabulary
// of src/tagpack/db/confidence.csv and the concept ids of src/tagpack/db/concepts.yaml; cited in
// docs/case-authoring.md), encoded here: mandatory header and tag fields, their types, no field
// outside the schema, confidence and category from their vocabularies.
#include <fstream>
#include <set>

#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include "i18n/catalogue.hpp"
#include "import/import_error.hpp"
#include "import/tagpack.hpp"
#include "import_support.hpp"
#include "model/action_builders.hpp"
#include "scenario/loader.hpp"
#include "session/session.hpp"
#include "temp_dir.hpp"

namespace mt {
namespace {

// tagpack_schema.yaml: field -> (type, mandatory), header and tag.
struct Field {
    std::string type;
    bool mandatory;
};
const std::map<std::string, Field> kHeaderFields{
    {"title", {"text", true}},  {"creator", {"text", true}},       {"description", {"text", false}},
    {"owner", {"text", false}}, {"is_public", {"boolean", false}}, {"tags", {"list", true}}};
const std::map<std::string, Field> kTagFields{{"label", {"text", true}},
                                              {"source", {"text", true}},
                                              {"currency", {"text", true}},
                                              {"network", {"text", true}},
                                              {"context", {"text", false}},
                                              {"confidence", {"text", true}},
                                              {"is_cluster_definer", {"boolean", false}},
                                              {"lastmod", {"datetime", false}},
                                              {"category", {"text", false}},
                                              {"abuse", {"text", false}},
                                              {"address", {"text", false}},
                                              {"tx_hash", {"text", false}},
                                              {"actor", {"text", false}},
                                              {"concepts", {"list", false}},
                                              {"tag_type", {"text", false}}};
// confidence.csv ids.
const std::set<std::string> kConfidence{"override",     "ownership",      "manual_transaction",
                                        "service_api",  "authority_data", "trusted_provider",
                                        "service_data", "forensic",       "untrusted_transaction",
                                        "web_crawl",    "heuristic",      "unknown"};
// concepts.yaml ids usable as a category.
const std::set<std::string> kConcepts{"entity",
                                      "organization",
                                      "user",
                                      "service",
                                      "victim",
                                      "perpetrator",
                                      "donation",
                                      "exchange",
                                      "wallet_service",
                                      "escrow_wallet",
                                      "ico_wallet",
                                      "filesharing",
                                      "index",
                                      "market",
                                      "messaging_service",
                                      "mixing_service",
                                      "miner",
                                      "mining_service",
                                      "gambling",
                                      "search_engine",
                                      "shop",
                                      "faucet",
                                      "payment_processor",
                                      "atm",
                                      "hosting",
                                      "vpn",
                                      "defi",
                                      "defi_lending",
                                      "defi_dex",
                                      "defi_derivative",
                                      "defi_bridge",
                                      "coinjoin",
                                      "mixing"};

void check_type(const YAML::Node& v, const std::string& type, const std::string& where) {
    INFO(where);
    if (type == "text") {
        REQUIRE(v.IsScalar());
        CHECK_FALSE(v.as<std::string>().empty());
    } else if (type == "boolean") {
        REQUIRE(v.IsScalar());
        bool b = false;
        CHECK(YAML::convert<bool>::decode(v, b));
    } else if (type == "list") {
        CHECK(v.IsSequence());
    }
}

void check_against_schema(const std::string& text) {
    const YAML::Node root = YAML::Load(text);
    REQUIRE(root.IsMap());
    for (const auto& [name, field] : kHeaderFields)
        if (field.mandatory) CHECK(root[name]);
    for (const auto& kv : root) {
        const std::string name = kv.first.as<std::string>();
        INFO("header field " << name);
        REQUIRE((kHeaderFields.count(name) || kTagFields.count(name)));
        check_type(
            kv.second,
            kHeaderFields.count(name) ? kHeaderFields.at(name).type : kTagFields.at(name).type,
            name);
    }
    for (const YAML::Node& tag : root["tags"]) {
        REQUIRE(tag.IsMap());
        for (const auto& [name, field] : kTagFields)
            if (field.mandatory) CHECK((tag[name] || root[name]));
        for (const auto& kv : tag) {
            const std::string name = kv.first.as<std::string>();
            INFO("tag field " << name);
            REQUIRE(kTagFields.count(name));
            check_type(kv.second, kTagFields.at(name).type, name);
        }
        CHECK(kConfidence.count(tag["confidence"].as<std::string>()));
        if (tag["category"]) CHECK(kConcepts.count(tag["category"].as<std::string>()));
    }
}

}  // namespace

TEST_CASE("A trainee's attributions and notes export as a TagPack the schema accepts",
          "[import][tagpack]") {
    const LoadResult loaded = load_scenario_file(
        std::filesystem::path(MT_SOURCE_DIR) / "scenarios" / "ransomware-peel-chain.yaml",
        LedgerCacheOptions{});
    REQUIRE(loaded.ok());
    Session session(loaded.scenario);
    for (const Action& a : loaded.scenario->expert_solution)
        if (a.type != ActionType::Submit) session.apply(a);
    // A note on an address the trainee has not attributed.
    std::string noted;
    for (const auto& [address, known] : session.casefile().addresses)
        if (!known.attribution) noted = address;
    REQUIRE_FALSE(noted.empty());
    REQUIRE(session.apply(annotate_action(noted, "probable change of hop 2", {"change"})).accepted);

    const std::string text =
        import::write_tagpack(session.casefile(), {"Peel chain course", "Ana Trainee", ""});
    check_against_schema(text);
    const YAML::Node root = YAML::Load(text);
    int attributed = 0;
    bool found_note = false;
    for (const YAML::Node& tag : root["tags"]) {
        const std::string address = tag["address"].as<std::string>();
        const KnownAddress& known = session.casefile().addresses.at(address);
        if (known.attribution) {
            ++attributed;
            CHECK(tag["label"].as<std::string>() == known.attribution->name.en);
        }
        if (address == noted) {
            found_note = true;
            CHECK(tag["label"].as<std::string>() == "probable change of hop 2");
            CHECK(tag["confidence"].as<std::string>() == "heuristic");
            CHECK(tag["context"].as<std::string>() == "probable change of hop 2 #change");
        }
    }
    CHECK(attributed > 0);
    CHECK(found_note);

    // Read back as attribution data, every tag survives.
    const auto tags = import::read_tagpack("exported.yaml", text);
    CHECK(static_cast<std::size_t>(attributed + 1) == tags.size());
}

TEST_CASE("A TagPack names the owners of an imported trail's addresses", "[import][tagpack]") {
    testing::TempDir dir;
    const std::string payee4 = "bc1qeqq0qrlgvxem2xg247cu0w8p2824qdccq9pmzs";
    // The header's fields apply to every tag (TagPack convention).
    std::ofstream(dir.path() / "labels.yaml")
        << "title: Known services\ncreator: Unit 7\nsource: https://example.org/report\n"
           "currency: BTC\nnetwork: BTC\nconfidence: service_data\n"
           "tags:\n  - {address: "
        << payee4 << ", label: Bitnova deposit, category: exchange}\n";
    import::ImportOptions o;
    o.exports = import_testing::peel_chain_exports();
    o.exports.push_back(dir.path() / "labels.yaml");
    o.trail.seeds = {import_testing::kRansomAddress};
    o.out_dir = dir.path() / "out";
    o.id = "labelled";
    const import::ImportResult result = import::import_case(o);
    const auto scenario = import_testing::load_written(result);
    const auto address = scenario->ledger.find_address(payee4);
    REQUIRE(address);
    const Entity* owner = scenario->owner_of(*address);
    REQUIRE(owner);
    CHECK(owner->name.en == "Bitnova deposit");
    CHECK(owner->kind == EntityKind::Exchange);
    CHECK(owner->attribution == Disclosure::Lookup);
}

TEST_CASE("A TagPack missing a mandatory field or with an unknown confidence is refused",
          "[import][tagpack]") {
    try {
        import::read_tagpack("t.yaml", "title: x\ntags: []\n");
        FAIL("accepted a TagPack without creator");
    } catch (const mt::import::ImportFailure& e) {
        CHECK(render(e.message(), "en") ==
              "t.yaml:$: the mandatory field 'creator' is missing (TagPack schema)");
    }
    try {
        import::read_tagpack("t.yaml",
                             "title: x\ncreator: y\ntags:\n  - {address: a, label: l, source: s, "
                             "currency: BTC, network: BTC, confidence: sure}\n");
        FAIL("accepted an unknown confidence");
    } catch (const mt::import::ImportFailure& e) {
        CHECK(
            render(e.message(), "en")
                .rfind(
                    "t.yaml:$.tags[0].confidence: 'sure' is not a TagPack confidence; expected one "
                    "of override, ownership",
                    0) == 0);
    }
}

}  // namespace mt
