#!/usr/bin/env bash
# Runs a test with a real Secret Service of its own: a private D-Bus session and a GNOME
# Keyring unlocked with a throwaway password, with their files in a temporary folder (nothing
# of the user's keyring is touched). Exits 77 (CTest's SKIP) where they are not installed.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "SKIP: needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)"
    exit 77
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" XDG_CONFIG_HOME="$home/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c '
    printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    export HUBBUB_TEST_KEYRING=1
    exec "$@"' keyring "$@" 2> >(grep -v "Failed to set fd limit" >&2)
