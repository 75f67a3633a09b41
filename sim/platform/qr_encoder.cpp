#include "platform/qr_encoder.hpp"

#include <qrencode.h>

#include <string>

namespace mt::platform {

ui::QrCode encode_qr(std::string_view text) {
    ui::QrCode out;
    const std::string input(text);
    QRcode* code = QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return out;
    out.size = code->width;
    const std::size_t cells = static_cast<std::size_t>(code->width) * code->width;
    out.dark.resize(cells);
    // Bit 0 of each byte is the module's colour; the other bits describe its role.
    for (std::size_t i = 0; i < cells; ++i) out.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return out;
}

}  // namespace mt::platform
