#!/usr/bin/env bash
# Where a post's fan-out latency goes at light load: starts the server, runs hubbub-bench fanout
# with --trace while `perf record -k mono` records the syscalls of the server and the generator
# (reads, WAL writes, fdatasync, the hand-off to the network thread, each sendmsg/writev), then
# prints the per-post breakdown (breakdown.js). Needs perf and root (or perf_event_paranoid <= 1).
# Usage: tools/bench/breakdown.sh full|normal|yardstick [hubbub-bench fanout options...]
#   e.g. tools/bench/breakdown.sh full --subscribers 1000 --rate 10 --seconds 8 --writers 8
# Build first (scripts/bench.sh, or build/bench by hand); BUILD overrides build/bench.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${BUILD:-$root/build/bench}
kind=${1:?full, normal or yardstick}
shift
tmp=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
if [ "$kind" = yardstick ]; then
    node "$root/tools/bench/node/yardstick.js" --port 0 >"$tmp/server.log" 2>&1 &
else
    "$build/server/hubbub-server" --host 127.0.0.1 --port 0 --db "$tmp/h.db" \
        --durability "$kind" >"$tmp/server.log" 2>&1 &
fi
server=$!
for _ in $(seq 100); do grep -q Listening "$tmp/server.log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/server.log" | head -1 | cut -d: -f2)
timeout 300 "$build/tools/bench/hubbub-bench/hubbub-bench" fanout --url "ws://127.0.0.1:$port" \
    --server-pid "$server" --trace "$tmp/trace" "$@" >"$tmp/bench.txt" 2>&1 &
runner=$!
sleep 3 # the subscribers are connected by now; the posts start after them
generator=$(pgrep -P "$runner" -f hubbub-bench || true)
events=()
for e in syscalls:sys_enter_fdatasync syscalls:sys_exit_fdatasync syscalls:sys_enter_fsync \
    syscalls:sys_exit_fsync syscalls:sys_enter_sendmsg syscalls:sys_enter_writev \
    syscalls:sys_enter_sendto syscalls:sys_exit_read syscalls:sys_enter_pwrite64 \
    syscalls:sys_enter_write syscalls:sys_exit_poll syscalls:sys_exit_ppoll sched:sched_waking; do
    events+=(-e "$e")
done
perf record -q -k mono -o "$tmp/perf.data" -p "$server${generator:+,$generator}" "${events[@]}" \
    2>/dev/null &
recorder=$!
wait "$runner" || echo "hubbub-bench exited with $? (see below)"
kill -INT "$recorder"
wait "$recorder" || true
grep -E 'latencyP50Ms|latencyP99Ms|eventsLost|serverCpuUsPerDelivery' "$tmp/bench.txt" || cat "$tmp/bench.txt"
perf script -i "$tmp/perf.data" -F pid,tid,time,event,trace --ns 2>/dev/null >"$tmp/events"
node "$root/tools/bench/breakdown.js" "$tmp/trace" "$tmp/events"
