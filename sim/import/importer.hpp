#pragma once
// `moneytrail import`: one or more exports (Esplora/mempool.space JSON, Etherscan CSV, TronGrid
// TRC-20 JSON, and GraphSense TagPacks as attribution data) turned into a case skeleton that
// loads, validates and plays. Files are recognised by their content. Everything is written into
// a temporary folder inside the output folder and moved into place only when complete, so a bad
// export never leaves a half-written case.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "import/case_writer.hpp"
#include "import/trail.hpp"
#include "model/message.hpp"

namespace mt::import {

struct ImportOptions {
    std::vector<std::filesystem::path> exports;
    std::filesystem::path out_dir;
    std::string id;  // empty: "imported-" and the first export's stem
    TrailOptions trail;
    std::int64_t shift_seconds = 0;
    std::optional<std::string> anonymise_key;  // anonymise with this key
    std::filesystem::path mapping_file;        // required with a key: where the mapping goes
    std::string home_jurisdiction = "MX";
    std::size_t csv_threshold = kDefaultCsvThreshold;
    bool replace = false;  // overwrite an existing case file
};

struct ImportResult {
    std::optional<Message> error;  // set when nothing was written
    std::filesystem::path case_file;
    std::filesystem::path ledger_file;  // empty when the ledger is in the YAML
    std::size_t transactions = 0;
    std::vector<ChainTrail> chains;
    bool ok() const { return !error; }
};

ImportResult import_case(const ImportOptions& options);

// The file kinds import_case() recognises, exposed for tests and messages.
enum class ExportKind {
    EsploraTransactions,
    EsploraOutspends,
    EtherscanCsv,
    TronGridTrc20,
    TagPack
};
// Throws ImportFailure (`import.error.unknown_format`) for anything else.
ExportKind detect_export(const std::string& file, std::string_view text);

// Reads one export into `ledger` (throws ImportFailure).
void read_export(const std::filesystem::path& path, DraftLedger& ledger);

}  // namespace mt::import
