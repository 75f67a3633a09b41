#include "seminar/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <thread>

#include "seminar/http_body.hpp"
#include "seminar/instructor_report.hpp"
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
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& key,
                const std::string& message) {
    send_json(res, status, {{"error", message}, {"error_key", key}});
}

void send(httplib::Response& res, const Reply& reply) {
    if (reply.ok())
        send_json(res, 200, reply.body);
    else
        send_json(res, status_of(reply.failure), reply.error_json());
}

// The trainee's token: X-Trainee-Token, or Authorization: Bearer <token>.
std::string header_token(const httplib::Request& req) {
    if (req.has_header("X-Trainee-Token")) return req.get_header_value("X-Trainee-Token");
    const std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.size() > kBearer.size() && auth.compare(0, kBearer.size(), kBearer) == 0)
        return auth.substr(kBearer.size());
    return {};
}

}  // namespace

SeminarServer::SeminarServer(Seminar& seminar, ServerOptions options)
    : seminar_(seminar), options_(std::move(options)), http_(std::make_unique<httplib::Server>()) {
    const std::size_t threads = options_.threads;
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_->set_payload_max_length(kMaxBodyBytes);
    http_->set_read_timeout(10, 0);
    http_->set_write_timeout(10, 0);
    http_->set_keep_alive_timeout(5);
    http_->set_keep_alive_max_count(1000);
    // Debian's httplib is a shared library that listens with a backlog of 5 connections. Forty
    // laptops joining at the same moment overflowed it, and some were told the server cannot be
    // reached. The listening socket passes through here before it is bound; bind() then lets
    // the kernel queue a whole classroom.
    http_->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        listening_socket_ = static_cast<int>(sock);
    });
    http_->set_default_headers(
        {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
    // Errors httplib raises itself (unknown route, oversized body, malformed request) get a JSON
    // body too; replies that already have one are left alone.
    http_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                     httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const int status = res.status;
        if (status == 404)
            send_error(res, 404, "seminar.no_endpoint",
                       "no such endpoint: " + req.method + " " + req.path);
        else if (status == 413)
            send_error(res, 413, "seminar.too_large", "request body is larger than 64 KiB");
        else if (status == 400)
            send_error(res, 400, "seminar.bad_request", "malformed HTTP request");
        else
            send_error(res, status, "seminar.http_error", "HTTP error " + std::to_string(status));
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
            send_error(res, 500, "seminar.internal", "internal error: " + what);
        });
    add_routes();
    if (options_.web_client) add_web_client_routes(*http_, options_.web_client);
}

SeminarServer::~SeminarServer() {
    stop();
}

bool SeminarServer::bind(std::string& error) {
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
    if (bound) return true;
    error = "cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
            " (is the address right, or is the port in use by another program?)";
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

void SeminarServer::add_routes() {
    Seminar* s = &seminar_;  // captured by value: the lambdas outlive this function
    using httplib::Request;
    using httplib::Response;

    // Parses a JSON object body with only `allowed` fields, or answers 400 and returns false.
    auto read_body = [](const Request& req, Response& res,
                        std::initializer_list<std::string_view> allowed, nlohmann::json& out) {
        BodyParse parsed = parse_json_object(req.body);
        std::string error = parsed.error;
        if (error.empty() && !only_fields(parsed.json, allowed, error)) parsed.json = nullptr;
        if (!error.empty()) {
            send_error(res, 400, "seminar.bad_request", error);
            return false;
        }
        out = std::move(parsed.json);
        return true;
    };
    // Instructor endpoints: 401 without the secret, 403 with a wrong one.
    auto instructor = [s](const Request& req, Response& res) {
        if (!req.has_header("X-Instructor-Secret")) {
            send_error(res, 401, "seminar.no_secret",
                       "this endpoint needs the X-Instructor-Secret header");
            return false;
        }
        if (!s->is_instructor(req.get_header_value("X-Instructor-Secret"))) {
            send_error(res, 403, "seminar.wrong_secret", "wrong instructor secret");
            return false;
        }
        return true;
    };

    http_->Get("/api/status", [s](const Request&, Response& res) { send(res, s->status()); });

    http_->Post("/api/join", [s, read_body](const Request& req, Response& res) {
        nlohmann::json body;
        if (!read_body(req, res, {"code", "name", "agency"}, body)) return;
        std::string code, name, agency, error;
        if (!string_field(body, "code", true, code, error) ||
            !string_field(body, "name", true, name, error) ||
            !string_field(body, "agency", false, agency, error))
            return send_error(res, 400, "seminar.bad_request", error);
        send(res, s->join(code, name, agency));
    });

    http_->Post("/api/action", [s, read_body](const Request& req, Response& res) {
        nlohmann::json body;
        if (!read_body(req, res, {"token", "action"}, body)) return;
        std::string token = header_token(req), body_token, error;
        if (!string_field(body, "token", false, body_token, error))
            return send_error(res, 400, "seminar.bad_request", error);
        if (!body_token.empty() && !token.empty() && body_token != token)
            return send_error(res, 400, "seminar.bad_request",
                              "the token in the body and in the header differ");
        if (token.empty()) token = body_token;
        if (token.empty())
            return send_error(
                res, 401, "seminar.bad_token",
                "a session token is required (field 'token' or header X-Trainee-Token)");
        auto it = body.find("action");
        if (it == body.end())
            return send_error(res, 400, "seminar.bad_request", "field 'action' is required");
        const ActionParse parsed = action_from_json(*it);
        if (!parsed.action)
            return send_error(res, 400, "seminar.bad_action", "field 'action': " + parsed.error);
        send(res, s->act(token, *parsed.action));
    });

    http_->Get("/api/casefile", [s](const Request& req, Response& res) {
        const std::string token = header_token(req);
        if (token.empty())
            return send_error(res, 401, "seminar.bad_token",
                              "a session token is required (header X-Trainee-Token)");
        send(res, s->casefile(token));
    });

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
            if (instructor(req, res)) send(res, (seminar_.*change)());
        });
    };
    clock_route("/api/instructor/start", &Seminar::start);
    clock_route("/api/instructor/pause", &Seminar::pause);
    clock_route("/api/instructor/resume", &Seminar::resume);
    clock_route("/api/instructor/end", &Seminar::end);

    http_->Post(
        "/api/instructor/inject", [s, instructor, read_body](const Request& req, Response& res) {
            if (!instructor(req, res)) return;
            nlohmann::json body;
            if (!read_body(req, res, {"message"}, body)) return;
            auto it = body.find("message");
            if (it == body.end() || !it->is_object())
                return send_error(res, 400, "seminar.bad_request",
                                  "field 'message' must be an object {\"en\": ..., \"es\": ...}");
            std::string error;
            LocalizedText text;
            if (!only_fields(*it, {"en", "es"}, error) ||
                !string_field(*it, "en", false, text.en, error) ||
                !string_field(*it, "es", false, text.es, error))
                return send_error(res, 400, "seminar.bad_request", "field 'message': " + error);
            send(res, s->inject(text));
        });
    http_->Post("/api/instructor/hint-all", [s, instructor](const Request& req, Response& res) {
        if (instructor(req, res)) send(res, s->hint_all());
    });
}

}  // namespace mt::seminar
