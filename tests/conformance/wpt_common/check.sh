#!/bin/sh
# Shared by the WPT runners (wpt_encoding, wpt_streams): runs <suite dir>/run.js on the fetched
# bundles under a JS runtime and checks the failures against <suite dir>/expectations.txt. A failure
# not listed there fails the run; listed ones that now pass are reported so the list can shrink.
#   check.sh <suite dir> <dx or node binary> <bundle dir> [--write]
# --write replaces the failure lines of expectations.txt with the current failures, keeping its
# comment block (the reasons, kept up to date by hand). Exits 77 (skip) without the data.
here=${1:?usage: check.sh <suite dir> <runtime> <bundle dir> [--write]}
rt=${2:?usage: check.sh <suite dir> <runtime> <bundle dir> [--write]}
dir=${3:?usage: check.sh <suite dir> <runtime> <bundle dir> [--write]}
name=$(basename "$here")
exp="$here/expectations.txt"
[ -f "$dir/index.js" ] || { echo "$name: no tests in $dir (run $here/fetch.sh first)"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out" "$out.f" "$out.k" "$out.h"' EXIT
"$rt" "$here/run.js" "$dir" > "$out" 2>&1
grep '^dir ' "$out"
tail -n 1 "$out"
# Failure ids: "<file> :: <name>".
grep '^FAIL ' "$out" | sed 's/^FAIL //' | awk -F' :: ' '{print $1 " :: " $2}' | sort > "$out.f"
if [ "$4" = "--write" ]; then
  grep '^#' "$exp" > "$out.h" 2>/dev/null ||
    echo "# Known failures of tests/conformance/$name under dx (run.sh <dx> <dir> --write regenerates the list)." > "$out.h"
  { cat "$out.h"; cat "$out.f"; } > "$exp"
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
echo "$name: no new failures ($(wc -l < "$out.f") known)"
