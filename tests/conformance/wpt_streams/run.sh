#!/bin/sh
# Runs the Streams Standard's tests and the Encoding Standard's stream tests (fetched by fetch.sh)
# under a JS runtime against expectations.txt (see ../wpt_common/check.sh).
#   tests/conformance/wpt_streams/run.sh <dx or node binary> [bundle dir] [--write]
here=$(dirname "$0")
exec sh "$here/../wpt_common/check.sh" "$here" "${1:?usage: run.sh <runtime> [bundle dir] [--write]}" \
  "${2:-build/wpt/streams}" "$3"
