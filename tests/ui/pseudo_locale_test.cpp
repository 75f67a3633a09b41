// Every word of the interface comes from the catalogues: the views run in a pseudo-locale whose
// every catalogue text is bracketed with marks (‹…›), over the shipped cases, and the words read
// back from the screen must be marked, case text (words of the case file), identifiers from the
// chain, or numbers. An English word, an internal id ("freeze_request", "hop1-change") or a slug
// shown raw fails, naming the view and the word.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "forensics/analysis.hpp"
#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "recording_host.hpp"
#include "scenario/loader.hpp"
#include "screen_text.hpp"
#include "shipped_cases.hpp"
#include "ui/widgets.hpp"

using namespace mt;
using namespace mt::test;

namespace {

constexpr unsigned kOpen = 0x2039;   // ‹
constexpr unsigned kClose = 0x203A;  // ›
const std::string kOpenText = "\u2039";
const std::string kCloseText = "\u203A";

// The literal parts of a catalogue text bracketed, the "{name}" placeholders left outside, so an
// argument shows unmarked and is judged on its own.
std::string marked(const std::string& text) {
    std::string out;
    std::string literal;
    const auto flush = [&] {
        if (!literal.empty()) out += kOpenText + literal + kCloseText;
        literal.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        if (close != std::string::npos && close - i < 24 &&
            text.find(' ', i) > close) {  // "{0}", "{count}"
            flush();
            out += text.substr(i, close - i + 1);
            i = close;
            continue;
        }
        literal += text[i];
    }
    flush();
    return out;
}

void install_pseudo_locale() {
    const Catalogue& english = builtin_catalogue("en");
    nlohmann::json json = nlohmann::json::object();
    for (const std::string& key : english.keys()) {
        if (english.is_plural(key)) {
            json[key] = {{"one", marked(*english.find(key, 1))},
                         {"other", marked(*english.find(key, 7))},
                         {"zero", marked(*english.find(key, 0))}};
        } else {
            json[key] = marked(*english.find(key));
        }
    }
    Catalogue pseudo;
    REQUIRE(pseudo.load(json.dump(), "xx.json").empty());
    add_interface_language("xx", std::move(pseudo));
}

std::string trimmed(const std::string& word) {
    // Punctuation around a word is not a word: "(USDT", "issuer)", "Bitnova:".
    const std::string punctuation = "()[]{}.,;:!?¡¿\"'«»“”‘’/·…+-=<>|*#%$→←✓✗○●×";
    std::size_t a = 0, b = word.size();
    while (a < b && punctuation.find(word[a]) != std::string::npos) ++a;
    while (b > a && punctuation.find(word[b - 1]) != std::string::npos) --b;
    // Multi-byte punctuation at the ends.
    for (const std::string p : {"…", "→", "←", "·", "“", "”", "«", "»", "¿", "¡"}) {
        while (b - a >= p.size() && word.compare(a, p.size(), p) == 0) a += p.size();
        while (b - a >= p.size() && word.compare(b - p.size(), p.size(), p) == 0) b -= p.size();
    }
    return word.substr(a, b - a);
}

void add_words(const std::string& text, std::set<std::string>& words) {
    std::string word;
    const auto flush = [&] {
        const std::string w = trimmed(word);
        word.clear();
        if (w.empty()) return;
        words.insert(w);
        // "sub-account's" may show as "sub-account" or cut at the hyphen.
        std::size_t from = 0;
        for (std::size_t dash = w.find('-'); dash != std::string::npos; dash = w.find('-', from)) {
            words.insert(trimmed(w.substr(from, dash - from)));
            from = dash + 1;
        }
        if (from > 0) words.insert(trimmed(w.substr(from)));
    };
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '"') {
            flush();
        } else {
            word += c;
        }
    }
    flush();
}

// Case text: the words of every text the case file gives in a language ("en:", "es:") and the
// names it gives things. Identifiers and slugs elsewhere in the file are not case text.
void collect_case_text(const YAML::Node& node, std::set<std::string>& words) {
    if (node.IsSequence()) {
        for (const YAML::Node& item : node) collect_case_text(item, words);
    } else if (node.IsMap()) {
        for (const auto& entry : node) {
            const std::string key = entry.first.as<std::string>("");
            if (entry.second.IsScalar() && (key == "en" || key == "es" || key == "name"))
                add_words(entry.second.as<std::string>(), words);
            else
                collect_case_text(entry.second, words);
        }
    }
}

std::set<std::string> case_words(const std::string& yaml) {
    std::set<std::string> words;
    collect_case_text(YAML::Load(yaml), words);
    return words;
}

// Texts the engine still writes in both languages itself ({"en", "es"} in the casefile): their
// words are the engine's to convert to message ids, and are passed here until it does; then they
// leave the casefile and are checked like every other word on screen.
void collect_engine_text(const nlohmann::json& json, std::set<std::string>& words) {
    if (json.is_object()) {
        if (json.contains("en") && json.contains("es") && json["en"].is_string()) {
            add_words(json["en"].get<std::string>(), words);
            add_words(json["es"].get<std::string>(), words);
            return;
        }
        for (const auto& item : json.items()) collect_engine_text(item.value(), words);
    } else if (json.is_array()) {
        for (const auto& item : json) collect_engine_text(item, words);
    }
}

// What a view may show of a case: its text, the engine's bilingual texts, its chain identifiers.
struct CaseVocabulary {
    std::set<std::string> words;
    std::set<std::string> engine_words;
    std::vector<std::string> identifiers;  // addresses and transaction ids
};

CaseVocabulary vocabulary(const ShippedCase& shipped) {
    CaseVocabulary v;
    v.words = case_words(shipped.yaml);
    for (const Casefile* c : {&shipped.working, &shipped.done}) {
        collect_engine_text(to_json(*c), v.engine_words);
        for (const auto& [id, known] : c->addresses) v.identifiers.push_back(id);
        for (const auto& [id, known] : c->transactions) v.identifiers.push_back(id);
    }
    return v;
}

// Why a word read unmarked on screen is not allowed there, or empty when it is.
std::string unmarked_problem(const ScreenWord& word, const CaseVocabulary& vocabulary) {
    const std::set<std::string>& case_text = vocabulary.words;
    if (!word.any_unmarked_letter) return {};
    std::string unmarked;
    for (std::size_t i = 0, cp = 0; i < word.text.size(); ++cp) {
        std::size_t len = 1;
        const unsigned char c = static_cast<unsigned char>(word.text[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (cp < word.marked.size() && !word.marked[cp]) unmarked += word.text.substr(i, len);
        i += len;
    }
    // An identifier shortened in the middle ("bc1q5t8h8f…wkam"), perhaps beside an amount.
    if (const std::size_t cut = unmarked.find("…"); cut != std::string::npos) {
        std::string rest = unmarked.substr(0, cut) + unmarked.substr(cut + std::string("…").size());
        if (rest.find_first_not_of(
                "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,") ==
            std::string::npos)
            return {};
    }
    const std::string w = trimmed(unmarked);
    if (w.empty() || vocabulary.engine_words.count(w)) return {};
    // Durations: "45m", "3h", "2d".
    if (w.size() >= 2 && (w.back() == 'm' || w.back() == 'h' || w.back() == 'd') &&
        w.find_first_not_of("0123456789") == w.size() - 1)
        return {};
    if (w.find('_') != std::string::npos) return "internal id";
    if (case_text.count(w)) return {};
    // Part of a case word: a name cut at the edge of its box (the layout test judges the cut).
    if (w.size() >= 2)
        for (const std::string& known : case_text)
            if (known.find(w) != std::string::npos) return {};
    bool upper = true, alnum = true;
    for (char c : w) {
        if (c >= 'a' && c <= 'z') upper = false;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            alnum = false;
    }
    if (upper && w.size() <= 6) return {};  // BTC, USDT, UTC
    if (alnum)  // part of an address or hash, perhaps cut at the edge of its box
        for (const std::string& id : vocabulary.identifiers)
            if (id.find(w) != std::string::npos) return {};
    if (w.find('-') != std::string::npos) return "internal id?";
    return "not from the catalogue";
}

}  // namespace

TEST_CASE("every word on every view comes from the catalogues or the case", "[ui][i18n]") {
    install_pseudo_locale();
    set_interface_language("xx");
    REQUIRE(interface_language() == "xx");
    std::map<std::string, std::string> problems;  // word and why -> first view
    const std::vector<ShippedCase>& cases = shipped_cases();
    CaseVocabulary all_cases;
    for (const ShippedCase& shipped : cases)
        for (const std::string& w : case_words(shipped.yaml)) all_cases.words.insert(w);

    RecordingHost host;
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host, 1920.0f, 1080.0f);
    use_program_fonts(1.0f);
    const auto check = [&](const std::string& where, const CaseVocabulary& words) {
        const std::vector<ScreenWord> shown = screen_words(kOpen, kClose);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const ScreenWord& w = shown[i];
            if (const std::string why = unmarked_problem(w, words); !why.empty()) {
                // The words around it, to find where it was drawn.
                std::string context;
                for (std::size_t j = i > 4 ? i - 4 : 0; j < std::min(shown.size(), i + 5); ++j)
                    context += shown[j].text + " ";
                problems.try_emplace("\"" + w.text + "\" (" + why + ")",
                                     where + " [" + context + "]");
            }
        }
    };

    host.choices = case_choices();
    driver.frames(3);
    check("case picker", all_cases);

    constexpr std::pair<const char*, const char*> kTabPairs[] = {{"briefing", "inspector"},
                                                                 {"checkpoints", "tools"},
                                                                 {"hints", "legal"},
                                                                 {"timeline", "documents"}};
    for (const ShippedCase& shipped : cases) {
        const CaseVocabulary words = vocabulary(shipped);
        for (const Casefile* casefile : {&shipped.working, &shipped.done}) {
            host.case_open = *casefile;
            view.state().show_debrief = false;
            for (const auto& [left, right] : kTabPairs) {
                view.state().left_tab = left;
                view.state().right_tab = right;
                if (!casefile->addresses.empty())
                    view.state().selection = {ui::Selection::Kind::Address,
                                              casefile->addresses.begin()->first};
                driver.frames(2);
                check(shipped.file + " " + left + "/" + right, words);
                if (!casefile->transactions.empty()) {
                    view.state().selection = {ui::Selection::Kind::Transaction,
                                              casefile->transactions.begin()->first};
                    driver.frames(2);
                    check(shipped.file + " transaction inspector", words);
                }
            }
        }
        view.state().show_debrief = true;
        driver.frames(2);
        check(shipped.file + " debrief", words);
    }
    ui::set_fonts({});
    set_interface_language("en");
    INFO(list_problems(problems));
    CHECK(problems.empty());
    CHECK(missing_translation_keys().empty());
}

namespace {

// The words of a rendered text, split at spaces, with the pseudo-locale's marks taken out and
// remembered per code point (as screen_words() reads them off the screen).
std::vector<ScreenWord> text_words(const std::string& text) {
    std::vector<ScreenWord> words;
    ScreenWord word;
    bool inside = false;
    const auto flush = [&] {
        if (!word.text.empty()) words.push_back(word);
        word = ScreenWord{};
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        const std::string glyph = text.substr(i, len);
        i += len;
        if (glyph == kOpenText || glyph == kCloseText) {
            inside = glyph == kOpenText;
            continue;
        }
        if (glyph == " " || glyph == "\n") {
            flush();
            continue;
        }
        word.text += glyph;
        word.marked.push_back(inside);
        if (!inside && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0))
            word.any_unmarked_letter = true;
    }
    flush();
    return words;
}

}  // namespace

// The timeline the engine writes for a whole session (each shipped case's expert path: requests
// sent and answered, questions answered, addresses and transactions explored, lookups, analyses,
// the case's events), rendered entry by entry in the pseudo-locale. Only case text, chain
// identifiers and numbers may stand outside the marks: an instrument id ("freeze_request"), an
// option id ("hop1-change"), a request id ("req-1") or an English word built by the engine fails.
TEST_CASE("every timeline entry of a session is worded by the catalogues", "[ui][i18n]") {
    install_pseudo_locale();
    std::map<std::string, std::string> problems;  // word and why -> case and entry
    std::set<std::string> kinds_seen;
    // The jurisdiction packs' texts (instrument names) are case text too.
    std::set<std::string> pack_words;
    for (const auto& file : std::filesystem::directory_iterator(
             std::filesystem::path(MT_SOURCE_DIR) / "assets" / "jurisdictions")) {
        if (file.path().extension() != ".yaml") continue;
        std::ifstream in(file.path());
        std::ostringstream text;
        text << in.rdbuf();
        for (const std::string& w : case_words(text.str())) pack_words.insert(w);
    }
    for (const ShippedCase& shipped : shipped_cases()) {
        CaseVocabulary words = vocabulary(shipped);
        words.words.insert(pack_words.begin(), pack_words.end());
        words.engine_words.clear();  // the timeline is judged on its own, never exempted
        for (const TimelineEntry& entry : shipped.done.timeline) {
            kinds_seen.insert(entry.text.key);
            const std::string shown = render(entry.text, "xx");
            for (const ScreenWord& w : text_words(shown))
                if (const std::string why = unmarked_problem(w, words); !why.empty())
                    problems.try_emplace("\"" + w.text + "\" (" + why + ")",
                                         shipped.file + ": " + shown);
        }
    }
    INFO(list_problems(problems));
    CHECK(problems.empty());
    // The session went through every kind of step the defect was seen in.
    for (const char* key : {"timeline.request_sent", "timeline.request_answered",
                            "timeline.answered", "timeline.explored_address",
                            "timeline.explored_transaction", "timeline.decision_needed"}) {
        INFO(key);
        CHECK(kinds_seen.count(key) == 1);
    }
    CHECK(missing_translation_keys().empty());
}

TEST_CASE("timeline counts are real plurals and instruments read as their names", "[ui][i18n]") {
    const auto explored = [](int count) {
        return Message("timeline.explored_address")
            .arg("address", "bc1qxy…x0wlh")
            .term("direction", "direction.in")
            .arg("count", count);
    };
    CHECK(render(explored(1), "es") == "Exploraste bc1qxy…x0wlh (entradas): 1 transacción");
    CHECK(render(explored(3), "es") == "Exploraste bc1qxy…x0wlh (entradas): 3 transacciones");
    CHECK(render(explored(1), "en") == "Explored bc1qxy…x0wlh (inputs): 1 transaction");
    const Message sent = Message("timeline.request_sent")
                             .arg("number", 2)
                             .term("instrument", "instrument.freeze_request")
                             .arg("service", LocalizedText{"Bitnova exchange", "casa Bitnova"});
    CHECK(render(sent, "es") == "Solicitud 2 enviada a casa Bitnova: Solicitud de congelamiento");
    CHECK(render(sent, "en") == "Request 2 sent to Bitnova exchange: Freeze request");
    // On the wire the instrument stays a term, worded by each client in its own language.
    const nlohmann::json wire = sent;
    CHECK(wire["args"]["instrument"] == nlohmann::json{{"term", "instrument.freeze_request"}});
    const Message back = wire.get<Message>();
    REQUIRE(back.find("instrument"));
    CHECK(back.find("instrument")->term == "instrument.freeze_request");
    CHECK(render(back, "es") == render(sent, "es"));
}

// The forensic reports, rendered in the pseudo-locale: every tool (and every taint method) run on
// addresses, transactions and outputs of each shipped case, and the errors of bad targets. Only
// case text, chain identifiers, amounts and numbers may stand outside the marks: an English or
// Spanish word built by the engine fails, naming the case and the text.
TEST_CASE("every forensic report and analysis error is worded by the catalogues", "[ui][i18n]") {
    install_pseudo_locale();
    std::map<std::string, std::string> problems;  // word and why -> case and text
    std::set<std::string> keys_seen;
    const auto judge = [&](const std::string& where, const std::vector<Message>& parts,
                           const char* separator, const CaseVocabulary& words) {
        for (const Message& m : parts) keys_seen.insert(m.key);
        const std::string shown = render_all(parts, separator, "xx");
        for (const ScreenWord& w : text_words(shown)) {
            // An output named "<tx id>:<index>" is a chain identifier too.
            const std::size_t colon = w.text.rfind(':');
            if (colon != std::string::npos && colon + 1 < w.text.size() &&
                w.text.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                std::count(words.identifiers.begin(), words.identifiers.end(),
                           w.text.substr(0, colon)) > 0)
                continue;
            if (const std::string why = unmarked_problem(w, words); !why.empty())
                problems.try_emplace("\"" + w.text + "\" (" + why + ")", where + ": " + shown);
        }
    };
    for (const ShippedCase& shipped : shipped_cases()) {
        const LoadResult loaded =
            load_scenario_file(std::filesystem::path(MT_SOURCE_DIR) / "scenarios" / shipped.file);
        REQUIRE(loaded.ok());
        const Ledger& ledger = loaded.scenario->ledger;
        CaseVocabulary words = vocabulary(shipped);
        words.engine_words.clear();  // reports are judged on their own, never exempted
        for (std::size_t a = 0; a < ledger.address_count(); ++a)
            words.identifiers.emplace_back(ledger.address_text(static_cast<AddressId>(a)).str());
        for (std::size_t t = 0; t < ledger.transaction_count(); ++t)
            words.identifiers.emplace_back(ledger.transaction_id(static_cast<TxIndex>(t)).str());
        std::vector<std::string> targets = {"", "nonsense"};
        for (const auto& [id, known] : shipped.done.addresses) {
            if (targets.size() >= 8) break;
            targets.push_back(id);
        }
        for (const auto& [id, known] : shipped.done.transactions) {
            if (targets.size() >= 12) break;
            targets.push_back(id);
            targets.push_back(id + ":0");
            targets.push_back(id + ":99");
        }
        REQUIRE(targets.size() > 2);
        targets.push_back(targets[2] + "@");
        targets.push_back(targets[2] + "@0.5");
        // What the trainee typed is shown back as typed.
        words.words.insert(targets.begin(), targets.end());
        for (const std::string& target : targets)
            for (AnalysisTool tool : all_values<AnalysisTool>())
                for (TaintMethod method : all_values<TaintMethod>()) {
                    if (tool != AnalysisTool::Taint && method != TaintMethod::Haircut) continue;
                    AnalysisRequest request;
                    request.tool = tool;
                    request.method = method;
                    request.target = target;
                    request.until = shipped.done.now;
                    const AnalysisOutcome out = run_analysis(ledger, request);
                    const std::string where = shipped.file + " " + std::string(name_of(tool)) +
                                              " " + std::string(name_of(method)) + " " + target;
                    if (!out.report) {
                        judge(where, {out.error}, " ", words);
                        continue;
                    }
                    judge(where, out.report->summary, " ", words);
                    for (const AnalysisRow& row : out.report->rows)
                        judge(where, row.detail, " · ", words);
                }
    }
    INFO(list_problems(problems));
    CHECK(problems.empty());
    // The reports went through each tool's wording and the errors of bad targets.
    for (const char* key :
         {"forensic.taint.reached", "forensic.cluster.summary", "forensic.coinjoin.not_coinjoin",
          "forensic.flow.summary", "forensic.target.unknown", "forensic.target.no_such_output",
          "forensic.target.empty"}) {
        INFO(key);
        CHECK(keys_seen.count(key) == 1);
    }
    CHECK(missing_translation_keys().empty());
}
