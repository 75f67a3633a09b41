#include "seminar/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <thread>

#include "i18n/catalogue.hpp"
#include "model/message.hpp"
#include "model/narrow.hpp"
#include "seminar/http_body.hpp"
#include "seminar/instructor_report.hpp"
#include "seminar/requests.hpp"
#include "seminar/xapi_statements.hpp"

namespace mt::seminar {
namespace {

// Connections the kernel holds for the server before it accepts them: a classroom and more.
constexpr int kListenBacklog = 256;

int status_of(Failure f) {
    switch (f) {
        case Failure::None:
            return 200;
        case Failure::BadRequest:
            return 400;
        case Failure::Unauthorized:
            return 401;
        case Failure::Forbidden:
            return 403;
        case Failure::NotFound:
            return 404;
        case Failure::Conflict:
            return 409;
        case Failure::Internal:
            return 500;
    }
    return 500;
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    // Text that came in as valid UTF-8 stays so; anything else is replaced rather than thrown on.
    // JSON is UTF-8 by definition (RFC 8259), and httplib compresses for clients that accept gzip
    // (a browser's casefile polls) only this exact content type, without a charset parameter.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json");
}

// A refusal before any seminar call: English for clients from before message ids, and the
// message id every client renders in its interface language.
// {"error": what was wrong in English (for logs and older clients), "error_key", "message": the
// words each client shows in its own language}.
void send_error(httplib::Response& res, int status, const std::string& key, const Message& detail,
                const Message& worded) {
    send_json(res, status,
              {{"error", render(detail, "en")}, {"error_key", key}, {"message", worded}});
}

void send_error(httplib::Response& res, int status, const std::string& key, const Message& detail) {
    send_error(res, status, key, detail, Message(key));
}

void send(httplib::Response& res, const Reply& reply) {
    if (reply.ok())
        send_json(res, 200, reply.body);
    else
        send_json(res, status_of(reply.failure), reply.error_json());
}

void send_refusal(httplib::Response& res, const RequestError& error) {
    send_error(res, error.status, error.key, error.message);
}

std::string header_token(const httplib::Request& req) {
    return trainee_token(req.get_header_value("X-Trainee-Token"),
                         req.get_header_value("Authorization"));
}

// 429 with a Retry-After: this address made too many wrong guesses in the last minute.
void send_too_many_guesses(httplib::Response& res, long long wait_seconds) {
    const Message message = Message("seminar.too_many_attempts").arg("count", wait_seconds);
    send_json(res, 429, Reply::fail(Failure::Conflict, message.key, message).error_json());
    res.set_header("Retry-After", std::to_string(wait_seconds));
}

// Replies whose failure means a wrong code or proof was guessed.
bool is_wrong_guess(const Reply& reply) {
    return reply.error_key == "seminar.wrong_code" ||
           reply.error_key == "seminar.wrong_rejoin_code" ||
           reply.error_key == "seminar.name_taken";
}

// A session's actions and casefile, from a seminar or a practice library (the same calls).
template <typename Sessions>
void add_session_routes(httplib::Server& http, Sessions* sessions) {
    using httplib::Request;
    using httplib::Response;
    http.Post("/api/action", [sessions](const Request& req, Response& res) {
        RequestError error;
        const auto request = parse_action_request(req.body, header_token(req), error);
        if (!request) return send_refusal(res, error);
        send(res, sessions->act(request->token, request->action));
    });
    http.Get("/api/casefile", [sessions](const Request& req, Response& res) {
        const std::string token = header_token(req);
        if (token.empty())
            return send_error(res, 401, "seminar.bad_token",
                              Message("seminar.request.token_header_required"));
        send(res, sessions->casefile(token));
    });
}

}  // namespace

SeminarServer::SeminarServer(Seminar& seminar, ServerOptions options)
    : SeminarServer(&seminar, nullptr, std::move(options)) {}

SeminarServer::SeminarServer(PracticeLibrary& practice, ServerOptions options)
    : SeminarServer(nullptr, &practice, std::move(options)) {}

SeminarServer::SeminarServer(Seminar* seminar, PracticeLibrary* practice, ServerOptions options)
    : seminar_(seminar),
      practice_(practice),
      options_(std::move(options)),
      guarded_(options_.limits),
      http_(&guarded_.http()),
      guesses_(options_.wrong_guesses_per_minute) {
    http_->set_payload_max_length(kMaxBodyBytes);
    http_->set_keep_alive_max_count(1000);
    // Debian's httplib is a shared library that listens with a backlog of 5 connections. Forty
    // laptops joining at the same moment overflowed it, and some were told the server cannot be
    // reached. The listening socket passes through here before it is bound; bind() then lets
    // the kernel queue a whole classroom.
    http_->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        listening_socket_ = narrow<int>(sock);
    });
    http_->set_default_headers(
        {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
    // Errors httplib raises itself (unknown route, oversized body, malformed request) get a JSON
    // body too; replies that already have one are left alone.
    http_->set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const int status = res.status;
            if (status == 404)
                send_error(
                    res, 404, "seminar.no_endpoint",
                    Message("seminar.request.no_endpoint")
                        .arg("method", req.method)
                        .arg("path", req.path),
                    Message("seminar.no_endpoint").arg("method", req.method).arg("path", req.path));
            else if (status == 413)
                send_error(res, 413, "seminar.too_large",
                           Message("seminar.request.too_large").arg("limit", kMaxBodyBytes / 1024),
                           Message("seminar.too_large").arg("limit", kMaxBodyBytes / 1024));
            else if (status == 400)
                send_error(res, 400, "seminar.bad_request", Message("seminar.request.malformed"));
            else
                send_error(res, status, "seminar.http_error",
                           Message("seminar.request.http_error").arg("status", status),
                           Message("seminar.http_error").arg("status", status));
            return httplib::Server::HandlerResponse::Handled;
        }));
    http_->set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            send_error(res, 500, "seminar.internal",
                       Message("seminar.request.internal").arg("what", what));
        });
    if (seminar_) {
        add_trainee_routes();
        add_instructor_routes();
    } else {
        add_practice_routes();
    }
    if (options_.web_client) add_web_client_routes(*http_, options_.web_client);
}

SeminarServer::~SeminarServer() {
    stop();
}

bool SeminarServer::bind(Message& error) {
    bool bound = false;
    if (options_.port == 0) {
        port_ = http_->bind_to_any_port(options_.bind);
        bound = port_ > 0;
    } else if (http_->bind_to_port(options_.bind, options_.port)) {
        port_ = options_.port;
        bound = true;
    }
    // Listening again on a listening socket only changes its backlog (Linux, POSIX).
    if (bound && listening_socket_ >= 0) ::listen(listening_socket_, kListenBacklog);
    if (bound) {
        guarded_.watch(port_);
        return true;
    }
    error = Message("serve.error.cannot_listen")
                .arg("address", options_.bind)
                .arg("port", options_.port);
    return false;
}

void SeminarServer::run() {
    run_called_ = true;
    if (!stopping_) http_->listen_after_bind();
    run_finished_ = true;
}

void SeminarServer::stop() {
    stopping_ = true;
    if (run_called_)
        while (!http_->is_running() && !run_finished_) std::this_thread::yield();
    http_->stop();
}

bool SeminarServer::check_instructor(const std::string& address, const std::string* secret,
                                     std::string& status_key) {
    if (secret == nullptr) {
        status_key = "seminar.no_secret";
        return false;
    }
    if (guesses_.wait_seconds(address) > 0) {
        status_key = "seminar.too_many_attempts";
        return false;
    }
    if (seminar_->is_instructor(*secret)) return true;
    guesses_.record_failure(address);
    status_key = "seminar.wrong_secret";
    return false;
}

void SeminarServer::add_trainee_routes() {
    Seminar* s = seminar_;  // captured by value: the lambdas outlive this function
    GuessLimiter* guesses = &guesses_;
    using httplib::Request;
    using httplib::Response;

    http_->Get("/api/status", [s](const Request&, Response& res) { send(res, s->status()); });

    http_->Post("/api/join", [s, guesses](const Request& req, Response& res) {
        if (const long long wait = guesses->wait_seconds(req.remote_addr); wait > 0)
            return send_too_many_guesses(res, wait);
        RequestError error;
        const auto join = parse_join_request(req.body, header_token(req), error);
        if (!join) return send_refusal(res, error);
        const Reply reply = s->join(join->code, join->name, join->agency, join->proof);
        if (is_wrong_guess(reply)) guesses->record_failure(req.remote_addr);
        send(res, reply);
    });

    add_session_routes(*http_, s);
}

void SeminarServer::add_practice_routes() {
    PracticeLibrary* p = practice_;
    using httplib::Request;
    using httplib::Response;
    http_->Get("/api/status",
               [p](const Request&, Response& res) { send_json(res, 200, p->status()); });
    http_->Post("/api/practice/start", [p](const Request& req, Response& res) {
        RequestError error;
        const auto id = parse_practice_start_request(req.body, error);
        if (!id) return send_refusal(res, error);
        send(res, p->start(*id));
    });
    add_session_routes(*http_, p);
}

void SeminarServer::add_instructor_routes() {
    Seminar* s = seminar_;
    using httplib::Request;
    using httplib::Response;

    // Instructor endpoints: 401 without the secret, 403 with a wrong one, 429 after too many
    // wrong ones from the caller's address.
    auto instructor = [this](const Request& req, Response& res) {
        const bool given = req.has_header("X-Instructor-Secret");
        const std::string secret = req.get_header_value("X-Instructor-Secret");
        std::string key;
        if (check_instructor(req.remote_addr, given ? &secret : nullptr, key)) return true;
        if (key == "seminar.no_secret")
            send_error(res, 401, key, Message("seminar.request.no_secret"));
        else if (key == "seminar.wrong_secret")
            send_error(res, 403, key, Message("seminar.request.wrong_secret"));
        else
            send_too_many_guesses(res, std::max(1LL, guesses_.wait_seconds(req.remote_addr)));
        return false;
    };
    http_->Get("/api/instructor/overview", [s, instructor](const Request& req, Response& res) {
        if (instructor(req, res)) send_json(res, 200, overview_json(*s, s->snapshot()));
    });
    http_->Get("/api/instructor/leaderboard", [s, instructor](const Request& req, Response& res) {
        if (instructor(req, res))
            send_json(res, 200, {{"leaderboard", leaderboard_json(s->snapshot())}});
    });
    http_->Get("/api/instructor/stuck", [s, instructor](const Request& req, Response& res) {
        if (instructor(req, res)) send_json(res, 200, stuck_json(s->scenario(), s->snapshot()));
    });
    http_->Get("/api/instructor/penalised-requests", [s, instructor](const Request& req,
                                                                     Response& res) {
        if (instructor(req, res))
            send_json(res, 200, {{"penalised_requests", penalised_requests_json(s->snapshot())}});
    });
    http_->Get("/api/instructor/results.json", [s, instructor](const Request& req, Response& res) {
        if (instructor(req, res)) send_json(res, 200, results_json(s->scenario(), s->snapshot()));
    });
    http_->Get("/api/instructor/results.csv", [s, instructor](const Request& req, Response& res) {
        if (!instructor(req, res)) return;
        res.set_content(results_csv(s->scenario(), s->snapshot()), "text/csv; charset=utf-8");
        res.set_header("Content-Disposition", "attachment; filename=\"results.csv\"");
    });
    http_->Get("/api/instructor/results.xapi.json",
               [s, instructor](const Request& req, Response& res) {
                   if (!instructor(req, res)) return;
                   const std::string base = base_iri_for_host(req.get_header_value("Host"));
                   send_json(res, 200, xapi_statements(s->scenario(), s->snapshot(), base));
               });

    auto clock_route = [this, instructor](const char* path, Reply (Seminar::*change)()) {
        http_->Post(path, [this, instructor, change](const Request& req, Response& res) {
            if (instructor(req, res)) send(res, (seminar_->*change)());
        });
    };
    clock_route("/api/instructor/start", &Seminar::start);
    clock_route("/api/instructor/pause", &Seminar::pause);
    clock_route("/api/instructor/resume", &Seminar::resume);
    clock_route("/api/instructor/end", &Seminar::end);

    // An instructor's request with a body: read by `parse`, refused with its reason, else
    // answered by the seminar's `act` on what was read.
    auto body_route = [this, s, instructor](const char* path, auto parse, auto act) {
        http_->Post(path, [s, instructor, parse, act](const Request& req, Response& res) {
            if (!instructor(req, res)) return;
            RequestError error;
            const auto parsed = parse(req.body, error);
            if (!parsed) return send_refusal(res, error);
            send(res, (s->*act)(*parsed));
        });
    };
    body_route("/api/instructor/inject", parse_inject_request, &Seminar::inject);
    body_route("/api/instructor/rejoin-code", parse_rejoin_code_request, &Seminar::rejoin_code);
    // One trainee's casefile, for the console's drill-down: {"name": ...} as for a rejoin code.
    body_route("/api/instructor/trainee", parse_rejoin_code_request, &Seminar::trainee_detail);
    http_->Post("/api/instructor/hint-all", [s, instructor](const Request& req, Response& res) {
        if (instructor(req, res)) send(res, s->hint_all());
    });
}

}  // namespace mt::seminar
