#pragma once
// How one UTXO transaction passes taint from its inputs to its outputs, for each method
// (docs/forensics.md, "Taint: following stolen funds"). Pure arithmetic on amounts, so the rule is
// tested on its own.
#include <span>
#include <vector>

#include "model/money.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// Writes the taint of each output into output_taint (same length as output_values) and returns
// the taint lost to the fee. input_taint[i] <= input_values[i] is assumed (the caller clamps).
//   poison:  any tainted input taints every output for its full value; the whole fee is lost.
//   haircut: floor(output * total_taint / total_input), at most the output; the remainder
//            (the fee's share plus rounding crumbs) is lost.
//   FIFO:    inputs form one stream in input order, tainted part of each input first; outputs
//            take the stream in output order; the fee is the end of the stream.
//   LIFO:    the same stream; outputs take it from the last output back to the first.
//   TIHO:    the total taint fills outputs from the largest value down (ties: lower index first).
// `scratch` is reused between calls to avoid allocating per transaction.
Units split_utxo_taint(TaintMethod method, std::span<const Units> input_values,
                       std::span<const Units> input_taint, std::span<const Units> output_values,
                       std::span<Units> output_taint, std::vector<std::uint32_t>& scratch);

}  // namespace mt
