#!/usr/bin/env bash
# Sourced by the npm scripts: runs `npm ci` when node_modules is missing or older than the lockfile.
if [ ! -x node_modules/.bin/tsx ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (dependencies missing or out of date)"
  npm ci --no-audit --no-fund
fi
