#pragma once
// The console's side of the wire: reads the seminar's overview into a ConsoleModel and carries
// out the commands the console queued (clock, inject, hint-all, exports) with the instructor's
// secret.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "model/nlohmann_json.hpp"

#include "seminar/instructor_client.hpp"
#include "ui/console_model.hpp"

namespace mt::platform {

// The overview JSON (GET /api/instructor/overview) as the console shows it. Fields that are
// missing or of the wrong type are left at their defaults rather than failing the whole screen.
void read_overview(const nlohmann::json& overview, std::int64_t now_unix, ui::ConsoleModel& model);

class ConsoleLink {
  public:
    ConsoleLink(const std::string& host, int port, std::string secret,
                std::filesystem::path export_dir);

    // Fetches the overview when the last one is older than `every` (or `force`). Returns whether
    // the model changed.
    bool refresh(std::chrono::milliseconds every, bool force = false);
    // Sends the commands and refreshes; the outcome of the last one is in model().last_result.
    void run(const std::vector<ui::ConsoleCommand>& commands);

    const ui::ConsoleModel& model() const { return model_; }
    // The browser client's address, which the console shows large and as a QR code.
    void set_browser_url(const std::string& url);

  private:
    void report(const seminar::ClientReply& reply, const std::string& what);

    seminar::InstructorClient client_;
    std::filesystem::path export_dir_;
    ui::ConsoleModel model_;
    std::chrono::steady_clock::time_point fetched_{};
    bool fetched_once_ = false;
};

}  // namespace mt::platform
