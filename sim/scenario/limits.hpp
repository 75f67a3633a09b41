#pragma once
// Bounds on what a case file may ask of the loader. Each is far above what a real case needs and
// each has its own error, so hostile or broken input fails fast with a message instead of
// exhausting memory, the stack or the trainee's patience.
#include <cstddef>
#include <cstdint>

namespace mt::scenario_limits {

// yaml-cpp needs about 50 times the file size in memory; bulk ledgers belong in a CSV side file.
inline constexpr std::size_t kMaxYamlBytes = std::size_t{16} << 20;
inline constexpr std::size_t kMaxCsvBytes = std::size_t{512} << 20;
// The format itself nests at most 7 levels; anything far deeper is a mistake or an attack.
inline constexpr int kMaxDepth = 64;
// Values a case file may hold, counted on its text before the YAML parser builds anything (list
// items, map keys and values, lines): the parser costs about 5 us and 500 bytes per value, so this
// caps a file at a few seconds and a few hundred MB; real cases hold under 20,000.
inline constexpr std::size_t kMaxYamlValues = 500'000;
// Nodes visited while walking the document with aliases expanded (alias "bombs" share nodes in
// memory but explode when walked).
inline constexpr std::size_t kMaxNodeVisits = 2'000'000;
// Diagnostics kept per load; the last one says how many more were found.
inline constexpr std::size_t kMaxDiagnostics = 500;
inline constexpr std::size_t kMaxTextBytes = 64 * 1024;  // one trainee-facing text
inline constexpr std::size_t kMaxIdBytes = 128;          // ids, addresses, transaction hashes
inline constexpr std::size_t kMaxChains = 64;
inline constexpr std::size_t kMaxAssets = 1024;
inline constexpr std::size_t kMaxLegs = 10'000;  // inputs or outputs of one transaction
// Times may lie up to ten years either side of the case start.
inline constexpr std::int64_t kMaxTimeOffset = std::int64_t{3650} * 86400;

}  // namespace mt::scenario_limits
