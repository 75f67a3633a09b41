// `moneytrail import EXPORT... --out DIR`: real chain exports (Esplora / mempool.space JSON,
// Etherscan CSV, TronGrid TRC-20 JSON, GraphSense TagPacks for attribution) become a case skeleton
// that validates and plays. `moneytrail export-tagpack CASE --journal FILE --out FILE`: the
// trainee's attributions and notes as a GraphSense TagPack. Steps in docs/case-authoring.md.
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "import/importer.hpp"
#include "import/tagpack.hpp"
#include "model/regular_file.hpp"
#include "scenario/loader.hpp"
#include "scenario/yaml_reader.hpp"
#include "session/journal.hpp"

namespace mt {
namespace {

struct ImportCommand {
    std::vector<std::string> exports;
    std::string out;
    std::string id;
    std::vector<std::string> seeds;
    int hops = -1;
    std::string shift;
    std::string key;
    std::string key_file;
    std::string mapping;
    std::string jurisdiction = "MX";
    std::size_t csv_threshold = import::kDefaultCsvThreshold;
    bool force = false;
    std::string language = environment_language();
};

int fail(const Message& m) {
    std::cerr << "moneytrail import: " << render(m) << '\n';
    return kExitFailure;
}

int run_import(const ImportCommand& c) {
    set_interface_language(c.language);
    import::ImportOptions options;
    for (const std::string& e : c.exports) options.exports.emplace_back(e);
    options.out_dir = c.out;
    options.id = c.id;
    options.trail.seeds = c.seeds;
    if (c.hops >= 0) options.trail.max_hops = c.hops;
    if (!c.shift.empty()) {
        const auto shift = scenario_detail::parse_offset(c.shift);
        if (!shift) {
            std::cerr << "moneytrail import: "
                      << render(Message("import.error.bad_shift").arg("value", c.shift)) << '\n';
            return kExitUsage;
        }
        options.shift_seconds = *shift;
    }
    if (!c.key_file.empty()) {
        RegularFile file = RegularFile::open_for_reading(c.key_file);
        std::optional<std::string> read = file.is_open() ? file.read_all() : std::nullopt;
        if (!read)
            return fail(
                Message("import.error.cannot_read").arg("file", c.key_file).arg("reason", "-"));
        std::string key = std::move(*read);
        while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
        if (key.empty()) return fail(Message("import.error.empty_key").arg("file", c.key_file));
        options.anonymise_key = key;
    } else if (!c.key.empty()) {
        options.anonymise_key = c.key;
    }
    options.mapping_file = c.mapping;
    options.home_jurisdiction = c.jurisdiction;
    options.csv_threshold = c.csv_threshold;
    options.replace = c.force;
    const import::ImportResult result = import::import_case(options);
    if (!result.ok()) return fail(*result.error);
    std::string last;
    int hops = 0;
    for (const import::ChainTrail& t : result.chains) {
        last += (last.empty() ? "" : ", ") + t.last_address;
        hops += t.hops;
    }
    std::cout << render(Message("import.done")
                            .arg("file", result.case_file.string())
                            .arg("count", hops)
                            .arg("transactions", result.transactions)
                            .arg("last", last))
              << '\n';
    if (!result.ledger_file.empty())
        std::cout << render(Message("import.done_ledger").arg("file", result.ledger_file.string()))
                  << '\n';
    if (options.anonymise_key)
        std::cout << render(
                         Message("import.done_mapping").arg("file", options.mapping_file.string()))
                  << '\n';
    return kExitOk;
}

struct TagPackCommand {
    std::string scenario;
    std::string journal;
    std::string out;
    std::string creator;
    std::string title;
    std::string language = environment_language();
};

int run_export_tagpack(const TagPackCommand& c) {
    set_interface_language(c.language);
    const LoadResult loaded = load_scenario_file(c.scenario);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors) std::cerr << render(d) << '\n';
        return kExitFailure;
    }
    if (!std::filesystem::exists(c.journal))
        return fail(Message("import.error.cannot_read").arg("file", c.journal).arg("reason", "-"));
    JournaledSession journaled(loaded.scenario, c.journal);
    if (!journaled.session()) {
        std::cerr << render(journaled.error()) << '\n';
        return kExitFailure;
    }
    import::TagPackHeader header;
    header.creator = c.creator;
    header.title = c.title.empty() ? "moneytrail " + loaded.scenario->info.id : c.title;
    const std::string text = import::write_tagpack(journaled.session()->casefile(), header);
    std::ofstream out(c.out, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return fail(Message("import.error.cannot_write").arg("file", c.out));
    std::cout << render(Message("import.tagpack_written").arg("file", c.out)) << '\n';
    return kExitOk;
}

}  // namespace

void register_import(CLI::App& app, int& exit_code) {
    auto c = std::make_shared<ImportCommand>();
    CLI::App* cmd = app.add_subcommand("import", tr("cli.import.help"));
    cmd->add_option("exports", c->exports, tr("cli.import.exports"))
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--out", c->out, tr("cli.import.out"))->required();
    cmd->add_option("--id", c->id, tr("cli.import.id"));
    cmd->add_option("--seed", c->seeds, tr("cli.import.seed"));
    cmd->add_option("--hops", c->hops, tr("cli.import.hops"))->check(CLI::Range(0, 100000));
    cmd->add_option("--shift-time", c->shift, tr("cli.import.shift"));
    auto* key = cmd->add_option("--anonymise-key", c->key, tr("cli.import.key"));
    auto* key_file = cmd->add_option("--anonymise-key-file", c->key_file, tr("cli.import.key_file"))
                         ->check(CLI::ExistingFile);
    key->excludes(key_file);
    cmd->add_option("--mapping", c->mapping, tr("cli.import.mapping"));
    cmd->add_option("--jurisdiction", c->jurisdiction, tr("cli.import.jurisdiction"))
        ->capture_default_str();
    cmd->add_option("--csv-threshold", c->csv_threshold, tr("cli.import.csv_threshold"))
        ->capture_default_str();
    cmd->add_flag("--force", c->force, tr("cli.import.force"));
    cmd->add_option("--lang", c->language, tr("cli.lang"))->check(CLI::IsMember({"en", "es"}));
    cmd->callback([c, &exit_code] { exit_code = run_import(*c); });

    auto t = std::make_shared<TagPackCommand>();
    CLI::App* tp = app.add_subcommand("export-tagpack", tr("cli.export_tagpack.help"));
    tp->add_option("scenario", t->scenario, tr("cli.export_tagpack.scenario"))->required();
    tp->add_option("--journal", t->journal, tr("cli.export_tagpack.journal"))->required();
    tp->add_option("--out", t->out, tr("cli.export_tagpack.out"))->required();
    tp->add_option("--creator", t->creator, tr("cli.export_tagpack.creator"))->required();
    tp->add_option("--title", t->title, tr("cli.export_tagpack.title"));
    tp->add_option("--lang", t->language, tr("cli.lang"))->check(CLI::IsMember({"en", "es"}));
    tp->callback([t, &exit_code] { exit_code = run_export_tagpack(*t); });
}

}  // namespace mt
