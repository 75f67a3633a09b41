// The justification rule of a case (rubric.justification): what a legal request's justification
// must cite, refused or penalised with the reason (issue 16, defect 9: "ransomware" was enough).
#include <catch2/catch.hpp>

#include "model/action_builders.hpp"
#include "session/session.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

constexpr std::string_view kRubricStart = "rubric:\n  objectives:";

// The tiny case with `rule` (YAML lines under rubric.justification, indented four spaces).
std::string with_rule(std::string_view rule) {
    return replace_once(tiny_case(), kRubricStart,
                        "rubric:\n  justification:\n" + std::string(rule) + "  objectives:");
}

std::shared_ptr<const Scenario> loaded(const std::string& yaml) {
    LoadResult r = load(yaml);
    INFO(describe(r));
    REQUIRE(r.ok());
    return r.scenario;
}

Action request(Instrument instrument, std::string text) {
    return legal_request_action(instrument, {}, "ex", {"addr-b"}, std::move(text));
}

// Traced to the exchange's deposit address and the exchange known by lookup.
Session traced(std::shared_ptr<const Scenario> scenario) {
    Session s(std::move(scenario));
    Action explore = explore_address_action("addr-a", Direction::Out);
    REQUIRE(s.apply(explore).accepted);
    REQUIRE(s.apply(lookup_action("addr-b")).accepted);
    return s;
}

// The request penalties (the evidence test waits past the time budget).
std::vector<PenaltyKind> kinds(const Session& s) {
    std::vector<PenaltyKind> out;
    for (const PenaltyItem& p : s.score().penalties)
        if (p.kind != PenaltyKind::TimeOverBudget) out.push_back(p.kind);
    return out;
}

constexpr const char* kCitesAddressAndBasis =
    "Ransom proceeds traced to deposit address addr-b; freeze requested under CNPP art. 229.";

}  // namespace

TEST_CASE("without a rule, a one-word justification is sent and penalised as too short",
          "[session][justification]") {
    Session s = traced(loaded(tiny_case()));
    const ActionOutcome sent = s.apply(request(Instrument::FreezeRequest, "ransomware"));
    CHECK(sent.accepted);
    REQUIRE(kinds(s) == std::vector<PenaltyKind>{PenaltyKind::JustificationTooShort});
    CHECK(s.score().penalties[0].points == 5);
    CHECK(s.score().penalties[0].detail == "req-1 freeze_request ex");
    CHECK(name_of(PenaltyKind::JustificationTooShort) == "justification_too_short");
}

TEST_CASE("without a rule, a sentence of 30 characters is enough", "[session][justification]") {
    Session s = traced(loaded(tiny_case()));
    REQUIRE(
        s.apply(request(Instrument::FreezeRequest, "Ransom proceeds of the clinic case")).accepted);
    CHECK(kinds(s).empty());
}

TEST_CASE("a justification shorter than 10 characters is still refused",
          "[session][justification]") {
    Session s = traced(loaded(tiny_case()));
    const ActionOutcome refused = s.apply(request(Instrument::FreezeRequest, "ransom"));
    CHECK_FALSE(refused.accepted);
    CHECK(refused.reason.key == "reject.no_justification");
}

TEST_CASE("a refusing rule refuses each missing element with its reason, and sends nothing",
          "[session][justification]") {
    Session s =
        traced(loaded(with_rule("    cite: [identifier, basis]\n"
                                "    bases: [CNPP art. 229, artículo 229]\n"
                                "    missing: refuse\n")));
    const SimSeconds before = s.casefile().now;
    struct Case {
        std::string text;
        std::string_view key;
    };
    for (const Case& c : {
             Case{"ransomware", "reject.justification.too_short"},
             Case{"Ransom proceeds traced to your exchange; please hold the balance "
                  "under CNPP art. 229.",
                  "reject.justification.no_identifier"},
             Case{"Ransom proceeds traced to deposit address addr-b; please hold the balance.",
                  "reject.justification.no_basis"},
         }) {
        INFO(c.text);
        const ActionOutcome refused = s.apply(request(Instrument::FreezeRequest, c.text));
        CHECK_FALSE(refused.accepted);
        CHECK(refused.reason.key == c.key);
        CHECK_FALSE(refused.reason.empty());
    }
    CHECK(s.casefile().requests.empty());
    CHECK(s.casefile().now == before);  // a refused request costs no time
    CHECK(kinds(s).empty());

    const ActionOutcome sent = s.apply(request(Instrument::FreezeRequest, kCitesAddressAndBasis));
    CHECK(sent.accepted);
    CHECK(kinds(s).empty());
    // The basis is matched without regard to case, in either language's spelling.
    REQUIRE(s.apply(request(Instrument::Subpoena,
                            "Datos del titular de la cuenta que recibió en addr-b el rescate, con "
                            "fundamento en el ARTÍCULO 229 del CNPP."))
                .accepted);
    CHECK(kinds(s).empty());
}

TEST_CASE("a penalising rule sends the request and names the missing element in the debrief",
          "[session][justification]") {
    Session s =
        traced(loaded(with_rule("    cite: [identifier, basis]\n"
                                "    bases: [CNPP art. 229]\n")));
    REQUIRE(s.apply(request(Instrument::FreezeRequest,
                            "Ransom proceeds traced to deposit address addr-b; please hold it."))
                .accepted);
    REQUIRE(kinds(s) == std::vector<PenaltyKind>{PenaltyKind::JustificationNoBasis});
    CHECK(s.casefile().requests.size() == 1);
    REQUIRE(s.apply(request(Instrument::Subpoena, kCitesAddressAndBasis)).accepted);
    CHECK(kinds(s).size() == 1);  // the complete justification costs nothing
}

TEST_CASE("a penalising rule's rate is the case's weak_justification penalty",
          "[session][justification]") {
    std::string yaml = with_rule("    cite: [identifier]\n");
    yaml = replace_once(yaml, "  recovery_points: 5",
                        "  penalties: {weak_justification: 12}\n  recovery_points: 5");
    Session s = traced(loaded(yaml));
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "Proceeds of the ransom paid by the clinic"))
                .accepted);
    REQUIRE(kinds(s) == std::vector<PenaltyKind>{PenaltyKind::JustificationNoIdentifier});
    CHECK(s.score().penalties[0].points == 12);
}

TEST_CASE("evidence is a transaction in the casefile, a record obtained or an answered request",
          "[session][justification]") {
    Session s =
        traced(loaded(with_rule("    cite: [evidence]\n"
                                "    instruments: [freeze_request]\n"
                                "    missing: refuse\n")));
    // The rule covers freezes only: a subpoena citing nothing is sent.
    REQUIRE(s.apply(request(Instrument::Subpoena, "Subscriber of the account behind this address"))
                .accepted);
    // A pending request is no evidence yet.
    CHECK(s.apply(request(Instrument::FreezeRequest,
                          "As req-1 will show, the account holds the ransom; hold it."))
              .reason.key == "reject.justification.no_evidence");
    REQUIRE(s.apply(wait_action(days(6))).accepted);
    REQUIRE(s.casefile().requests[0].status == RequestStatus::Fulfilled);
    // "req-1" does not match inside "req-12".
    CHECK(s.apply(request(Instrument::FreezeRequest,
                          "As req-12 shows, the account holds the ransom; please hold it."))
              .reason.key == "reject.justification.no_evidence");
    CHECK(s.apply(request(Instrument::FreezeRequest,
                          "As the answer to req-1 shows, the account holds the ransom; hold it."))
              .accepted);
    CHECK(s.apply(request(Instrument::FreezeRequest,
                          "The KYC record r1 names the holder of the account; please hold it."))
              .accepted);
    CHECK(s.apply(request(Instrument::FreezeRequest,
                          "Transaction t1 paid the ransom into this account; please hold it."))
              .accepted);
    CHECK(kinds(s).empty());
}

TEST_CASE("a long identifier is cited by ten consecutive characters of it",
          "[session][justification]") {
    constexpr std::string_view kLong = "bc1q5t8h8ffa7lzttrd7r5y08klvaq9fqfchhlwkam";
    std::string yaml = tiny_case();
    for (std::size_t at = yaml.find("addr-b"); at != std::string::npos;
         at = yaml.find("addr-b", at + kLong.size()))
        yaml.replace(at, 6, kLong);
    yaml = replace_once(yaml, kRubricStart,
                        "rubric:\n  justification:\n    cite: [identifier]\n    missing: "
                        "refuse\n  objectives:");
    Session s(loaded(yaml));
    Action explore = explore_address_action("addr-a");
    REQUIRE(s.apply(explore).accepted);
    REQUIRE(s.apply(lookup_action(std::string(kLong))).accepted);
    Action freeze =
        request(Instrument::FreezeRequest, "Ransom proceeds at bc1q5t8h8f...hlwkam; hold it.");
    freeze.identifiers = {std::string(kLong)};
    CHECK(s.apply(freeze).accepted);
    freeze.text = "Ransom proceeds at bc1q5t8h8...hlwkam; please hold the account.";
    CHECK(s.apply(freeze).reason.key == "reject.justification.no_identifier");
}

TEST_CASE("the justification rule is checked on load", "[scenario][justification]") {
    CHECK(find_error(load(with_rule("    cite: [basis]\n")),
                     "bases must list the phrases that cite the legal basis"));
    CHECK(find_error(load(with_rule("    cite: [identifier]\n    bases: [CNPP art. 229]\n")),
                     "bases are read only when cite lists basis"));
    const auto unknown = find_error(load(with_rule("    cite: [motive]\n")), "element to cite");
    REQUIRE(unknown);
    CHECK(english(*unknown).find("expected one of identifier, basis, evidence") !=
          std::string::npos);
    CHECK(find_error(load(with_rule("    min_characters: 5\n")), "at least"));
    CHECK(find_error(load(with_rule("    missing: ignore\n")), "expected one of penalise, refuse"));
    CHECK(find_error(load(with_rule("    cite: [identifier]\n    instrument: [subpoena]\n")),
                     "unknown key 'instrument'"));
}
