#include "web/web_host.hpp"

#include "i18n/catalogue.hpp"
#include "model/action.hpp"
#include "model/casefile.hpp"
#include "web/page.hpp"

namespace mt::web {
namespace {

// What the page keeps in localStorage, so a reload (or a browser restart) rejoins.
constexpr const char* kTokenKey = "moneytrail.token";
constexpr const char* kCodeKey = "moneytrail.code";
constexpr const char* kNameKey = "moneytrail.name";
constexpr const char* kAgencyKey = "moneytrail.agency";
// The seminar's proof that this is the trainee who first took the name (a taken name rejoins only
// with the kept token or this code).
constexpr const char* kRejoinKey = "moneytrail.rejoin_code";
// The action sent and not yet answered, under its id: a reload before the answer sends it again,
// and the server answers a resend with its first outcome instead of applying it twice.
constexpr const char* kPendingKey = "moneytrail.pending_action";
// How often the casefile is fetched when nothing else happens (instructor messages, pause, end),
// and how often a lost server is tried again.
constexpr double kPollMs = 2000.0;

}  // namespace

WebHost::WebHost() {
    form_.host = page_host();
    form_.port = page_port();
    form_.code = stored(kCodeKey);
    form_.name = stored(kNameKey);
    form_.agency = stored(kAgencyKey);
}

void WebHost::start() {
    read_status();
    token_ = stored(kTokenKey);
    if (token_.empty()) return;
    if (const std::string pending = stored(kPendingKey); !pending.empty()) {
        const ActionParse parsed = action_from_json(
            nlohmann::json::parse(pending, nullptr, false, /*ignore_comments=*/false));
        if (parsed.action && !parsed.action->id.empty()) queue_.push_front(*parsed.action);
        if (queue_.empty()) forget(kPendingKey);
    }
    poll();
}

void WebHost::read_status() {
    request("GET", "/api/status", {}, {}, [this](const LinkReply& reply) {
        if (!reply.ok() || reply.body.value("mode", "") != "practice") return;
        practice_ = true;
        cases_.clear();
        const auto cases = reply.body.find("cases");
        if (cases == reply.body.end() || !cases->is_array()) return;
        const auto text = [](const nlohmann::json& c, const char* key) {
            const auto it = c.find(key);
            if (it == c.end() || !it->is_object()) return LocalizedText{};
            return LocalizedText{it->value("en", ""), it->value("es", "")};
        };
        for (const nlohmann::json& c : *cases) {
            if (!c.is_object() || !c.contains("id") || !c["id"].is_string()) continue;
            ui::CaseChoice choice;
            choice.id = choice.path = c["id"].get<std::string>();
            choice.title = text(c, "title");
            choice.summary = text(c, "summary");
            choice.difficulty = c.value("difficulty", "");
            choice.estimated_minutes = c.value("estimated_minutes", 0);
            if (const auto t = c.find("typologies"); t != c.end() && t->is_array())
                for (const nlohmann::json& typology : *t)
                    if (typology.is_string())
                        choice.typologies.push_back(typology.get<std::string>());
            cases_.push_back(std::move(choice));
        }
        changed_ = true;
    });
}

void WebHost::open_case(const std::string& case_id, ui::OpenMode) {
    if (!practice_ || joining_) return;
    joining_ = true;
    const unsigned generation = generation_;
    request("POST", "/api/practice/start", {}, nlohmann::json{{"case", case_id}}.dump(),
            [this, generation, case_id](const LinkReply& reply) {
                joining_ = false;
                if (generation != generation_) return;
                reached(reply.reached);
                std::string error;
                const auto token = reply.body.find("token");
                if (!reply.ok() || token == reply.body.end() || !token->is_string() ||
                    !take(reply, error)) {
                    // The case error screen says why; its button leaves it (close_case).
                    failure_ = ui::CaseLoadFailure{
                        case_id, {{case_id, 0, 0, "", error.empty() ? reply.error() : error}}};
                    changed_ = true;
                    return;
                }
                token_ = token->get<std::string>();
                store(kTokenKey, token_);
            });
}

void WebHost::emit(const Action& action) {
    queue_.push_back(action);
    if (queue_.back().id.empty()) queue_.back().id = new_action_id();
}

std::string WebHost::session_location() const {
    if (lost_) return tr("web.connection_lost");
    if (practice_)
        return trf("web.practice_location", {page_host() + ":" + std::to_string(page_port())});
    const std::string state_key = "ui.console.state." + (state_.empty() ? "unknown" : state_);
    // The rejoin code in the status line: the trainee's proof to continue from another computer.
    return trf("ui.join.connected",
               {tr(state_key), form_.host + ":" + std::to_string(form_.port), stored(kRejoinKey)});
}

void WebHost::reached(bool yes) {
    if (lost_ != !yes) changed_ = true;
    lost_ = !yes;
}

bool WebHost::take(const LinkReply& reply, std::string& error) {
    const auto it = reply.body.find("casefile");
    if (!reply.ok() || it == reply.body.end()) {
        error = reply.reached ? reply.error() : std::string(tr("web.unreachable"));
        return false;
    }
    CasefileParse parsed = casefile_from_json(*it);
    if (!parsed.casefile) {
        error = parsed.error;
        return false;
    }
    casefile_ = std::move(parsed.casefile);
    if (const auto s = reply.body.find("state"); s != reply.body.end() && s->is_string())
        state_ = s->get<std::string>();
    changed_ = true;
    return true;
}

void WebHost::join(bool resend_after) {
    if (joining_) return;
    joining_ = true;
    nlohmann::json body = {{"code", form_.code}, {"name", form_.name}, {"agency", form_.agency}};
    if (!token_.empty()) body["token"] = token_;
    // A code typed in the form (continuing a session begun on another computer) before the kept
    // one.
    if (const std::string rejoin =
            form_.rejoin_code.empty() ? stored(kRejoinKey) : form_.rejoin_code;
        !rejoin.empty())
        body["rejoin_code"] = rejoin;
    const unsigned generation = generation_;
    request("POST", "/api/join", {},
            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
            [this, resend_after, generation](const LinkReply& reply) {
                joining_ = false;
                if (generation != generation_) return;
                reached(reply.reached);
                std::string error;
                const auto token = reply.body.find("token");
                if (!reply.ok() || token == reply.body.end() || !token->is_string() ||
                    !take(reply, error)) {
                    form_.error = error.empty() ? reply.error() : error;
                    changed_ = true;
                    if (resend_after) {
                        // The stored session could not be rejoined: the action fails visibly.
                        answered_.push_back(
                            {queue_.front(), {false, "web.rejoin_failed", form_.error, 0}});
                        queue_.pop_front();
                        forget(kPendingKey);
                        in_flight_ = false;
                    }
                    return;
                }
                form_.error.clear();
                token_ = token->get<std::string>();
                store(kTokenKey, token_);
                store(kCodeKey, form_.code);
                store(kNameKey, form_.name);
                store(kAgencyKey, form_.agency);
                if (const auto rejoin = reply.body.find("rejoin_code");
                    rejoin != reply.body.end() && rejoin->is_string())
                    store(kRejoinKey, rejoin->get<std::string>());
                if (resend_after) {
                    in_flight_ = false;
                    send_next();
                }
            });
}

void WebHost::send_next() {
    if (in_flight_ || joining_ || queue_.empty() || token_.empty() || now_ms_ < retry_at_ms_)
        return;
    in_flight_ = true;
    const nlohmann::json action = to_json(queue_.front());
    store(kPendingKey, action.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    const nlohmann::json body = {{"action", action}};
    const unsigned generation = generation_;
    request("POST", "/api/action", token_,
            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
            [this, generation](const LinkReply& reply) {
                if (generation != generation_) return;
                reached(reply.reached);
                if (reply.reached && reply.status == 401 && !form_.code.empty()) {
                    // The server forgot the token (restarted on another record, say): join again
                    // with the same name, which continues the same session, and send once more.
                    join(true);
                    return;
                }
                if (!reply.reached) {
                    // The answer was lost (or the server is away): the same action, same id, is
                    // sent again once the server answers polls; it is applied at most once.
                    in_flight_ = false;
                    retry_at_ms_ = now_ms_ + kPollMs;
                    return;
                }
                forget(kPendingKey);
                std::string error;
                ActionOutcome feedback;
                if (!take(reply, error)) {
                    feedback = {false, "", error, 0};
                } else {
                    const auto text = [&](const char* key) {
                        const auto it = reply.body.find(key);
                        return it != reply.body.end() && it->is_string() ? it->get<std::string>()
                                                                         : std::string();
                    };
                    const auto cost = reply.body.find("cost");
                    feedback = {reply.body.value("accepted", false), text("reason_key"),
                                text("reason"),
                                cost != reply.body.end() && cost->is_number_integer()
                                    ? cost->get<SimSeconds>()
                                    : 0};
                }
                answered_.push_back({queue_.front(), feedback});
                queue_.pop_front();
                in_flight_ = false;
                send_next();
            });
}

void WebHost::poll() {
    if (polling_ || token_.empty()) return;
    polling_ = true;
    last_poll_ms_ = now_ms_;
    const unsigned generation = generation_;
    request("GET", "/api/casefile", token_, {}, [this, generation](const LinkReply& reply) {
        polling_ = false;
        if (generation != generation_) return;
        reached(reply.reached);
        if (reply.reached && (reply.status == 401 || reply.status == 403)) {
            // The stored token is not (or no longer) known: join again with the stored name and
            // code when there are some, else back to the form.
            if (!form_.code.empty() && !form_.name.empty()) {
                join(false);
            } else {
                token_.clear();
                forget(kTokenKey);
                casefile_.reset();
                changed_ = true;
            }
            return;
        }
        std::string ignored;
        take(reply, ignored);
    });
}

bool WebHost::update(ui::InvestigatorUi& view, double now_ms) {
    now_ms_ = now_ms;
    if (leave_) {
        // Leaving the seminar: the session stays on the server; this page forgets its token.
        leave_ = false;
        ++generation_;
        token_.clear();
        forget(kTokenKey);
        forget(kPendingKey);
        casefile_.reset();
        failure_.reset();
        queue_.clear();
        answered_.clear();
        in_flight_ = polling_ = joining_ = false;
        lost_ = false;
        changed_ = true;
    }
    if (form_.submitted) {
        form_.submitted = false;
        join(false);
    }
    for (const Feedback& f : answered_) view.report(f.action, f.feedback);
    if (!answered_.empty()) changed_ = true;
    answered_.clear();
    send_next();
    if (!token_.empty() && !in_flight_ && !joining_ && now_ms_ - last_poll_ms_ >= kPollMs) poll();
    const bool changed = changed_;
    changed_ = false;
    return changed;
}

}  // namespace mt::web
