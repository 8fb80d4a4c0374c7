# Thin wrapper over CMake. The two commands a new user needs:
#   make run   — install missing packages, build (Release), analyse the bundled examples
#   make test  — build and run the whole suite through CTest (unit, golden, CLI, fuzz smoke)
BUILD      ?= build
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup build build-cli python run test test-unit test-fuzz test-sanitize format format-check fuzz-long bench eval clean

all: build

setup:
	@tools/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Only what `run` needs: the command and the dictionary (tests and benchmarks build with `make test`).
build-cli: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target svodka_cli dictionary

# The Python module (pybind11): build/python/svodka.*.so; PYTHONPATH=build/python python3 -c 'import svodka'
python: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target svodka_python dictionary

run: build-cli
	@echo
	@echo "== svodka analyze --summary examples/*.txt"
	@$(BUILD)/svodka analyze --summary examples/*.txt

$(FUZZ_BUILD)/build.ninja:
	CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DSVODKA_BUILD_FUZZERS=ON -DSVODKA_BUILD_DICT=OFF

test-unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-fuzz: setup $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	cd $(FUZZ_BUILD) && ctest --output-on-failure

test: test-unit test-fuzz

# The unit tests under AddressSanitizer + UndefinedBehaviorSanitizer, then ThreadSanitizer
# (the shared-pipeline test runs many threads). Each sanitizer build borrows the main build's
# compiled dictionary instead of compiling its own.
SAN_BUILDS = build-asan:address,undefined build-tsan:thread
test-sanitize: build
	@set -e; for b in $(SAN_BUILDS); do \
	  dir=$${b%%:*}; san=$${b#*:}; \
	  cmake -S . -B $$dir -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSVODKA_SANITIZE=$$san \
	    -DSVODKA_BUILD_DICT=OFF -DSVODKA_BUILD_BENCH=OFF $(CMAKE_FLAGS) > /dev/null; \
	  ln -sfn $(abspath $(BUILD))/data $$dir/data; \
	  cmake --build $$dir -j $(JOBS); \
	  echo "== unit tests under -fsanitize=$$san"; \
	  (cd $$dir && ctest --output-on-failure -j $(JOBS) -L unit); \
	done

# clang-format over the project's own C++ (.clang-format); format-check fails on any change.
FORMAT_FILES = $(shell git ls-files '*.cc' '*.h')
format:
	clang-format -i $(FORMAT_FILES)
format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

# Long fuzzing, run by hand and recorded in docs/fuzzing.md: each target FUZZ_MINUTES minutes,
# FUZZ_JOBS at a time.
FUZZ_MINUTES ?= 30
FUZZ_JOBS ?= 1
fuzz-long: setup $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	tools/fuzz-long.sh $(FUZZ_MINUTES) $(FUZZ_BUILD) $(FUZZ_JOBS)

# Google Benchmark targets, then end-to-end throughput and peak memory (BENCHMARKS.md).
bench: build
	@for b in $(BUILD)/*_bench; do echo "== $$b"; $$b --benchmark_min_time=1; done
	@echo "== bench/e2e.sh"; bench/e2e.sh $(BUILD)/svodka 100

# Quality evaluations on ../shared/data (skipped with a message when absent).
eval: build
	tools/eval-all.sh $(BUILD)/svodka

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD)
