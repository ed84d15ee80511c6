#!/usr/bin/env bash
# npm run test:electron: the Electron end-to-end test (tests/e2e-electron). On Linux it runs in
# a throwaway keyring (scripts/with-keyring.sh, which also unsets DISPLAY) and under xvfb-run
# when that is installed; elsewhere it uses the OS keychain under a throwaway service name. The
# test skips, saying why, where the Electron runtime cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
run=(npx playwright test -c playwright.electron.config.ts "$@")
if [ "$(uname)" = Linux ]; then
  if command -v xvfb-run >/dev/null 2>&1; then run=(xvfb-run -a "${run[@]}"); fi
  exec bash scripts/with-keyring.sh "${run[@]}"
fi
exec "${run[@]}"
