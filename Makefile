# moneytrail: the two Quick start commands (make run, make test) and their helpers.
# Every dependency is a Debian 12 package installed by `make deps`.

DEBIAN_PACKAGES := build-essential cmake ninja-build pkg-config clang-format \
  libimgui-dev libglfw3-dev python3-glad libyaml-cpp-dev catch2 libcli11-dev \
  nlohmann-json3-dev libxxhash-dev libstb-dev libsqlite3-dev libcpp-httplib-dev libbenchmark-dev \
  fonts-dejavu-core xvfb xauth libgl1-mesa-dri graphviz python3 time \
  emscripten chromium chromium-driver python3-selenium libqrencode-dev debian-archive-keyring \
  clang libclang-rt-14-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SCREEN := 1600x900x24

.PHONY: deps build run test bench fuzz tsan loadtest format format-check clean

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake --preset release
	cmake --build --preset release

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "make run: no display found (DISPLAY is not set)."; \
	  echo "  On a desktop, run 'make run' from a terminal inside the session."; \
	  echo "  Headless, try:  xvfb-run -a -s '-screen 0 $(SCREEN)' build/release/moneytrail play --frames 3 --screenshot moneytrail.png"; \
	  echo "  Or play without a window:  build/release/moneytrail run scenarios/ransomware-peel-chain.yaml --expert"; \
	  exit 1; \
	fi
	build/release/moneytrail play

test: deps
	cmake --preset test
	cmake --build --preset test
	ctest --preset test

# The benchmarks of docs/performance.md, comparisons included (Python's csv module, Graphviz dot),
# then the desktop program's cold start under Xvfb. Generated cases are cached in
# $(MT_BENCH_DATA) (never in the source tree); the first run generates them (about a minute).
# Pass Google Benchmark options with BENCH_ARGS, e.g.
#   make bench BENCH_ARGS='--benchmark_filter=BM_UiFrame'
BENCH_DIR ?= build/bench
MT_BENCH_DATA ?= /tmp/moneytrail-bench
BENCH_ARGS ?=
bench: deps
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BENCH_DIR) --target moneytrail_benchmarks moneytrail
	@echo "machine: $$(nproc) cores, load average $$(cut -d' ' -f1-3 /proc/loadavg)"
	MT_BENCH_DATA=$(MT_BENCH_DATA) $(BENCH_DIR)/tests/bench/moneytrail_benchmarks $(BENCH_ARGS)
	tests/bench/cold_start.sh $(BENCH_DIR)/moneytrail
	@echo "machine: load average $$(cut -d' ' -f1-3 /proc/loadavg)"

# Fuzzing (docs/security.md): each libFuzzer target of tests/fuzz runs for FUZZ_SECONDS (default
# 120 s each, 6 minutes in all) from its corpus in tests/fuzz/corpus/<target>/; new interesting
# inputs go to build/fuzz/found/<target>/ and crashes to build/fuzz/crash-*. Copy an input worth
# keeping (a fixed crash, say) into the corpus: make test replays the corpus (fuzz_corpus_test).
FUZZ_SECONDS ?= 120
FUZZ_TARGETS := case_yaml case_csv seminar_request
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/found/$$t; \
	  echo "make fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  build/fuzz/tests/fuzz/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/crash-$$t- -print_final_stats=1 \
	    build/fuzz/found/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

# The seminar tests under ThreadSanitizer (Debian's uninstrumented libraries suppressed in
# tests/tsan.supp), run by CI after make test. The tsan tree builds only seminar_tests, so the
# program is run directly (ctest would also list the other, unbuilt test programs).
tsan: deps
	cmake --preset tsan
	cmake --build --preset tsan
	TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp halt_on_error=1 second_deadlock_stack=1" \
	  build/tsan/tests/seminar/seminar_tests

# The seminar under load (Release): 40 trainees, 100 slow connections, the server killed and
# restarted twice; prints p50/p99 action latency (docs/performance.md). Not part of make test.
# Built in make bench's Release tree (the release preset has no tests).
loadtest: deps
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BENCH_DIR) --target seminar_load_test
	$(BENCH_DIR)/tests/seminar/seminar_load_test

format:
	find sim tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

format-check:
	find sim tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build
