#include "scenario/cached_ledger.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <system_error>
#include <vector>

#include "model/regular_file.hpp"

namespace mt {

LedgerCacheOptions default_ledger_cache() {
    LedgerCacheOptions options;
    const auto env = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value ? value : "";
    };
    if (const std::string chosen = env("MT_LEDGER_CACHE"); !chosen.empty()) {
        if (chosen != "off") options.directory = chosen;
    } else if (const std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty()) {
        options.directory = std::filesystem::path(xdg) / "moneytrail" / "ledgers";
    } else if (const std::string home = env("HOME"); !home.empty()) {
        options.directory = std::filesystem::path(home) / ".cache" / "moneytrail" / "ledgers";
    }
    return options;
}

namespace scenario_detail {
namespace {

constexpr const char* kImageExtension = ".ledger";

// XXH3 128 of the case file's text and the ledger file's bytes: the image's name and key.
std::optional<LedgerImageKey> key_of(std::string_view yaml, const std::filesystem::path& csv) {
    RegularFile opened = RegularFile::open_for_reading(csv);  // a named pipe must not block
    const StdioFile file = opened.to_stdio("rb");
    if (!file) return std::nullopt;
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                   &XXH3_freeState);
    if (!state) return std::nullopt;
    XXH3_128bits_reset(state.get());
    const std::uint64_t yaml_size = yaml.size();  // so that no split of the bytes hashes alike
    XXH3_128bits_update(state.get(), &yaml_size, sizeof yaml_size);
    XXH3_128bits_update(state.get(), yaml.data(), yaml.size());
    std::vector<char> block(std::size_t{4} << 20);
    while (const std::size_t got = std::fread(block.data(), 1, block.size(), file.get()))
        XXH3_128bits_update(state.get(), block.data(), got);
    if (std::ferror(file.get())) return std::nullopt;
    const XXH128_hash_t hash = XXH3_128bits_digest(state.get());
    return LedgerImageKey{hash.low64, hash.high64};
}

std::string hex(const LedgerImageKey& key) {
    std::array<char, 33> text{};
    std::snprintf(text.data(), text.size(), "%016llx%016llx",
                  static_cast<unsigned long long>(key.high),
                  static_cast<unsigned long long>(key.low));
    return text.data();
}

// Deletes the least recently used images (by modification time: reading one touches it) beyond
// `keep`, and partial images a stopped writer left over a day ago.
void prune(const std::filesystem::path& directory, std::size_t keep) {
    std::error_code error;
    const auto day_ago = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> images;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        const std::filesystem::path& path = entry.path();
        const auto modified = entry.last_write_time(error);
        if (path.extension() == ".partial" && modified < day_ago)
            std::filesystem::remove(path, error);
        if (path.extension() != kImageExtension) continue;
        images.emplace_back(modified, path);
    }
    if (images.size() <= keep) return;
    std::sort(images.begin(), images.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = keep; i < images.size(); ++i)
        std::filesystem::remove(images[i].second, error);
}

}  // namespace

std::optional<CachedLedger> find_cached_ledger(const LedgerCacheOptions& options,
                                               const LoadState& state, const MapReader& root,
                                               std::string_view yaml) {
    if (options.directory.empty()) return std::nullopt;
    const std::optional<Slot> slot = root.get("ledger_file");
    if (!slot || !slot->node.IsScalar()) return std::nullopt;
    const auto csv = side_file_path(state.base_dir, slot->node.Scalar());
    if (!csv) return std::nullopt;
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(*csv, error);
    if (error || size < options.min_ledger_bytes) return std::nullopt;
    const std::optional<LedgerImageKey> key = key_of(yaml, *csv);
    if (!key) return std::nullopt;
    return CachedLedger{options.directory / (hex(*key) + kImageExtension), *key};
}

bool restore_cached_ledger(const CachedLedger& cached, LoadState& state) {
    if (!LedgerImage::read(state.scenario.ledger, cached.image, cached.key).empty()) return false;
    state.pending.handed_to_ledger = true;
    std::error_code error;
    std::filesystem::last_write_time(cached.image, std::filesystem::file_time_type::clock::now(),
                                     error);
    return true;
}

void store_cached_ledger(const CachedLedger& cached, const Ledger& ledger,
                         const LedgerCacheOptions& options) {
    std::error_code error;
    std::filesystem::create_directories(cached.image.parent_path(), error);
    if (error) return;
    if (!LedgerImage::write(ledger, cached.image, cached.key).empty()) return;
    prune(cached.image.parent_path(), options.max_images);
}

}  // namespace scenario_detail
}  // namespace mt
