// `moneytrail generate --seed 7 --transactions 1000000 --out DIR`: writes a synthetic case study
// (DIR/<id>.yaml and its CSV ledger) with the chosen laundering typologies hidden in ordinary
// activity. The same options always give the same bytes.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "generate/generator.hpp"

namespace mt {
namespace {

struct GenerateCommand {
    std::uint64_t seed = 7;
    std::uint64_t transactions = 100'000;
    std::string typologies;
    std::string id;
    std::string out;
    int days = 30;
};

int run_generate(const GenerateCommand& c) {
    generate::GenerateOptions options;
    options.seed = c.seed;
    options.transactions = c.transactions;
    options.id = c.id;
    options.out_dir = c.out;
    options.days = c.days;
    if (c.typologies == "none") {
        options.typologies.clear();  // the ransom goes straight to the exchange
    } else if (!c.typologies.empty()) {
        std::string error;
        auto chosen = generate::parse_typology_list(c.typologies, error);
        if (!chosen) {
            std::cerr << "moneytrail generate: --typologies: " << error << '\n';
            return kExitUsage;
        }
        options.typologies = std::move(*chosen);
    }
    const generate::GenerateResult result = generate::generate_case(options);
    if (!result.ok()) {
        std::cerr << "moneytrail generate: " << result.error << '\n';
        return kExitFailure;
    }
    std::cout << result.case_file.string() << ": " << result.transactions << " transactions ("
              << result.trail_transactions << " on the laundering trail), ledger in "
              << result.ledger_file.string() << '\n';
    return kExitOk;
}

}  // namespace

void register_generate(CLI::App& app, int& exit_code) {
    auto c = std::make_shared<GenerateCommand>();
    std::string names;
    for (generate::Typology t : generate::all_typologies())
        names += (names.empty() ? "" : ",") + std::string(generate::slug_of(t));
    CLI::App* cmd = app.add_subcommand("generate",
                                       "Write a synthetic case: laundering typologies hidden in a "
                                       "large ledger, with the answer key");
    cmd->add_option("--seed", c->seed, "Seed of the random choices (same seed, same files)")
        ->capture_default_str();
    cmd->add_option("--transactions", c->transactions,
                    "Transactions in the ledger, the trail included")
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t{1}, generate::kMaxGeneratedTransactions));
    cmd->add_option("--typologies", c->typologies,
                    "Comma-separated typologies to embed, or none (default: all of " + names + ")");
    cmd->add_option("--id", c->id,
                    "Case id and file name stem (default: haystack-SEED-TRANSACTIONS)");
    cmd->add_option("--days", c->days, "Days of background activity before the briefing")
        ->capture_default_str();
    cmd->add_option("--out", c->out, "Folder to write the case into")->required();
    cmd->callback([c, &exit_code] { exit_code = run_generate(*c); });
}

}  // namespace mt
