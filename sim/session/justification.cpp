// A justification must say why this service, these identifiers and this instrument: a bare word
// ("ransomware") would be refused by a court or a compliance desk. What it must cite is the case's
// rule; the matching is textual, as a reviewer skimming the request would do it.
#include "session/justification.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace mt {
namespace {

// Consecutive characters of an identifier that count as citing it ("bc1q5t8h8f..." in a letter).
constexpr std::size_t kIdentifierRun = 10;

// Lower case without accents, so "ARTÍCULO 229" cites "artículo 229" and "articulo 229": Latin-1
// letters (UTF-8 C3 80..BF) fold to their base letter; other characters are kept as written.
std::string folded(std::string_view text) {
    // The base letters of U+00C0..U+00FF; '\0' where there is none (×, ÷, ß, Ð, Þ...).
    constexpr char kBase[] =
        "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
    static_assert(sizeof kBase == 64 + 1);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF && kBase[next - 0x80] != '\0') {
                out += kBase[next - 0x80];
                ++i;
                continue;
            }
        }
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

std::size_t code_points(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return 0;
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The text names `identifier` in full, or a run of kIdentifierRun of its characters (letters
// abbreviate long addresses and hashes).
bool cites(const std::string& text, std::string_view identifier) {
    const std::string id = folded(identifier);
    if (id.size() <= kIdentifierRun) return text.find(id) != std::string::npos;
    for (std::size_t i = 0; i + kIdentifierRun <= id.size(); ++i)
        if (text.find(std::string_view(id).substr(i, kIdentifierRun)) != std::string::npos)
            return true;
    return false;
}

bool cites_evidence(const SessionContext& ctx, const std::string& text) {
    for (const auto& [txid, known] : ctx.casefile.transactions)
        if (cites(text, txid)) return true;
    for (const LegalRequestFile& file : ctx.casefile.requests) {
        if (file.status == RequestStatus::Pending) continue;
        // "req-1" must not match inside "req-12".
        const std::string id = folded(file.id);
        for (auto at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
            const std::size_t end = at + id.size();
            if (end == text.size() || !std::isdigit(static_cast<unsigned char>(text[end])))
                return true;
        }
        for (const ObtainedRecord& r : file.records)
            if (text.find(folded(r.id)) != std::string::npos) return true;
    }
    return false;
}

bool applies_to(const JustificationRule& rule, Instrument instrument) {
    return rule.instruments.empty() || std::find(rule.instruments.begin(), rule.instruments.end(),
                                                 instrument) != rule.instruments.end();
}

}  // namespace

JustificationGap justification_gap(const SessionContext& ctx, const Action& request) {
    const JustificationRule& rule = ctx.scenario.rubric.justification;
    if (code_points(request.text) < static_cast<std::size_t>(rule.min_characters))
        return JustificationGap::TooShort;
    if (!applies_to(rule, request.instrument)) return JustificationGap::None;
    const std::string text = folded(request.text);
    for (JustificationElement element : rule.cite) {
        switch (element) {
            case JustificationElement::Identifier:
                if (std::none_of(request.identifiers.begin(), request.identifiers.end(),
                                 [&](const std::string& id) { return cites(text, id); }))
                    return JustificationGap::Identifier;
                break;
            case JustificationElement::Basis:
                if (std::none_of(rule.bases.begin(), rule.bases.end(), [&](const std::string& b) {
                        return text.find(folded(b)) != std::string::npos;
                    }))
                    return JustificationGap::Basis;
                break;
            case JustificationElement::Evidence:
                if (!cites_evidence(ctx, text)) return JustificationGap::Evidence;
                break;
        }
    }
    return JustificationGap::None;
}

std::string_view rejection_key(JustificationGap gap) {
    switch (gap) {
        case JustificationGap::TooShort:
            return "reject.justification.too_short";
        case JustificationGap::Identifier:
            return "reject.justification.no_identifier";
        case JustificationGap::Basis:
            return "reject.justification.no_basis";
        case JustificationGap::Evidence:
            return "reject.justification.no_evidence";
        case JustificationGap::None:
            break;
    }
    return {};
}

PenaltyKind penalty_kind(JustificationGap gap) {
    switch (gap) {
        case JustificationGap::Identifier:
            return PenaltyKind::JustificationNoIdentifier;
        case JustificationGap::Basis:
            return PenaltyKind::JustificationNoBasis;
        case JustificationGap::Evidence:
            return PenaltyKind::JustificationNoEvidence;
        case JustificationGap::TooShort:
        case JustificationGap::None:
            break;
    }
    return PenaltyKind::JustificationTooShort;
}

}  // namespace mt
