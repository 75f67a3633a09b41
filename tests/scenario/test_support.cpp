#include "test_support.hpp"

#include <catch2/catch.hpp>

namespace mt::test {

std::string tiny_case() {
    return R"(format_version: 1
id: tiny
title: {en: Tiny case, es: Caso diminuto}
summary: {en: A summary, es: Un resumen}
briefing: {en: A briefing, es: Una sesión informativa}
difficulty: beginner
estimated_minutes: 10
learning_objectives:
  - {en: Learn, es: Aprender}
typologies: [peel_chain]
home_jurisdiction: MX
start: "2021-05-08T14:30:00Z"
time_budget_hours: 72
chains:
  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}
assets:
  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}
entities:
  - id: ex
    kind: exchange
    name: {en: Exchange, es: Exchange}
    jurisdiction: MX
    attribution: lookup
    involved: true
    addresses: [addr-b]
transactions:
  - id: t1
    chain: bitcoin
    time: -2h
    inputs:
      - {address: addr-a, amount: "1.0001"}
    outputs:
      - {address: addr-b, amount: "0.6"}
      - {address: addr-c, amount: "0.4"}
    fee: "0.0001"
services:
  - entity: ex
    honours:
      freeze_request: {turnaround_hours: 6}
      subpoena: {turnaround_hours: 120, returns: [kyc]}
    decline_reason: {en: Not honoured, es: No se atiende}
    records:
      - {id: r1, kind: kyc, subject: addr-b, content: {en: Name, es: Nombre}}
holdings:
  - id: h1
    custodian: ex
    subject: addr-b
    asset: btc
    amount: "0.6"
    value_usd: "30000.50"
    description: {en: Account, es: Cuenta}
events:
  - {id: e1, kind: move_funds, at: +36h, holding: h1, message: {en: Gone, es: Se fue}}
checkpoints:
  - id: c1
    kind: choice
    question: {en: "Which one?", es: "¿Cuál?"}
    options:
      - {id: ex, text: {en: The exchange, es: El exchange}}
      - {id: none, text: {en: Nobody, es: Nadie}}
    answer: ex
    explanation: {en: Because, es: Porque}
hints:
  - {en: Look, es: Mira}
start_knowledge:
  addresses: [addr-a]
  transactions: [t1]
rubric:
  objectives:
    - id: o1
      title: {en: Freeze, es: Congelar}
      points: 10
      conditions:
        - holding_frozen: h1
      debrief: {en: Done, es: Hecho}
  recovery_points: 5
  grades:
    - {min_percent: 0, label: {en: Low, es: Bajo}}
    - {min_percent: 80, label: {en: High, es: Alto}}
tool_costs: {explore: 5, lookup: 15, analysis: 45, draft_request: 60}
expert_solution:
  - {type: explore_address, target: addr-a, direction: out}
  - {type: lookup, target: addr-b}
  - {type: legal_request, instrument: freeze_request, target: ex, identifiers: [addr-b], text: please}
  - {type: answer_checkpoint, target: c1, answer: ex}
  - {type: wait, duration: 6h}
  - {type: submit, text: done}
expert_summary: {en: Summary, es: Resumen}
)";
}

std::string replace_once(const std::string& text, std::string_view from, std::string_view to) {
    const auto first = text.find(from);
    INFO("replacing: " << from);
    REQUIRE(first != std::string::npos);
    REQUIRE(text.find(from, first + 1) == std::string::npos);
    std::string out = text;
    out.replace(first, from.size(), to);
    return out;
}

TextPos position_of(const std::string& text, std::string_view needle, int occurrence) {
    std::size_t at = text.find(needle);
    for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = text.find(needle, at + 1);
    INFO("looking for: " << needle);
    REQUIRE(at != std::string::npos);
    TextPos pos{1, 1};
    for (std::size_t i = 0; i < at; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

std::string english(const Diagnostic& d) {
    return render(d.message, "en");
}

const Diagnostic* find_error(const LoadResult& result, std::string_view part) {
    for (const Diagnostic& d : result.errors)
        if (english(d).find(part) != std::string::npos) return &d;
    return nullptr;
}

std::optional<Diagnostic> find_error(LoadResult&& result, std::string_view part) {
    const LoadResult kept = std::move(result);
    if (const Diagnostic* d = find_error(kept, part)) return *d;
    return std::nullopt;
}

std::string describe(const LoadResult& result) {
    std::string out;
    for (const Diagnostic& d : result.errors) out += render(d) + "\n";
    return out.empty() ? "(no diagnostics)" : out;
}

LoadResult load(const std::string& yaml, const std::filesystem::path& base_dir) {
    return load_scenario_text(yaml, "case.yaml", base_dir);
}

std::filesystem::path default_case_path() {
    return std::filesystem::path(MT_SOURCE_DIR) / "scenarios" / "ransomware-peel-chain.yaml";
}

}  // namespace mt::test
