// The browser client's address as the instructor console's QR code: libqrencode's symbol, with the
// finder patterns a phone's camera looks for in three corners.
#include <catch2/catch.hpp>

#include "platform/qr_encoder.hpp"

namespace {

bool dark(const mt::ui::QrCode& code, int x, int y) {
    return code.dark[static_cast<std::size_t>(y * code.size + x)] != 0;
}

// A finder pattern: a dark 7x7 ring, a light ring inside it, and a dark 3x3 centre.
bool finder_at(const mt::ui::QrCode& code, int left, int top) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (dark(code, left + x, top + y) != (ring || centre)) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("the browser address becomes a QR code with its three finder patterns", "[qr]") {
    const mt::ui::QrCode code = mt::platform::encode_qr("http://192.168.1.23:8642/");
    // 25 characters at medium error correction fit version 2: 25 modules a side.
    REQUIRE(code.size == 25);
    REQUIRE(code.dark.size() == 25u * 25u);
    CHECK(finder_at(code, 0, 0));
    CHECK(finder_at(code, code.size - 7, 0));
    CHECK(finder_at(code, 0, code.size - 7));
    CHECK_FALSE(finder_at(code, code.size - 7, code.size - 7));
    // Another address gives another symbol.
    CHECK(mt::platform::encode_qr("http://192.168.1.24:8642/").dark != code.dark);
}
