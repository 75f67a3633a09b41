#pragma once
// A QR code as plain squares (made by the platform with libqrencode), and its drawing: the
// instructor console shows the browser client's address as one, for trainees' phones and tablets
// and for reading off the projector.
#include <cstdint>
#include <vector>

namespace mt::ui {

struct QrCode {
    int size = 0;                    // modules per side; 0: none
    std::vector<std::uint8_t> dark;  // size * size, row by row; 1 = dark module
};

// Draws `code` at the cursor with `module` pixels per module and the quiet zone around it.
void draw_qr_code(const QrCode& code, float module);

}  // namespace mt::ui
