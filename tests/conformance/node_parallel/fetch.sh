#!/usr/bin/env bash
# Extracts Node's own tests (test/parallel, test/fixtures and, for reference only, test/common) from a bare
# git mirror of a repository holding Node's test/ directory into OUT/test/. Nothing extracted is committed.
# Usage: fetch.sh [MIRROR] [OUT]   (defaults: /work/.mirror/denoland+node_test/repo, build/node_test)
# Exit status: 0 when extracted, 2 when the mirror is absent.
set -euo pipefail
MIRROR=${1:-/work/.mirror/denoland+node_test/repo}
OUT=${2:-build/node_test}
REV=${NODE_TEST_REV:-HEAD}

if ! git --git-dir="$MIRROR" rev-parse --verify -q "$REV^{commit}" >/dev/null 2>&1; then
    echo "fetch.sh: no git repository with Node's tests at $MIRROR" >&2
    exit 2
fi
G=(git --git-dir="$MIRROR")
commit=$("${G[@]}" rev-parse "$REV^{commit}")
mkdir -p "$OUT"
tmp="$OUT/.extract.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# A partial mirror may lack a few blobs (large fixtures); leave those out rather than fail the archive.
excludes=()
listing="$tmp/listing"
"${G[@]}" ls-tree -r "$commit" -- test/parallel test/fixtures test/common > "$listing"
# ls-tree lines are "mode type oid<TAB>path"; batch-check answers "oid missing" for absent objects, in order.
while IFS=$'\t' read -r state path; do
    [ "$state" = missing ] && excludes+=(":(exclude,literal)$path")
done < <(cut -f1 "$listing" | awk '{ print $3 }' |
         "${G[@]}" cat-file --batch-check='%(objecttype)' --buffer |
         awk '{ print ($2 == "missing") ? "missing" : "ok" }' |
         paste - <(cut -f2- "$listing"))
if [ ${#excludes[@]} -gt 0 ]; then
    echo "fetch.sh: ${#excludes[@]} file(s) missing from the mirror, left out:" >&2
    printf "  %s\n" "${excludes[@]#:(exclude,literal)}" >&2
fi

"${G[@]}" archive --format=tar "$commit" -- test/parallel test/fixtures test/common "${excludes[@]}" 2> >(grep -v "^error: invalid object" >&2) |
    tar -x -C "$tmp"
rm -rf "$OUT/test"
mv "$tmp/test" "$OUT/test"
echo "$commit" > "$OUT/test/REVISION"
echo "fetch.sh: Node's tests at $commit ($("${G[@]}" log -1 --format=%s "$commit")) in $OUT/test"
