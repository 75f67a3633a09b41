#include "platform/remote_session.hpp"

#include <chrono>
#include <utility>

#include "i18n/catalogue.hpp"
#include "model/casefile.hpp"
#include "model/json.hpp"

namespace mt::platform {
namespace {

// How often the casefile is fetched when nothing else is sent.
constexpr std::chrono::seconds kRefreshEvery{2};

// The seminar's HTTP API through one keep-alive connection.
class HttpLine final : public SeminarLine {
  public:
    explicit HttpLine(const SeminarJoin& join) : client_(join.host, join.port), join_(join) {}

    seminar::ClientReply join() override {
        return client_.join(join_.code, join_.name, join_.agency, join_.rejoin_code);
    }
    seminar::ClientReply act(const Action& action) override { return client_.act(action); }
    seminar::ClientReply casefile() override { return client_.casefile(); }

  private:
    seminar::SeminarClient client_;
    SeminarJoin join_;
};

std::string text_field(const nlohmann::json& body, const char* key) {
    const auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::unique_ptr<SeminarLine> http_line(const SeminarJoin& join, std::string& error) {
    if (join.host.empty() || join.port < 1 || join.port > 65535) {
        error = tr("platform.join.bad_address");
        return nullptr;
    }
    return std::make_unique<HttpLine>(join);
}

std::optional<RemoteSession::Received> RemoteSession::receive(const seminar::ClientReply& reply,
                                                              std::string& error) {
    CasefileParse parsed = seminar::casefile_of(reply);
    if (!parsed.casefile) {
        error = render(parsed.error);
        return std::nullopt;
    }
    return Received{std::move(*parsed.casefile), text_field(reply.body, "state"),
                    text_field(reply.body, "rejoin_code")};
}

std::unique_ptr<RemoteSession> RemoteSession::join(const SeminarJoin& join, std::string& error) {
    std::unique_ptr<SeminarLine> line = http_line(join, error);
    if (!line) return nullptr;
    return RemoteSession::join(std::move(line), join.host + ":" + std::to_string(join.port), error);
}

std::unique_ptr<RemoteSession> RemoteSession::join(std::unique_ptr<SeminarLine> line,
                                                   std::string where, std::string& error) {
    std::optional<Received> first = receive(line->join(), error);
    if (!first) return nullptr;
    return std::unique_ptr<RemoteSession>(
        new RemoteSession(std::move(line), std::move(where), std::move(*first)));
}

RemoteSession::RemoteSession(std::unique_ptr<SeminarLine> line, std::string where, Received first)
    : casefile_(std::move(first.casefile)),
      state_(std::move(first.state)),
      rejoin_code_(std::move(first.rejoin_code)),
      where_(std::move(where)),
      line_(std::move(line)),
      worker_([this] { work(); }) {}

RemoteSession::~RemoteSession() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_to_do_.notify_one();
    worker_.join();
}

void RemoteSession::submit(const Action& emitted) {
    // The id makes a resend (after a lost answer, or the rejoin below) at-most-once on the server.
    Action action = emitted;
    if (action.id.empty()) action.id = new_action_id();
    {
        const std::lock_guard lock(mutex_);
        outbox_.push_back(std::move(action));
    }
    work_to_do_.notify_one();
}

void RemoteSession::refresh() {
    {
        const std::lock_guard lock(mutex_);
        refresh_now_ = true;
    }
    work_to_do_.notify_one();
}

void RemoteSession::set_wake(std::function<void()> wake) {
    const std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

SessionArrivals RemoteSession::poll() {
    SessionArrivals arrivals;
    std::optional<Received> received;
    {
        const std::lock_guard lock(mutex_);
        arrivals.settled.swap(settled_);
        received.swap(received_);
    }
    arrivals.changed = !arrivals.settled.empty();
    if (received) {
        // A refresh that brings nothing new is not a change (the views need not redraw).
        arrivals.changed = arrivals.changed || received->state != state_ ||
                           received->casefile.timeline.size() != casefile_.timeline.size() ||
                           received->casefile.submitted != casefile_.submitted;
        casefile_ = std::move(received->casefile);
        state_ = std::move(received->state);
        if (!received->rejoin_code.empty()) rejoin_code_ = std::move(received->rejoin_code);
    }
    return arrivals;
}

std::string RemoteSession::location() const {
    const std::string state_key = "ui.console.state." + (state_.empty() ? "unknown" : state_);
    return trf("ui.join.connected", {tr(state_key), where_, rejoin_code_});
}

void RemoteSession::arrive(std::optional<Received> received, std::optional<SettledAction> settled) {
    std::function<void()> wake;
    {
        const std::lock_guard lock(mutex_);
        if (received) received_ = std::move(received);
        if (settled) settled_.push_back(std::move(*settled));
        wake = wake_;
    }
    if (wake) wake();
}

void RemoteSession::send(Action action) {
    seminar::ClientReply reply = line_->act(action);
    std::string error;
    if (reply.status == 401) {
        // The server lost this token (a new seminar under the same address?): join again with
        // the same name and the kept token and rejoin code, and resend once.
        if (receive(line_->join(), error)) reply = line_->act(action);
    }
    std::optional<Received> received = receive(reply, error);
    ActionOutcome outcome{false, Message("outcome.not_delivered").arg("reason", error), 0};
    if (received) outcome = outcome_from_reply(reply.body);
    // The outcome and the casefile that shows it reach the same poll().
    arrive(std::move(received), SettledAction{std::move(action), std::move(outcome)});
}

void RemoteSession::work() {
    for (;;) {
        std::optional<Action> action;
        {
            std::unique_lock lock(mutex_);
            work_to_do_.wait_for(lock, kRefreshEvery,
                                 [&] { return stopping_ || refresh_now_ || !outbox_.empty(); });
            if (stopping_) return;
            refresh_now_ = false;
            if (!outbox_.empty()) {
                action = std::move(outbox_.front());
                outbox_.pop_front();
            }
        }
        if (action) {
            send(std::move(*action));
        } else {
            std::string ignored;  // unreachable now: the next refresh tries again
            if (std::optional<Received> received = receive(line_->casefile(), ignored))
                arrive(std::move(received), std::nullopt);
        }
    }
}

}  // namespace mt::platform
