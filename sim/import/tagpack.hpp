#pragma once
// GraphSense TagPacks (graphsense-tagpack-tool, conf/tagpack_schema.yaml): the attribution format
// investigators' tools exchange. A header (title, creator mandatory; description, is_public) and
// tags (label, source, currency, network, confidence mandatory; address, category, context, ...);
// a tag field given in the header applies to every tag. `confidence` is an id of the tool's
// confidence vocabulary (db/confidence.csv), `category` a concept id (db/concepts.yaml).
//
// Written from the trainee's casefile only (what they attributed and noted), and read as
// attribution data for an imported case.
#include <span>
#include <string>
#include <string_view>

#include "import/draft_ledger.hpp"
#include "model/casefile.hpp"
#include "model/vocabulary.hpp"

namespace mt::import {

// The confidence ids of the TagPack vocabulary, highest level first.
std::span<const std::string_view> tagpack_confidences();
// The GraphSense concept a moneytrail entity kind corresponds to ("" for unknown), and back
// (Unknown for concepts with no counterpart).
std::string_view category_for_kind(EntityKind kind);
EntityKind kind_for_category(std::string_view category);

struct TagPackHeader {
    std::string title;
    std::string creator;
    std::string description;
};

// The attributions and notes of `casefile` as TagPack YAML. Attributed addresses get their label,
// category and a confidence from how the attribution was made (public label, attribution lookup,
// legal record); addresses the trainee only annotated get their note with confidence "heuristic".
std::string write_tagpack(const Casefile& casefile, const TagPackHeader& header);

// Reads a TagPack's address tags; checks the mandatory fields, their types and the confidence
// vocabulary, naming the file and YAML path of a problem (ImportFailure).
std::vector<AttributionTag> read_tagpack(const std::string& file, std::string_view text);

}  // namespace mt::import
