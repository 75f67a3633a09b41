// Hostile and broken input: the loader reports it and returns, never throwing, crashing or hanging.
#include <fstream>

#include <catch2/catch.hpp>

#include "scenario/limits.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

TEST_CASE("malformed YAML is reported at the parser's position", "[scenario][hostile]") {
    const std::string text =
        "format_version: 1\nid: x\ntitle: {en: a, es: b\nsummary: {en: a, es: b}\n";
    const LoadResult r = load(text);
    REQUIRE(r.errors.size() == 1);
    const Diagnostic& d = r.errors[0];
    CHECK(english(d).rfind("malformed YAML: ", 0) == 0);
    CHECK(d.line >= 3);
    CHECK(d.column >= 1);
    CHECK(r.scenario == nullptr);

    const LoadResult tab = load("format_version: 1\nid:\n\t- x\n");
    REQUIRE(tab.errors.size() == 1);
    CHECK(english(tab.errors[0]).rfind("malformed YAML", 0) == 0);
    CHECK(tab.errors[0].line == 3);
}

TEST_CASE("an empty file, a non-map and a second document are reported", "[scenario][hostile]") {
    CHECK(find_error(load(""), "the file holds no case"));
    CHECK(find_error(load("# only a comment\n"), "the file holds no case"));
    const LoadResult list = load("- a\n- b\n");
    const auto d = find_error(list, "expected the case as a map");
    REQUIRE(d);
    CHECK(d->line == 1);
    CHECK(d->column == 1);
    const auto second = find_error(load("a: 1\n---\nb: 2\n"), "a second YAML document starts here");
    REQUIRE(second);
    CHECK(second->line == 3);
}

TEST_CASE("an alias bomb stops at the expansion limit", "[scenario][hostile]") {
    // Ten levels of ten aliases each expand to 10^10 values if walked naively.
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level <= 9; ++level) {
        text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) text += (i ? ", *a" : "*a") + std::to_string(level - 1);
        text += "]\n";
    }
    text += "hints: *a9\n";
    const LoadResult r = load(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(english(r.errors[0])
              .find("expands to more than 2000000 values when its aliases are followed") !=
          std::string::npos);
    CHECK(r.errors[0].line >= 1);
    CHECK(r.scenario == nullptr);
}

TEST_CASE("an alias that contains itself is caught by the depth limit", "[scenario][hostile]") {
    const LoadResult r = load("format_version: 1\nloop: &a [1, *a]\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(english(r.errors[0])
              .find("nested more than 64 levels deep (or an alias refers to itself)") !=
          std::string::npos);
    CHECK(r.errors[0].line == 2);
}

TEST_CASE("deep nesting is refused", "[scenario][hostile]") {
    SECTION("beyond the format's depth limit") {
        std::string text = "format_version: 1\nhints: ";
        for (int i = 0; i < 100; ++i) text += "[";
        for (int i = 0; i < 100; ++i) text += "]";
        text += "\n";
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(english(r.errors[0]).find("nested more than 64 levels deep") != std::string::npos);
        CHECK(r.errors[0].line == 2);
        CHECK(r.errors[0].yaml_path.rfind("hints[0][0][0]", 0) == 0);
    }
    SECTION("beyond what the YAML parser will recurse into") {
        const std::string text = std::string(200'000, '[') + std::string(200'000, ']');
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(english(r.errors[0]).find("nested too deeply") != std::string::npos);
    }
    SECTION("block nesting") {
        std::string text = "format_version: 1\nhints:\n";
        for (int i = 0; i < 80; ++i)
            text += std::string(static_cast<std::size_t>(2 * i + 2), ' ') + "- \n";
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        CHECK((english(r.errors[0]).find("nested") != std::string::npos ||
               english(r.errors[0]).find("malformed") != std::string::npos));
    }
}

TEST_CASE("bytes that are not UTF-8 are reported at their line and column", "[scenario][hostile]") {
    SECTION("a Latin-1 byte") {
        std::string text = tiny_case();
        text = replace_once(text, "es: Caso diminuto", "es: Caso \xF1o");  // Latin-1 n with tilde
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        const Diagnostic& d = r.errors[0];
        CHECK(d.line == 3);
        CHECK(d.column == position_of(text, "\xF1").column);
        CHECK(english(d) == "byte 0xF1 is not valid UTF-8; expected the file to be saved as UTF-8");
        CHECK(d.yaml_path.empty());
    }
    SECTION("columns count characters, not bytes") {
        const std::string text = "id: caña\nsummary: ñandú \xC0\x80\n";  // an overlong NUL
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 2);
        CHECK(r.errors[0].column == 16);
    }
    SECTION("a surrogate, a truncated sequence and a control character") {
        CHECK(english(load("a: \xED\xA0\x80\n").errors.at(0)).find("0xED is not valid UTF-8") !=
              std::string::npos);
        CHECK(load("a: \xE2\x82").errors.at(0).column == 4);
        const LoadResult nul = load(std::string("a: 1\nb: x\0y\n", 12));
        REQUIRE(nul.errors.size() == 1);
        CHECK(english(nul.errors[0]).find("control character 0x00") != std::string::npos);
        CHECK(nul.errors[0].line == 2);
        CHECK(nul.errors[0].column == 5);
    }
    SECTION("a byte-order mark is accepted and does not shift columns") {
        const std::string text =
            "\xEF\xBB\xBF" + replace_once(tiny_case(), "difficulty: beginner", "difficulty: easy");
        const LoadResult r = load(text);
        const auto d = find_error(r, "unknown difficulty 'easy'");
        REQUIRE(d);
        CHECK(d->column == 13);
    }
}

TEST_CASE("oversize input is refused before parsing", "[scenario][hostile]") {
    std::string text(scenario_limits::kMaxYamlBytes + 1, ' ');
    const LoadResult r = load(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 0);
    CHECK(english(r.errors[0]).find("the limit is 16777216 bytes (16.0 MiB)") != std::string::npos);

    TempDir dir("oversize");
    {
        std::ofstream out(dir.path() / "big.yaml", std::ios::binary);
        out.seekp(static_cast<std::streamoff>(scenario_limits::kMaxYamlBytes + 10));
        out.put('\n');
    }
    const LoadResult file = load_scenario_file(dir.path() / "big.yaml");
    REQUIRE(file.errors.size() == 1);
    CHECK(english(file.errors[0]).find("the limit is 16777216 bytes (16.0 MiB)") !=
          std::string::npos);
}

TEST_CASE("files that cannot be read are reported, not thrown", "[scenario][hostile]") {
    TempDir dir("unreadable");
    const LoadResult missing = load_scenario_file(dir.path() / "nope.yaml");
    REQUIRE(missing.errors.size() == 1);
    CHECK(english(missing.errors[0]).find("no such file") != std::string::npos);
    const LoadResult directory = load_scenario_file(dir.path());
    REQUIRE(directory.errors.size() == 1);
    CHECK(english(directory.errors[0]).find("not a regular file") != std::string::npos);
}

TEST_CASE("every truncation of the default case loads or fails cleanly", "[scenario][hostile]") {
    std::ifstream in(default_case_path(), std::ios::binary);
    const std::string full((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(full.size() > 10'000);
    std::size_t failures = 0;
    auto check = [&](std::size_t length) {
        LoadResult r;
        REQUIRE_NOTHROW(r = load_scenario_text(std::string_view(full).substr(0, length), "cut.yaml",
                                               default_case_path().parent_path()));
        // Either a scenario with no diagnostics or diagnostics with no scenario.
        CHECK(r.errors.empty() == (r.scenario != nullptr));
        for (const Diagnostic& d : r.errors) CHECK(!english(d).empty());
        if (!r.ok()) ++failures;
    };
    for (std::size_t length = 0; length < 1500; length += 7) check(length);
    for (std::size_t length = 1500; length < full.size(); length += 211) check(length);
    check(full.size() - 1);
    CHECK(failures > 100);
}

TEST_CASE("random byte corruption of the default case never throws", "[scenario][hostile]") {
    std::ifstream in(default_case_path(), std::ios::binary);
    const std::string full((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::uint32_t seed = 12345;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    constexpr std::string_view kNasty = "[]{}:,-&*!|>'\"%@`#? \n\t0";
    for (int round = 0; round < 150; ++round) {
        std::string mutated = full;
        for (int edits = 0; edits < 3; ++edits) {
            const std::size_t at = next() % mutated.size();
            mutated[at] = kNasty[next() % kNasty.size()];
        }
        LoadResult r;
        REQUIRE_NOTHROW(r = load_scenario_text(mutated, "mutated.yaml"));
        CHECK(r.errors.empty() == (r.scenario != nullptr));
    }
}

TEST_CASE("the number of diagnostics is bounded", "[scenario][hostile]") {
    std::string text = "format_version: 1\n";
    for (int i = 0; i < 2000; ++i) text += "unknown_" + std::to_string(i) + ": 1\n";
    const LoadResult r = load(text);
    REQUIRE(r.errors.size() == scenario_limits::kMaxDiagnostics + 1);
    CHECK(english(r.errors.back()).find("more errors were found and not listed") !=
          std::string::npos);
}

TEST_CASE("escapes that decode to control characters are refused", "[scenario][hostile]") {
    const std::string text = replace_once(tiny_case(), "summary: {en: A summary, es: Un resumen}",
                                          "summary: {en: \"A\\0summary\\x07\", es: Un resumen}");
    const LoadResult r = load(text);
    const Diagnostic* d =
        find_error(r, "the value decodes to something that is not text (control character 0x00");
    REQUIRE(d);
    CHECK(d->yaml_path == "summary.en");
    CHECK(d->line == 4);
    CHECK(d->column == position_of(text, "\"A\\0").column);
}

TEST_CASE("values quoted in messages are cut short at a character boundary",
          "[scenario][hostile]") {
    std::string id;
    for (int i = 0; i < 70; ++i) id += "ñ";
    const std::string text = replace_once(tiny_case(), "difficulty: beginner", "difficulty: " + id);
    const auto d = find_error(load(text), "unknown difficulty");
    REQUIRE(d);
    std::string expected = "'";
    for (int i = 0; i < 60; ++i) expected += "ñ";
    CHECK(english(*d).find(expected + "...'") != std::string::npos);
}
