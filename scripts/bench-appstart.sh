#!/usr/bin/env bash
# Time from the app's start to a signed-in window: the real `hubbub` binary (offscreen) against a
# real hubbub-server on loopback, TLS on with its self-signed certificate.
#   first start:  --server --user --password-file --trust-fingerprint, as scripts/run.sh starts
#                 it: the account is created (one argon2id hash on the server) and the token kept;
#   later starts: no options at all: the remembered server, the token from the keychain (or the
#                 0600 file where no keychain runs) and the pinned certificate, as every start
#                 after the first one is: RUNS runs, median, min and max.
# "Signed in" is the connection Online: upgrade, TLS with the pin checked, hello, auth.token,
# sync and presence.list done, the window showing. It is read from the app's own log, stamped
# with the time since the process started (QT_MESSAGE_PATTERN's %{time process}).
# Usage: scripts/bench-appstart.sh HUBBUB HUBBUB_SERVER [RUNS (default 7)] [JSON_OUT]
set -euo pipefail
app=${1:?path to the hubbub app}
server=${2:?path to hubbub-server}
runs=${3:-7}
json=${4:-}

tmp=$(mktemp -d)
spid=
cleanup() {
    [ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

port=$((20000 + RANDOM % 20000))
"$server" --host 127.0.0.1 --port "$port" --db "$tmp/server.db" --no-announce \
    >"$tmp/server.log" 2>&1 &
spid=$!
for _ in $(seq 100); do
    grep -q "fingerprint:" "$tmp/server.log" 2>/dev/null && break
    sleep 0.1
done
fingerprint=$(grep -o "fingerprint: .*" "$tmp/server.log" | cut -d' ' -f2)
[ -n "$fingerprint" ] || { echo "bench-appstart: the server did not start" >&2; cat "$tmp/server.log" >&2; exit 1; }

export QT_QPA_PLATFORM=offscreen
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_CACHE_HOME="$tmp/home/.cache"
export QT_LOGGING_RULES="hubbub.client.net.debug=true"
export QT_MESSAGE_PATTERN="%{time process} %{category} %{message}"
mkdir -p "$HOME"
printf 'a long enough password\n' >"$tmp/password"

# Starts the app with "$@", prints the seconds from its start to Online, and ends it.
start_once() {
    "$app" "$@" >"$tmp/app.log" 2>&1 &
    local apid=$! online=
    for _ in $(seq 300); do
        online=$(grep -m1 "State::Online" "$tmp/app.log" | awk '{print $1}') || true
        [ -n "$online" ] && break
        sleep 0.05
    done
    kill "$apid" 2>/dev/null
    wait "$apid" 2>/dev/null || true
    if [ -z "$online" ]; then
        echo "bench-appstart: the app did not get online in 15 s" >&2
        cat "$tmp/app.log" >&2
        return 1
    fi
    echo "$online"
}

first=$(start_once --server "wss://127.0.0.1:$port" --user ada --password-file "$tmp/password" \
    --trust-fingerprint "$fingerprint")
later=()
for ((i = 0; i < runs; ++i)); do
    later+=("$(start_once)")
done
sorted=$(printf '%s\n' "${later[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
min=$(echo "$sorted" | head -1)
max=$(echo "$sorted" | tail -1)
ms() { awk -v s="$1" 'BEGIN {printf "%.0f", s * 1000}'; }
echo "app start to signed-in window (TLS, pinned certificate, loopback, offscreen):"
echo "  first start (creates the account):   $(ms "$first") ms"
echo "  later starts (remembered, $runs runs): median $(ms "$median") ms, min $(ms "$min"), max $(ms "$max")"
if [ -n "$json" ]; then
    printf '{"results": {"firstStartMs": %s, "laterStartMedianMs": %s, "laterStartMinMs": %s, "laterStartMaxMs": %s, "runs": %s}}\n' \
        "$(ms "$first")" "$(ms "$median")" "$(ms "$min")" "$(ms "$max")" "$runs" >"$json"
fi
