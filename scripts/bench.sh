#!/usr/bin/env bash
# Reruns every load figure: hubbub-server against the node `ws` yardstick in the same run, on
# loopback, and prints one table of targets (docs/performance.md). Results: build/bench/results.json.
# About 10-15 minutes on a 2-core machine (the first run also seeds a 1M+1M database, cached in
# build/bench keyed by the schema). Environment: HUBBUB_BENCH_SECONDS (default 10),
# HUBBUB_BENCH_REPEATS (interleaved pairs of the N=1000 fan-out, default 3),
# HUBBUB_BENCH_JOBS (build parallelism, default 2), HUBBUB_BENCH_SKIP (space-separated parts to
# skip: fanout tls crosscheck ramp connections writes history feedview appstart appcache),
# HUBBUB_BENCH_BASELINE (another hubbub-server binary, e.g. a Release build of an earlier commit:
# every hubbub run is repeated with it right after, and a before/after table is printed),
# HUBBUB_BENCH_ONLY (space-separated parts to run, all others skipped; e.g. "postgres"),
# HUBBUB_BENCH_PREBUILT (a build folder with hubbub-server and hubbub-bench already built, e.g.
# build/test: no configure, build or dependency install here; Release is the default's figures).
# Part `postgres` (issue 15, docs/scaling.md) is not in the default run: it needs PostgreSQL
# (Debian: postgresql, libqt6sql6-psql) and takes about 5 minutes; HUBBUB_BENCH_ONLY=postgres.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/bench"
out="$build/results"
seconds=${HUBBUB_BENCH_SECONDS:-10}
repeats=${HUBBUB_BENCH_REPEATS:-3}
skip=" ${HUBBUB_BENCH_SKIP:-} "

only=${HUBBUB_BENCH_ONLY:-}
prebuilt=${HUBBUB_BENCH_PREBUILT:-}

if [ -n "$prebuilt" ]; then
    build=$(cd "$prebuilt" && pwd)
    out="$build/bench-results"
else
    # shellcheck source=scripts/deps.sh
    source "$root/scripts/deps.sh"
    extra=()
    command -v node >/dev/null 2>&1 || extra+=(nodejs)
    command -v npm >/dev/null 2>&1 || extra+=(npm)
    hubbub_install_deps "${extra[@]}"

    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHUBBUB_BUILD_TESTS=OFF \
        -DHUBBUB_BUILD_TOOLS=ON "${launcher[@]}" >/dev/null
    targets=(hubbub-server hubbub-bench hubbub)
    if ninja -C "$build" -t targets all 2>/dev/null | grep -q '^bench_feedview:'; then
        targets+=(bench_feedview bench_appcache)
    fi
    cmake --build "$build" --target "${targets[@]}" --parallel "${HUBBUB_BENCH_JOBS:-2}"
    (cd "$root/tools/bench/node" && npm install --no-audit --no-fund --silent)
fi

bench="$build/tools/bench/hubbub-bench/hubbub-bench"
server="$build/server/hubbub-server"
yardstick="$root/tools/bench/node/yardstick.js"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.txt

# One run of hubbub-bench; a failing run is reported in the table, not fatal.
run() {
    local name=$1
    shift
    echo "== $name"
    "$bench" "$@" --json "$out/$name.json" || echo "   ($name exited with $?)"
}
baseline=${HUBBUB_BENCH_BASELINE:-}
hubbub() {
    rm -rf "$tmp"/h.db*
    run "$@" --spawn "$server" --db "$tmp/h.db"
    if [ -n "$baseline" ]; then # the same run at once with the earlier build: a fair pair
        rm -rf "$tmp"/h.db*
        run "${1/hubbub/baseline}" "${@:2}" --spawn "$baseline" --db "$tmp/h.db"
    fi
}
yard() { run "$@" --spawn-node "$yardstick"; }
wants()
{
    if [ -n "$only" ]; then
        [[ " $only " == *" $1 "* ]]
    else
        [[ "$skip" != *" $1 "* && $1 != postgres ]]
    fi
}

if wants fanout; then
    # CPU per delivery moves by a quarter between runs on a shared machine: interleaved pairs,
    # and the table takes the median ratio. Eight writer connections, as the cross-check has.
    for ((rep = 1; rep <= repeats; rep++)); do
        suffix=$([ "$rep" -eq 1 ] || echo "-$rep")
        hubbub "fanout-1000-hubbub$suffix" fanout --subscribers 1000 --rate 50 --writers 8 \
            --seconds "$seconds"
        yard "fanout-1000-yardstick$suffix" fanout --subscribers 1000 --rate 50 --writers 8 \
            --seconds "$seconds"
    done
    # Light load: latency with the server mostly idle between posts.
    hubbub fanout-1000-light-hubbub fanout --subscribers 1000 --rate 10 --writers 8 \
        --seconds "$seconds"
    yard fanout-1000-light-yardstick fanout --subscribers 1000 --rate 10 --writers 8 \
        --seconds "$seconds"
    hubbub fanout-5000-hubbub fanout --subscribers 5000 --rate 10 --writers 8 --seconds "$seconds"
    yard fanout-5000-yardstick fanout --subscribers 5000 --rate 10 --writers 8 --seconds "$seconds"
fi
if wants tls; then
    # The same over wss://: hubbub-server with its own self-signed certificate against the
    # yardstick under Node's https (an ECDSA P-256 certificate made the same way), interleaved.
    for ((rep = 1; rep <= repeats; rep++)); do
        suffix=$([ "$rep" -eq 1 ] || echo "-$rep")
        hubbub "tls-fanout-1000-hubbub$suffix" fanout --tls --subscribers 1000 --rate 50 \
            --writers 8 --seconds "$seconds"
        yard "tls-fanout-1000-yardstick$suffix" fanout --tls --subscribers 1000 --rate 50 \
            --writers 8 --seconds "$seconds"
    done
    hubbub tls-connections-hubbub connections --tls --connections 10000
    yard tls-connections-yardstick connections --tls --connections 10000
fi
if wants crosscheck; then
    # A second load generator (tools/bench/node/crosscheck.js: Node, ws clients, one process)
    # against hubbub-server, the yardstick and ws's README broadcast server: hubbub-bench's
    # CPU-per-delivery figures should agree with it in order of magnitude and in ratio.
    cross() {
        local name=$1 protocol=$2 log="$tmp/cross-server.log" pid port
        shift 2
        echo "== $name"
        "$@" >"$log" 2>&1 &
        pid=$!
        for _ in $(seq 100); do grep -q Listening "$log" && break; sleep 0.1; done
        port=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f2)
        if [ -n "$port" ] && timeout $((seconds * 3 + 150)) node "$root/tools/bench/node/crosscheck.js" \
            --url "ws://127.0.0.1:$port" --pid "$pid" --protocol "$protocol" --subscribers 1000 \
            --rate 50 --writers 8 --seconds "$seconds" >"$tmp/cross.json"; then
            echo "{\"results\": $(cat "$tmp/cross.json")}" >"$out/$name.json"
            cat "$tmp/cross.json"
        else
            echo "   ($name failed)"
        fi
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    }
    rm -rf "$tmp"/x.db*
    cross crosscheck-hubbub v1 "$server" --host 127.0.0.1 --port 0 --db "$tmp/x.db" --tls off --no-announce \
        --durability full
    cross crosscheck-yardstick v1 node "$yardstick" --port 0
    cross crosscheck-broadcast plain node "$root/tools/bench/node/broadcast.js" --port 0
fi
if wants ramp; then
    hubbub ramp-hubbub fanout --ramp --subscribers 1000 --rate 5 --step-seconds 4
    yard ramp-yardstick fanout --ramp --subscribers 1000 --rate 5 --step-seconds 4
fi
if wants connections; then
    hubbub connections-hubbub connections --connections 10000
    yard connections-yardstick connections --connections 10000
fi
if wants writes; then
    hubbub writes-full-hubbub writes --connections 64 --rate 5000 --seconds "$seconds" \
        --durability full
    hubbub writes-normal-hubbub writes --connections 64 --rate 5000 --seconds "$seconds" \
        --durability normal
fi
if wants history; then
    key=$(cat "$root/server/store/schema.cpp" "$root/server/store/poststore.cpp" "$root/server/store/chatstore.cpp" \
        "$root/tools/bench/hubbub-bench/seeder.cpp" | sha256sum | cut -c1-12)
    seeded="$build/seeded-$key.db"
    if [ ! -f "$seeded" ]; then
        rm -rf "$build"/seeded-*.db*
        echo "== seeding $seeded (1,000,000 posts and 1,000,000 messages)"
        "$bench" seed --db "$seeded.tmp" --json "$out/seed.json"
        mv "$seeded.tmp" "$seeded"
        rm -f "$seeded.tmp"-wal "$seeded.tmp"-shm
    fi
    cp "$seeded" "$tmp/history.db"
    run history-hubbub history --spawn "$server" --db "$tmp/history.db" --requests 50
    if [ -n "$baseline" ]; then
        cp "$seeded" "$tmp/history.db"
        run history-baseline history --spawn "$baseline" --db "$tmp/history.db" --requests 50
    fi
fi
if wants appstart; then
    echo "== app start to signed-in window"
    "$root/scripts/bench-appstart.sh" "$build/client/hubbub" "$server" 7 "$out/appstart.json" ||
        echo "   (appstart exited with $?)"
fi

if wants appcache && [ -x "$build/tools/bench/bench_appcache" ]; then
    echo "== the app's local cache at a start (10,000 posts cached; 1,000 events missed)"
    QT_QPA_PLATFORM=offscreen "$build/tools/bench/bench_appcache" "$server" "$bench" 5 2>/dev/null |
        tee "$out/appcache.txt" || echo "   (appcache exited with $?)"
fi

if wants feedview && [ -x "$build/tools/bench/bench_feedview" ]; then
    echo "== bench_feedview"
    QT_QPA_PLATFORM=offscreen "$build/tools/bench/bench_feedview" | tee "$out/feedview.txt" || true
fi

if wants postgres; then
    # Issue 15: one instance on PostgreSQL against one on SQLite, one to three instances on one
    # PostgreSQL database, and failover. A throwaway cluster of its own (scripts/pg-cluster.sh:
    # fsync on), stopped on the way out; every hubbub-bench run gets a fresh database in it.
    pgdir=/tmp/hubbub-bench-pg-$$
    trap '"$root/scripts/pg-cluster.sh" stop "$pgdir" || true; rm -rf "$tmp"' EXIT
    "$root/scripts/pg-cluster.sh" start "$pgdir"
    pgurl="postgresql://postgres@127.0.0.1:$(cat "$pgdir/port")/hubbub"
    echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    sqlite() {
        rm -rf "$tmp"/h.db*
        run "$@" --spawn "$server" --db "$tmp/h.db"
    }
    pg() { run "$@" --spawn "$server" --db "$pgurl" --pg-dir "$pgdir"; }

    # 1. The same server on either database, back to back.
    for rate in 500 5000; do
        sqlite "pg-writes-$rate-sqlite" writes --connections 64 --rate "$rate" --seconds "$seconds"
        pg "pg-writes-$rate-postgres" writes --connections 64 --rate "$rate" --seconds "$seconds"
    done
    sqlite pg-fanout-1000-sqlite fanout --subscribers 1000 --rate 50 --writers 8 --seconds "$seconds"
    pg pg-fanout-1000-postgres fanout --subscribers 1000 --rate 50 --writers 8 --seconds "$seconds"

    # 2. One to three instances, N=3000 subscribers spread over them, the writers on the first:
    # the sustained rate (ramp to p99 < 100 ms), and latency at a fixed 10 posts/s.
    sqlite pg-ramp-3000-sqlite fanout --ramp --subscribers 3000 --rate 8 --step-seconds 4
    for n in 1 2 3; do
        pg "pg-ramp-3000-x$n" fanout --ramp --subscribers 3000 --rate 8 --step-seconds 4 --instances "$n"
        pg "pg-fanout-3000-x$n" fanout --subscribers 3000 --rate 10 --writers 2 --seconds "$seconds" \
            --instances "$n"
    done

    # 3. Failover: 500 clients on instance A, A killed, each resumed on B.
    for rep in 1 2 3; do
        pg "pg-failover-500-$rep" failover --connections 500
    done

    # An independent yardstick of the database alone: pgbench on the same cluster, a round trip
    # and the writer's own statements for one chat.send (as in its log), on the server's schema
    # (hubbub_fold, the tsvector column and its GIN index): one per transaction (a commit's
    # fsync each) and 50 per transaction (a group commit).
    port=$(cat "$pgdir/port")
    mkdir -p "$tmp/pgdata"
    "$server" --host 127.0.0.1 --port 0 --db "$pgurl" --data-dir "$tmp/pgdata" --tls off \
        --no-announce >"$tmp/schema.log" 2>&1 &
    schema_pid=$!
    for _ in $(seq 100); do grep -q Listening "$tmp/schema.log" && break; sleep 0.1; done
    kill "$schema_pid" 2>/dev/null || true
    wait "$schema_pid" 2>/dev/null || true
    pgbin=$(dirname "$(find /usr/lib/postgresql -path '*/bin/pgbench' | sort -V | tail -n 1)")
    pgb() { "$pgbin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n "$@" hubbub; }
    "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d hubbub -q -c "INSERT INTO users
        (username, username_key, password_hash, role, created_at) VALUES ('pgbench', 'pgbench', 'x',
        'member', '2026-12-06T00:00:00.000Z')"
    text=$(printf 'w%.0s' $(seq 200))
    frame='{"event":"message.created","message":{"author":{"avatarId":null,"displayName":"","id":1,"role":"member","username":"pgbench"},"channelId":1,"createdAt":"2026-12-06T00:00:00.000Z","editedAt":null,"files":[],"id":1,"mentions":[],"reactions":[],"replyTo":null,"text":"'$text'"},"type":"event"}'
    job() {
        cat <<SQL
SAVEPOINT job;
SELECT kind FROM channels WHERE id = 1;
INSERT INTO messages (channel_id, author_id, text, created_at, nonce, created_seq, reply_to_id) VALUES (1, (SELECT MIN(id) FROM users), '$text', '2026-12-06T00:00:00.000Z', :n || '-' || :client_id || '-$1', 1, NULL) ON CONFLICT (author_id, nonce) DO NOTHING RETURNING id;
INSERT INTO events (seq, frame, created_at, audience) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM events), '$frame', '2026-12-06T00:00:00.000Z', NULL);
RELEASE job;
SQL
    }
    transaction() {
        echo '\set n random(1, 2000000000)'
        echo 'BEGIN;'
        echo 'SELECT pg_advisory_xact_lock(1215652450);'
        echo 'SELECT COALESCE(MAX(seq), 0) FROM events;'
        for i in $(seq "$1"); do job "$i"; done
        echo "SELECT pg_notify('hubbub_events', '1');"
        echo 'COMMIT;'
    }
    echo 'SELECT 1;' >"$tmp/rtt.sql"
    transaction 1 >"$tmp/one.sql"
    transaction 50 >"$tmp/fifty.sql"
    echo "== pgbench: a round trip (SELECT 1), 1 client"
    pgb -c 1 -T 3 -f "$tmp/rtt.sql" | grep -E 'latency average|^tps' | tee "$out/pgbench-rtt.txt"
    echo "== pgbench: the writer's statements for one chat.send, one per transaction, 1 client"
    pgb -c 1 -T 5 -r -f "$tmp/one.sql" |
        grep -vE '^(pgbench|transaction type|scaling|query mode|number of (clients|threads)|maximum|duration|initial|number of failed)' |
        tee "$out/pgbench-one.txt"
    echo "== pgbench: the same, 50 per transaction (a group commit; rows/s = 50 x tps), 1 client"
    pgb -c 1 -T 5 -f "$tmp/fifty.sql" | grep -E 'latency average|^tps' | tee "$out/pgbench-fifty.txt"
    echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$root/scripts/pg-cluster.sh" stop "$pgdir"

    node - "$out" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const load = (n) => { try { return JSON.parse(fs.readFileSync(`${dir}/${n}.json`)).results; } catch { return null; } };
const f = (v, d = 2) => (v === undefined || v === null ? '-' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(d)) : String(v));
const k = (r, key) => (r && r[key] !== undefined ? r[key] : null);
const row = (...c) => console.log('| ' + c.map((x) => f(x)).join(' | ') + ' |');
console.log('\n1. one instance: SQLite | PostgreSQL | PostgreSQL ÷ SQLite');
for (const rate of [500, 5000]) {
  const s = load(`pg-writes-${rate}-sqlite`), p = load(`pg-writes-${rate}-postgres`);
  for (const [key, label] of [['acksPerSecWhileOffered', `acked creates/s while ${rate}/s offered`], ['ackP50Ms', 'ack p50 ms'], ['ackP99Ms', 'ack p99 ms'], ['rowsPerCommit', 'rows per commit'], ['serverCpuUsPerCreate', 'server CPU µs per create'], ['databaseCpuUsPerCreate', 'PostgreSQL CPU µs per create']])
    row(label, k(s, key), k(p, key), k(s, key) && k(p, key) ? k(p, key) / k(s, key) : null);
}
{
  const s = load('pg-fanout-1000-sqlite'), p = load('pg-fanout-1000-postgres');
  for (const [key, label] of [['serverCpuUsPerDelivery', 'server CPU µs/delivery, N=1000, 50 posts/s'], ['databaseCpuUsPerDelivery', 'PostgreSQL CPU µs/delivery'], ['latencyP50Ms', 'fan-out p50 ms'], ['latencyP99Ms', 'fan-out p99 ms'], ['eventsLost', 'events lost']])
    row(label, k(s, key), k(p, key), k(s, key) && k(p, key) ? k(p, key) / k(s, key) : null);
}
console.log('\n2. N=3000: instances | sustained deliveries/s (p99 < 100 ms) | at 10 posts/s: p99 all / other instances ms | CPU % of a core: each instance | PostgreSQL | lost');
const ramp = load('pg-ramp-3000-sqlite');
row('1 (SQLite)', k(ramp, 'sustainedDeliveriesPerSec'), '', '', '', '');
for (const n of [1, 2, 3]) {
  const r = load(`pg-ramp-3000-x${n}`), x = load(`pg-fanout-3000-x${n}`);
  const steps = (r && r.steps) || [];
  const best = steps.filter((s) => s.deliveriesPerSec === k(r, 'sustainedDeliveriesPerSec'))[0] || {};
  row(`${n} (PostgreSQL)`, k(r, 'sustainedDeliveriesPerSec'), `${f(k(x, 'latencyP99Ms'))} / ${f(k(x, 'remoteLatencyP99Ms'))}`,
    `${(k(x, 'instanceCpuPercent') || [k(x, 'serverCpuUsPerDelivery') && null]).join(', ')} (at the ramp's best: ${(best.instanceCpuPercent || []).join(', ')})`,
    `${f(k(x, 'databaseCpuPercent'))} (${f(best.databaseCpuPercent)})`, k(x, 'eventsLost'));
}
console.log('\n3. failover, 500 clients: run | resumed | p50 ms | p99 ms | max ms | close seen p50 ms | retries/client');
for (const rep of [1, 2, 3]) {
  const r = load(`pg-failover-500-${rep}`);
  row(rep, k(r, 'resumed'), k(r, 'resumedP50Ms'), k(r, 'resumedP99Ms'), k(r, 'resumedMaxMs'), k(r, 'closeSeenP50Ms'), k(r, 'retriesPerClient'));
}
JS
fi

# Part postgres alone prints its own tables above.
[ "$only" = postgres ] && exit 0

# The table: every target as a ratio against the yardstick of the same run, or a figure of the
# server process alone.
node - "$out" "$build/results.json" <<'JS'
const fs = require('fs');
const [dir, outFile] = process.argv.slice(2);
const load = (n) => { try { return JSON.parse(fs.readFileSync(`${dir}/${n}.json`)).results; } catch { return null; } };
const rows = [];
const fmt = (v, d = 2) => (v === undefined || v === null || Number.isNaN(v) ? '-' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(d)) : String(v));
const add = (target, h, y, ratio, met, note = '') => rows.push({ target, hubbub: h, yardstick: y, ratio, met, note });
const pick = (r, k) => (r && r[k] !== undefined ? r[k] : null);
const both = (n) => [load(`${n}-hubbub`), load(`${n}-yardstick`)];

// The N=1000 fan-out ran as interleaved pairs: the pair with the median CPU ratio stands for
// all of them, and the note gives the range.
const pairs = [];
for (let rep = 1; ; ++rep) {
  const suffix = rep === 1 ? '' : `-${rep}`;
  const ph = load(`fanout-1000-hubbub${suffix}`), py = load(`fanout-1000-yardstick${suffix}`);
  if (!ph && !py) break;
  const c = pick(ph, 'serverCpuUsPerDelivery'), cy = pick(py, 'serverCpuUsPerDelivery');
  pairs.push({ h: ph, y: py, ratio: c && cy ? c / cy : Infinity });
}
pairs.sort((a, b) => a.ratio - b.ratio);
const median = pairs.length ? pairs[(pairs.length - 1) >> 1] : { h: null, y: null };
let [h, y] = [median.h, median.y];
let hc = pick(h, 'serverCpuUsPerDelivery'), yc = pick(y, 'serverCpuUsPerDelivery');
const ratios = pairs.filter((p) => Number.isFinite(p.ratio)).map((p) => p.ratio.toFixed(2));
add('server CPU µs/delivery, N=1000, 50 posts/s (≤ 0.7× yardstick)', hc, yc, hc && yc ? hc / yc : null, hc && yc ? hc <= 0.7 * yc : null,
  pairs.length > 1 ? `median of ${pairs.length} interleaved pairs; ratios ${ratios.join(', ')}` : '');
const p99 = (label, h, y) => {
  const hp = pick(h, 'latencyP99Ms'), yp = pick(y, 'latencyP99Ms');
  const lost = h ? pick(h, 'eventsLost') + pick(h, 'eventsDuplicated') : null;
  add(label, hp, yp, hp && yp ? hp / yp : null, hp !== null && yp !== null ? hp < yp && lost === 0 : null,
    `lost ${fmt(lost)} / ${fmt(y ? pick(y, 'eventsLost') : null)}`);
};
p99('fan-out p99 ms, N=1000, 50 posts/s (lower; 0 lost)', h, y);
const p50 = (label, h, y) => {
  const hp = pick(h, 'latencyP50Ms'), yp = pick(y, 'latencyP50Ms');
  add(label, hp, yp, hp && yp ? hp / yp : null, hp !== null && yp !== null ? hp <= yp : null,
    `p99 ${fmt(pick(h, 'latencyP99Ms'))} / ${fmt(pick(y, 'latencyP99Ms'))}`);
};
[h, y] = both('fanout-1000-light');
p50('fan-out p50 ms, N=1000, 10 posts/s (≤ yardstick)', h, y);
[h, y] = both('fanout-5000');
p50('fan-out p50 ms, N=5000, 10 posts/s (≤ yardstick)', h, y);
p99('fan-out p99 ms, N=5000, 10 posts/s (lower; 0 lost)', h, y);
// wss://: the same pairs, median ratio.
const tlsPairs = [];
for (let rep = 1; ; ++rep) {
  const suffix = rep === 1 ? '' : `-${rep}`;
  const ph = load(`tls-fanout-1000-hubbub${suffix}`), py = load(`tls-fanout-1000-yardstick${suffix}`);
  if (!ph && !py) break;
  const c = pick(ph, 'serverCpuUsPerDelivery'), cy = pick(py, 'serverCpuUsPerDelivery');
  tlsPairs.push({ h: ph, y: py, ratio: c && cy ? c / cy : Infinity });
}
tlsPairs.sort((a, b) => a.ratio - b.ratio);
if (tlsPairs.length) {
  const m = tlsPairs[(tlsPairs.length - 1) >> 1];
  const c = pick(m.h, 'serverCpuUsPerDelivery'), cy = pick(m.y, 'serverCpuUsPerDelivery');
  add('wss: server CPU µs/delivery, N=1000, 50 posts/s (≤ yardstick)', c, cy, c && cy ? c / cy : null, c && cy ? c <= cy : null,
    `median of ${tlsPairs.length}; ratios ${tlsPairs.filter((p) => Number.isFinite(p.ratio)).map((p) => p.ratio.toFixed(2)).join(', ')}`);
  p99('wss: fan-out p99 ms, N=1000, 50 posts/s (lower; 0 lost)', m.h, m.y);
}
[h, y] = both('tls-connections');
if (h || y) {
  const tk = pick(h, 'rssKbPerConnection'), tyk = pick(y, 'rssKbPerConnection');
  add('wss: server RSS KB per idle connection, 10,000 (≤ yardstick)', tk, tyk, tk && tyk ? tk / tyk : null, tk !== null && tyk !== null ? tk <= tyk && pick(h, 'connections') === 10000 : null);
  add('wss: server CPU µs per connection + login, 10,000', pick(h, 'serverCpuUsPerConnection'), pick(y, 'serverCpuUsPerConnection'), h && y ? pick(h, 'serverCpuUsPerConnection') / pick(y, 'serverCpuUsPerConnection') : null, null);
}
[h, y] = both('crosscheck');
{
  const c = pick(h, 'serverCpuUsPerDelivery'), cy = pick(y, 'serverCpuUsPerDelivery');
  const b = load('crosscheck-broadcast');
  add('cross-check (crosscheck.js): server CPU µs/delivery, N=1000, 50 posts/s', c, cy, c && cy ? c / cy : null, null,
    `ws README broadcast server ${fmt(pick(b, 'serverCpuUsPerDelivery'))}; lost ${fmt(pick(h, 'lost'))} / ${fmt(pick(y, 'lost'))}`);
}
[h, y] = both('ramp');
const hs = pick(h, 'sustainedDeliveriesPerSec'), ys = pick(y, 'sustainedDeliveriesPerSec');
const capped = (r) => (pick(r, 'rampReachedLastStep') ? ' (every step passed: at least)' : '');
add('sustained deliveries/s, N=1000, p99 < 100 ms (≥ 1.1×)', hs, ys, hs !== null && ys ? hs / ys : null, hs !== null && ys !== null ? hs > 0 && hs >= 1.1 * ys : null,
  `best passing ramp step; hubbub${capped(h)}, yardstick${capped(y)}`);
[h, y] = both('connections');
const hk = pick(h, 'rssKbPerConnection'), yk = pick(y, 'rssKbPerConnection');
add('server RSS KB per idle connection, 10,000 (≤ 10)', hk, yk, hk && yk ? hk / yk : null, hk !== null ? hk <= 10 && pick(h, 'connections') === 10000 : null);
add('seconds to connect + authenticate 10,000', pick(h, 'connectSeconds'), pick(y, 'connectSeconds'), h && y ? pick(h, 'connectSeconds') / pick(y, 'connectSeconds') : null, null);
add('server CPU µs per connection + login, 10,000', pick(h, 'serverCpuUsPerConnection'), pick(y, 'serverCpuUsPerConnection'), h && y ? pick(h, 'serverCpuUsPerConnection') / pick(y, 'serverCpuUsPerConnection') : null, null);
for (const d of ['full', 'normal']) {
  const w = load(`writes-${d}-hubbub`);
  const a = pick(w, 'acksPerSec'), p = pick(w, 'ackP99Ms');
  add(`acked creates/s, --durability ${d}, 5,000/s offered (≥ 5,000)`, a, null, null, a !== null ? a >= 5000 * 0.98 && pick(w, 'errors') === 0 : null, `errors ${fmt(pick(w, 'errors'))}; rows/commit ${fmt(pick(w, 'rowsPerCommit'))}`);
  add(`ack p99 ms meanwhile, --durability ${d} (< 50)`, p, null, null, p !== null ? p < 50 : null);
}
const hist = load('history-hubbub');
const start = load('appstart');
add('app start to signed-in window ms, remembered server, TLS pin (median of runs)', pick(start, 'laterStartMedianMs'), null, null, null,
  start ? `first start ${pick(start, 'firstStartMs')} ms; min ${pick(start, 'laterStartMinMs')}, max ${pick(start, 'laterStartMaxMs')}` : '');
add('server start-up ms, 1M posts + 1M messages (< 1000)', pick(hist, 'serverStartupMs'), null, null, hist ? pick(hist, 'serverStartupMs') < 1000 : null);
for (const [k, label, limit] of [['feedNewest', 'feed.page newest', 5], ['feedDeep', 'feed.page 900,000 back', 5], ['chatNewest', 'chat.history newest', 5], ['chatDeep', 'chat.history 900,000 back', 5], ['sync', 'sync of 10,000 events', 200]]) {
  const v = pick(hist, `${k}P99Ms`);
  add(`${label} p99 ms (< ${limit})`, v, null, null, v !== null ? v < limit : null, hist ? `${fmt(pick(hist, k + 'Items'))} items` : '');
}
const w = Math.max(...rows.map((r) => r.target.length));
console.log('\n' + 'target'.padEnd(w) + '  hubbub     yardstick  ratio   met');
for (const r of rows)
  console.log(`${r.target.padEnd(w)}  ${fmt(r.hubbub).padEnd(9)}  ${fmt(r.yardstick).padEnd(9)}  ${fmt(r.ratio).padEnd(6)}  ${r.met === null ? '-' : r.met ? 'met' : 'NOT met'}  ${r.note}`);
const all = {};
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) all[f.slice(0, -5)] = JSON.parse(fs.readFileSync(`${dir}/${f}`));
fs.writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), targets: rows, runs: all }, null, 2));
// Before/after (HUBBUB_BENCH_BASELINE): every run of the earlier build beside this one's.
const keys = ['serverCpuUsPerDelivery', 'latencyP50Ms', 'latencyP99Ms', 'eventsLost', 'sustainedDeliveriesPerSec', 'rssKbPerConnection', 'connectSeconds', 'serverCpuUsPerConnection', 'acksPerSec', 'ackP99Ms', 'serverStartupMs', 'feedNewestP99Ms', 'feedDeepP99Ms', 'chatNewestP99Ms', 'chatDeepP99Ms', 'syncP99Ms'];
const pairsAB = fs.readdirSync(dir).filter((f) => f.includes('-baseline')).sort();
if (pairsAB.length) {
  console.log('\nbefore/after: run, figure, baseline build, this build, this/baseline');
  for (const f of pairsAB) {
    const name = f.slice(0, -5), before = load(name), after = load(name.replace('baseline', 'hubbub'));
    for (const k of keys) {
      const b = pick(before, k), a = pick(after, k);
      if (b === null && a === null) continue;
      console.log(`${name.replace('-baseline', '').padEnd(28)} ${k.padEnd(26)} ${fmt(b).padEnd(10)} ${fmt(a).padEnd(10)} ${b && a !== null ? fmt(a / b) : '-'}`);
    }
  }
}
console.log(`\nwrote ${outFile}`);
JS
