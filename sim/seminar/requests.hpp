#pragma once
// The seminar's request bodies read into what the Seminar needs, with every check the server
// makes before it calls the Seminar: the routes in server.cpp and the fuzz targets in tests/fuzz
// call exactly these. No sockets, no Seminar: pure functions of the body and headers.
#include <optional>
#include <string>
#include <string_view>

#include "model/action.hpp"
#include "model/text.hpp"
#include "seminar/seminar.hpp"

namespace mt::seminar {

// Why a request was refused before it reached the Seminar.
struct RequestError {
    int status = 400;
    std::string key;  // "seminar.bad_request", for the client's catalogue
    Message message;  // what was wrong ("seminar.request.*"), worded by each client
};

struct JoinRequest {
    std::string code;
    std::string name;
    std::string agency;
    RejoinProof proof;  // the token kept by the client (body or header) and/or a rejoin code
};
// {"code", "name", "agency"?, "token"?, "rejoin_code"?}; `header_token` as in trainee_token().
std::optional<JoinRequest> parse_join_request(std::string_view body, std::string_view header_token,
                                              RequestError& error);

struct ActionRequest {
    std::string token;
    Action action;
};
// {"token"?, "action"}; the token from the body or the header, which must agree.
std::optional<ActionRequest> parse_action_request(std::string_view body,
                                                  std::string_view header_token,
                                                  RequestError& error);

// {"message": {"en"?, "es"?}}
std::optional<LocalizedText> parse_inject_request(std::string_view body, RequestError& error);

// {"name"}: whose rejoin code the instructor asks for.
std::optional<std::string> parse_rejoin_code_request(std::string_view body, RequestError& error);

// {"case"}: the case a practice session starts in (serve --practice).
std::optional<std::string> parse_practice_start_request(std::string_view body, RequestError& error);

// The trainee's token from the X-Trainee-Token header, else from "Authorization: Bearer <token>"
// (pass both header values; empty when absent).
std::string trainee_token(std::string_view x_trainee_token, std::string_view authorization);

}  // namespace mt::seminar
