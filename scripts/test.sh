#!/usr/bin/env bash
# npm test: type-check, lint, format check, then every test inside a throwaway keyring session,
# then the secret scan over everything the suite wrote. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (dependencies missing or out of date)"
  npm ci --no-audit --no-fund
fi
missing=""
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
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
echo "== lint"
npx eslint . --max-warnings 0
echo "== format"
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }

root=$(mktemp -d -t apexkeys-suite.XXXXXX)
trap 'rm -rf "$root"' EXIT
export APEXKEYS_TEST_ROOT="$root" NO_COLOR=1
report="$root/vitest-report.json"

echo "== tests (throwaway HOME, XDG dirs, D-Bus session and gnome-keyring under $root)"
set +e
bash scripts/with-keyring.sh npx vitest run --exclude 'tests/final/**' --reporter=default --reporter=json --outputFile.json="$report"
status=$?
echo "== secret scan over everything the suite wrote"
bash scripts/with-keyring.sh npx vitest run tests/final --reporter=default
scan=$?
set -e
node scripts/summarise-vitest.mjs "$report" || true
[ "$status" -eq 0 ] && [ "$scan" -eq 0 ]
