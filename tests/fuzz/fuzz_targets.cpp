#include "fuzz_targets.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "scenario/loader.hpp"
#include "seminar/requests.hpp"

namespace mt::fuzz {
namespace {

// A folder of this process's own for the files a target writes or a case names, removed when
// the process ends.
struct ScratchFolder {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("moneytrail-fuzz-" + std::to_string(::getpid()));
    ScratchFolder() { std::filesystem::create_directories(path); }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

const std::filesystem::path& scratch_folder() {
    static const ScratchFolder folder;
    return folder.path;
}

std::string check_result(const LoadResult& r) {
    if (r.errors.empty() != (r.scenario != nullptr))
        return "a load must give a scenario or diagnostics, not both or neither";
    for (const Diagnostic& d : r.errors)
        if (d.message.empty()) return "a diagnostic without a message";
    return {};
}

constexpr std::string_view kCaseWithLedgerFile = R"(format_version: 1
id: fuzz
title: {en: Fuzz, es: Fuzz}
summary: {en: s, es: s}
chains:
  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}
  - {id: ethereum, name: Ethereum, model: account, native_asset: eth}
assets:
  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}
  - {id: eth, symbol: ETH, chain: ethereum, decimals: 18}
ledger_file: ledger.csv
transactions: []
)";

}  // namespace

std::string case_yaml(std::string_view data) {
    try {
        return check_result(load_scenario_text(data, "fuzz.yaml", scratch_folder(), {}));
    } catch (...) {
        return "load_scenario_text threw";
    }
}

std::string case_csv(std::string_view data) {
    const std::filesystem::path folder = scratch_folder() / "csv";
    std::filesystem::create_directories(folder);
    {
        std::ofstream out(folder / "ledger.csv", std::ios::binary | std::ios::trunc);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
    }
    try {
        return check_result(load_scenario_text(kCaseWithLedgerFile, "fuzz.yaml", folder, {}));
    } catch (...) {
        return "load_scenario_text threw";
    }
}

std::string seminar_request(std::string_view data) {
    if (data.empty()) return {};
    const unsigned char selector = static_cast<unsigned char>(data.front());
    data.remove_prefix(1);
    const std::string header_token = (selector & 0x10) ? "0123456789abcdef0123456789abcdef" : "";
    seminar::RequestError error;
    bool parsed = false;
    try {
        switch (selector % 4) {
            case 0:
                parsed = seminar::parse_join_request(data, header_token, error).has_value();
                break;
            case 1: {
                const auto request = seminar::parse_action_request(data, header_token, error);
                parsed = request.has_value();
                if (parsed) {
                    // What the server stores is what it read back.
                    const ActionParse again = action_from_json(to_json(request->action));
                    if (!again.action) return "an accepted action does not survive its JSON";
                    if (to_json(*again.action) != to_json(request->action))
                        return "an accepted action changes in its JSON round trip";
                    if (request->token.empty()) return "an action request without a token";
                }
                break;
            }
            case 2:
                parsed = seminar::parse_inject_request(data, error).has_value();
                break;
            default:
                parsed = seminar::parse_rejoin_code_request(data, error).has_value();
                break;
        }
    } catch (...) {
        return "request parsing threw";
    }
    if (!parsed &&
        (error.status < 400 || error.status > 499 || error.key.empty() || error.message.empty()))
        return "a refusal without a 4xx status, key and message";
    return {};
}

}  // namespace mt::fuzz
