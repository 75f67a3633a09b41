#include "platform/font_file.hpp"

#include <stb/stb_truetype.h>

#include <cstdlib>
#include <optional>

#include "i18n/catalogue.hpp"
#include "model/regular_file.hpp"

namespace mt::platform {
namespace {

namespace fs = std::filesystem;

// Larger than any interface font (DejaVu Sans is 740 kB, a CJK font about 20 MB): a bigger file is
// not read into memory only to be refused.
constexpr std::uintmax_t kMostFontBytes = 64u << 20;

std::string warning(const char* key, const fs::path& path) {
    return render(Message(key).arg("file", path.string()));
}

}  // namespace

fs::path requested_font(const fs::path& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("MT_FONT"); env && *env) return env;
    return {};
}

fs::path usable_font(const fs::path& path, std::vector<std::string>& warnings) {
    if (path.empty()) return {};
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        warnings.push_back(warning("platform.font.missing", path));
        return {};
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > kMostFontBytes) {
        warnings.push_back(warning("platform.font.too_large", path));
        return {};
    }
    RegularFile file = RegularFile::open_for_reading(path);
    const std::optional<std::string> read = file.is_open() ? file.read_all() : std::nullopt;
    if (!read) {
        warnings.push_back(warning("platform.font.unreadable", path));
        return {};
    }
    const std::string& bytes = *read;
    // The same reader ImGui uses (stb_truetype): what it cannot open, the atlas would assert on.
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    stbtt_fontinfo info;
    const int offset = bytes.size() < 12 ? -1 : stbtt_GetFontOffsetForIndex(data, 0);
    if (offset < 0 || !stbtt_InitFont(&info, data, offset) ||
        stbtt_FindGlyphIndex(&info, 'a') == 0) {
        warnings.push_back(warning("platform.font.not_a_font", path));
        return {};
    }
    return path;
}

}  // namespace mt::platform
