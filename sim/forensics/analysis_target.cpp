#include "forensics/analysis_target.hpp"

#include <charconv>

namespace mt {
namespace {

Message target_error(std::string key, std::string_view target) {
    return Message("forensic.target." + std::move(key)).arg("target", target);
}

std::optional<std::uint32_t> parse_index(std::string_view digits) {
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size())
        return std::nullopt;
    return value;
}

// The single asset an address received before the horizon, if there is exactly one.
std::optional<AssetId> received_asset(const Ledger& ledger, AddressId address, TxIndex horizon,
                                      bool& several) {
    std::optional<AssetId> asset;
    several = false;
    for (TxIndex t : ledger.transactions_of(address)) {
        if (t >= horizon) break;
        for (const TxOutput& o : ledger.outputs(t)) {
            if (o.address != address) continue;
            const AssetId a = ledger.transaction(t).asset;
            if (asset && *asset != a) several = true;
            asset = a;
        }
    }
    return asset;
}

}  // namespace

bool address_visible(const Ledger& ledger, AddressId address, TxIndex horizon) {
    const auto history = ledger.transactions_of(address);
    return !history.empty() && history.front() < horizon;
}

TargetResolution resolve_target(const Ledger& ledger, std::string_view text, TxIndex horizon) {
    if (text.empty()) return {std::nullopt, Message("forensic.target.empty")};
    std::string_view subject = text;
    std::string_view amount_text;
    if (const auto at = text.rfind('@'); at != std::string_view::npos) {
        subject = text.substr(0, at);
        amount_text = text.substr(at + 1);
        if (amount_text.empty()) return {std::nullopt, target_error("no_amount", text)};
    }
    const Message unknown = target_error("unknown", subject);
    AnalysisTarget target;
    if (const auto address = ledger.find_address(subject);
        address && address_visible(ledger, *address, horizon)) {
        target.kind = AnalysisTarget::Kind::Address;
        target.address = *address;
        bool several = false;
        const auto asset = received_asset(ledger, *address, horizon, several);
        target.asset = asset.value_or(ledger.chain(ledger.address_chain(*address)).native_asset);
        if (!amount_text.empty() && several)
            return {std::nullopt, target_error("several_assets", text)};
    } else if (const auto tx = ledger.find_transaction(subject); tx && *tx < horizon) {
        target.kind = AnalysisTarget::Kind::Transaction;
        target.tx = *tx;
        target.asset = ledger.transaction(*tx).asset;
    } else if (const auto colon = subject.rfind(':'); colon != std::string_view::npos) {
        const auto out_tx = ledger.find_transaction(subject.substr(0, colon));
        if (!out_tx || *out_tx >= horizon) return {std::nullopt, unknown};
        const auto vout = parse_index(subject.substr(colon + 1));
        if (!vout) return {std::nullopt, target_error("bad_output_index", subject)};
        if (*vout >= ledger.transaction(*out_tx).output_count)
            return {std::nullopt, target_error("no_such_output", subject)
                                      .arg("count", static_cast<long long>(
                                                        ledger.transaction(*out_tx).output_count))};
        target.kind = AnalysisTarget::Kind::Output;
        target.tx = *out_tx;
        target.vout = *vout;
        target.asset = ledger.transaction(*out_tx).asset;
    } else {
        return {std::nullopt, unknown};
    }
    if (!amount_text.empty()) {
        const int decimals = ledger.asset(target.asset).decimals;
        target.amount = parse_amount(amount_text, decimals);
        if (!target.amount || *target.amount <= 0)
            return {std::nullopt, target_error("bad_amount", text)
                                      .arg("amount", amount_text)
                                      .arg("decimals", decimals)};
    }
    return {target, {}};
}

}  // namespace mt
