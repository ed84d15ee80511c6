#!/usr/bin/env bash
# npm test: type-check, lint, format check, then every test inside a throwaway keyring session,
# then the secret scan over everything the suite wrote. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-deps.sh
missing=""
for tool in dbus-run-session gnome-keyring-daemon secret-tool chromium; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing system packages (missing:$missing)"
    bash .ci/install-system-packages
  else
    echo "Missing system tools:$missing. Install them with: sudo bash .ci/install-system-packages" >&2
    exit 1
  fi
fi

echo "== type-check"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p tsconfig.web.json
npx tsc --noEmit -p tsconfig.e2e.json
echo "== lint"
npx eslint . --max-warnings 0
echo "== format"
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

root=$(mktemp -d -t apexkeys-suite.XXXXXX)
trap 'rm -rf "$root"' EXIT
export APEXKEYS_TEST_ROOT="$root" NO_COLOR=1
report="$root/vitest-report.json"

echo "== unit and integration tests (throwaway HOME, XDG dirs, D-Bus session and gnome-keyring under $root)"
set +e
bash scripts/with-keyring.sh npx vitest run --exclude 'tests/final/**' --reporter=default --reporter=json --outputFile.json="$report"
status=$?
echo "== end-to-end tests in Debian's Chromium (preview host, sandbox, throwaway keyring)"
APEXKEYS_PW_REPORT="$root/playwright-report.json" bash scripts/with-keyring.sh npx playwright test
e2e=$?
echo "== Electron end-to-end test (runs only where the Electron runtime exists)"
APEXKEYS_PW_REPORT="$root/electron-report.json" bash scripts/test-electron.sh
electron=$?
echo "== secret scan over everything the suite wrote"
bash scripts/with-keyring.sh npx vitest run tests/final --reporter=default
scan=$?
set -e
node scripts/summarise-tests.mjs "$report" "$root/playwright-report.json" "$root/electron-report.json" || true
[ "$status" -eq 0 ] && [ "$e2e" -eq 0 ] && [ "$electron" -eq 0 ] && [ "$scan" -eq 0 ]
