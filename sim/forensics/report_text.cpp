#include "forensics/report_text.hpp"

namespace mt {

std::string amount_text(const Ledger& ledger, AssetId asset, Units amount) {
    const Asset& a = ledger.asset(asset);
    return display_amount(amount, a.decimals, a.symbol);
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

LocalizedText hops_text(std::uint32_t hops) {
    const std::string n = std::to_string(hops);
    if (hops == 1) return {"1 hop", "1 salto"};
    return {n + " hops", n + " saltos"};
}

LocalizedText same(const std::string& text) {
    return {text, text};
}

void append(LocalizedText& detail, const LocalizedText& part) {
    detail.en += (detail.en.empty() ? "" : " · ") + part.en;
    detail.es += (detail.es.empty() ? "" : " · ") + part.es;
}

double share_of(Units part, Units whole) {
    if (whole <= 0 || part <= 0) return 0.0;
    if (part >= whole) return 1.0;
    return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace mt
