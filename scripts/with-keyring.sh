#!/usr/bin/env bash
# Runs a command inside a throwaway D-Bus session with an unlocked gnome-keyring, a throwaway
# HOME and throwaway XDG dirs, so tests never touch the user's own keyring.
#   scripts/with-keyring.sh CMD [ARGS...]
# APEXKEYS_TEST_ROOT, when set, is used (and kept) as the throwaway root; otherwise a temp dir is
# made and removed afterwards.
set -euo pipefail

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool is missing. Install: apt-get install dbus dbus-x11 gnome-keyring libsecret-1-0 libsecret-tools" >&2
    exit 1
  fi
done

if [ -n "${APEXKEYS_TEST_ROOT:-}" ]; then
  root="$APEXKEYS_TEST_ROOT"; keep=1
else
  root=$(mktemp -d -t apexkeys-test.XXXXXX); keep=0
fi
mkdir -p "$root/home" "$root/xdg/data" "$root/xdg/config" "$root/xdg/cache" "$root/xdg/runtime"
chmod 700 "$root/xdg/runtime"
cleanup() { [ "$keep" = 1 ] || rm -rf "$root"; }
trap cleanup EXIT

export APEXKEYS_TEST_ROOT="$root"
export HOME="$root/home"
export XDG_DATA_HOME="$root/xdg/data" XDG_CONFIG_HOME="$root/xdg/config"
export XDG_CACHE_HOME="$root/xdg/cache" XDG_RUNTIME_DIR="$root/xdg/runtime"
export APEXKEYS_TEST_KEYRING=1
# A demo that opens an Electron window keeps the display (scripts/start.sh sets this).
[ "${APEXKEYS_KEEP_DISPLAY:-}" = 1 ] || unset DISPLAY WAYLAND_DISPLAY

# The keyring password is a throwaway too: the keyring lives and dies with $root.
# dbus-daemon warns that it may not raise its fd limit in a container; that line is noise.
# Items go to gnome-keyring's in-memory "session" collection (the "default" alias, which keytar
# stores into, is pointed at it): the on-disk login keyring is rewritten whole on every change,
# so with the 2,000 items a full test run leaves, each write took 121 ms instead of 9 ms
# (measured with keytar here). Locked and missing keyrings are tested in sessions of their own.
dbus-run-session -- bash -c '
  printf "%s" "throwaway-test-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # The daemon --unlock forked claims its bus name a moment later; asking before that would have
  # the bus start a second one.
  for _ in $(seq 100); do
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
      grep -q true && break
    sleep 0.05
  done
  dbus-send --session --print-reply=literal --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.SetAlias string:default \
    objpath:/org/freedesktop/secrets/collection/session >/dev/null ||
    echo "with-keyring: could not point the default collection at the session one; the on-disk keyring is used" >&2
  exec "$@"
' with-keyring "$@" 2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
