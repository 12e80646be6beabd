#!/bin/sh
# Copies the URL Standard's test data out of a clone of denoland/node_test (Node's vendored
# web-platform-tests) into build/wpt/url, where the wpt_url ctest looks for it.
#   tests/conformance/wpt_url/fetch.sh <node_test clone or bare git dir> [out dir]
set -e
src=${1:?usage: fetch.sh <denoland/node_test clone or git dir> [out dir]}
out=${2:-build/wpt/url}
mkdir -p "$out"
for f in urltestdata.json setters_tests.json percent-encoding.json toascii.json IdnaTestV2.json; do
  p=test/fixtures/wpt/url/resources/$f
  if [ -f "$src/$p" ]; then cp "$src/$p" "$out/$f"
  else git --git-dir="$src" show "HEAD:$p" > "$out/$f"
  fi
done
echo "wpt_url data in $out"
