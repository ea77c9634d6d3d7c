#!/usr/bin/env bash
# Builds Hubbub, starts a local server (database in the app-data folder,
# ~/.local/share/hubbub-server/hubbub.db) and opens the desktop app signed in to it.
# The first run creates an account named after you; its password is kept in
# ~/.local/share/hubbub-server/local-password so you can sign in from other machines too.
#
#   scripts/run.sh                      server on port 7300 + desktop app
#   scripts/run.sh --server-only [ARGS] just the server (a headless LAN machine); ARGS go to
#                                       hubbub-server, e.g. --port 7400 --db /srv/hubbub.db
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hubbub_install_deps

build_dir=${BUILD_DIR:-build/release}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
server_only=0
if [ "${1:-}" = "--server-only" ]; then
    server_only=1
    shift
fi
targets=(hubbub-server)
[ $server_only -eq 1 ] || targets+=(hubbub)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHUBBUB_BUILD_TESTS=OFF \
    -DHUBBUB_BUILD_CLIENT=$([ $server_only -eq 1 ] && echo OFF || echo ON) "${launcher[@]}"
cmake --build "$build_dir" --parallel "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"

if [ $server_only -eq 1 ]; then
    exec "$build_dir/server/hubbub-server" "$@"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: the desktop app needs one (or run: scripts/run.sh --server-only)." >&2
    exit 1
fi

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/hubbub-server"
mkdir -p "$data_dir"
port=${HUBBUB_PORT:-7300}
log="$data_dir/server.log"
: >"$log" # emptied first: the wait below must not read the last run's lines
"$build_dir/server/hubbub-server" --port "$port" --db "$data_dir/hubbub.db" \
    >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT
# "Listening on wss://…", then the certificate's fingerprint: both lines before going on.
for _ in $(seq 1 100); do
    grep -q "^Certificate SHA-256 fingerprint:" "$log" && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "hubbub-server did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.1
done
grep -q "^Certificate SHA-256 fingerprint:" "$log" ||
    { echo "hubbub-server did not start in 10 s" >&2; cat "$log" >&2; exit 1; }
fingerprint=$(sed -n 's/^Certificate SHA-256 fingerprint: //p' "$log" | head -1)
echo "Server: wss://127.0.0.1:$port (database $data_dir/hubbub.db, log $log)"
echo "Certificate SHA-256 fingerprint: $fingerprint"
lan_ip=$(hostname -I 2>/dev/null | awk '{print $1}')
[ -n "$lan_ip" ] && echo "Others on your network: hubbub --server wss://$lan_ip:$port (they are shown the fingerprint above to check)"

user=$(printf '%s' "${USER:-$(id -un)}" | tr -cd 'A-Za-z0-9_.-' | cut -c1-32)
[ ${#user} -ge 3 ] || user="hubbub-$user"
password_file="$data_dir/local-password"
if [ ! -s "$password_file" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 >"$password_file")
fi
echo "Signed in as $user; the password is in $password_file"
# The app trusts the certificate of the server it just started without asking.
"$build_dir/client/hubbub" --server "wss://127.0.0.1:$port" --trust-fingerprint "$fingerprint" \
    --user "$user" --password-file "$password_file"
