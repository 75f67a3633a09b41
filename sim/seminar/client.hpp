#pragma once
// What a trainee's program uses to take part in a seminar: join with the code, send actions,
// fetch the casefile. Blocking calls over one keep-alive connection; one client per thread.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

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

class SeminarClient {
  public:
    SeminarClient(const std::string& host, int port);
    ~SeminarClient();
    SeminarClient(const SeminarClient&) = delete;
    SeminarClient& operator=(const SeminarClient&) = delete;

    // On success the token is kept for the calls below; joining again with the same name and code
    // (after the laptop slept, say) resumes the same session.
    ClientReply join(const std::string& code, const std::string& name, const std::string& agency);
    // {"accepted", "reason", "reason_key", "cost", "state", "casefile"}
    ClientReply act(const Action& action);
    // {"state", "casefile"}
    ClientReply casefile();
    ClientReply status();

    const std::string& token() const { return token_; }
    void set_token(std::string token) { token_ = std::move(token); }

  private:
    ClientReply finish(int status, const std::string& body, bool reached);

    std::unique_ptr<httplib::Client> http_;
    std::string token_;
};

// The casefile inside a reply, parsed for the views (sim/seminar/casefile_json.hpp).
struct ParsedCasefile {
    Casefile casefile;
    std::string error;
};
ParsedCasefile casefile_of(const ClientReply& reply);

}  // namespace mt::seminar
