#pragma once
// A UiHost for tests: serves a casefile built in the test and records what the views ask for.
#include <optional>
#include <string>
#include <vector>

#include "ui/seminar_join.hpp"
#include "ui/ui_host.hpp"

namespace mt::test {

class RecordingHost : public ui::UiHost {
  public:
    std::optional<Casefile> case_open;
    std::vector<ui::CaseChoice> choices;
    std::optional<ui::CaseLoadFailure> failure;
    std::optional<ui::SeminarJoinForm> join_form;  // set: the picker offers to join a seminar

    std::vector<Action> emitted;
    struct OpenRequest {
        std::string path;
        ui::OpenMode mode;
    };
    std::vector<OpenRequest> opened;
    int closed = 0;
    bool quit = false;
    std::string location;  // what session_location() answers

    const Casefile* casefile() const override { return case_open ? &*case_open : nullptr; }
    const std::vector<ui::CaseChoice>& cases() const override { return choices; }
    const ui::CaseLoadFailure* load_failure() const override {
        return failure ? &*failure : nullptr;
    }
    ui::SeminarJoinForm* seminar_join_form() override { return join_form ? &*join_form : nullptr; }
    void emit(const Action& action) override { emitted.push_back(action); }
    std::string session_location() const override { return location; }
    SimSeconds cost_of(const Action& action) const override {
        switch (action.type) {
            case ActionType::ExploreAddress:
            case ActionType::ExploreTransaction:
                return minutes(5);
            case ActionType::Lookup:
                return minutes(15);
            case ActionType::RunAnalysis:
                return minutes(45);
            case ActionType::LegalRequest:
                return hours(1);
            default:
                return 0;
        }
    }
    void open_case(const std::string& path, ui::OpenMode mode) override {
        opened.push_back({path, mode});
    }
    void close_case() override { ++closed; }
    void request_quit() override { quit = true; }

    // The emitted actions of one type.
    std::vector<Action> of_type(ActionType type) const {
        std::vector<Action> out;
        for (const Action& a : emitted)
            if (a.type == type) out.push_back(a);
        return out;
    }
};

}  // namespace mt::test
