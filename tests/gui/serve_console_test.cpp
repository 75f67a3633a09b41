// `moneytrail serve --console` as an instructor runs it: the seminar server with its console
// window in one process. Ctrl+C in the terminal must stop both (before, the window stayed open
// and the process with it).
#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <thread>

#include "serve_process.hpp"

TEST_CASE("serve --console stops, window and all, on Ctrl+C", "[.][serve]") {
    mt::test::ServeProcess serve(
        std::filesystem::path(MT_SOURCE_DIR) / "scenarios" / "ransomware-peel-chain.yaml",
        {"--console"});
    std::this_thread::sleep_for(std::chrono::seconds(3));  // the console window opens meanwhile
    const std::optional<int> status = serve.interrupt(std::chrono::seconds(20));
    INFO(serve.output());
    REQUIRE(status);
    CHECK(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 0);
    CHECK(serve.output().find("Seminar stopped") != std::string::npos);
}
