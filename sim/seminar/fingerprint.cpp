#include "seminar/fingerprint.hpp"

#include <cstdint>
#include "model/nlohmann_json.hpp"

#include "model/stable_hash.hpp"

namespace mt::seminar {
namespace {

// FNV-1a over length-prefixed fields: the fingerprint is stored in a seminar's record, so its
// values must not change between versions.
class Hasher {
  public:
    void bytes(std::string_view s) {
        number(static_cast<std::int64_t>(s.size()));
        h_.bytes(s);
    }
    void number(std::int64_t v) {
        for (int i = 0; i < 8; ++i)
            h_.byte(static_cast<unsigned char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xFFu));
    }
    void units(Units v) {
        number(static_cast<std::int64_t>(v >> 64));
        number(static_cast<std::int64_t>(v & 0xFFFFFFFFFFFFFFFFull));
    }
    std::string hex() const {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out;
        for (int i = 15; i >= 0; --i) out.push_back(kDigits[(h_.value() >> (4 * i)) & 0xFu]);
        return out;
    }

  private:
    Fnv1a h_;
};

}  // namespace

std::string scenario_fingerprint(const Scenario& s) {
    Hasher h;
    h.bytes(s.info.id);
    h.bytes(s.info.home_jurisdiction);
    h.number(s.info.time_budget);
    h.number(s.info.emergency_justified ? 1 : 0);
    const Ledger& l = s.ledger;
    for (const Chain& c : l.chains()) {
        h.bytes(c.id);
        h.number(static_cast<std::int64_t>(c.model));
        h.number(c.native_asset);
    }
    for (const Asset& a : l.assets()) {
        h.bytes(a.id);
        h.bytes(a.symbol);
        h.number(a.chain);
        h.number(a.decimals);
        h.bytes(a.issuer);
    }
    for (std::size_t a = 0; a < l.address_count(); ++a)
        h.bytes(l.address_text(static_cast<AddressId>(a)).view());
    for (std::size_t t = 0; t < l.transaction_count(); ++t) {
        const auto index = static_cast<TxIndex>(t);
        const Transaction& tx = l.transaction(index);
        h.bytes(tx.id.view());
        h.number(tx.chain);
        h.number(tx.asset);
        h.number(tx.time);
        h.units(tx.fee);
        for (const TxInput& in : l.inputs(index)) {
            h.number(in.address);
            h.units(in.amount);
            h.number(in.prev.tx);
            h.number(in.prev.vout);
        }
        h.number(-1);
        for (const TxOutput& out : l.outputs(index)) {
            h.number(out.address);
            h.units(out.amount);
        }
        h.number(-2);
    }
    for (const Entity& e : s.entities) {
        h.bytes(e.id);
        h.number(static_cast<std::int64_t>(e.kind));
        h.bytes(e.jurisdiction);
        for (AddressId a : e.addresses) h.number(a);
        h.number(static_cast<std::int64_t>(e.attribution));
        h.number(e.involved ? 1 : 0);
    }
    for (const Service& sv : s.services) {
        h.bytes(sv.entity);
        for (const auto& [instrument, terms] : sv.honours) {
            h.number(static_cast<std::int64_t>(instrument));
            h.number(terms.turnaround.value_or(-1));
            for (RecordKind k : terms.returns) h.number(static_cast<std::int64_t>(k));
        }
        h.number(sv.decline_turnaround);
        for (const Record& r : sv.records) {
            h.bytes(r.id);
            h.number(static_cast<std::int64_t>(r.kind));
            h.number(r.subject);
            h.bytes(r.reveals_entity);
        }
    }
    for (const Holding& x : s.holdings) {
        h.bytes(x.id);
        h.bytes(x.custodian);
        h.number(x.subject);
        h.number(x.asset);
        h.units(x.amount);
        h.number(x.value_usd_cents);
        h.number(static_cast<std::int64_t>(x.custody));
        h.number(x.recoverable() ? 1 : 0);
    }
    for (const ScheduledEvent& e : s.events) {
        h.bytes(e.id);
        h.number(static_cast<std::int64_t>(e.kind));
        h.number(e.at);
        h.bytes(e.holding);
        h.number(e.visible ? 1 : 0);
        h.number(e.transaction);
    }
    for (const Checkpoint& c : s.checkpoints) {
        h.bytes(c.id);
        h.number(static_cast<std::int64_t>(c.kind));
        h.number(c.opens_at);
        for (const CheckpointOption& o : c.options) h.bytes(o.id);
        h.bytes(c.answer);
    }
    h.number(static_cast<std::int64_t>(s.hints.size()));
    for (AddressId a : s.start_addresses) h.number(a);
    for (TxIndex t : s.start_transactions) h.number(t);
    const Rubric& r = s.rubric;
    for (const Objective& o : r.objectives) {
        h.bytes(o.id);
        h.number(o.points);
        for (const Condition& c : o.conditions) {
            h.number(static_cast<std::int64_t>(c.kind));
            h.bytes(c.target);
            h.number(c.instrument ? static_cast<std::int64_t>(*c.instrument) : -1);
            h.number(c.before ? *c.before : -1);
        }
    }
    const PenaltyRates& p = r.penalties;
    for (int v :
         {p.uninvolved_request, p.overbroad_request, p.wrong_instrument, p.wrong_jurisdiction,
          p.hint, p.per_hour_over_budget, p.max_time_penalty, r.recovery_points})
        h.number(v);
    for (const GradeBand& g : r.grades) h.number(g.min_percent);
    for (SimSeconds c : {s.costs.explore, s.costs.lookup, s.costs.analysis, s.costs.draft_request})
        h.number(c);
    for (const Action& a : s.expert_solution) h.bytes(to_json(a).dump());
    // The jurisdiction pack and legal rules: nothing for a case without them (same fingerprint).
    if (const std::string legal = legal_world_text(s); !legal.empty()) h.bytes(legal);
    return h.hex();
}

}  // namespace mt::seminar
