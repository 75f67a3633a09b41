#include "web/browser_session.hpp"

#include <emscripten.h>

#include <deque>
#include <utility>
#include <vector>

#include "i18n/catalogue.hpp"
#include "model/casefile.hpp"
#include "model/json.hpp"
#include "web/page.hpp"

namespace mt::web {
namespace {

// How often the casefile is fetched when nothing else happens (instructor messages, pause, end),
// and how often a lost server is tried again.
constexpr double kPollMs = 2000.0;

std::string dumped(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string text_field(const nlohmann::json& body, const char* key) {
    const auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<SessionReply> read_session_reply(const LinkReply& reply, std::string& error) {
    const auto it = reply.body.find("casefile");
    if (!reply.ok() || it == reply.body.end()) {
        error = reply.reached ? reply.error() : std::string(tr("web.unreachable"));
        return std::nullopt;
    }
    CasefileParse parsed = casefile_from_json(*it);
    if (!parsed.casefile) {
        error = render(parsed.error);
        return std::nullopt;
    }
    return SessionReply{std::move(*parsed.casefile), text_field(reply.body, "state")};
}

struct BrowserSession::Link {
    std::string token;
    std::optional<nlohmann::json> join_body;
    SessionReply shown;                  // the casefile and state of the last reply
    std::deque<Action> queue;            // submitted, not yet answered; the front one is in flight
    std::vector<SettledAction> settled;  // answered since the last poll()
    bool in_flight = false;              // an action request is out
    bool polling = false;                // a casefile request is out
    bool joining = false;                // joining again after the server forgot the token
    bool lost = false;
    bool forgotten = false;
    bool changed = false;
    double last_poll_ms = 0.0;
    double retry_at_ms = 0.0;  // an action the server did not answer is sent again from then

    void reached(bool yes) {
        if (lost != !yes) changed = true;
        lost = !yes;
    }
    bool take(const LinkReply& reply, std::string& error) {
        std::optional<SessionReply> read = read_session_reply(reply, error);
        if (!read) return false;
        shown = std::move(*read);
        changed = true;
        return true;
    }
};

namespace {

using LinkPtr = std::shared_ptr<BrowserSession::Link>;

void send_next(const LinkPtr& link);

// Joins again under the same name (which continues the same session); with `resend_after`, the
// action in flight is sent once more.
void join_again(const LinkPtr& link, bool resend_after) {
    if (link->joining) return;
    link->joining = true;
    nlohmann::json body = *link->join_body;
    body["token"] = link->token;
    if (const std::string rejoin = stored(kRejoinKey); !rejoin.empty())
        body["rejoin_code"] = rejoin;
    request("POST", "/api/join", {}, dumped(body),
            [weak = std::weak_ptr(link), resend_after](const LinkReply& reply) {
                const LinkPtr link = weak.lock();
                if (!link) return;
                link->joining = false;
                link->reached(reply.reached);
                std::string error;
                const auto token = reply.body.find("token");
                if (!reply.ok() || token == reply.body.end() || !token->is_string() ||
                    !link->take(reply, error)) {
                    if (resend_after) {
                        // The session could not be joined again: the action fails visibly.
                        link->settled.push_back(
                            {link->queue.front(),
                             {false,
                              Message("outcome.rejoin_failed")
                                  .arg("reason", error.empty() ? reply.error() : error),
                              0}});
                        link->queue.pop_front();
                        forget(kPendingKey);
                        link->in_flight = false;
                    }
                    return;
                }
                link->token = token->get<std::string>();
                store(kTokenKey, link->token);
                if (const std::string rejoin = text_field(reply.body, "rejoin_code");
                    !rejoin.empty())
                    store(kRejoinKey, rejoin);
                if (resend_after) {
                    link->in_flight = false;
                    send_next(link);
                }
            });
}

void send_next(const LinkPtr& link) {
    if (link->in_flight || link->joining || link->queue.empty() ||
        emscripten_get_now() < link->retry_at_ms)
        return;
    link->in_flight = true;
    const nlohmann::json action = to_json(link->queue.front());
    store(kPendingKey, dumped(action));
    request("POST", "/api/action", link->token, dumped({{"action", action}}),
            [weak = std::weak_ptr(link)](const LinkReply& reply) {
                const LinkPtr link = weak.lock();
                if (!link) return;
                link->reached(reply.reached);
                if (reply.reached && reply.status == 401 && link->join_body) {
                    // The server forgot the token (restarted on another record, say): join again
                    // with the same name, which continues the same session, and send once more.
                    join_again(link, true);
                    return;
                }
                if (!reply.reached) {
                    // The answer was lost (or the server is away): the same action, same id, is
                    // sent again once the server answers polls; it is applied at most once.
                    link->in_flight = false;
                    link->retry_at_ms = emscripten_get_now() + kPollMs;
                    return;
                }
                forget(kPendingKey);
                std::string error;
                ActionOutcome outcome;
                if (!link->take(reply, error))
                    outcome = {false, Message("outcome.not_delivered").arg("reason", error), 0};
                else
                    outcome = outcome_from_reply(reply.body);
                link->settled.push_back({link->queue.front(), outcome});
                link->queue.pop_front();
                link->in_flight = false;
                send_next(link);
            });
}

void fetch_casefile(const LinkPtr& link) {
    if (link->polling) return;
    link->polling = true;
    link->last_poll_ms = emscripten_get_now();
    request("GET", "/api/casefile", link->token, {},
            [weak = std::weak_ptr(link)](const LinkReply& reply) {
                const LinkPtr link = weak.lock();
                if (!link) return;
                link->polling = false;
                link->reached(reply.reached);
                if (reply.reached && (reply.status == 401 || reply.status == 403)) {
                    // The token is not (or no longer) known: join again under the same name when
                    // there is one, else the page goes back to its form.
                    if (link->join_body) {
                        join_again(link, false);
                    } else {
                        link->forgotten = true;
                        link->changed = true;
                    }
                    return;
                }
                std::string ignored;  // unreachable now: the next poll tries again
                link->take(reply, ignored);
            });
}

}  // namespace

BrowserSession::BrowserSession(std::string token, SessionReply first,
                               std::optional<nlohmann::json> join_body)
    : link_(std::make_shared<Link>()) {
    link_->token = std::move(token);
    link_->join_body = std::move(join_body);
    link_->shown = std::move(first);
    link_->last_poll_ms = emscripten_get_now();
}

BrowserSession::~BrowserSession() = default;

void BrowserSession::submit(const Action& action) {
    link_->queue.push_back(action);
    if (link_->queue.back().id.empty()) link_->queue.back().id = new_action_id();
    send_next(link_);
}

SessionArrivals BrowserSession::poll() {
    send_next(link_);
    if (!link_->in_flight && !link_->joining && !link_->forgotten &&
        emscripten_get_now() - link_->last_poll_ms >= kPollMs)
        fetch_casefile(link_);
    SessionArrivals arrivals;
    arrivals.settled.swap(link_->settled);
    arrivals.changed = link_->changed || !arrivals.settled.empty();
    link_->changed = false;
    return arrivals;
}

const Casefile* BrowserSession::casefile() const {
    return link_->forgotten ? nullptr : &link_->shown.casefile;
}

std::string BrowserSession::location() const {
    if (link_->lost) return tr("web.connection_lost");
    const std::string where = page_host() + ":" + std::to_string(page_port());
    if (!link_->join_body) return trf("web.practice_location", {where});
    const std::string& state = link_->shown.state;
    // The rejoin code in the status line: the trainee's proof to continue from another computer.
    return trf("ui.join.connected", {tr("ui.console.state." + (state.empty() ? "unknown" : state)),
                                     where, stored(kRejoinKey)});
}

bool BrowserSession::connection_lost() const {
    return link_->lost;
}

bool BrowserSession::forgotten() const {
    return link_->forgotten;
}

}  // namespace mt::web
