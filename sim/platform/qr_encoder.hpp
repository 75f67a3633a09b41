#pragma once
// Text to QR code with Debian's libqrencode (medium error correction, the smallest version that
// holds the text).
#include <string_view>

#include "ui/qr_code.hpp"

namespace mt::platform {

// An empty code (size 0) when the text cannot be encoded.
ui::QrCode encode_qr(std::string_view text);

}  // namespace mt::platform
