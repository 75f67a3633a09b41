#include "generate/generator.hpp"

#include <fstream>
#include <stdexcept>

#include "generate/background.hpp"
#include "generate/case_names.hpp"
#include "generate/case_yaml.hpp"
#include "generate/ledger_sink.hpp"
#include "generate/trail.hpp"
#include "scenario/loader.hpp"

namespace mt::generate {
namespace {

constexpr std::uint64_t kMinimumBackground = 200;
// The trail's largest possible size per typology (the ranges in trail.cpp), plus its start.
constexpr std::uint64_t kTrailStart = 3;
constexpr std::uint64_t kMostPerTypology = 11;

}  // namespace

std::uint64_t minimum_transactions(const std::vector<Typology>& typologies) {
    return kTrailStart + kMostPerTypology * (typologies.size() + 1) + kMinimumBackground;
}

GenerateResult generate_case(const GenerateOptions& o) {
    GenerateResult result;
    const std::string id =
        o.id.empty() ? "haystack-" + std::to_string(o.seed) + "-" + std::to_string(o.transactions)
                     : o.id;
    if (!is_slug(id)) {
        result.error = Message("generate.error.bad_id").arg("id", id);
        return result;
    }
    if (o.transactions < minimum_transactions(o.typologies) ||
        o.transactions > kMaxGeneratedTransactions) {
        result.error = Message("generate.error.transactions")
                           .arg("least", std::to_string(minimum_transactions(o.typologies)))
                           .arg("most", std::to_string(kMaxGeneratedTransactions))
                           .arg("value", std::to_string(o.transactions));
        return result;
    }
    if (o.days < 7 || o.days > 3650) {
        result.error = Message("generate.error.days").arg("value", o.days);
        return result;
    }
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
        result.error = Message("generate.error.cannot_create_folder")
                           .arg("file", o.out_dir.string())
                           .arg("reason", ec.message());
        return result;
    }
    result.case_file = o.out_dir / (id + ".yaml");
    result.ledger_file = o.out_dir / (id + "-ledger.csv");
    std::ofstream csv(result.ledger_file, std::ios::binary | std::ios::trunc);
    if (!csv) {
        result.error =
            Message("generate.error.cannot_write").arg("file", result.ledger_file.string());
        return result;
    }

    try {
        Random random(o.seed);
        LedgerSink sink(csv, mix64(o.seed ^ 0x6D6F6E6579747261ull));
        const auto users =
            static_cast<std::uint32_t>(std::max<std::uint64_t>(200, o.transactions / 16));
        Background background(sink, random.fork(1), users);
        Trail trail(sink, background, random.fork(2), o.typologies);
        Random timing = random.fork(3);
        Random naming = random.fork(4);

        // The background spreads evenly over the days before the briefing; the trail ends an hour
        // or two before it, when the case is reported.
        const std::uint64_t background_count = o.transactions - trail.transaction_count();
        const SimSeconds begin = -days(o.days);
        const SimSeconds end = -minutes(10);
        trail.schedule(-timing.between(minutes(60), minutes(150)));
        if (trail.next_time() <= begin) {
            result.error = Message("generate.error.days_too_short").arg("value", o.days);
            return result;
        }
        const auto span = static_cast<std::uint64_t>(end - begin);
        const std::uint64_t slot = span / background_count;
        for (std::uint64_t i = 0; i < background_count; ++i) {
            const SimSeconds t =
                begin + static_cast<SimSeconds>(i * span / background_count +
                                                (slot > 0 ? timing.below(slot) : 0));
            while (!trail.done() && trail.next_time() <= t) trail.run_next();
            background.step(t);
        }
        while (!trail.done()) trail.run_next();
        if (!sink.flush()) {
            result.error =
                Message("generate.error.write_failed").arg("file", result.ledger_file.string());
            return result;
        }
        csv.close();

        const CaseNames names = o.cast ? *o.cast : pick_names(naming);
        const CaseSpec spec{id,           o.seed, o.transactions,
                            o.typologies, o.days, result.ledger_file.filename().string()};
        const std::string yaml = case_yaml(spec, trail.facts(), names, sink, background);
        std::ofstream file(result.case_file, std::ios::binary | std::ios::trunc);
        file.write(yaml.data(), static_cast<std::streamsize>(yaml.size()));
        if (!file) {
            result.error =
                Message("generate.error.cannot_write").arg("file", result.case_file.string());
            return result;
        }
        result.transactions = sink.transaction_count();
        result.trail_transactions = trail.transaction_count();
    } catch (const std::bad_alloc&) {
        result.error = Message("generate.error.out_of_memory");
    } catch (const std::logic_error& e) {
        result.error = Message("generate.error.internal").arg("detail", e.what());
    }
    return result;
}

}  // namespace mt::generate
