// --font FILE and $MT_FONT: the body text in the trainee's font; a missing, unreadable or non-font
// file is named in a warning and the default font is used, never a crash.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "i18n/catalogue.hpp"
#include "platform/font_file.hpp"
#include "platform/fonts.hpp"

namespace fs = std::filesystem;
using namespace mt;

namespace {

const fs::path kSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

fs::path scratch_file(const std::string& name, const std::string& bytes) {
    const fs::path path =
        fs::temp_directory_path() / ("mt-font-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

}  // namespace

TEST_CASE("a usable font file is taken; anything else is named in a warning", "[fonts]") {
    set_interface_language("en");
    std::vector<std::string> warnings;
    CHECK(platform::usable_font({}, warnings).empty());
    CHECK(warnings.empty());

    REQUIRE(fs::exists(kSerif));  // fonts-dejavu-core, a dependency of the program
    CHECK(platform::usable_font(kSerif, warnings) == kSerif);
    CHECK(warnings.empty());

    const fs::path missing = fs::temp_directory_path() / "mt-no-such-font.ttf";
    CHECK(platform::usable_font(missing, warnings).empty());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings.back().find(missing.string()) != std::string::npos);
    CHECK(warnings.back().find("not found") != std::string::npos);

    const fs::path text = scratch_file("text.ttf", "this is a note, not a font\n");
    const fs::path empty = scratch_file("empty.ttf", "");
    // A TrueType header with nothing behind it: the tables it points to are not there.
    const fs::path torn = scratch_file("torn.ttf", std::string("\0\1\0\0\0\0\0\0\0\0\0\0", 12));
    for (const fs::path& broken : {text, empty, torn}) {
        INFO(broken);
        warnings.clear();
        CHECK(platform::usable_font(broken, warnings).empty());
        REQUIRE(warnings.size() == 1);
        CHECK(warnings.back().find(broken.string()) != std::string::npos);
        CHECK(warnings.back().find("not a TrueType or OpenType font") != std::string::npos);
        fs::remove(broken);
    }

    warnings.clear();
    CHECK(platform::usable_font(fs::temp_directory_path(), warnings).empty());  // a folder
    CHECK(warnings.size() == 1);
}

TEST_CASE("the font of --font wins over $MT_FONT's, which wins over the default", "[fonts]") {
    ::unsetenv("MT_FONT");
    CHECK(platform::requested_font({}).empty());
    ::setenv("MT_FONT", kSerif.c_str(), 1);
    CHECK(platform::requested_font({}) == kSerif);
    CHECK(platform::requested_font("/tmp/mine.ttf") == "/tmp/mine.ttf");
    ::unsetenv("MT_FONT");
}

TEST_CASE("the body text is drawn in the chosen font", "[fonts]") {
    ImGuiContext* context = ImGui::CreateContext();
    std::vector<std::string> warnings;
    const ui::UiFonts fonts = platform::build_fonts(ImGui::GetIO(), 16.0f, warnings, kSerif);
    CHECK(warnings.empty());
    REQUIRE(fonts.body);
    REQUIRE(ImGui::GetIO().Fonts->Build());  // the atlas names each font after its file
    CHECK(std::string(fonts.body->GetDebugName()).find("DejaVuSerif") != std::string::npos);
    CHECK(std::string(fonts.mono->GetDebugName()).find("DejaVuSansMono") != std::string::npos);

    const ui::UiFonts standard = platform::build_fonts(ImGui::GetIO(), 16.0f, warnings);
    REQUIRE(standard.body);
    REQUIRE(ImGui::GetIO().Fonts->Build());
    CHECK(std::string(standard.body->GetDebugName()).find("DejaVuSans.ttf") != std::string::npos);
    ImGui::DestroyContext(context);
}
