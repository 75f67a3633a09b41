#include "seminar/variant.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/base58.hpp"
#include "model/bech32.hpp"
#include "model/stable_hash.hpp"

namespace mt::seminar {
namespace {

constexpr std::string_view kHexLower = "0123456789abcdef";
constexpr std::string_view kBech32 = bech32::kAlphabet;
constexpr std::string_view kBase58 = base58::kAlphabet;
constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";

// The same sequence on every platform and standard library (std distributions are not).
class Rng : public SplitMix64 {
  public:
    using SplitMix64::SplitMix64;
    char pick(std::string_view alphabet) { return alphabet[next() % alphabet.size()]; }
};

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool all_in(std::string_view text, std::string_view alphabet) {
    return std::all_of(text.begin(), text.end(),
                       [&](char c) { return alphabet.find(c) != std::string_view::npos; });
}
bool is_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

// How much of an identifier names its format rather than the account, and stays as it is.
std::size_t kept_prefix(std::string_view id) {
    if (id.size() > 2 && id[0] == '0' && (id[1] == 'x' || id[1] == 'X')) return 2;
    if (id.size() >= 32 && is_hex(id)) return 0;  // a bare transaction hash
    std::size_t hrp = 0;  // bech32: human-readable part, separator '1', witness version
    while (hrp < id.size() && is_lower(id[hrp])) ++hrp;
    if (hrp >= 1 && hrp <= 10 && hrp + 2 < id.size() && id[hrp] == '1') return hrp + 2;
    const auto dash = id.find_first_of("-_");  // "tx-peel", "acct_17"
    if (dash != std::string_view::npos && dash <= 4 && dash + 1 < id.size()) return dash + 1;
    return id.size() > 1 ? 1 : 0;  // a version or network character ("1", "3", "T")
}

std::string random_like(std::string_view original, Rng& rng) {
    const std::size_t keep = kept_prefix(original);
    const std::string_view rest = original.substr(keep);
    std::string out(original.substr(0, keep));
    const bool hex = !rest.empty() && is_hex(rest);
    const bool mixed_case_hex = hex && std::any_of(rest.begin(), rest.end(), is_upper);
    for (char c : rest) {
        if (hex) {
            char n = rng.pick(kHexLower);
            if (mixed_case_hex && is_lower(n) && (rng.next() & 1u))
                n = static_cast<char>(n - 'a' + 'A');
            out.push_back(n);
        } else if (all_in(rest, kBech32)) {
            out.push_back(rng.pick(kBech32));
        } else if (all_in(rest, kBase58)) {
            out.push_back(rng.pick(kBase58));
        } else if (is_lower(c)) {
            out.push_back(rng.pick(kLower));
        } else if (is_upper(c)) {
            out.push_back(rng.pick(kUpper));
        } else if (is_digit(c)) {
            out.push_back(rng.pick(kDigits));
        } else {
            out.push_back(c);  // punctuation keeps the identifier's shape
        }
    }
    return out;
}

// Finds identifiers in free text in one left-to-right pass.
class Renamer {
  public:
    explicit Renamer(const std::map<std::string, std::string>& renamed) {
        for (const auto& [from, to] : renamed) {
            if (from.empty()) continue;
            map_.emplace(from, to);
            lengths_.insert(from.size());
        }
    }
    explicit Renamer(std::unordered_map<std::string, std::string> map) : map_(std::move(map)) {
        for (const auto& [from, to] : map_) lengths_.insert(from.size());
    }

    std::string apply(std::string_view text) const {
        if (map_.empty()) return std::string(text);
        std::string out;
        out.reserve(text.size());
        std::size_t i = 0;
        while (i < text.size()) {
            if (i == 0 || !is_alnum(text[i - 1])) {
                if (const Match m = match_at(text, i); m.to) {
                    out += *m.to;
                    i += m.length;
                    continue;
                }
            }
            out.push_back(text[i]);
            ++i;
        }
        return out;
    }

  private:
    struct Match {
        const std::string* to = nullptr;
        std::size_t length = 0;
    };

    Match match_at(std::string_view text, std::size_t i) const {
        for (auto it = lengths_.rbegin(); it != lengths_.rend(); ++it) {  // longest first
            const std::size_t n = *it;
            if (i + n > text.size() || (i + n < text.size() && is_alnum(text[i + n]))) continue;
            auto found = map_.find(std::string(text.substr(i, n)));
            if (found != map_.end()) return {&found->second, n};
        }
        return {};
    }

    std::unordered_map<std::string, std::string> map_;
    std::set<std::size_t> lengths_;
};

void rename(const Renamer& r, std::string& s) {
    s = r.apply(s);
}
void rename(const Renamer& r, LocalizedText& t) {
    rename(r, t.en);
    rename(r, t.es);
}
void rename(const Renamer& r, std::vector<std::string>& list) {
    for (std::string& s : list) rename(r, s);
}
void rename(const Renamer& r, Action& a) {
    rename(r, a.target);
    rename(r, a.identifiers);
    rename(r, a.answer);
    rename(r, a.text);
    rename(r, a.tags);
}

Ledger rebuild_ledger(const Ledger& old, const std::vector<std::string>& address_texts,
                      const std::vector<std::string>& tx_ids) {
    Ledger out;
    for (const Chain& c : old.chains()) out.add_chain(c);
    for (const Asset& a : old.assets()) out.add_asset(a);
    // Interning in the original order keeps every AddressId, so entities, records and holdings
    // that refer to addresses by id need no change.
    for (std::size_t a = 0; a < old.address_count(); ++a)
        out.intern_address(address_texts[a], old.address_chain(static_cast<AddressId>(a)));
    for (std::size_t t = 0; t < old.transaction_count(); ++t) {
        const auto index = static_cast<TxIndex>(t);
        const Transaction& tx = old.transaction(index);
        TransactionDraft draft;
        draft.id = tx_ids[t];
        draft.chain = tx.chain;
        draft.asset = tx.asset;
        draft.time = tx.time;
        draft.fee = tx.fee;
        const auto ins = old.inputs(index);
        const auto outs = old.outputs(index);
        draft.inputs.assign(ins.begin(), ins.end());
        draft.outputs.assign(outs.begin(), outs.end());
        out.add_transaction(draft);
    }
    out.finalize();
    return out;
}

}  // namespace

std::string rename_in_text(std::string_view text,
                           const std::map<std::string, std::string>& renamed) {
    return Renamer(renamed).apply(text);
}

ScenarioVariant make_variant(const Scenario& base, std::uint64_t seed,
                             std::string_view trainee_key) {
    Rng rng(seed ^ fnv1a(trainee_key) ^ 0x6D6F6E6579747261ull);  // "moneytra"
    const Ledger& ledger = base.ledger;

    std::unordered_set<std::string> taken;
    for (std::size_t a = 0; a < ledger.address_count(); ++a)
        taken.emplace(ledger.address_text(static_cast<AddressId>(a)).str());
    for (std::size_t t = 0; t < ledger.transaction_count(); ++t)
        taken.emplace(ledger.transaction_id(static_cast<TxIndex>(t)).str());

    std::unordered_map<std::string, std::string> renamed;
    auto rename_id = [&](std::string_view original_text) -> const std::string& {
        const std::string original(original_text);
        auto found = renamed.find(original);
        if (found != renamed.end()) return found->second;
        std::string fresh = random_like(original, rng);
        for (int attempt = 0; taken.count(fresh) || fresh.empty(); ++attempt) {
            // Short identifiers can run out of fresh spellings: grow them.
            fresh = attempt < 64 ? random_like(original, rng) : fresh + rng.pick(kLower);
        }
        taken.insert(fresh);
        return renamed.emplace(original, std::move(fresh)).first->second;
    };

    std::vector<std::string> address_texts;
    address_texts.reserve(ledger.address_count());
    for (std::size_t a = 0; a < ledger.address_count(); ++a)
        address_texts.push_back(rename_id(ledger.address_text(static_cast<AddressId>(a)).view()));
    std::vector<std::string> tx_ids;
    tx_ids.reserve(ledger.transaction_count());
    for (std::size_t t = 0; t < ledger.transaction_count(); ++t)
        tx_ids.push_back(rename_id(ledger.transaction_id(static_cast<TxIndex>(t)).view()));

    const Renamer r(std::unordered_map<std::string, std::string>(renamed.begin(), renamed.end()));
    auto s = std::make_shared<Scenario>(base);
    s->ledger = rebuild_ledger(ledger, address_texts, tx_ids);

    ScenarioInfo& info = s->info;
    rename(r, info.title);
    rename(r, info.summary);
    rename(r, info.briefing);
    for (LocalizedText& t : info.learning_objectives) rename(r, t);
    for (Entity& e : s->entities) rename(r, e.name);
    for (Service& service : s->services) {
        rename(r, service.decline_reason);
        for (Record& record : service.records) rename(r, record.content);
    }
    for (Holding& h : s->holdings) rename(r, h.description);
    for (ScheduledEvent& e : s->events) rename(r, e.message);
    for (Checkpoint& c : s->checkpoints) {
        rename(r, c.question);
        for (CheckpointOption& o : c.options) rename(r, o.text);
        if (c.kind == CheckpointKind::Address || c.kind == CheckpointKind::Transaction)
            rename(r, c.answer);
        rename(r, c.explanation);
    }
    for (LocalizedText& h : s->hints) rename(r, h);
    for (Objective& o : s->rubric.objectives) {
        rename(r, o.title);
        rename(r, o.debrief);
        for (Condition& c : o.conditions)
            if (c.kind == ConditionKind::AddressDiscovered) rename(r, c.target);
    }
    for (Action& a : s->expert_solution) rename(r, a);
    rename(r, s->expert_summary);

    ScenarioVariant out;
    out.scenario = std::move(s);
    out.renamed = std::map<std::string, std::string>(renamed.begin(), renamed.end());
    return out;
}

}  // namespace mt::seminar
