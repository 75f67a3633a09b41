#pragma once
// The JSON text of assets/i18n/*.json, compiled in by cmake/embed_text_files.cmake at build time.
#include <span>
#include <string_view>

namespace mt {

struct EmbeddedCatalogue {
    const char* language;  // the file's stem: "en", "es"
    std::string_view json;
};

std::span<const EmbeddedCatalogue> embedded_catalogues();

}  // namespace mt
