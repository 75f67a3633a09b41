#pragma once
// Translation catalogues: every user-facing string of the interface is a key
// ("ui.graph.expand_out") looked up in the English or Spanish catalogue. The catalogues live in
// assets/i18n/*.json and are compiled into the program, so a moved or partial installation still
// speaks both languages.
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/message.hpp"

namespace mt {

// One language's strings: a flat JSON object of key -> text, where a text that depends on a number
// is an object of plural forms, {"one": "1 transaction", "other": "{count} transactions"} (and
// optionally "zero"), chosen by the message argument named "count".
class Catalogue {
  public:
    // Replaces the contents with the strings of `json_text`. Returns an empty string on success, or
    // what was wrong (naming `name` and the offending key); on error the catalogue is left empty.
    std::string load(std::string_view json_text, std::string_view name);

    // The text of `key`; for a plural entry its "other" form.
    const std::string* find(std::string_view key) const;
    // The form of `key` for the quantity `count` (plain entries ignore it).
    const std::string* find(std::string_view key, long long count) const;
    bool is_plural(std::string_view key) const;
    std::vector<std::string> keys() const;
    std::size_t size() const { return strings_.size(); }

  private:
    struct Entry {
        std::string other;  // the plain text, or the plural form for any count not below
        std::string one;    // empty unless the entry has plural forms
        std::string zero;   // optional
        bool plural = false;
    };
    std::string add_entry(const std::string& key, const nlohmann::json& value);

    std::map<std::string, Entry, std::less<>> strings_;
};

// The languages the interface speaks, as codes ("en", "es").
const std::vector<std::string>& interface_languages();

// The catalogue compiled into the program for `language`; English for an unknown code.
const Catalogue& builtin_catalogue(std::string_view language);

// Adds a language at run time (or replaces one other than English). Tests add a pseudo-locale
// whose every text is marked, so words on screen without the marks bypassed the catalogues.
// Texts tr() handed out for a replaced language become invalid.
void add_interface_language(const std::string& language, Catalogue catalogue);

// The language tr() speaks; an unknown code selects English.
void set_interface_language(std::string_view language);
const std::string& interface_language();

// The text of `key` in the interface language, else in English, else the key itself (recorded in
// missing_translation_keys()). The pointer stays valid for the life of the program.
const char* tr(std::string_view key);

// Whether the interface language or English has `key` (for keys built from scenario data).
bool has_translation(std::string_view key);

// tr(key) with "{0}", "{1}", ... replaced by `args`.
std::string trf(std::string_view key, std::initializer_list<std::string_view> args);

// `message` in the interface language, or in `language`: the catalogue text of its key (else the
// English text, else the key itself, recorded in missing_translation_keys()) with each "{name}"
// replaced by the argument of that name. An argument given per language uses that language's text.
// An empty message (no key) renders as an empty text.
// A term argument is its catalogue text, whose own "{name}"s are filled from the same message (a
// clause with its numbers: "{tx} is not a CoinJoin by the rule: {why}.").
std::string render(const Message& message);
std::string render(const Message& message, std::string_view language);
// Several messages rendered and joined by `separator` (a report's sentences by " ", a row's
// details by " · ").
std::string render_all(const std::vector<Message>& parts, std::string_view separator);
std::string render_all(const std::vector<Message>& parts, std::string_view separator,
                       std::string_view language);
// A message in its JSON form ({"key", "args"}, as a server sends it) in the interface language;
// empty when the JSON is not a message.
std::string render_json(const nlohmann::json& message);

// Keys asked for that neither the interface language nor English has (tests look at this).
const std::set<std::string, std::less<>>& missing_translation_keys();

}  // namespace mt
