#!/bin/sh
# Fetches tc39/test262 at the commit the expectations were made for (docs/conformance.md) into DIR
# (default /tmp/test262). The suite is never committed to this repository.
set -e
COMMIT=be13516fb6441b950ba8a3df97eb34062c186972
DIR=${1:-/tmp/test262}
if [ -f "$DIR/harness/assert.js" ]; then echo "test262 already in $DIR"; exit 0; fi
git clone --quiet --filter=blob:none --no-checkout https://github.com/tc39/test262 "$DIR"
git -C "$DIR" checkout --quiet "$COMMIT"
echo "test262 $COMMIT in $DIR"
