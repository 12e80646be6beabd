#!/bin/sh
# Runs the Encoding Standard's tests (fetched by fetch.sh) under a JS runtime and checks the
# failures against the known ones in expectations.txt: a failure not listed there fails the run,
# and listed ones that now pass are reported so the list can shrink.
#   tests/conformance/wpt_encoding/run.sh <dx or node binary> [bundle dir] [--write]
# --write replaces expectations.txt with the current failures. Exits 77 (skip) without the data.
here=$(dirname "$0")
rt=${1:?usage: run.sh <runtime> [bundle dir] [--write]}
dir=${2:-build/wpt/encoding}
exp="$here/expectations.txt"
[ -f "$dir/index.js" ] || { echo "wpt_encoding: no tests in $dir (run $here/fetch.sh first)"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out" "$out.f" "$out.k"' EXIT
"$rt" "$here/run.js" "$dir" > "$out" 2>&1
tail -n 1 "$out"
# Failure ids: "<file> :: <name>".
grep '^FAIL ' "$out" | sed 's/^FAIL //' | awk -F' :: ' '{print $1 " :: " $2}' | sort > "$out.f"
if [ "$3" = "--write" ]; then
  { echo "# Known failures of tests/conformance/wpt_encoding under dx (run.sh <dx> <dir> --write regenerates it)."
    echo "# iso-2022-jp: ICU's converter (which Node 24 also uses, and fails these three too) drops the byte after an"
    echo "# invalid escape and treats SO/SI in Katakana mode differently. encodeInto: MessageChannel is missing."
    cat "$out.f"; } > "$exp"
  echo "wrote $exp"
  exit 0
fi
grep -v '^#' "$exp" | sed '/^$/d' | sort > "$out.k"
new=$(comm -23 "$out.f" "$out.k")
fixed=$(comm -13 "$out.f" "$out.k")
[ -n "$fixed" ] && printf 'known failures that now pass (remove from expectations.txt):\n%s\n' "$fixed"
if [ -n "$new" ]; then
  printf 'NEW FAILURES:\n%s\n' "$new"
  grep '^FAIL ' "$out" | head -n 20
  exit 1
fi
echo "wpt_encoding: no new failures ($(wc -l < "$out.f") known)"
