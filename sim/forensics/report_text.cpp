#include "forensics/report_text.hpp"

namespace mt {

std::string amount_text(const Ledger& ledger, AssetId asset, Units amount) {
    const Asset& a = ledger.asset(asset);
    return format_amount(amount, a.decimals) + " " + a.symbol;
}

LocalizedText method_label(TaintMethod method) {
    switch (method) {
        case TaintMethod::Poison:
            return {"poison", "envenenamiento (poison)"};
        case TaintMethod::Haircut:
            return {"haircut", "prorrateo (haircut)"};
        case TaintMethod::Fifo:
            return {"FIFO", "PEPS (FIFO)"};
        case TaintMethod::Lifo:
            return {"LIFO", "UEPS (LIFO)"};
        case TaintMethod::Tiho:
            return {"TIHO (taint in, highest out)", "TIHO (entra contaminado, sale por la mayor)"};
    }
    return {"?", "?"};
}

LocalizedText heuristic_label(ChangeHeuristic heuristic) {
    switch (heuristic) {
        case ChangeHeuristic::OneTimeChange:
            return {"one-time change", "cambio a dirección nueva"};
        case ChangeHeuristic::RoundNumberPayment:
            return {"round-number payment", "pago en cifra redonda"};
        case ChangeHeuristic::OptimalChange:
            return {"optimal change", "cambio óptimo"};
        case ChangeHeuristic::AddressTypeMatch:
            return {"address-type match", "mismo tipo de dirección"};
        case ChangeHeuristic::PeelChainShape:
            return {"peel-chain shape", "forma de cadena de pelado"};
    }
    return {"?", "?"};
}

std::string hops_text(std::uint32_t hops) {
    const std::string n = std::to_string(hops);
    if (hops == 1) return "1 hop / 1 salto";
    return n + " hops / " + n + " saltos";
}

std::string both(const LocalizedText& text) {
    return text.en == text.es ? text.en : text.en + " / " + text.es;
}

}  // namespace mt
