#include "ui/graph_labels.hpp"

#include <algorithm>
#include <cfloat>
#include <optional>

#include "i18n/catalogue.hpp"
#include "model/money.hpp"
#include "model/short_id.hpp"

namespace mt::ui {
namespace {

float measure(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) words.emplace_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

// Words filled greedily into lines of `width`; nothing when a word alone is too wide or more than
// `max_lines` lines are needed.
std::optional<std::vector<std::string>> wrapped(ImFont* font, float size,
                                                const std::vector<std::string>& words, float width,
                                                int max_lines) {
    std::vector<std::string> lines;
    for (const std::string& word : words) {
        if (!lines.empty() && measure(font, size, lines.back() + " " + word) <= width) {
            lines.back() += " " + word;
            continue;
        }
        if (measure(font, size, word) > width) return std::nullopt;
        lines.push_back(word);
        if (static_cast<int>(lines.size()) > max_lines) return std::nullopt;
    }
    return lines;
}

// The length in bytes of the UTF-8 sequence `lead` starts.
std::size_t sequence_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// "Regional" -> "R.": a middle word of a name shortened to its initial.
bool abbreviable(const std::string& word) {
    const unsigned char lead = static_cast<unsigned char>(word.front());
    return word.size() > 3 && word.back() != '.' && sequence_length(lead) < word.size();
}

std::string initial(const std::string& word) {
    return word.substr(0, sequence_length(static_cast<unsigned char>(word.front()))) + ".";
}

}  // namespace

std::string fit_to(ImFont* font, float size, std::string_view text, float width) {
    if (measure(font, size, text) <= width) return std::string(text);
    std::size_t keep = text.size();
    while (keep > 0) {
        --keep;
        while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
        std::string out = std::string(text.substr(0, keep)) + "…";
        if (measure(font, size, out) <= width) return out;
    }
    return "…";
}

std::string fit_id_to(ImFont* font, float size, const std::string& id, float width) {
    std::size_t keep = std::min<std::size_t>(id.size(), 18);
    while (keep > 8 && measure(font, size, short_id(id, keep)) > width) --keep;
    return short_id(id, keep);
}

std::vector<std::string> name_lines(ImFont* font, float size, std::string_view name, float width,
                                    int max_lines) {
    std::vector<std::string> words = words_of(name);
    if (words.empty()) return {std::string(name)};
    if (auto lines = wrapped(font, size, words, width, max_lines)) return *lines;
    // Without a trailing parenthesis, when something is left.
    if (words.size() > 1 && words.back().back() == ')') {
        std::vector<std::string> kept = words;
        while (kept.size() > 1 && kept.back().front() != '(') kept.pop_back();
        if (kept.size() > 1 && kept.back().front() == '(') {
            kept.pop_back();
            words = kept;
            if (auto lines = wrapped(font, size, words, width, max_lines)) return *lines;
        }
    }
    // Middle words shortened to their initial, the longest first; the first and last stay whole.
    while (words.size() > 2) {
        auto longest = words.end();
        for (auto it = words.begin() + 1; it + 1 != words.end(); ++it)
            if (abbreviable(*it) && (longest == words.end() || it->size() > longest->size()))
                longest = it;
        if (longest == words.end()) break;
        *longest = initial(*longest);
        if (auto lines = wrapped(font, size, words, width, max_lines)) return *lines;
    }
    // Cut: the words that fit on the first lines, the rest cut on the last one.
    std::vector<std::string> lines;
    std::size_t next = 0;
    while (next < words.size() && static_cast<int>(lines.size()) < max_lines - 1) {
        std::string line = words[next];
        if (measure(font, size, line) > width) break;
        ++next;
        while (next < words.size() && measure(font, size, line + " " + words[next]) <= width)
            line += " " + words[next++];
        lines.push_back(line);
    }
    std::string rest;
    for (std::size_t i = next; i < words.size(); ++i) rest += (rest.empty() ? "" : " ") + words[i];
    if (!rest.empty()) lines.push_back(fit_to(font, size, rest, width));
    return lines;
}

std::string joined_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
    return out;
}

std::string usd_value_text(std::int64_t cents) {
    const std::int64_t value = std::max<std::int64_t>(cents, 0);  // prices are never negative
    std::string amount;
    if (value >= 1000)  // rounded to the dollar: a price is a day's quote, not a cent's
        amount = group_thousands(std::to_string(value / 100 + (value % 100 >= 50 ? 1 : 0)));
    else
        amount = std::to_string(value / 100) + (value % 100 < 10 ? ".0" : ".") +
                 std::to_string(value % 100);
    return render(Message("ui.graph.usd_value").arg("amount", amount));
}

}  // namespace mt::ui
