// The per-transaction UTXO rules and exact proportions, checked against docs/forensics.md's worked
// example.
#include <catch2/catch.hpp>

#include "forensics/proportion.hpp"
#include "forensics/utxo_taint_rule.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;

namespace {

struct Split {
    std::vector<Units> outputs;
    Units lost = 0;
};

Split split(TaintMethod method, std::vector<Units> values, std::vector<Units> taint,
            std::vector<Units> outputs) {
    Split s;
    s.outputs.resize(outputs.size());
    std::vector<std::uint32_t> scratch;
    s.lost = split_utxo_taint(method, values, taint, outputs, s.outputs, scratch);
    return s;
}

}  // namespace

TEST_CASE("worked example of docs/forensics.md: 3 tainted + 7 clean into 2, 5, 3",
          "[taint][rule]") {
    const std::vector<Units> in{3 * kBtc, 7 * kBtc}, taint{3 * kBtc, 0},
        out{2 * kBtc, 5 * kBtc, 3 * kBtc};
    using V = std::vector<Units>;
    CHECK(split(TaintMethod::Poison, in, taint, out).outputs == V{2 * kBtc, 5 * kBtc, 3 * kBtc});
    CHECK(split(TaintMethod::Haircut, in, taint, out).outputs ==
          V{60'000'000, 150'000'000, 90'000'000});
    CHECK(split(TaintMethod::Fifo, in, taint, out).outputs == V{2 * kBtc, 1 * kBtc, 0});
    CHECK(split(TaintMethod::Lifo, in, taint, out).outputs == V{0, 0, 3 * kBtc});
    CHECK(split(TaintMethod::Tiho, in, taint, out).outputs == V{0, 3 * kBtc, 0});
    for (TaintMethod m :
         {TaintMethod::Haircut, TaintMethod::Fifo, TaintMethod::Lifo, TaintMethod::Tiho})
        CHECK(split(m, in, taint, out).lost == 0);
}

TEST_CASE("the fee's share of taint is lost", "[taint][rule][fee]") {
    using V = std::vector<Units>;
    // 3 tainted + 7 clean into 2, 5, 2 with a fee of 1.
    const V in{3 * kBtc, 7 * kBtc}, taint{3 * kBtc, 0}, out{2 * kBtc, 5 * kBtc, 2 * kBtc};
    const Split haircut = split(TaintMethod::Haircut, in, taint, out);
    CHECK(haircut.outputs == V{60'000'000, 150'000'000, 60'000'000});
    CHECK(haircut.lost == 30'000'000);  // the fee is 10% of the value, so 10% of the taint
    CHECK(split(TaintMethod::Poison, in, taint, out).lost == 1 * kBtc);

    // Clean first, tainted last: FIFO reaches the tainted end of the stream only in O3 and the fee.
    const V late_in{7 * kBtc, 3 * kBtc}, late_taint{0, 3 * kBtc};
    const Split fifo = split(TaintMethod::Fifo, late_in, late_taint, out);
    CHECK(fifo.outputs == V{0, 0, 2 * kBtc});
    CHECK(fifo.lost == 1 * kBtc);
    // LIFO hands the start of the stream (clean here) to the last output; the fee is still the end.
    const Split lifo = split(TaintMethod::Lifo, late_in, late_taint, out);
    CHECK(lifo.outputs == V{2 * kBtc, 0, 0});
    CHECK(lifo.lost == 1 * kBtc);

    // TIHO: more taint than outputs can hold; what does not fit went to the fee.
    const Split tiho = split(TaintMethod::Tiho, V{10 * kBtc}, V{10 * kBtc}, V{4 * kBtc, 5 * kBtc});
    CHECK(tiho.outputs == V{4 * kBtc, 5 * kBtc});
    CHECK(tiho.lost == 1 * kBtc);
}

TEST_CASE("FIFO and LIFO read the tainted part of each input first", "[taint][rule]") {
    using V = std::vector<Units>;
    // Two inputs of 4, each half tainted: stream T T C C T T C C; outputs of 3, 3, 2.
    const V in{4, 4}, taint{2, 2}, out{3, 3, 2};
    CHECK(split(TaintMethod::Fifo, in, taint, out).outputs == V{2, 2, 0});
    CHECK(split(TaintMethod::Lifo, in, taint, out).outputs == V{1, 1, 2});
}

TEST_CASE("TIHO breaks ties between equal outputs by output order", "[taint][rule]") {
    using V = std::vector<Units>;
    CHECK(split(TaintMethod::Tiho, V{10}, V{4}, V{5, 5}).outputs == V{4, 0});
}

TEST_CASE("haircut rounds down to whole base units and the crumbs are lost",
          "[taint][rule][rounding]") {
    using V = std::vector<Units>;
    const Split s = split(TaintMethod::Haircut, V{1, 2}, V{1, 0}, V{1, 1, 1});
    CHECK(s.outputs == V{0, 0, 0});
    CHECK(s.lost == 1);
    const Split third = split(TaintMethod::Haircut, V{10}, V{10}, V{3, 3, 3});
    CHECK(third.outputs == V{3, 3, 3});
    CHECK(third.lost == 1);
}

TEST_CASE("dust and zero-value outputs", "[taint][rule][dust]") {
    using V = std::vector<Units>;
    // A dust output gets its floor share; a zero-value (data) output gets nothing under any method.
    const V in{3 * kBtc, 7 * kBtc}, taint{3 * kBtc, 0}, out{546, 0, 10 * kBtc - 546};
    CHECK(split(TaintMethod::Haircut, in, taint, out).outputs[0] == 163);  // floor(546 * 0.3)
    for (TaintMethod m : {TaintMethod::Poison, TaintMethod::Haircut, TaintMethod::Fifo,
                          TaintMethod::Lifo, TaintMethod::Tiho})
        CHECK(split(m, in, taint, out).outputs[1] == 0);
    // Only zero-value inputs: nothing to divide by, nothing tainted.
    CHECK(split(TaintMethod::Haircut, V{0, 0}, V{0, 0}, V{0}).outputs == V{0});
    // No outputs at all: all taint is lost.
    CHECK(split(TaintMethod::Fifo, V{5}, V{5}, V{}).lost == 5);
}

TEST_CASE("mul_div_floor is exact beyond 128-bit products", "[proportion]") {
    Units e27 = 1;
    for (int i = 0; i < 27; ++i) e27 *= 10;
    CHECK(mul_div_floor(7 * e27, 3 * e27, 10 * e27) == 21 * e27 / 10);
    CHECK(mul_div_floor(max_amount(), max_amount(), max_amount()) == max_amount());
    CHECK(mul_div_floor(max_amount() - 1, max_amount() - 1, max_amount()) == max_amount() - 2);
    CHECK(mul_div_floor(mt::test::kEth, mt::test::kEth, 11 * mt::test::kEth) ==
          90'909'090'909'090'909);
    CHECK(mul_div_floor(5, 0, 7) == 0);
    CHECK(mul_div_floor(5, 3, 0) == 0);
}

TEST_CASE("shares are shown rounded to one decimal", "[proportion]") {
    CHECK(format_share(3, 10) == "30.0%");
    CHECK(format_share(1, 11) == "9.1%");
    CHECK(format_share(2, 3) == "66.7%");
    CHECK(format_share(1, 2000) == "0.1%");
    CHECK(format_share(1, 2001) == "0.0%");
    CHECK(format_share(5, 5) == "100.0%");
    CHECK(format_share(0, 0) == "0.0%");
}
