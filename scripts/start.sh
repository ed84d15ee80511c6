#!/usr/bin/env bash
# npm start: runs the app. Until the desktop window lands, this starts the sandbox (an
# ApexVerify-compatible server on 127.0.0.1) and shows how to use the apexkeys CLI against it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/tsx ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (dependencies missing or out of date)"
  npm ci --no-audit --no-fund
fi
exec node scripts/start-demo.mjs
