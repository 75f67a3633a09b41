// `moneytrail generate --seed 7 --transactions 1000000 --out DIR`: writes a synthetic case study
// (DIR/<id>.yaml and its CSV ledger) with the chosen laundering typologies hidden in ordinary
// activity. The same options always give the same bytes.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "generate/generator.hpp"
#include "i18n/catalogue.hpp"

namespace mt {
namespace {

struct GenerateCommand {
    std::uint64_t seed = 7;
    std::uint64_t transactions = 100'000;
    std::string typologies;
    std::string id;
    std::string out;
    int days = 30;
    std::string language = environment_language();
};

int run_generate(const GenerateCommand& c) {
    set_interface_language(c.language);
    generate::GenerateOptions options;
    options.seed = c.seed;
    options.transactions = c.transactions;
    options.id = c.id;
    options.out_dir = c.out;
    options.days = c.days;
    if (c.typologies == "none") {
        options.typologies.clear();  // the ransom goes straight to the exchange
    } else if (!c.typologies.empty()) {
        Message error;
        auto chosen = generate::parse_typology_list(c.typologies, error);
        if (!chosen) {
            print_error("generate", error);
            return kExitUsage;
        }
        options.typologies = std::move(*chosen);
    }
    const generate::GenerateResult result = generate::generate_case(options);
    if (!result.ok()) {
        print_error("generate", result.error);
        return kExitFailure;
    }
    std::cout << render(Message("generate.done")
                            .arg("file", result.case_file.string())
                            .arg("count", static_cast<long long>(result.transactions))
                            .arg("trail", result.trail_transactions)
                            .arg("ledger", result.ledger_file.string()))
              << '\n';
    return kExitOk;
}

}  // namespace

void register_generate(CLI::App& app, int& exit_code) {
    auto c = std::make_shared<GenerateCommand>();
    std::string names;
    for (generate::Typology t : generate::all_typologies())
        names += (names.empty() ? "" : ",") + std::string(generate::slug_of(t));
    CLI::App* cmd = app.add_subcommand("generate", tr("cli.generate.help"));
    cmd->add_option("--seed", c->seed, tr("cli.generate.seed"))->capture_default_str();
    cmd->add_option("--transactions", c->transactions, tr("cli.generate.transactions"))
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t{1}, generate::kMaxGeneratedTransactions));
    cmd->add_option("--typologies", c->typologies,
                    render(Message("cli.generate.typologies").arg("names", names)));
    cmd->add_option("--id", c->id, tr("cli.generate.id"));
    cmd->add_option("--days", c->days, tr("cli.generate.days"))->capture_default_str();
    cmd->add_option("--out", c->out, tr("cli.generate.out"))->required();
    cmd->add_option("--lang", c->language, tr("cli.lang"))->check(CLI::IsMember({"en", "es"}));
    cmd->callback([c, &exit_code] { exit_code = run_generate(*c); });
}

}  // namespace mt
