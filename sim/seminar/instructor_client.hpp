#pragma once
// What the instructor's console uses to watch and pace a seminar: the overview, the clock
// controls, injects, hint-all, a trainee's rejoin code and the exported results, each sent with the
// instructor's secret. Blocking calls over one keep-alive connection; one client per thread.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "model/text.hpp"
#include "seminar/client.hpp"

namespace mt::seminar {

class InstructorClient {
  public:
    InstructorClient(const std::string& host, int port, std::string secret);
    ~InstructorClient();
    InstructorClient(const InstructorClient&) = delete;
    InstructorClient& operator=(const InstructorClient&) = delete;

    // GET /api/instructor/overview.
    ClientReply overview();
    // POST /api/instructor/<command>: "start", "pause", "resume", "end" or "hint-all".
    ClientReply command(std::string_view command);
    ClientReply inject(const LocalizedText& message);
    // POST /api/instructor/rejoin-code: {"name", "rejoin_code"} of the trainee called `name`.
    ClientReply rejoin_code(std::string_view name);
    // POST /api/instructor/trainee: {"name", "agency", "casefile"} of the trainee called `name`.
    ClientReply trainee_detail(std::string_view name);
    // Downloads results.csv or results.json into `path`. Empty on success, else what went wrong.
    std::string export_results(const std::filesystem::path& path, bool csv);

  private:
    // A POST of `body` to `path` with the instructor's secret.
    ClientReply post(const std::string& path, const nlohmann::json& body);
    std::unique_ptr<httplib::Client> http_;
    std::string secret_;
};

}  // namespace mt::seminar
