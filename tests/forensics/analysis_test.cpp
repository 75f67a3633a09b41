// run_analysis: the reports the trainee sees, the horizon, and bad targets.
#include <catch2/catch.hpp>

#include "forensics/analysis.hpp"
#include "i18n/catalogue.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;
using mt::test::kEth;
using mt::test::TestLedger;

namespace {

// docs/forensics.md's worked example, then a later move the trainee must not see before time 100.
struct Case {
    TestLedger t;
    Case() {
        const AddressId a = t.btc_address("bc1qstolen"), b = t.btc_address("bc1qmined");
        const TxIndex f1 = t.utxo("f1", 10, {TestLedger::in(t.btc_address("bc1qvictim"), 3 * kBtc)},
                                  {{a, 3 * kBtc}});
        const TxIndex f2 = t.utxo("f2", 20, {TestLedger::in(t.btc_address("bc1qpool"), 7 * kBtc)},
                                  {{b, 7 * kBtc}});
        const TxIndex mix = t.utxo(
            "mix", 30, {TestLedger::in(a, 3 * kBtc, f1, 0), TestLedger::in(b, 7 * kBtc, f2, 0)},
            {{t.btc_address("bc1qo1"), 2 * kBtc},
             {t.btc_address("bc1qo2"), 5 * kBtc},
             {t.btc_address("bc1qo3"), 3 * kBtc}});
        t.utxo("later", 100, {TestLedger::in(t.btc_address("bc1qo2"), 5 * kBtc, mix, 1)},
               {{t.btc_address("bc1qfuture"), 5 * kBtc}});
        t.done();
    }
    AnalysisOutcome run(AnalysisTool tool, const std::string& target, SimSeconds until,
                        TaintMethod method = TaintMethod::Haircut) const {
        return run_analysis(t.ledger, {tool, method, target, until});
    }
};

const AnalysisRow* row(const AnalysisReport& r, const std::string& subject) {
    for (const AnalysisRow& x : r.rows)
        if (x.subject == subject) return &x;
    return nullptr;
}

// The report's sentences and a row's details as the trainee reads them in `language`.
std::string summary(const AnalysisReport& r, const char* language) {
    return render_all(r.summary, " ", language);
}
std::string detail(const AnalysisRow& x, const char* language) {
    return render_all(x.detail, " · ", language);
}

bool mentions(const AnalysisReport& r, const std::string& text) {
    if (summary(r, "en").find(text) != std::string::npos ||
        summary(r, "es").find(text) != std::string::npos)
        return true;
    for (const AnalysisRow& x : r.rows)
        if (x.subject.find(text) != std::string::npos || x.value.find(text) != std::string::npos ||
            detail(x, "en").find(text) != std::string::npos ||
            detail(x, "es").find(text) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("a haircut taint report shows amounts, shares and hops", "[analysis][taint]") {
    const Case c;
    const AnalysisOutcome out = c.run(AnalysisTool::Taint, "bc1qstolen", 50);
    REQUIRE(out.report);
    CHECK(out.error.empty());
    const AnalysisReport& r = *out.report;
    CHECK(r.tool == AnalysisTool::Taint);
    CHECK(r.method == "haircut");
    CHECK(r.subject == "bc1qstolen");
    CHECK(r.at == 50);
    CHECK(r.id.empty());
    REQUIRE(row(r, "bc1qo2"));
    CHECK(row(r, "bc1qo2")->value == "1.5 BTC");
    CHECK(detail(*row(r, "bc1qo2"), "en") == "30.0% · 1 hop · held 1.5 BTC");
    CHECK(detail(*row(r, "bc1qo2"), "es") == "30.0% · 1 salto · retenido 1.5 BTC");
    // The same facts as data: 3 tainted of 10 received, one hop from the source.
    REQUIRE(row(r, "bc1qo2")->share);
    CHECK(*row(r, "bc1qo2")->share == Approx(0.3));
    CHECK(row(r, "bc1qo2")->hops == 1u);
    CHECK_FALSE(row(r, "bc1qo2")->transaction);
    CHECK(row(r, "bc1qo2")->evidence.empty());
    CHECK(row(r, "bc1qo1")->value == "0.6 BTC");
    CHECK(row(r, "bc1qo3")->value == "0.9 BTC");
    REQUIRE(row(r, "mix"));
    CHECK(row(r, "mix")->value == "3 BTC");
    CHECK(detail(*row(r, "mix"), "en").find("← f1") != std::string::npos);
    CHECK(row(r, "mix")->transaction);
    // 3 of the mix's 10 BTC of outputs are tainted.
    REQUIRE(row(r, "mix")->share);
    CHECK(*row(r, "mix")->share == Approx(0.3));
    CHECK(summary(r, "en").find("3 BTC") != std::string::npos);
    CHECK(summary(r, "es").find("Contaminación") != std::string::npos);
    CHECK(summary(r, "en") != summary(r, "es"));
}

TEST_CASE("each taint method gives its own per-output values in the report", "[analysis][taint]") {
    const Case c;
    auto value = [&](TaintMethod m, const std::string& address) {
        const AnalysisOutcome out = c.run(AnalysisTool::Taint, "f1:0", 50, m);
        REQUIRE(out.report);
        const AnalysisRow* x = row(*out.report, address);
        return x ? x->value : std::string("none");
    };
    CHECK(value(TaintMethod::Fifo, "bc1qo1") == "2 BTC");
    CHECK(value(TaintMethod::Fifo, "bc1qo2") == "1 BTC");
    CHECK(value(TaintMethod::Fifo, "bc1qo3") == "none");
    CHECK(value(TaintMethod::Lifo, "bc1qo3") == "3 BTC");
    CHECK(value(TaintMethod::Tiho, "bc1qo2") == "3 BTC");
    CHECK(value(TaintMethod::Poison, "bc1qo2") == "5 BTC");
}

TEST_CASE("reports never include transactions after `until`", "[analysis][horizon]") {
    const Case c;
    const AnalysisOutcome before =
        c.run(AnalysisTool::Taint, "bc1qstolen", 99, TaintMethod::Poison);
    REQUIRE(before.report);
    CHECK_FALSE(mentions(*before.report, "later"));
    CHECK_FALSE(mentions(*before.report, "bc1qfuture"));
    const AnalysisOutcome after =
        c.run(AnalysisTool::Taint, "bc1qstolen", 100, TaintMethod::Poison);
    REQUIRE(after.report);
    CHECK(mentions(*after.report, "bc1qfuture"));
    // Before time 30 the mix has not happened: the stolen coins are still held.
    const AnalysisOutcome early = c.run(AnalysisTool::Taint, "bc1qstolen", 29, TaintMethod::Poison);
    REQUIRE(early.report);
    CHECK_FALSE(mentions(*early.report, "mix"));
    CHECK_FALSE(mentions(*early.report, "bc1qo1"));
}

TEST_CASE("a target from the future is as unknown as a made-up one", "[analysis][horizon]") {
    const Case c;
    const AnalysisOutcome future_tx = c.run(AnalysisTool::Taint, "later", 50);
    const AnalysisOutcome future_address = c.run(AnalysisTool::Cluster, "bc1qfuture", 50);
    const AnalysisOutcome made_up = c.run(AnalysisTool::Taint, "nonsense", 50);
    CHECK_FALSE(future_tx.report);
    CHECK_FALSE(future_address.report);
    CHECK_FALSE(made_up.report);
    CHECK(render(future_tx.error, "en") ==
          "Analysis target 'later': no such address or transaction on the chain as of now.");
    CHECK(render(made_up.error, "es") ==
          "Objetivo del análisis 'nonsense': no existe esa dirección o transacción en la cadena a "
          "la fecha.");
}

TEST_CASE("bad targets give an error, never a throw", "[analysis]") {
    const Case c;
    for (AnalysisTool tool : all_values<AnalysisTool>()) {
        for (const std::string& target :
             {std::string(""), std::string("bc1qnobody"), std::string("mix:7"),
              std::string("mix:x"), std::string("bc1qstolen@"), std::string("bc1qstolen@-1"),
              std::string("bc1qstolen@0.000000001"), std::string("nothing:0")}) {
            AnalysisOutcome out;
            REQUIRE_NOTHROW(out = c.run(tool, target, 50));
            CHECK_FALSE(out.report);
            CHECK_FALSE(out.error.empty());
        }
    }
    CHECK(render(c.run(AnalysisTool::Taint, "mix:7", 50).error, "en").find("has 3 outputs") !=
          std::string::npos);
    CHECK(render(c.run(AnalysisTool::Cluster, "bc1qstolen@1", 50).error, "en")
              .find("taint analysis only") != std::string::npos);
}

TEST_CASE("an amount limits the taint placed", "[analysis][taint]") {
    const Case c;
    const AnalysisOutcome out = c.run(AnalysisTool::Taint, "mix:1@0.5", 50, TaintMethod::Fifo);
    REQUIRE(out.report);
    REQUIRE(row(*out.report, "bc1qo2"));
    CHECK(row(*out.report, "bc1qo2")->value == "0.5 BTC");
    CHECK(detail(*row(*out.report, "bc1qo2"), "en").find("10.0%") != std::string::npos);
    CHECK(*row(*out.report, "bc1qo2")->share == Approx(0.1));
}

TEST_CASE("cluster, peel-chain and CoinJoin reports", "[analysis]") {
    TestLedger t;
    std::vector<TxInput> ins;
    std::vector<TxOutput> outs;
    for (int i = 0; i < 5; ++i) {
        const AddressId p = t.btc_address("bc1qparty" + std::to_string(i));
        const TxIndex f =
            t.utxo("fund" + std::to_string(i), i,
                   {TestLedger::in(t.btc_address("bc1qsrc" + std::to_string(i)), 6'000'000)},
                   {{p, 6'000'000}});
        ins.push_back(TestLedger::in(p, 6'000'000, f, 0));
        outs.push_back({t.btc_address("bc1qmixed" + std::to_string(i)), 5'000'000});
        if (i < 4)
            outs.push_back({t.btc_address("bc1qtoxic" + std::to_string(i)), 990'000 - 1'000 * i});
    }
    t.utxo("coinjoin", 10, ins, outs);
    t.done();
    const AnalysisOutcome cj =
        run_analysis(t.ledger, {AnalysisTool::CoinJoin, TaintMethod::Haircut, "coinjoin", 50});
    REQUIRE(cj.report);
    CHECK(summary(*cj.report, "en").find("matches the CoinJoin rule") != std::string::npos);
    CHECK(cj.report->rows.size() == 5);
    CHECK(cj.report->rows[0].value == "0.05 BTC");
    const AnalysisOutcome by_address =
        run_analysis(t.ledger, {AnalysisTool::CoinJoin, TaintMethod::Haircut, "bc1qparty2", 50});
    REQUIRE(by_address.report);
    CHECK(by_address.report->rows.size() == 1);
    CHECK(by_address.report->rows[0].subject == "coinjoin");
    const AnalysisOutcome not_cj =
        run_analysis(t.ledger, {AnalysisTool::CoinJoin, TaintMethod::Haircut, "fund0", 50});
    REQUIRE(not_cj.report);
    CHECK(summary(*not_cj.report, "en").find("fewer than 2 inputs") != std::string::npos);

    const AnalysisOutcome kept =
        run_analysis(t.ledger, {AnalysisTool::Cluster, TaintMethod::Haircut, "bc1qparty0", 50});
    REQUIRE(kept.report);
    CHECK(kept.report->rows.size() == 1);
    CHECK(summary(*kept.report, "en").find("1 CoinJoin transaction kept apart") !=
          std::string::npos);
    AnalysisRequest naive{AnalysisTool::Cluster, TaintMethod::Haircut, "bc1qparty0", 50};
    naive.cluster.stop_at_coinjoin = false;
    const AnalysisOutcome merged = run_analysis(t.ledger, naive);
    REQUIRE(merged.report);
    CHECK(merged.report->rows.size() == 5);
    CHECK(summary(*merged.report, "en").find("Warning") != std::string::npos);
    REQUIRE(row(*merged.report, "bc1qparty3"));
    CHECK(detail(*row(*merged.report, "bc1qparty3"), "en").find("common input · tx coinjoin") !=
          std::string::npos);
    CHECK(detail(*row(*merged.report, "bc1qparty3"), "es").find("entrada común · tx coinjoin") !=
          std::string::npos);
    CHECK(row(*merged.report, "bc1qparty3")->evidence == "common_input");
    CHECK(row(*merged.report, "bc1qparty3")->via_coinjoin);
    REQUIRE(row(*merged.report, "bc1qparty0"));
    CHECK(row(*merged.report, "bc1qparty0")->evidence == "subject");
    CHECK_FALSE(row(*merged.report, "bc1qparty0")->via_coinjoin);
    CHECK(kept.report->rows[0].evidence == "subject");
    CHECK(detail(cj.report->rows[0], "es").find("salida igual") != std::string::npos);
    CHECK(by_address.report->rows[0].transaction);

    const AnalysisOutcome peel =
        run_analysis(t.ledger, {AnalysisTool::PeelChain, TaintMethod::Haircut, "coinjoin", 50});
    REQUIRE(peel.report);
    CHECK(peel.report->rows.empty());
    CHECK(summary(*peel.report, "en").find("No peel chain") != std::string::npos);
}

TEST_CASE("account-based targets: taint and cluster", "[analysis][account]") {
    TestLedger t;
    const AddressId alice = t.eth_address("0xalice"), bob = t.eth_address("0xbob");
    t.transfer("0xsalary", 10, t.eth_address("0xemployer"), alice, 5 * kEth);
    t.transfer("0xstolen", 20, t.eth_address("0xthief"), alice, 1 * kEth);
    t.transfer("0xbonus", 30, t.eth_address("0xemployer"), alice, 5 * kEth);
    t.transfer("0xtobob", 40, alice, bob, 1 * kEth);
    t.done();
    const AnalysisOutcome taint =
        run_analysis(t.ledger, {AnalysisTool::Taint, TaintMethod::Haircut, "0xstolen", 50});
    REQUIRE(taint.report);
    REQUIRE(row(*taint.report, "0xbob"));
    CHECK(row(*taint.report, "0xbob")->value == "0.090909090909090909 ETH");
    CHECK(detail(*row(*taint.report, "0xbob"), "en").find("9.1%") != std::string::npos);
    // Haircut on an account: Bob's 1 ETH carries Alice's 1/11 taint.
    REQUIRE(row(*taint.report, "0xbob")->share);
    CHECK(*row(*taint.report, "0xbob")->share == Approx(1.0 / 11.0));
    const AnalysisOutcome cluster =
        run_analysis(t.ledger, {AnalysisTool::Cluster, TaintMethod::Haircut, "0xalice", 50});
    REQUIRE(cluster.report);
    CHECK(summary(*cluster.report, "en").find("account-based") != std::string::npos);
    CHECK(cluster.report->rows.size() == 1);
    CHECK(cluster.report->rows[0].value == "10 ETH");
}

TEST_CASE("a transaction without inputs or outputs is handled, not a crash", "[analysis]") {
    TestLedger t;
    t.ledger.add_transaction({"empty", t.btc_chain, t.btc, 5, 0, {}, {}});
    t.done();
    for (AnalysisTool tool :
         {AnalysisTool::Taint, AnalysisTool::PeelChain, AnalysisTool::CoinJoin}) {
        const AnalysisOutcome out = run_analysis(t.ledger, {tool, TaintMethod::Fifo, "empty", 10});
        REQUIRE(out.report);
        CHECK_FALSE(summary(*out.report, "en").empty());
        CHECK_FALSE(summary(*out.report, "es").empty());
    }
    const AnalysisOutcome cluster =
        run_analysis(t.ledger, {AnalysisTool::Cluster, TaintMethod::Fifo, "empty", 10});
    CHECK_FALSE(cluster.report);
    CHECK(render(cluster.error, "en").find("no addresses") != std::string::npos);
}

TEST_CASE("each taint method gives its own share per output of the worked example",
          "[analysis][taint]") {
    // docs/forensics.md's worked example: 3 tainted + 7 clean into 2, 5 and 3; shares of what each
    // address received.
    const Case c;
    auto share = [&](TaintMethod m, const std::string& address) {
        const AnalysisOutcome out = c.run(AnalysisTool::Taint, "f1:0", 50, m);
        REQUIRE(out.report);
        const AnalysisRow* x = row(*out.report, address);
        return x && x->share ? *x->share : -1.0;
    };
    CHECK(share(TaintMethod::Poison, "bc1qo1") == Approx(1.0));
    CHECK(share(TaintMethod::Haircut, "bc1qo1") == Approx(0.3));
    CHECK(share(TaintMethod::Haircut, "bc1qo3") == Approx(0.3));
    CHECK(share(TaintMethod::Fifo, "bc1qo1") == Approx(1.0));
    CHECK(share(TaintMethod::Fifo, "bc1qo2") == Approx(0.2));
    CHECK(share(TaintMethod::Lifo, "bc1qo3") == Approx(1.0));
    CHECK(share(TaintMethod::Tiho, "bc1qo2") == Approx(0.6));
    CHECK(share(TaintMethod::Tiho, "bc1qo1") == -1.0);  // untouched: no row
}

TEST_CASE("the flow-patterns tool finds a fan-in and names its counterparties",
          "[analysis][flow]") {
    TestLedger t;
    const AddressId hub = t.eth_address("0xhotwallet");
    // Each user keeps 1 ETH, so none of them is swept (no consolidation).
    for (int i = 0; i < 6; ++i)
        t.transfer("0xfund" + std::to_string(i), i, t.eth_address("0xbank"),
                   t.eth_address("0xuser" + std::to_string(i)), (i + 2) * kEth);
    for (int i = 0; i < 6; ++i)
        t.transfer("0xin" + std::to_string(i), 10 + i, t.eth_address("0xuser" + std::to_string(i)),
                   hub, (i + 1) * kEth);
    t.transfer("0xout", 40, hub, t.eth_address("0xcold"), 2 * kEth);
    t.done();
    const AnalysisOutcome out = run_analysis(
        t.ledger, {AnalysisTool::FlowPatterns, TaintMethod::Haircut, "0xhotwallet", 50});
    REQUIRE(out.report);
    const AnalysisReport& r = *out.report;
    CHECK(r.tool == AnalysisTool::FlowPatterns);
    CHECK(summary(r, "en").find("fan-in found (6 senders, 21 ETH)") != std::string::npos);
    CHECK(summary(r, "en").find("fan-out not found (1 recipient,") != std::string::npos);
    CHECK(summary(r, "es").find("abanico de entrada encontrado") != std::string::npos);
    REQUIRE(r.rows.size() == 6);
    CHECK(r.rows[0].subject == "0xuser5");  // the largest sender first
    CHECK(r.rows[0].value == "6 ETH");
    CHECK(r.rows[0].evidence == "fan_in");
    CHECK(detail(r.rows[0], "en") == "fan-in · 1 transfer · tx 0xin5");
    CHECK(detail(r.rows[0], "es") == "abanico de entrada · 1 transferencia · tx 0xin5");
    // Before the fifth sender arrived there was no pattern yet.
    const AnalysisOutcome early = run_analysis(
        t.ledger, {AnalysisTool::FlowPatterns, TaintMethod::Haircut, "0xhotwallet", 13});
    REQUIRE(early.report);
    CHECK(early.report->rows.empty());
    // A transaction is not a hub.
    const AnalysisOutcome tx =
        run_analysis(t.ledger, {AnalysisTool::FlowPatterns, TaintMethod::Haircut, "0xout", 50});
    CHECK_FALSE(tx.report);
    CHECK(render(tx.error, "en").find("around an address") != std::string::npos);
}

// Every report of every tool and method is worded by the catalogues in both languages: no key
// missing, no placeholder left unfilled, counts as real plurals.
TEST_CASE("every report is worded by the catalogues in both languages", "[analysis][i18n]") {
    const Case c;
    std::size_t reports = 0;
    for (AnalysisTool tool : all_values<AnalysisTool>())
        for (TaintMethod method : all_values<TaintMethod>())
            for (const char* target : {"bc1qstolen", "mix", "f1:0", "bc1qo2"}) {
                const AnalysisOutcome out = c.run(tool, target, 50, method);
                if (!out.report) continue;
                ++reports;
                for (const char* language : {"en", "es"}) {
                    std::string words = summary(*out.report, language);
                    for (const AnalysisRow& x : out.report->rows)
                        words += "\n" + detail(x, language);
                    INFO(words);
                    CHECK(words.find('{') == std::string::npos);
                    CHECK(words.find("(s)") == std::string::npos);
                    CHECK(words.find("forensic.") == std::string::npos);
                }
            }
    CHECK(reports >= 20);
    CHECK(missing_translation_keys().empty());
    // One and many read differently.
    const AnalysisOutcome taint = c.run(AnalysisTool::Taint, "bc1qstolen", 50);
    REQUIRE(taint.report);
    INFO(summary(*taint.report, "en"));
    CHECK(summary(*taint.report, "en").find("reached 4 addresses") != std::string::npos);
    CHECK(summary(*taint.report, "es").find("llegaron a 4 direcciones") != std::string::npos);
    CHECK(detail(*row(*taint.report, "bc1qo2"), "es").find("1 salto") != std::string::npos);
}
