#pragma once
// Simulated trainees that play a seminar through the HTTP API, each in its own thread: an expert
// (the case's expert path), a naive player (explores everything, subpoenas every service with every
// address) and a random player. Every reply is checked for leaks as it arrives.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/world.hpp"

namespace mt::testing {

enum class PlayStyle { Expert, Naive, Random };

struct PlayerSetup {
    int port = 0;
    std::string code;
    std::string name;
    std::string agency;
    PlayStyle style = PlayStyle::Random;
    std::uint64_t seed = 0;
    const Scenario* scenario =
        nullptr;  // the trainee's own case (variant): expert path, leak rules
    std::vector<std::string> other_names;  // must never appear in a reply
    int drop_after = -1;           // after this many accepted actions, drop the client and rejoin
    std::function<void()> joined;  // called once joined
    std::function<void()> wait_for_start;  // blocks until the instructor has started
    // Raised by the test before each hint-all, so the leak check knows the hint was given.
    const std::atomic<std::size_t>* instructor_hints = nullptr;
};

struct PlayerResult {
    std::string name;
    std::string token;
    std::vector<Action> accepted;  // acknowledged, in order
    std::vector<std::string> answers_given;
    std::size_t replies = 0;
    std::size_t engine_rejections = 0;
    std::size_t paused_retries = 0;
    bool rejoined = false;
    std::vector<std::string> problems;  // leaks and unexpected replies
};

PlayerResult play(const PlayerSetup& setup);

}  // namespace mt::testing
