#include <catch2/catch.hpp>
#include <set>

#include "seminar/credentials.hpp"

using namespace mt::seminar;

TEST_CASE("join codes are six characters of the unambiguous alphabet and differ between seminars") {
    std::set<std::string> codes;
    for (int i = 0; i < 50; ++i) {
        const std::string code = make_join_code();
        REQUIRE(code.size() == kJoinCodeLength);
        for (char c : code) CHECK(kUnambiguousAlphabet.find(c) != std::string_view::npos);
        for (char confusable : std::string("0O1IL5S2Z8B"))
            CHECK(code.find(confusable) == std::string::npos);
        codes.insert(code);
    }
    CHECK(codes.size() > 45);
    CHECK(make_instructor_secret().size() == 24);
    CHECK(make_session_token().size() == 32);
    CHECK(make_session_token() != make_session_token());
}

TEST_CASE("a typed join code is compared without case, spaces or dashes") {
    CHECK(normalize_join_code(" k7x-m3q ") == "K7XM3Q");
    CHECK(normalize_join_code("K7XM3Q") == "K7XM3Q");
}

TEST_CASE("constant-time comparison agrees with ordinary equality") {
    CHECK(constant_time_equal("secret", "secret"));
    CHECK_FALSE(constant_time_equal("secreT", "secret"));
    CHECK_FALSE(constant_time_equal("secre", "secret"));
    CHECK_FALSE(constant_time_equal("secrets", "secret"));
    CHECK_FALSE(constant_time_equal("", "secret"));
    CHECK(constant_time_equal("", ""));
}
