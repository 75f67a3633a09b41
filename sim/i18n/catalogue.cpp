#include "i18n/catalogue.hpp"

#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "i18n/embedded_catalogues.hpp"

namespace mt {
namespace {

struct Catalogues {
    std::vector<std::string> languages;
    std::vector<Catalogue> catalogues;  // parallel to languages; [0] is English
};

const Catalogues& catalogues() {
    static const Catalogues all = [] {
        Catalogues c;
        // English first: it is the fallback for every other language.
        for (const EmbeddedCatalogue& e : embedded_catalogues()) {
            Catalogue catalogue;
            const std::string error = catalogue.load(e.json, std::string(e.language) + ".json");
            // A broken built-in catalogue is a build mistake; say so and show keys instead of text.
            if (!error.empty()) std::fprintf(stderr, "moneytrail: %s\n", error.c_str());
            const bool english = e.language == std::string_view("en");
            c.languages.insert(english ? c.languages.begin() : c.languages.end(), e.language);
            c.catalogues.insert(english ? c.catalogues.begin() : c.catalogues.end(),
                                std::move(catalogue));
        }
        if (c.languages.empty() || c.languages.front() != "en") {
            c.languages.insert(c.languages.begin(), "en");
            c.catalogues.insert(c.catalogues.begin(), Catalogue{});
        }
        return c;
    }();
    return all;
}

std::size_t index_of(std::string_view language) {
    const auto& langs = catalogues().languages;
    for (std::size_t i = 0; i < langs.size(); ++i)
        if (langs[i] == language) return i;
    return 0;
}

std::size_t& current_index() {
    static std::size_t index = 0;
    return index;
}

std::set<std::string, std::less<>>& missing_keys() {
    static std::set<std::string, std::less<>> missing;
    return missing;
}

}  // namespace

std::string Catalogue::load(std::string_view json_text, std::string_view name) {
    strings_.clear();
    nlohmann::json json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return std::string(name) + ": not valid JSON";
    if (!json.is_object()) return std::string(name) + ": expected an object of key -> text";
    for (const auto& [key, value] : json.items()) {
        if (!value.is_string()) {
            strings_.clear();
            return std::string(name) + ": the value of '" + key + "' must be a string";
        }
        strings_.emplace(key, value.get<std::string>());
    }
    return {};
}

const std::string* Catalogue::find(std::string_view key) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::keys() const {
    std::vector<std::string> out;
    out.reserve(strings_.size());
    for (const auto& entry : strings_) out.push_back(entry.first);
    return out;
}

const std::vector<std::string>& interface_languages() {
    return catalogues().languages;
}

const Catalogue& builtin_catalogue(std::string_view language) {
    return catalogues().catalogues[index_of(language)];
}

void set_interface_language(std::string_view language) {
    current_index() = index_of(language);
}

const std::string& interface_language() {
    return catalogues().languages[current_index()];
}

const char* tr(std::string_view key) {
    const Catalogues& c = catalogues();
    if (const std::string* text = c.catalogues[current_index()].find(key)) return text->c_str();
    if (const std::string* text = c.catalogues[0].find(key)) return text->c_str();
    auto& missing = missing_keys();
    auto it = missing.find(key);
    if (it == missing.end()) it = missing.emplace(key).first;
    return it->c_str();
}

bool has_translation(std::string_view key) {
    const Catalogues& c = catalogues();
    return c.catalogues[current_index()].find(key) || c.catalogues[0].find(key);
}

std::string trf(std::string_view key, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = tr(key);
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        // "{N}" with a single digit N; anything else is copied as written.
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
            pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
            const std::size_t arg = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (arg < args.size()) out += *(args.begin() + arg);
            i += 2;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

const std::set<std::string, std::less<>>& missing_translation_keys() {
    return missing_keys();
}

}  // namespace mt
