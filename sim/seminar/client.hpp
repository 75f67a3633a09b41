#pragma once
// What a trainee's program uses to take part in a seminar: join with the code, send actions,
// fetch the casefile. Blocking calls over one keep-alive connection; one client per thread.
#include <memory>
#include <string>

#include "model/nlohmann_json.hpp"

#include "model/action.hpp"
#include "model/casefile.hpp"

namespace httplib {
class Client;
}

namespace mt::seminar {

struct ClientReply {
    int status = 0;       // HTTP status; 0 when the server could not be reached
    nlohmann::json body;  // the server's JSON (an {"error": ...} object on failure)
    std::string error;    // what went wrong, for the trainee; empty on success

    bool ok() const { return status == 200 && error.empty(); }
};

// A reply from a status, body and whether the server answered at all (shared with the
// instructor's client).
ClientReply make_reply(int status, const std::string& body, bool reached);
// The words of a refusal's body ({"message": {"key", "args"}, "error": ...}) in the interface
// language.
std::string error_text(const nlohmann::json& body, int status);

class SeminarClient {
  public:
    SeminarClient(const std::string& host, int port);
    ~SeminarClient();
    SeminarClient(const SeminarClient&) = delete;
    SeminarClient& operator=(const SeminarClient&) = delete;

    // On success the token and the rejoin code are kept for the calls below. Joining again under
    // the same name resumes the same session only with proof that it is the same person: this
    // client sends the token it kept, and `rejoin_code` (or the one it kept) when given.
    ClientReply join(const std::string& code, const std::string& name, const std::string& agency,
                     const std::string& rejoin_code = {});
    // {"accepted", "reason", "reason_key", "cost", "state", "casefile"}
    ClientReply act(const Action& action);
    // {"state", "casefile"}
    ClientReply casefile();
    ClientReply status();

    const std::string& token() const { return token_; }
    void set_token(std::string token) { token_ = std::move(token); }
    // The code the server showed on joining; the trainee types it to rejoin from elsewhere.
    const std::string& rejoin_code() const { return rejoin_code_; }

  private:
    ClientReply finish(int status, const std::string& body, bool reached);

    std::unique_ptr<httplib::Client> http_;
    std::string token_;
    std::string rejoin_code_;
};

// The casefile inside a reply, parsed for the views (model/json.hpp).
CasefileParse casefile_of(const ClientReply& reply);

}  // namespace mt::seminar
