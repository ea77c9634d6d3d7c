#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: the CTest fixture hubbub_postgres
# (tests/CMakeLists.txt, docs/testing.md). Usage: scripts/pg-cluster.sh start|stop DIR
#                                                 scripts/pg-cluster.sh restart DIR [fast|immediate]
#
#   start  Stops and removes what a killed run left in DIR, then makes a fresh cluster there:
#          superuser postgres with trust authentication, listening only on a unix socket in DIR
#          and on 127.0.0.1 at a free port (written to DIR/port), fsync on, database hubbub.
#          Clients reach it as postgresql://postgres@localhost:5432/hubbub?host=DIR: the socket
#          also answers under port 5432's name (a link to the real one), so that the URL is
#          known before the cluster starts, while the TCP port is whatever was free.
#   stop   Stops it at once (nothing in it is kept) and removes DIR.
#   restart  Restarts the cluster in DIR on the same port, under its clients: `fast` (the
#          default) ends their sessions cleanly, `immediate` as a crash would (recovery from the
#          WAL on the way up). Returns once it accepts connections again. For a test's own
#          cluster (tst_multiinstance): the fixture's is shared by the tests running at once.
#
# As root (CI, containers) the PostgreSQL programs run as the system user postgres, since
# initdb refuses root; DIR must then be somewhere that user can reach, such as /tmp.
set -euo pipefail

usage()
{
    echo "usage: $0 start|stop DIR | restart DIR [fast|immediate]" >&2
    exit 2
}
fail()
{
    echo "pg-cluster: $*" >&2
    exit 1
}
[ $# -eq 2 ] || { [ $# -eq 3 ] && [ "$1" = restart ]; } || usage
action=$1
dir=$2
mode=${3:-fast}
[[ $mode =~ ^(fast|immediate)$ ]] || usage
# The socket's path (DIR/.s.PGSQL.NNNNN) must fit in sockaddr_un, and DIR goes into
# postgresql.conf and a URL unquoted.
[[ $dir =~ ^/[A-Za-z0-9._/-]+$ ]] || fail "DIR must be an absolute path of [A-Za-z0-9._/-]: $dir"
[ ${#dir} -le 80 ] || fail "DIR must be at most 80 characters (the socket's path limit): $dir"
dir=${dir%/}
# What marks DIR as ours: stop removes nothing else.
marker=$dir/.hubbub-pg-cluster
socket_port=5432

# The newest installed server (Debian: /usr/lib/postgresql/<major>/bin), else the one on PATH.
bindir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] && command -v pg_ctl >/dev/null 2>&1; then
    bindir=$(dirname "$(command -v pg_ctl)")
fi

# Nothing of the caller's libpq environment (PGPORT, PGOPTIONS, ...) reaches the cluster's tools.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^PG' || true)

owner=()
if [ "$(id -u)" -eq 0 ]; then
    getent passwd postgres >/dev/null ||
        fail "running as root needs the system user postgres (Debian's postgresql package makes it)"
    owner=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi
# Runs a PostgreSQL program as the cluster's owner, from DIR (the caller's directory may be closed
# to that user).
as_owner()
{
    (cd "$dir" && HOME=$dir "${owner[@]}" "$@")
}

stop_cluster()
{
    [ -e "$dir" ] || return 0
    if [ ! -e "$marker" ]; then
        # An empty folder (a run killed before it wrote anything) is ours to remove; anything
        # else is not.
        rmdir "$dir" 2>/dev/null || fail "$dir is not a cluster made by this script; left alone"
        return 0
    fi
    local pidfile=$dir/data/postmaster.pid
    if [ -f "$pidfile" ]; then
        local pid shmkey shmid
        pid=$(sed -n 1p "$pidfile")
        # The postmaster's small System V segment: a killed postmaster leaves it behind.
        read -r shmkey shmid < <(sed -n 7p "$pidfile") || true
        if [ -n "$bindir" ]; then
            as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 10 >/dev/null 2>&1 ||
                true
        fi
        # A postmaster pg_ctl could not stop: only if that pid is still a postgres of this DIR.
        if [[ $pid =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] &&
            tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "postgres.*$dir/data"; then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
        fi
        # Removed once nothing is attached to it, if it is still the one of that key.
        if [[ ${shmid:-} =~ ^[0-9]+$ && ${shmkey:-} =~ ^[0-9]+$ ]] &&
            [ "$(ipcs -m | awk -v id="$shmid" '$2 == id { print $1, $6 }')" = \
                "$(printf '0x%08x 0' "$shmkey")" ]; then
            ipcrm -m "$shmid" 2>/dev/null || true
        fi
    fi
    rm -rf "$dir"
}

start_cluster()
{
    [ -x "$bindir/initdb" ] ||
        fail "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; Debian: postgresql)"
    stop_cluster
    mkdir -m 0755 "$dir"
    touch "$marker"
    [ ${#owner[@]} -eq 0 ] || chown postgres: "$dir"

    # --no-sync: the template files need not survive a power cut; the server runs with fsync on.
    # Locale C: text sorts by code point, as SQLite's BINARY collation does.
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
    cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/pg-cluster.sh: a throwaway cluster for the tests.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
# The tests check durability: every commit reaches the disk.
fsync = on
synchronous_commit = on
full_page_writes = on
shared_buffers = 16MB
# Dynamic shared memory as files in the data folder, so that a killed postmaster leaves none
# in /dev/shm.
dynamic_shared_memory_type = mmap
# Several tests at once, each with a few servers, each with its own connections.
max_connections = 200
EOF

    # A free port: one nobody listens on, and if another process takes it before the postmaster
    # binds, another one.
    local port="" attempt candidate
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        candidate=$((20000 + RANDOM % 20000))
        if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Hltn "sport = :$candidate")" ]; then
            continue
        fi
        if as_owner "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $candidate" >/dev/null 2>&1; then
            port=$candidate
            break
        fi
        grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/server.log" ||
            { cat "$dir/server.log" >&2; fail "the server did not start (attempt $attempt)"; }
    done
    [ -n "$port" ] || { cat "$dir/server.log" >&2; fail "no free port found in 10 attempts"; }
    echo "$port" >"$dir/port"
    ln -s ".s.PGSQL.$port" "$dir/.s.PGSQL.$socket_port"

    as_owner "$bindir/createdb" -h "$dir" -p "$port" -U postgres hubbub ||
        fail "createdb hubbub failed"
    echo "PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') in $dir: socket" \
        "$dir/.s.PGSQL.$socket_port, 127.0.0.1:$port, database hubbub"
}

restart_cluster()
{
    [ -e "$marker" ] && [ -f "$dir/data/postmaster.pid" ] ||
        fail "no cluster made by this script runs in $dir"
    # pg_ctl restart starts it again with the options it had (postmaster.opts): the same port.
    as_owner "$bindir/pg_ctl" restart -D "$dir/data" -m "$mode" -l "$dir/server.log" -w -t 60 \
        >/dev/null 2>&1 || { tail -n 20 "$dir/server.log" >&2; fail "restart failed"; }
}

case $action in
    start) start_cluster ;;
    stop) stop_cluster ;;
    restart) restart_cluster ;;
    *) usage ;;
esac
