#include "web/web_host.hpp"

#include "i18n/catalogue.hpp"
#include "model/action.hpp"
#include "model/casefile.hpp"
#include "model/json.hpp"
#include "web/page.hpp"

namespace mt::web {

WebHost::WebHost() {
    form_.host = page_host();
    form_.port = page_port();
    form_.code = stored(kCodeKey);
    form_.name = stored(kNameKey);
    form_.agency = stored(kAgencyKey);
}

void WebHost::start() {
    read_status();
    const std::string token = stored(kTokenKey);
    if (token.empty()) return;
    if (const std::string pending = stored(kPendingKey); !pending.empty()) {
        const ActionParse parsed = action_from_json(
            nlohmann::json::parse(pending, nullptr, false, /*ignore_comments=*/false));
        if (parsed.action && !parsed.action->id.empty()) pending_ = *parsed.action;
        if (!pending_) forget(kPendingKey);
    }
    // The kept token continues the session when the server still knows it; else the kept name
    // and code join again (the same session), else the form.
    joining_ = true;
    const unsigned generation = generation_;
    request("GET", "/api/casefile", token, {}, [this, generation, token](const LinkReply& reply) {
        if (!answered(generation, reply)) return;
        std::string error;
        const bool named = !form_.code.empty() && !form_.name.empty();
        if (open(token, reply, error, named ? std::optional(join_body()) : std::nullopt)) return;
        if (reply.reached && (reply.status == 401 || reply.status == 403) && named) {
            join();
        } else if (reply.reached) {
            forget(kTokenKey);
            forget(kPendingKey);
            pending_.reset();
        }
        changed_ = true;
    });
}

void WebHost::read_status() {
    request("GET", "/api/status", {}, {}, [this](const LinkReply& reply) {
        if (!reply.ok() || reply.body.value("mode", "") != "practice") return;
        practice_ = true;
        cases_.clear();
        const auto cases = reply.body.find("cases");
        if (cases == reply.body.end() || !cases->is_array()) return;
        for (const nlohmann::json& c : *cases) {
            ui::CaseChoice choice;
            try {
                c.get_to(static_cast<CaseCard&>(choice));
            } catch (const nlohmann::json::exception&) {
                continue;  // a case this page cannot read is left out of the list
            }
            choice.path = choice.id;
            cases_.push_back(std::move(choice));
        }
        changed_ = true;
    });
}

void WebHost::open_case(const std::string& case_id, ui::OpenMode) {
    if (!practice_ || joining_) return;
    joining_ = true;
    const unsigned generation = generation_;
    request(
        "POST", "/api/practice/start", {}, nlohmann::json{{"case", case_id}}.dump(),
        [this, generation, case_id](const LinkReply& reply) {
            if (!answered(generation, reply)) return;
            std::string error;
            if (!open_given(reply, error, std::nullopt)) {
                // The case error screen says why, in the words of the seminar's reply (already in
                // the trainee's language); its button leaves it (close_case).
                failure_ = ui::CaseLoadFailure{
                    case_id,
                    {{case_id, 0, 0, Message("case_error.seminar_reply").arg("text", error), ""}}};
                changed_ = true;
            }
        });
}

nlohmann::json WebHost::join_body() const {
    nlohmann::json body = {{"code", form_.code}, {"name", form_.name}, {"agency", form_.agency}};
    // A code typed in the form (continuing a session begun on another computer) before the kept
    // one.
    if (const std::string rejoin =
            form_.rejoin_code.empty() ? stored(kRejoinKey) : form_.rejoin_code;
        !rejoin.empty())
        body["rejoin_code"] = rejoin;
    return body;
}

void WebHost::join() {
    if (joining_) return;
    joining_ = true;
    nlohmann::json body = join_body();
    if (const std::string token = stored(kTokenKey); !token.empty()) body["token"] = token;
    const unsigned generation = generation_;
    request("POST", "/api/join", {},
            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
            [this, generation](const LinkReply& reply) {
                if (!answered(generation, reply)) return;
                std::string error;
                if (!open_given(reply, error, join_body())) {
                    form_.error = error;
                    changed_ = true;
                    return;
                }
                form_.error.clear();
                store(kCodeKey, form_.code);
                store(kNameKey, form_.name);
                store(kAgencyKey, form_.agency);
                if (const auto rejoin = reply.body.find("rejoin_code");
                    rejoin != reply.body.end() && rejoin->is_string())
                    store(kRejoinKey, rejoin->get<std::string>());
            });
}

bool WebHost::open(const std::string& token, const LinkReply& reply, std::string& error,
                   std::optional<nlohmann::json> rejoin_body) {
    std::optional<SessionReply> first = read_session_reply(reply, error);
    if (!first) return false;
    store(kTokenKey, token);
    session_ = std::make_unique<BrowserSession>(token, std::move(*first), std::move(rejoin_body));
    // An action sent before a reload and never answered goes first, under its id: the server
    // applies it at most once.
    if (pending_) session_->submit(*pending_);
    pending_.reset();
    changed_ = true;
    return true;
}

bool WebHost::open_given(const LinkReply& reply, std::string& error,
                         std::optional<nlohmann::json> rejoin_body) {
    const auto token = reply.body.find("token");
    if (reply.ok() && token != reply.body.end() && token->is_string() &&
        open(token->get<std::string>(), reply, error, std::move(rejoin_body)))
        return true;
    if (error.empty()) error = reply.reached ? reply.error() : std::string(tr("web.unreachable"));
    return false;
}

bool WebHost::answered(unsigned generation, const LinkReply& reply) {
    joining_ = false;
    if (generation != generation_) return false;
    if (unreachable_ == reply.reached) changed_ = true;
    unreachable_ = !reply.reached;
    return true;
}

bool WebHost::update(ui::InvestigatorUi& view) {
    if (leave_ || (session_ && session_->forgotten())) {
        // Leaving the seminar: the session stays on the server; this page forgets its token.
        leave_ = false;
        ++generation_;
        session_.reset();
        forget(kTokenKey);
        forget(kPendingKey);
        failure_.reset();
        pending_.reset();
        joining_ = unreachable_ = false;
        changed_ = true;
    }
    if (form_.submitted) {
        form_.submitted = false;
        join();
    }
    if (session_) {
        for (const Action& action : queue_) session_->submit(action);
        // Outcomes come back in a later frame, with the casefile that shows them.
        SessionArrivals arrived = session_->poll();
        for (const SettledAction& s : arrived.settled) view.report(s.action, s.outcome);
        changed_ = changed_ || arrived.changed;
    }
    queue_.clear();
    const bool changed = changed_;
    changed_ = false;
    return changed;
}

}  // namespace mt::web
