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

// Hashes the whole ledger file before the parse, to look for its image.
std::shared_ptr<LedgerKeyHash> hash_file(std::string_view yaml, const std::filesystem::path& csv) {
    RegularFile opened = RegularFile::open_for_reading(csv);  // a named pipe must not block
    const StdioFile file = opened.to_stdio("rb");
    if (!file) return nullptr;
    auto hash = std::make_shared<LedgerKeyHash>(yaml);
    std::vector<char> block(std::size_t{4} << 20);
    while (const std::size_t got = std::fread(block.data(), 1, block.size(), file.get()))
        hash->add(std::string_view(block.data(), got));
    if (std::ferror(file.get())) return nullptr;
    return hash;
}

// "<XXH3-64 of the case file, seeded with the ledger file's size>-", in hex.
std::string name_prefix(std::uint64_t yaml_hash, std::uint64_t ledger_bytes) {
    std::array<char, 18> text{};
    std::snprintf(text.data(), text.size(), "%016llx-",
                  static_cast<unsigned long long>(yaml_hash ^
                                                  XXH3_64bits(&ledger_bytes, sizeof ledger_bytes)));
    return text.data();
}

bool has_image_named(const std::filesystem::path& directory, const std::string& prefix) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() == kImageExtension) return true;
    }
    return false;
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

// The image's file: its name prefix, then the key of the bytes it was made from.
std::filesystem::path image_path(const CachedLedger& cached) {
    return cached.directory / (name_prefix(cached.yaml_hash, cached.hash->ledger_bytes()) +
                               hex(cached.hash->key()) + kImageExtension);
}

}  // namespace

struct LedgerKeyHash::State {
    XXH3_state_t* xxh = XXH3_createState();
    ~State() { XXH3_freeState(xxh); }
};

LedgerKeyHash::LedgerKeyHash(std::string_view yaml) : state_(std::make_unique<State>()) {
    if (!state_->xxh) throw std::bad_alloc();
    XXH3_128bits_reset(state_->xxh);
    const std::uint64_t yaml_size = yaml.size();  // so that no split of the bytes hashes alike
    XXH3_128bits_update(state_->xxh, &yaml_size, sizeof yaml_size);
    XXH3_128bits_update(state_->xxh, yaml.data(), yaml.size());
}

LedgerKeyHash::~LedgerKeyHash() = default;

void LedgerKeyHash::add(std::string_view ledger_bytes) {
    XXH3_128bits_update(state_->xxh, ledger_bytes.data(), ledger_bytes.size());
    ledger_bytes_ += ledger_bytes.size();
}

LedgerImageKey LedgerKeyHash::key() const {
    const XXH128_hash_t hash = XXH3_128bits_digest(state_->xxh);
    return LedgerImageKey{hash.low64, hash.high64};
}

std::optional<CachedLedger> find_cached_ledger(const LedgerCacheOptions& options, LoadState& state,
                                               const MapReader& root, std::string_view yaml) {
    if (options.directory.empty()) return std::nullopt;
    const std::optional<Slot> slot = root.get("ledger_file");
    if (!slot || !slot->node.IsScalar()) return std::nullopt;
    const auto csv = side_file_path(state.base_dir, slot->node.Scalar());
    if (!csv) return std::nullopt;
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(*csv, error);
    if (error || size < options.min_ledger_bytes) return std::nullopt;
    CachedLedger cached;
    cached.directory = options.directory;
    cached.yaml_hash = XXH3_64bits(yaml.data(), yaml.size());
    if (has_image_named(options.directory, name_prefix(cached.yaml_hash, size))) {
        cached.hash = hash_file(yaml, *csv);
        if (!cached.hash) return std::nullopt;
        cached.hashed_before_parse = true;
    } else {
        // No image can match: the parse hashes the blocks it reads, and nothing reads the
        // ledger file twice.
        cached.hash = std::make_shared<LedgerKeyHash>(yaml);
        state.ledger_bytes_read = [hash = cached.hash](std::string_view bytes) {
            hash->add(bytes);
        };
    }
    return cached;
}

bool restore_cached_ledger(const CachedLedger& cached, LoadState& state) {
    if (!cached.hashed_before_parse) return false;
    const std::filesystem::path image = image_path(cached);
    if (!LedgerImage::read(state.scenario.ledger, image, cached.hash->key()).empty()) return false;
    state.pending.handed_to_ledger = true;
    std::error_code error;
    std::filesystem::last_write_time(image, std::filesystem::file_time_type::clock::now(), error);
    return true;
}

void store_cached_ledger(const CachedLedger& cached, const Ledger& ledger,
                         const LedgerCacheOptions& options) {
    std::error_code error;
    std::filesystem::create_directories(cached.directory, error);
    if (error) return;
    if (!LedgerImage::write(ledger, image_path(cached), cached.hash->key()).empty()) return;
    prune(cached.directory, options.max_images);
}

}  // namespace scenario_detail
}  // namespace mt
