#pragma once
// The jurisdiction packs of assets/jurisdictions, compiled in by cmake/embed_text_files.cmake so
// the program never looks for data files at run time.
#include <span>
#include <string_view>

namespace mt {

struct EmbeddedPack {
    std::string_view id;    // file name without .yaml
    std::string_view text;  // the YAML as written
};

std::span<const EmbeddedPack> embedded_jurisdictions();

}  // namespace mt
