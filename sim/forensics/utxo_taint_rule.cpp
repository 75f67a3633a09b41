#include "forensics/utxo_taint_rule.hpp"

#include <algorithm>
#include <numeric>

#include "forensics/proportion.hpp"

namespace mt {
namespace {

Units sum(std::span<const Units> values) {
    return std::accumulate(values.begin(), values.end(), Units{0});
}

// Overlap of the stream's tainted stretches with consecutive output stretches; `order` lists the
// outputs in the order they take the stream.
void fill_from_stream(std::span<const Units> input_values, std::span<const Units> input_taint,
                      std::span<const Units> output_values, std::span<const std::uint32_t> order,
                      std::span<Units> output_taint) {
    std::size_t input = 0;
    Units input_start = 0;  // stream position where the current input begins
    Units output_start = 0;
    for (std::uint32_t o : order) {
        const Units output_end = output_start + output_values[o];
        Units taint = 0;
        // Walk the inputs whose tainted stretch [start, start + taint) can overlap this output.
        while (input < input_values.size()) {
            const Units tainted_end = input_start + input_taint[input];
            const Units overlap_begin = std::max(input_start, output_start);
            const Units overlap_end = std::min(tainted_end, output_end);
            if (overlap_end > overlap_begin) taint += overlap_end - overlap_begin;
            if (input_start + input_values[input] > output_end)
                break;  // input reaches the next output
            input_start += input_values[input];
            ++input;
        }
        output_taint[o] = taint;
        output_start = output_end;
    }
}

}  // namespace

Units split_utxo_taint(TaintMethod method, std::span<const Units> input_values,
                       std::span<const Units> input_taint, std::span<const Units> output_values,
                       std::span<Units> output_taint, std::vector<std::uint32_t>& scratch) {
    std::fill(output_taint.begin(), output_taint.end(), Units{0});
    const Units total_taint = sum(input_taint);
    if (total_taint <= 0) return 0;
    const Units total_in = sum(input_values);
    const Units total_out = sum(output_values);
    const auto outputs = static_cast<std::uint32_t>(output_values.size());
    switch (method) {
        case TaintMethod::Poison:
            std::copy(output_values.begin(), output_values.end(), output_taint.begin());
            return std::max(Units{0}, total_in - total_out);
        case TaintMethod::Haircut:
            for (std::uint32_t o = 0; o < outputs; ++o)
                output_taint[o] = std::min(mul_div_floor(output_values[o], total_taint, total_in),
                                           output_values[o]);
            break;
        case TaintMethod::Fifo:
        case TaintMethod::Lifo:
            scratch.resize(outputs);
            std::iota(scratch.begin(), scratch.end(), 0u);
            if (method == TaintMethod::Lifo) std::reverse(scratch.begin(), scratch.end());
            fill_from_stream(input_values, input_taint, output_values, scratch, output_taint);
            break;
        case TaintMethod::Tiho: {
            scratch.resize(outputs);
            std::iota(scratch.begin(), scratch.end(), 0u);
            std::stable_sort(scratch.begin(), scratch.end(), [&](std::uint32_t a, std::uint32_t b) {
                return output_values[a] > output_values[b];
            });
            Units left = total_taint;
            for (std::uint32_t o : scratch) {
                output_taint[o] = std::min(left, output_values[o]);
                left -= output_taint[o];
                if (left == 0) break;
            }
            break;
        }
    }
    return total_taint - sum(output_taint);
}

}  // namespace mt
