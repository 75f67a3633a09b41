#pragma once
// The inverse of mt::to_json(const Casefile&): a seminar client turns the server's reply back into
// the Casefile its views read. Never throws: a malformed reply yields an error naming the JSON
// path ("addresses[3].balances[0].amount") and what was expected.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/casefile.hpp"

namespace mt::seminar {

struct CasefileParse {
    std::optional<Casefile> casefile;
    std::string error;
};

CasefileParse casefile_from_json(const nlohmann::json& json);

}  // namespace mt::seminar
