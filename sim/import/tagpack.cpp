#include "import/tagpack.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <yaml-cpp/yaml.h>

#include "import/import_error.hpp"

namespace mt::import {
namespace {

constexpr std::array<std::string_view, 12> kConfidences{
    "override",     "ownership",      "manual_transaction",
    "service_api",  "authority_data", "trusted_provider",
    "service_data", "forensic",       "untrusted_transaction",
    "web_crawl",    "heuristic",      "unknown"};

constexpr std::array<std::pair<EntityKind, std::string_view>, 11> kCategories{{
    {EntityKind::Victim, "victim"},
    {EntityKind::Suspect, "perpetrator"},
    {EntityKind::MoneyMule, "user"},
    {EntityKind::Exchange, "exchange"},
    {EntityKind::Mixer, "mixing_service"},
    {EntityKind::Bridge, "defi_bridge"},
    {EntityKind::OtcDesk, "exchange"},
    {EntityKind::DefiProtocol, "defi"},
    {EntityKind::StablecoinIssuer, "organization"},
    {EntityKind::DarknetMarket, "market"},
    {EntityKind::Merchant, "shop"},
}};

// The network code GraphSense uses for a chain (its currency code).
std::string network_of(const KnownAddress& address) {
    static const std::map<std::string, std::string, std::less<>> kNetworks{
        {"Bitcoin", "BTC"}, {"Ethereum", "ETH"}, {"Tron", "TRX"}};
    if (auto it = kNetworks.find(address.chain); it != kNetworks.end()) return it->second;
    if (!address.balances.empty()) return address.balances.front().asset;
    std::string code;
    for (char c : address.chain)
        code += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return code;
}

// How an attribution was made, in the TagPack confidence vocabulary: a label anyone can see is
// a public web source, the attribution tool stands for a trusted data provider, and a record a
// service returned to legal process is data provided by the service.
std::string_view confidence_of(const Attribution& a) {
    if (a.source == "public") return "web_crawl";
    if (a.source == "lookup") return "trusted_provider";
    return "service_data";
}

void emit_field(YAML::Emitter& e, std::string_view key, const std::string& value) {
    e << YAML::Key << std::string(key) << YAML::Value << YAML::DoubleQuoted << value;
}

[[noreturn]] void fail(std::string key, const std::string& file, const std::string& path,
                       std::string_view field, std::string_view value = {}) {
    Message m = file_error(std::move(key), file, path);
    m.arg("field", field);
    if (!value.empty()) m.arg("value", value);
    throw ImportFailure(m);
}

std::string line_of(const YAML::Node& node) {
    return std::to_string(node.Mark().line + 1);
}

}  // namespace

std::span<const std::string_view> tagpack_confidences() {
    return kConfidences;
}

std::string_view category_for_kind(EntityKind kind) {
    for (const auto& [k, category] : kCategories)
        if (k == kind) return category;
    return {};
}

EntityKind kind_for_category(std::string_view category) {
    if (category == "mixing" || category == "coinjoin") return EntityKind::Mixer;
    if (category == "defi_dex" || category == "defi_lending") return EntityKind::DefiProtocol;
    if (category == "payment_processor") return EntityKind::Merchant;
    for (const auto& [kind, c] : kCategories)
        if (c == category && kind != EntityKind::OtcDesk && kind != EntityKind::MoneyMule &&
            kind != EntityKind::StablecoinIssuer)
            return kind;
    return EntityKind::Unknown;
}

std::string write_tagpack(const Casefile& casefile, const TagPackHeader& header) {
    YAML::Emitter e;
    e << YAML::BeginMap;
    emit_field(e, "title", header.title);
    emit_field(e, "creator", header.creator);
    if (!header.description.empty()) emit_field(e, "description", header.description);
    e << YAML::Key << "is_public" << YAML::Value << false;
    e << YAML::Key << "tags" << YAML::Value << YAML::BeginSeq;
    // A language-neutral source: the case and how the trainee established the tag.
    const std::string case_source = "moneytrail:case/" + casefile.briefing.scenario_id + "#";
    for (const auto& [text, address] : casefile.addresses) {
        std::string context = address.note;
        for (const std::string& tag : address.tags) context += (context.empty() ? "#" : " #") + tag;
        std::string label;
        std::string_view confidence = "heuristic";
        std::string_view category;
        std::string source = case_source + "note";
        if (address.attribution) {
            label = address.attribution->name.en;
            confidence = confidence_of(*address.attribution);
            category = category_for_kind(address.attribution->kind);
            source = case_source + address.attribution->source;
        } else if (!address.note.empty()) {
            label = address.note.substr(0, address.note.find('\n'));
        } else if (!address.tags.empty()) {
            label = address.tags.front();
        } else {
            continue;  // nothing the trainee established
        }
        e << YAML::BeginMap;
        emit_field(e, "address", text);
        emit_field(e, "label", label);
        emit_field(e, "source", source);
        emit_field(e, "currency", network_of(address));
        emit_field(e, "network", network_of(address));
        emit_field(e, "confidence", std::string(confidence));
        if (!category.empty()) emit_field(e, "category", std::string(category));
        if (!context.empty()) emit_field(e, "context", context);
        e << YAML::EndMap;
    }
    e << YAML::EndSeq << YAML::EndMap;
    return std::string(e.c_str()) + "\n";
}

std::vector<AttributionTag> read_tagpack(const std::string& file, std::string_view text) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& ex) {
        Message m = file_error("import.error.tagpack_yaml", file, std::to_string(ex.mark.line + 1));
        m.arg("reason", ex.msg);
        throw ImportFailure(m);
    }
    if (!root.IsMap()) fail("import.error.tagpack_type", file, "1", "(top level)", "mapping");
    auto text_field = [&](const YAML::Node& node, const std::string& path, std::string_view key,
                          bool mandatory) -> std::string {
        const YAML::Node v = node[std::string(key)];
        if (!v) {
            if (mandatory) fail("import.error.tagpack_missing", file, path, key);
            return {};
        }
        if (!v.IsScalar())
            fail("import.error.tagpack_type", file, path + "." + std::string(key), key, "text");
        return v.as<std::string>();
    };
    text_field(root, "$", "title", true);
    text_field(root, "$", "creator", true);
    const YAML::Node tags = root["tags"];
    if (!tags) fail("import.error.tagpack_missing", file, "$", "tags");
    if (!tags.IsSequence()) fail("import.error.tagpack_type", file, "$.tags", "tags", "list");
    std::vector<AttributionTag> out;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const YAML::Node tag = tags[i];
        const std::string path = "$.tags[" + std::to_string(i) + "]";
        if (!tag.IsMap()) fail("import.error.tagpack_type", file, path, "tag", "mapping");
        // A tag field in the header applies to every tag that does not set it.
        auto field = [&](std::string_view key, bool mandatory) {
            if (tag[std::string(key)]) return text_field(tag, path, key, mandatory);
            if (root[std::string(key)]) return text_field(root, "$", key, mandatory);
            if (mandatory) fail("import.error.tagpack_missing", file, path, key);
            return std::string();
        };
        AttributionTag t;
        t.label = field("label", true);
        t.source = field("source", true);
        field("currency", true);
        field("network", true);
        t.confidence = field("confidence", true);
        if (std::find(kConfidences.begin(), kConfidences.end(), t.confidence) ==
            kConfidences.end()) {
            std::string allowed;
            for (std::string_view c : kConfidences)
                allowed += (allowed.empty() ? "" : ", ") + std::string(c);
            Message m = file_error("import.error.tagpack_confidence", file, path + ".confidence");
            m.arg("value", t.confidence).arg("allowed", allowed);
            throw ImportFailure(m);
        }
        t.category = field("category", false);
        t.address = field("address", false);
        t.origin = {file, path + " (line " + line_of(tag) + ")"};
        if (!t.address.empty()) out.push_back(std::move(t));
    }
    return out;
}

}  // namespace mt::import
