#include "i18n/catalogue.hpp"

#include <charconv>
#include <cstdio>
#include <memory>

#include "model/nlohmann_json.hpp"

#include "i18n/embedded_catalogues.hpp"

namespace mt {
namespace {

struct Catalogues {
    std::vector<std::string> languages;
    std::vector<Catalogue> catalogues;  // parallel to languages; [0] is English
};

Catalogues& catalogues() {
    static Catalogues all = [] {
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
        std::string error = add_entry(key, value);
        if (!error.empty()) {
            strings_.clear();
            return std::string(name) + ": " + error;
        }
    }
    return {};
}

std::string Catalogue::add_entry(const std::string& key, const nlohmann::json& value) {
    if (value.is_string()) {
        strings_.emplace(key, Entry{value.get<std::string>(), {}, {}, false});
        return {};
    }
    const std::string expected = "the value of '" + key +
                                 "' must be a text or an object of plural forms "
                                 "{\"one\": ..., \"other\": ...}";
    if (!value.is_object()) return expected;
    Entry entry;
    entry.plural = true;
    for (const auto& [form, text] : value.items()) {
        if (!text.is_string()) return expected;
        if (form == "one")
            entry.one = text.get<std::string>();
        else if (form == "other")
            entry.other = text.get<std::string>();
        else if (form == "zero")
            entry.zero = text.get<std::string>();
        else
            return "'" + key + "' has the plural form '" + form +
                   "'; the forms are zero, one and other";
    }
    if (entry.other.empty() || entry.one.empty())
        return "'" + key + "' needs both the plural forms \"one\" and \"other\"";
    strings_.emplace(key, std::move(entry));
    return {};
}

const std::string* Catalogue::find(std::string_view key) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? nullptr : &it->second.other;
}

const std::string* Catalogue::find(std::string_view key, long long count) const {
    auto it = strings_.find(key);
    if (it == strings_.end()) return nullptr;
    const Entry& e = it->second;
    if (!e.plural) return &e.other;
    // English and Spanish share this rule: exactly one is singular, every other quantity plural.
    if (count == 0 && !e.zero.empty()) return &e.zero;
    return count == 1 ? &e.one : &e.other;
}

bool Catalogue::is_plural(std::string_view key) const {
    auto it = strings_.find(key);
    return it != strings_.end() && it->second.plural;
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

void add_interface_language(const std::string& language, Catalogue catalogue) {
    Catalogues& c = catalogues();
    for (std::size_t i = 0; i < c.languages.size(); ++i)
        if (c.languages[i] == language && i > 0) {
            c.catalogues[i] = std::move(catalogue);
            return;
        }
    c.languages.push_back(language);
    c.catalogues.push_back(std::move(catalogue));
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

namespace {

long long count_of(const Message& message) {
    for (const MessageArg& a : message.args) {
        if (a.name != "count") continue;
        long long n = 0;
        const auto [end, error] =
            std::from_chars(a.value.data(), a.value.data() + a.value.size(), n);
        if (error == std::errc() && end == a.value.data() + a.value.size()) return n;
    }
    return -1;  // no count: the "other" form
}

// The text of `key` for `count` in the language at `language`, else in English, else the key
// itself (recorded as missing).
const std::string& text_of_key(const std::string& key, long long count, std::size_t language) {
    const Catalogues& c = catalogues();
    if (const std::string* text = c.catalogues[language].find(key, count)) return *text;
    if (const std::string* text = c.catalogues[0].find(key, count)) return *text;
    auto& missing = missing_keys();
    auto it = missing.find(key);
    if (it == missing.end()) it = missing.emplace(key).first;
    return *it;
}

const std::string& pattern_of(const Message& message, std::size_t language) {
    return text_of_key(message.key, count_of(message), language);
}

const std::string& arg_text(const MessageArg& arg, std::string_view language) {
    if (auto it = arg.by_language.find(language); it != arg.by_language.end()) return it->second;
    if (auto it = arg.by_language.find("en"); it != arg.by_language.end() && arg.value.empty())
        return it->second;
    return arg.value;
}

// How deep clauses may nest (a journal error whose reason is a refusal whose reason is an
// analysis error); deeper terms are copied as written, so a text that names itself cannot loop.
constexpr int kClauseDepth = 4;

// `pattern` with each "{name}" replaced by the message's argument of that name. A term argument is
// its catalogue text, itself filled from the same arguments (a clause such as a rule that failed,
// with its own numbers), to `depth` levels.
void fill(const std::string& pattern, const Message& message, std::string_view language, int depth,
          std::string& out) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        // "{name}" with a name of the message; any other brace is copied as written.
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i + 1);
            if (close != std::string::npos) {
                const std::string_view name(pattern.data() + i + 1, close - i - 1);
                const MessageArg* arg = nullptr;
                for (const MessageArg& a : message.args)
                    if (a.name == name) arg = &a;
                if (arg && !arg->term.empty()) {
                    const std::string& term =
                        text_of_key(arg->term, count_of(message), index_of(language));
                    if (depth > 0)
                        fill(term, message, language, depth - 1, out);
                    else
                        out += term;
                    i = close;
                    continue;
                }
                if (arg) {
                    out += arg_text(*arg, language);
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
}

}  // namespace

std::string render(const Message& message) {
    return render(message, interface_language());
}

std::string render(const Message& message, std::string_view language) {
    if (message.empty()) return {};  // no message (an accepted action's reason) reads as nothing
    const std::string& pattern = pattern_of(message, index_of(language));
    std::string out;
    out.reserve(pattern.size() + 32);
    fill(pattern, message, language, kClauseDepth, out);
    return out;
}

std::string render_all(const std::vector<Message>& parts, std::string_view separator) {
    return render_all(parts, separator, interface_language());
}

std::string render_all(const std::vector<Message>& parts, std::string_view separator,
                       std::string_view language) {
    std::string out;
    for (const Message& part : parts) {
        if (!out.empty()) out += separator;
        out += render(part, language);
    }
    return out;
}

std::string render_json(const nlohmann::json& message) {
    if (!message.is_object()) return {};
    try {
        return render(message.get<Message>());
    } catch (const nlohmann::json::exception&) {
        return {};
    }
}

const std::set<std::string, std::less<>>& missing_translation_keys() {
    return missing_keys();
}

}  // namespace mt
