// The English and Spanish catalogues: same keys, same placeholders, and every key the interface
// asks for present in both.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "model/casefile.hpp"
#include "model/score.hpp"
#include "ui/format.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json catalogue_json(const std::string& language) {
    const fs::path path = fs::path(MT_SOURCE_DIR) / "assets" / "i18n" / (language + ".json");
    INFO(path.string());
    REQUIRE(fs::exists(path));
    return nlohmann::json::parse(read_file(path));
}

std::set<std::string> keys_of(const nlohmann::json& json) {
    std::set<std::string> keys;
    for (const auto& item : json.items()) keys.insert(item.key());
    return keys;
}

// "{0}", "{service}", ... in a text.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        const bool identifier =
            !name.empty() &&
            name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
        if (identifier) out.insert(name);
    }
    return out;
}

// The texts of a catalogue value: the text itself, or each of its plural forms.
std::vector<std::string> texts_of(const nlohmann::json& value) {
    if (value.is_string()) return {value.get<std::string>()};
    std::vector<std::string> out;
    if (value.is_object())
        for (const auto& form : value.items()) out.push_back(form.value().get<std::string>());
    return out;
}

// Every placeholder any form of a catalogue value uses.
std::set<std::string> placeholders_of(const nlohmann::json& value) {
    std::set<std::string> out;
    for (const std::string& text : texts_of(value)) out.merge(placeholders(text));
    return out;
}

bool is_key_text(const std::string& text) {
    if (text.empty() || text.back() == '.') return false;
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
            return false;
    return true;
}

// Every string literal of the sources in `folder` that is a key with one of `prefixes` ("ui.").
std::set<std::string> keys_used_in(const fs::path& folder,
                                   const std::vector<std::string>& prefixes) {
    std::set<std::string> keys;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        const std::string text = read_file(entry.path());
        for (std::size_t open = text.find('"'); open != std::string::npos;) {
            const std::size_t close = text.find('"', open + 1);
            if (close == std::string::npos) break;
            const std::string literal = text.substr(open + 1, close - open - 1);
            for (const std::string& prefix : prefixes)
                if (literal.rfind(prefix + ".", 0) == 0 && is_key_text(literal))
                    keys.insert(literal);
            open = text.find('"', close + 1);
        }
    }
    return keys;
}

template <typename Enum>
void require_enum_keys(const std::set<std::string>& keys) {
    for (Enum value : mt::all_values<Enum>()) {
        const std::string key = mt::ui::key_of(value);
        INFO(key);
        CHECK(keys.count(key) == 1);
    }
}

}  // namespace

TEST_CASE("English and Spanish catalogues have the same keys and placeholders", "[i18n]") {
    const auto en = catalogue_json("en");
    const auto es = catalogue_json("es");
    REQUIRE(en.is_object());
    REQUIRE(es.is_object());
    const auto en_keys = keys_of(en);
    const auto es_keys = keys_of(es);
    for (const auto& key : en_keys) {
        INFO("missing in es.json: " << key);
        CHECK(es_keys.count(key) == 1);
    }
    for (const auto& key : es_keys) {
        INFO("missing in en.json: " << key);
        CHECK(en_keys.count(key) == 1);
    }
    for (const auto& key : en_keys) {
        if (!es.contains(key)) continue;
        INFO(key);
        REQUIRE_FALSE(texts_of(en[key]).empty());
        REQUIRE_FALSE(texts_of(es[key]).empty());
        for (const std::string& text : texts_of(en[key])) CHECK_FALSE(text.empty());
        for (const std::string& text : texts_of(es[key])) CHECK_FALSE(text.empty());
        CHECK(placeholders_of(en[key]) == placeholders_of(es[key]));
    }
}

TEST_CASE("every key the interface and platform use is in both catalogues", "[i18n]") {
    const fs::path sim = fs::path(MT_SOURCE_DIR) / "sim";
    std::set<std::string> used = keys_used_in(sim / "ui", {"ui", "action", "lang", "report"});
    if (fs::exists(sim / "platform"))
        used.merge(keys_used_in(sim / "platform", {"platform", "app", "ui"}));
    if (fs::exists(sim / "web")) used.merge(keys_used_in(sim / "web", {"web", "ui"}));
    // The command line, the generator's and the journal's errors, the seminar's console lines.
    const std::vector<std::string> command_line = {"cli", "serve", "generate", "journal", "import"};
    for (const char* folder : {"app", "generate", "session", "seminar", "import"})
        if (fs::exists(sim / folder)) used.merge(keys_used_in(sim / folder, command_line));
    // The case loader's diagnostics.
    used.merge(keys_used_in(sim / "scenario", {"case_error"}));
    // The JSON reader's errors (model/json.cpp).
    used.merge(keys_used_in(sim / "knowledge", {"json_error"}));
    REQUIRE(used.size() > 100);
    for (const std::string language : {"en", "es"}) {
        const auto keys = keys_of(catalogue_json(language));
        for (const auto& key : used) {
            INFO(language << ".json lacks " << key);
            CHECK(keys.count(key) == 1);
        }
    }
}

TEST_CASE("every value of the domain vocabularies has a label", "[i18n]") {
    for (const std::string language : {"en", "es"}) {
        INFO(language);
        const auto keys = keys_of(catalogue_json(language));
        require_enum_keys<mt::EntityKind>(keys);
        require_enum_keys<mt::Instrument>(keys);
        require_enum_keys<mt::RecordKind>(keys);
        require_enum_keys<mt::Direction>(keys);
        require_enum_keys<mt::AnalysisTool>(keys);
        require_enum_keys<mt::TaintMethod>(keys);
        for (mt::Instrument i : mt::all_values<mt::Instrument>())
            CHECK(keys.count(mt::ui::key_of(i) + ".help") == 1);
        for (mt::TaintMethod m : mt::all_values<mt::TaintMethod>())
            CHECK(keys.count(mt::ui::key_of(m) + ".help") == 1);
        using mt::RequestStatus, mt::TimelineKind, mt::PenaltyKind;
        for (auto v : {RequestStatus::Pending, RequestStatus::Fulfilled, RequestStatus::Declined,
                       RequestStatus::Frozen, RequestStatus::NothingFound})
            CHECK(keys.count(mt::ui::key_of(v)) == 1);
        for (auto v : {TimelineKind::Action, TimelineKind::Response, TimelineKind::Event,
                       TimelineKind::Message, TimelineKind::Checkpoint})
            CHECK(keys.count(mt::ui::key_of(v)) == 1);
        for (auto v : mt::all_values<mt::PenaltyKind>()) {
            CHECK(keys.count(mt::ui::key_of(v)) == 1);
            CHECK(keys.count("penalty_rule." + std::string(name_of(v))) == 1);
        }
    }
}

TEST_CASE("the engine's rejection reasons are translated", "[i18n]") {
    // The session sends reason keys ("reject.unknown_address"); each must read well in both
    // languages.
    const fs::path session = fs::path(MT_SOURCE_DIR) / "sim" / "session";
    if (!fs::exists(session)) return;
    const auto used = keys_used_in(session, {"reject"});
    for (const std::string language : {"en", "es"}) {
        const auto keys = keys_of(catalogue_json(language));
        for (const auto& key : used) {
            INFO(language << ".json lacks " << key);
            CHECK(keys.count(key) == 1);
        }
    }
}

TEST_CASE("the compiled-in catalogues are the files", "[i18n]") {
    for (const std::string language : {"en", "es"}) {
        const auto json = catalogue_json(language);
        const mt::Catalogue& built_in = mt::builtin_catalogue(language);
        CHECK(built_in.size() == json.size());
        for (const auto& item : json.items()) {
            const std::string* text = built_in.find(item.key());
            REQUIRE(text);
            if (item.value().is_string())
                CHECK(*text == item.value().get<std::string>());
            else
                CHECK(*text == item.value().at("other").get<std::string>());
        }
    }
    CHECK(mt::interface_languages().front() == "en");
    CHECK(mt::interface_languages().size() >= 2);
}

TEST_CASE("tr speaks the chosen language, falls back to English, then to the key", "[i18n]") {
    mt::set_interface_language("es");
    CHECK(std::string(mt::tr("ui.common.cancel")) == "Cancelar");
    CHECK(mt::interface_language() == "es");
    mt::set_interface_language("en");
    CHECK(std::string(mt::tr("ui.common.cancel")) == "Cancel");
    mt::set_interface_language("xx");  // unknown: English
    CHECK(mt::interface_language() == "en");
    CHECK(std::string(mt::tr("no.such.key")) == "no.such.key");
    CHECK(mt::missing_translation_keys().count("no.such.key") == 1);
    CHECK(mt::trf("ui.debrief.total", {"47", "100", "47"}) == "47 of 100 points (47%)");
    mt::set_interface_language("es");
    CHECK(mt::trf("ui.debrief.total", {"47", "100", "47"}) == "47 de 100 puntos (47%)");
    mt::set_interface_language("en");
}

TEST_CASE("a malformed catalogue is reported by name and key, not thrown", "[i18n]") {
    mt::Catalogue catalogue;
    CHECK(catalogue.load("{ not json", "broken.json") == "broken.json: not valid JSON");
    CHECK(catalogue.load("[1, 2]", "list.json") == "list.json: expected an object of key -> text");
    CHECK(catalogue.load(R"({"a": "x", "b": 3})", "typed.json") ==
          "typed.json: the value of 'b' must be a text or an object of plural forms "
          "{\"one\": ..., \"other\": ...}");
    CHECK(catalogue.load(R"({"a": {"one": "x"}})", "half.json") ==
          "half.json: 'a' needs both the plural forms \"one\" and \"other\"");
    CHECK(catalogue.load(R"({"a": {"one": "x", "other": "y", "few": "z"}})", "few.json") ==
          "few.json: 'a' has the plural form 'few'; the forms are zero, one and other");
    CHECK(catalogue.size() == 0);
    CHECK(catalogue.load(R"({"a": "x"})", "ok.json").empty());
    REQUIRE(catalogue.find("a"));
    CHECK(*catalogue.find("a") == "x");
}
