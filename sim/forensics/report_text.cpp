#include "forensics/report_text.hpp"

namespace mt {

std::string amount_text(const Ledger& ledger, AssetId asset, Units amount) {
    const Asset& a = ledger.asset(asset);
    return display_amount(amount, a.decimals, a.symbol);
}

std::string method_key(TaintMethod method) {
    return "forensic.method." + std::string(name_of(method));
}

std::string heuristic_key(ChangeHeuristic heuristic) {
    return "forensic.heuristic." + std::string(name_of(heuristic));
}

Message hops_part(std::uint32_t hops) {
    return Message("forensic.part.hops").arg("count", static_cast<long long>(hops));
}

Message tx_part(std::string_view tx) {
    return Message("forensic.part.tx").arg("tx", tx);
}

Message from_part(std::string_view from) {
    return Message("forensic.part.from").arg("from", from);
}

Message share_part(std::string share) {
    return Message("forensic.part.share").arg("share", std::move(share));
}

double share_of(Units part, Units whole) {
    if (whole <= 0 || part <= 0) return 0.0;
    if (part >= whole) return 1.0;
    return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace mt
