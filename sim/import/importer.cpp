#include "import/importer.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "model/nlohmann_json.hpp"

#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "import/anonymiser.hpp"
#include "import/esplora.hpp"
#include "import/etherscan.hpp"
#include "import/import_error.hpp"
#include "import/json_fields.hpp"
#include "import/tagpack.hpp"
#include "import/trongrid.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"

namespace mt::import {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t kMaxExportBytes = std::uintmax_t{256} << 20;

std::string read_file(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        Message m("import.error.cannot_read");
        m.arg("file", path.string()).arg("reason", ec.message());
        throw ImportFailure(m);
    }
    if (size > kMaxExportBytes) {
        Message m("import.error.too_large");
        m.arg("file", path.string()).arg("limit", "256 MiB");
        throw ImportFailure(m);
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
        Message m("import.error.cannot_read");
        m.arg("file", path.string()).arg("reason", std::strerror(errno));  // the system's words
        throw ImportFailure(m);
    }
    return text;
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
        Message m("import.error.cannot_write");
        m.arg("file", path.string());
        throw ImportFailure(m);
    }
}

// Moves `from` to `to`, copying when they are on different file systems.
void move_into_place(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (!ec) return;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) {
        Message m("import.error.cannot_write");
        m.arg("file", to.string());
        throw ImportFailure(m);
    }
}

std::string slug(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (ok)
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.substr(0, 40);
}

bool valid_case_id(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// A folder of our own next to the output, removed on every way out.
class TempDir {
  public:
    explicit TempDir(const fs::path& parent, const std::string& id) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            path_ = parent / ("." + id + ".import-" + std::to_string(attempt));
            std::error_code ec;
            if (fs::create_directory(path_, ec)) return;
        }
        Message m("import.error.cannot_write");
        m.arg("file", (parent / ("." + id + ".import-*")).string());
        throw ImportFailure(m);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

}  // namespace

ExportKind detect_export(const std::string& file, std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
        const nlohmann::json json = parse_json_file(file, text);
        if (looks_like_esplora_transactions(json)) return ExportKind::EsploraTransactions;
        if (looks_like_esplora_outspends(json)) return ExportKind::EsploraOutspends;
        if (looks_like_trongrid_trc20(json)) return ExportKind::TronGridTrc20;
    } else if (looks_like_etherscan_csv(text)) {
        return ExportKind::EtherscanCsv;
    } else if (text.find("tags:") != std::string_view::npos &&
               text.find("creator:") != std::string_view::npos) {
        return ExportKind::TagPack;
    }
    Message m("import.error.unknown_format");
    m.arg("file", file);
    throw ImportFailure(m);
}

void read_export(const fs::path& path, DraftLedger& ledger) {
    const std::string file = path.string();
    const std::string text = read_file(path);
    switch (detect_export(file, text)) {
        case ExportKind::EsploraTransactions:
            read_esplora_transactions(file, parse_json_file(file, text), ledger);
            break;
        case ExportKind::EsploraOutspends:
            read_esplora_outspends(file, path.filename().string(), parse_json_file(file, text),
                                   ledger);
            break;
        case ExportKind::TronGridTrc20:
            read_trongrid_trc20(file, parse_json_file(file, text), ledger);
            break;
        case ExportKind::EtherscanCsv:
            read_etherscan_csv(file, text, ledger);
            break;
        case ExportKind::TagPack: {
            auto tags = read_tagpack(file, text);
            ledger.tags.insert(ledger.tags.end(), tags.begin(), tags.end());
            break;
        }
    }
}

ImportResult import_case(const ImportOptions& options) {
    ImportResult result;
    try {
        if (options.exports.empty()) throw ImportFailure(Message("import.error.no_exports"));
        const std::string id = options.id.empty()
                                   ? "imported-" + slug(options.exports.front().stem().string())
                                   : options.id;
        if (!valid_case_id(id)) {
            Message m("import.error.bad_id");
            m.arg("id", id);
            throw ImportFailure(m);
        }
        if (options.anonymise_key && options.mapping_file.empty())
            throw ImportFailure(Message("import.error.mapping_required"));
        DraftLedger ledger;
        for (const fs::path& path : options.exports) read_export(path, ledger);
        Trail trail = build_trail(ledger, options.trail);
        std::string mapping;
        if (options.anonymise_key) {
            Anonymiser anonymiser(*options.anonymise_key);
            anonymiser.apply(trail);
            for (AttributionTag& tag : ledger.tags) tag.address = anonymiser.address(tag.address);
            mapping = anonymiser.mapping().dump(2) + "\n";
        }
        CaseWriteOptions write;
        write.id = id;
        write.home_jurisdiction = options.home_jurisdiction;
        write.shift_seconds = options.shift_seconds;
        write.csv_threshold = options.csv_threshold;
        const CaseFiles files = write_case(trail, ledger, write);

        std::error_code ec;
        fs::create_directories(options.out_dir, ec);
        const fs::path case_file = options.out_dir / (id + ".yaml");
        if (!options.replace && fs::exists(case_file)) {
            Message m("import.error.exists");
            m.arg("file", case_file.string());
            throw ImportFailure(m);
        }
        TempDir temp(options.out_dir, id);
        write_file(temp.path() / case_file.filename(), files.yaml);
        if (!files.ledger_file_name.empty())
            write_file(temp.path() / files.ledger_file_name, files.ledger_csv);
        if (!mapping.empty()) write_file(temp.path() / "mapping.json", mapping);

        // The skeleton must load and its expert path must reach the full score before it is
        // put where the author will look for it.
        const LoadResult loaded =
            load_scenario_file(temp.path() / case_file.filename(), LedgerCacheOptions{});
        std::string problems;
        for (const Diagnostic& d : loaded.errors) problems += "\n  " + render(d);
        if (loaded.ok())
            for (const Message& p : replay_expert_solution(loaded.scenario).problems)
                problems += "\n  " + render(p);
        if (!problems.empty()) {
            Message m("import.error.invalid_case");
            m.arg("problems", problems);
            throw ImportFailure(m);
        }

        if (!files.ledger_file_name.empty()) {
            result.ledger_file = options.out_dir / files.ledger_file_name;
            move_into_place(temp.path() / files.ledger_file_name, result.ledger_file);
        }
        if (!mapping.empty()) {
            fs::create_directories(options.mapping_file.parent_path().empty()
                                       ? "."
                                       : options.mapping_file.parent_path(),
                                   ec);
            move_into_place(temp.path() / "mapping.json", options.mapping_file);
        }
        move_into_place(temp.path() / case_file.filename(), case_file);
        result.case_file = case_file;
        result.transactions = trail.transactions.size();
        result.chains = trail.chains;
    } catch (const ImportFailure& failure) {
        result.error = failure.message();
    }
    return result;
}

}  // namespace mt::import
