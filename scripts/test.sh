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

# The static checks read files and share nothing: run together, they take the longest one's time
# (eslint's) instead of the sum. Each one's output is printed after, in a fixed order.
echo "== type-check, lint and format check"
checks=$(mktemp -d -t apexkeys-checks.XXXXXX)
run_check() { # name, command...
  local name=$1
  shift
  if "$@" >"$checks/$name.log" 2>&1; then echo ok >"$checks/$name.rc"; else echo failed >"$checks/$name.rc"; fi
}
run_check tsc-node npx tsc --noEmit -p tsconfig.json &
run_check tsc-web npx tsc --noEmit -p tsconfig.web.json &
run_check tsc-e2e npx tsc --noEmit -p tsconfig.e2e.json &
run_check eslint npx eslint . --max-warnings 0 &
run_check prettier npx prettier --check . &
wait
failed=0
for name in tsc-node tsc-web tsc-e2e eslint prettier; do
  if [ "$(cat "$checks/$name.rc")" != ok ]; then
    echo "== $name failed:"
    cat "$checks/$name.log"
    failed=1
  fi
done
rm -rf "$checks"
[ "$failed" -eq 0 ] || exit 1

root=$(mktemp -d -t apexkeys-suite.XXXXXX)
trap 'rm -rf "$root"' EXIT
export APEXKEYS_TEST_ROOT="$root" NO_COLOR=1
# Backups in the suite use a lower scrypt work factor (honoured only inside the throwaway test
# keyring, never above age's default): at the default, each one costs about a second of CPU.
export APEXKEYS_TEST_SCRYPT_LOG_N="${APEXKEYS_TEST_SCRYPT_LOG_N:-12}"
mkdir -p "$root/unit" "$root/e2e"
report="$root/vitest-report.json"

# The unit/integration and end-to-end suites run one after the other, each in its own keyring
# session and folder under the root. APEXKEYS_SIDE_BY_SIDE=1 runs them together; on a fresh clone
# here (2 cores, both kept busy by either suite) that took 18.1 min for the whole CI run, no
# faster than one after the other, so it is not the default.
node scripts/build-cli.mjs --quiet # both use the built CLI: built once, before either starts
unit_log=$(mktemp -t apexkeys-unit-log.XXXXXX)
run_unit() {
  APEXKEYS_TEST_ROOT="$root/unit" bash scripts/with-keyring.sh npx vitest run \
    --exclude 'tests/final/**' --reporter=default --reporter=json --outputFile.json="$report"
}
run_e2e() {
  APEXKEYS_TEST_ROOT="$root/e2e" APEXKEYS_PW_REPORT="$root/playwright-report.json" \
    bash scripts/with-keyring.sh npx playwright test
}
set +e
if [ "${APEXKEYS_SIDE_BY_SIDE:-}" != 1 ]; then
  echo "== unit and integration tests (throwaway HOME, XDG dirs, D-Bus session and gnome-keyring under $root/unit)"
  run_unit
  status=$?
  echo "== end-to-end tests in Debian's Chromium (preview host, sandbox, throwaway keyring under $root/e2e)"
  run_e2e
  e2e=$?
else
  echo "== unit and integration tests, and end-to-end tests in Debian's Chromium, side by side"
  echo "   (each with a throwaway HOME, XDG dirs, D-Bus session and gnome-keyring under $root)"
  run_unit >"$unit_log" 2>&1 &
  unit_pid=$!
  run_e2e
  e2e=$?
  wait "$unit_pid"
  status=$?
  echo "== unit and integration tests (their output, printed once they ended)"
  cat "$unit_log"
fi
rm -f "$unit_log"
echo "== Electron end-to-end test (runs only where the Electron runtime exists)"
APEXKEYS_PW_REPORT="$root/electron-report.json" bash scripts/test-electron.sh
electron=$?
echo "== secret scan over everything the suite wrote"
APEXKEYS_TEST_ROOT="$root" bash scripts/with-keyring.sh npx vitest run tests/final --reporter=default
scan=$?
set -e
node scripts/summarise-tests.mjs "$report" "$root/playwright-report.json" "$root/electron-report.json" || true
[ "$status" -eq 0 ] && [ "$e2e" -eq 0 ] && [ "$electron" -eq 0 ] && [ "$scan" -eq 0 ]
