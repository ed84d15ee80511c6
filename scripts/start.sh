#!/usr/bin/env bash
# npm start: runs the app in its Electron window, on the built-in sandbox account until a real
# ApexVerify account is added. Where the Electron runtime cannot run, it says so and serves the
# same app through the preview host instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

if why=$(node scripts/electron-available.mjs 2>&1); then
  npx electron-vite build --logLevel warn
  exec npx electron .
fi

cat >&2 <<MSG

The desktop window cannot open here: the Electron runtime cannot run on this machine
(${why:-its binary is not installed}).
Starting the same app in the preview host instead: the same renderer and the same core (your
OS keychain, your data folder, the built-in sandbox account on 127.0.0.1), served on a
loopback address behind a one-time token. Open the Preview URL below in a browser on this
machine. Once the Electron runtime is installed, npm start opens the window.

MSG
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ "$(uname)" = Linux ]; then
  echo "No D-Bus session here, so no keychain can be reached: the app will say so. For a throwaway keyring that is deleted on exit, run: bash scripts/with-keyring.sh npm start" >&2
fi
exec bash scripts/preview.sh
