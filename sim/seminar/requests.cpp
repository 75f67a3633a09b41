#include "seminar/requests.hpp"

#include "seminar/http_body.hpp"

namespace mt::seminar {
namespace {

std::optional<nlohmann::json> read_object(std::string_view body,
                                          std::initializer_list<std::string_view> allowed,
                                          RequestError& error) {
    BodyParse parsed = parse_json_object(body);
    Message why = parsed.error;
    if (why.empty() && only_fields(parsed.json, allowed, why)) return std::move(parsed.json);
    error = {400, "seminar.bad_request", why};
    return std::nullopt;
}

bool bad(RequestError& error, Message message, const char* key = "seminar.bad_request",
         int status = 400) {
    error = {status, key, std::move(message)};
    return false;
}

// The token from the body and the header, which must not disagree.
bool one_token(const nlohmann::json& body, std::string_view header_token, std::string& token,
               RequestError& error) {
    std::string body_token;
    Message why;
    if (!string_field(body, "token", false, body_token, why)) return bad(error, why);
    if (!body_token.empty() && !header_token.empty() && body_token != header_token)
        return bad(error, Message("seminar.request.tokens_differ"));
    token = body_token.empty() ? std::string(header_token) : body_token;
    return true;
}

// A body {"<field>": "<text>"} and nothing else: the text.
std::optional<std::string> one_string_request(std::string_view body, const char* field,
                                              RequestError& error) {
    const auto json = read_object(body, {field}, error);
    if (!json) return std::nullopt;
    std::string text;
    Message why;
    if (!string_field(*json, field, true, text, why)) {
        bad(error, why);
        return std::nullopt;
    }
    return text;
}

}  // namespace

std::optional<JoinRequest> parse_join_request(std::string_view body, std::string_view header_token,
                                              RequestError& error) {
    const auto json = read_object(body, {"code", "name", "agency", "token", "rejoin_code"}, error);
    if (!json) return std::nullopt;
    JoinRequest out;
    Message why;
    if (!string_field(*json, "code", true, out.code, why) ||
        !string_field(*json, "name", true, out.name, why) ||
        !string_field(*json, "agency", false, out.agency, why) ||
        !string_field(*json, "rejoin_code", false, out.proof.rejoin_code, why)) {
        bad(error, why);
        return std::nullopt;
    }
    if (!one_token(*json, header_token, out.proof.token, error)) return std::nullopt;
    return out;
}

std::optional<ActionRequest> parse_action_request(std::string_view body,
                                                  std::string_view header_token,
                                                  RequestError& error) {
    const auto json = read_object(body, {"token", "action"}, error);
    if (!json) return std::nullopt;
    ActionRequest out;
    if (!one_token(*json, header_token, out.token, error)) return std::nullopt;
    if (out.token.empty()) {
        bad(error, Message("seminar.request.token_required"), "seminar.bad_token", 401);
        return std::nullopt;
    }
    const auto it = json->find("action");
    if (it == json->end()) {
        bad(error, Message("seminar.request.field_required").arg("field", "action"));
        return std::nullopt;
    }
    ActionParse parsed = action_from_json(*it);
    if (!parsed.action) {
        bad(error, Message("seminar.request.bad_action").clause("problem", parsed.error),
            "seminar.bad_action");
        return std::nullopt;
    }
    out.action = std::move(*parsed.action);
    return out;
}

std::optional<LocalizedText> parse_inject_request(std::string_view body, RequestError& error) {
    const auto json = read_object(body, {"message"}, error);
    if (!json) return std::nullopt;
    const auto it = json->find("message");
    if (it == json->end() || !it->is_object()) {
        bad(error, Message("seminar.request.message_not_object"));
        return std::nullopt;
    }
    Message why;
    LocalizedText text;
    if (!only_fields(*it, {"en", "es"}, why) || !string_field(*it, "en", false, text.en, why) ||
        !string_field(*it, "es", false, text.es, why)) {
        bad(error, Message("seminar.request.in_message").clause("problem", why));
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> parse_rejoin_code_request(std::string_view body, RequestError& error) {
    return one_string_request(body, "name", error);
}

std::optional<std::string> parse_practice_start_request(std::string_view body,
                                                        RequestError& error) {
    return one_string_request(body, "case", error);
}

std::string trainee_token(std::string_view x_trainee_token, std::string_view authorization) {
    if (!x_trainee_token.empty()) return std::string(x_trainee_token);
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() > kBearer.size() && authorization.substr(0, kBearer.size()) == kBearer)
        return std::string(authorization.substr(kBearer.size()));
    return {};
}

}  // namespace mt::seminar
