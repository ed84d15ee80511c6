#!/usr/bin/env bash
# npm start: runs the app in its Electron window, on the built-in sandbox account until a real
# ApexVerify account is added. Where the Electron runtime cannot run, it says so and serves the
# same app through the preview host instead. On a fresh Debian/Ubuntu machine it first installs
# the system packages it needs (as root; otherwise it names them). Where no Secret Service can
# be reached at all (no D-Bus session: SSH, a container), it starts a clearly labelled demo on a
# throwaway keychain and data folder instead of a window that cannot do anything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

# The libsecret runtime (keytar) and, for a demo, a Secret Service and a D-Bus session.
if [ "$(uname)" = Linux ] && command -v dpkg >/dev/null 2>&1; then
  missing=""
  for p in libsecret-1-0 gnome-keyring dbus dbus-x11; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "== installing system packages:$missing" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >&2
    else
      echo "The app needs these system packages:$missing. Install them with: sudo apt-get install$missing" >&2
      exit 1
    fi
  fi
fi

# No session bus at all means no keychain can be reached; a session bus whose keychain is
# missing or locked is the user's real one, and the window explains how to fix it instead.
demo=0
if [ "$(uname)" = Linux ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
  [ ! -S "${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/bus" ] && [ "${APEXKEYS_DEMO:-}" != 0 ]; then
  demo=1
fi

if why=$(node scripts/electron-available.mjs 2>&1); then
  npx electron-vite build --logLevel warn
  run=(env APEXKEYS_KEEP_DISPLAY=1 npx electron .)
else
  cat >&2 <<MSG

The desktop window cannot open here: the Electron runtime cannot run on this machine
(${why:-its binary is not installed}).
Starting the same app in the preview host instead: the same renderer and the same core (your
OS keychain, your data folder, the built-in sandbox account on 127.0.0.1), served on a
loopback address behind a one-time token. Open the Preview URL below in a browser on this
machine. Once the Electron runtime is installed, npm start opens the window.

MSG
  run=(bash scripts/preview.sh)
fi

if [ "$demo" = 1 ]; then
  cat >&2 <<'MSG'
Demo: a throwaway keychain and data folder, deleted when you quit.
No D-Bus session is running here (as over SSH or in a container), so no OS keychain can be
reached. The app runs against a keyring and a data folder of its own that are deleted when it
stops; your real data folder is not touched. For your own keys, run it where a Secret Service
(GNOME Keyring, KWallet 5.97+, KeePassXC) is unlocked in your session.

MSG
  root=$(mktemp -d -t apexkeys-demo.XXXXXX)
  # The demo's data folder lives inside the throwaway root, so with-keyring removes it too, and
  # the sandbox gets a free port so a demo never collides with a real app's sandbox.
  exec env APEXKEYS_DEMO=1 APEXKEYS_DATA_DIR="$root/data" APEXKEYS_SANDBOX_PORT=0 \
    APEXKEYS_KEYCHAIN_SERVICE=apexverify-key-manager-demo APEXKEYS_TEST_ROOT="$root" \
    bash scripts/with-keyring.sh bash -c 'trap "rm -rf \"$APEXKEYS_TEST_ROOT\"" EXIT; "$@"' demo "${run[@]}"
fi
exec "${run[@]}"
