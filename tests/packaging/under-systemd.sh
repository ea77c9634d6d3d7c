#!/bin/bash
# Part of tst_packaging (test-packages.sh runs it under `unshare --mount`): the installed
# hubbub-server.service started by systemd itself, on a machine whose PID 1 is not systemd.
#
#   under-systemd.sh WORK PROBE
#
# systemd 252 runs here as a user-mode manager started by root, in the private mount namespace
# this script was given (a tmpfs on /run/systemd, where it looks whether the system was booted
# with systemd, hides nothing outside it). It sees only the units in WORK/units: a copy of the
# installed unit, a drop-in, and an empty default.target, so it starts nothing else. As root it
# can switch to User=hubbub, set up the mount namespace, seccomp and the rest, and its
# StateDirectory=hubbub is /var/lib/hubbub as for the system manager (below). The drop-in only adds DefaultDependencies=no (a user manager has no basic.target),
# sends the output to a file (no journald here), and turns off the directives that this
# machine refuses even to /bin/sleep (each one is tried alone first; they are listed).
#
# Exit status: 0 passed, 1 failed, 3 no systemd manager can run here (said why).

set -u -o pipefail
work=$1
probe=$2
say() { printf '%s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }
check() {
    local what=$1; shift
    if "$@"; then say "ok: $what"; else fail "$what"; fi
}

systemd_binary=
for candidate in /lib/systemd/systemd /usr/lib/systemd/systemd; do
    [ -x "$candidate" ] && systemd_binary=$candidate && break
done
[ -n "$systemd_binary" ] || { say "no systemd binary here"; exit 3; }
# A tmpfs over /run/systemd (over /run where that folder does not exist: nothing is created
# on the real file system).
hide=/run/systemd
[ -d "$hide" ] || hide=/run
mount -t tmpfs -o mode=0755 tmpfs "$hide" || { say "cannot mount a tmpfs on $hide in the private namespace"; exit 3; }
mkdir -p /run/systemd/system

units=$work/units
mkdir -p "$units/hubbub-server.service.d" "$work/sd-runtime"
chmod 0700 "$work/sd-runtime"
cp /usr/lib/systemd/system/hubbub-server.service "$units/"
printf '[Unit]\nDescription=nothing\n' >"$units/default.target"
# A user manager puts StateDirectory= in $XDG_CONFIG_HOME (systemd 252; $XDG_STATE_HOME from
# 253 on): both are /var/lib, so StateDirectory=hubbub is /var/lib/hubbub as for the system
# manager. SYSTEMD_UNIT_PATH alone says where units are.
export XDG_RUNTIME_DIR=$work/sd-runtime XDG_CONFIG_HOME=/var/lib XDG_STATE_HOME=/var/lib
export SYSTEMD_UNIT_PATH=$units

"$systemd_binary" --user --log-target=console --log-level=notice >"$work/manager.log" 2>&1 &
manager=$!
manager_up=no
for _ in $(seq 100); do # at most 10 s
    kill -0 "$manager" 2>/dev/null || break
    systemctl --user show -p Version >/dev/null 2>&1 && { manager_up=yes; break; }
    sleep 0.1
done
main_pid=
finish() {
    local status=$?
    trap - EXIT
    if [ "$manager_up" = yes ]; then
        timeout 30 systemctl --user stop hubbub-server.service >/dev/null 2>&1
    fi
    [ -f "$work/options.saved" ] && restore_options
    kill -TERM "$manager" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$manager" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$manager" 2>/dev/null
    wait "$manager" 2>/dev/null
    # A server the manager could not stop is this script's: end it by its pid.
    [ -n "$main_pid" ] && kill -KILL "$main_pid" 2>/dev/null
    exit $status
}
trap finish EXIT
if [ "$manager_up" != yes ]; then
    say "systemd --user did not start here:"
    cat "$work/manager.log"
    exit 3
fi
say "systemd $(systemctl --user show -p Version --value) runs as a user manager (root) in a private mount namespace"

# Which of the unit's sandbox directives can this machine give a process at all?
unsupported=()
mapfile -t directives < <(grep -E '^(Protect[A-Za-z]*|Private[A-Za-z]*|ProcSubset)=' /usr/lib/systemd/system/hubbub-server.service)
for directive in "${directives[@]}"; do
    printf '[Unit]\nDefaultDependencies=no\n[Service]\nType=exec\nExecStart=/bin/sleep 5\n%s\n' "$directive" \
        >"$units/hubbub-trial.service"
    systemctl --user daemon-reload
    timeout 10 systemctl --user start hubbub-trial.service >/dev/null 2>&1
    state=$(systemctl --user show -p ActiveState --value hubbub-trial.service)
    timeout 10 systemctl --user stop hubbub-trial.service >/dev/null 2>&1
    systemctl --user reset-failed hubbub-trial.service >/dev/null 2>&1
    [ "$state" = active ] || unsupported+=("${directive%%=*}")
done
rm -f "$units/hubbub-trial.service"
if [ ${#unsupported[@]} -gt 0 ]; then
    say "this machine refuses, even to /bin/sleep: ${unsupported[*]} (status 226/NAMESPACE): turned off here"
else
    say "this machine gives every sandbox directive of the unit"
fi

{
    printf '[Unit]\nDefaultDependencies=no\n[Service]\n'
    printf 'StandardOutput=append:%s\nStandardError=append:%s\n' "$work/systemd-server.out" "$work/systemd-server.err"
    for name in "${unsupported[@]}"; do
        printf '%s=no\n' "$name"
    done
} >"$units/hubbub-server.service.d/test.conf"
systemctl --user daemon-reload

wait_listening() { # wait_listening: at most 20 s for a new "Listening on" line; sets port, fingerprint
    local before=$1
    for _ in $(seq 200); do
        if [ "$(grep -c '^Listening on ' "$work/systemd-server.out" 2>/dev/null)" -gt "$before" ]; then
            port=$(sed -n 's/^Listening on wss:\/\/127\.0\.0\.1://p' "$work/systemd-server.out" | tail -1)
            fingerprint=$(sed -n 's/^Certificate SHA-256 fingerprint: //p' "$work/systemd-server.out" | tail -1)
            return 0
        fi
        sleep 0.1
    done
    return 1
}
listening_count() { grep -c '^Listening on ' "$work/systemd-server.out" 2>/dev/null || true; }
mount_options() { # mount_options PID PATH: the options of the mount a process sees at PATH
    awk -v path="$2" '$5 == path {options = $6} END {print options}' "/proc/$1/mountinfo"
}
enforced() { # enforced NAME: whether the directive NAME is in force here (not turned off)
    local name
    for name in "${unsupported[@]}"; do [ "$name" = "$1" ] && return 1; done
    return 0
}

# Announcements on, on a UDP port of this test's own: the server announces on the interfaces
# it listens on, and it listens on 127.0.0.1 only (as the project's discovery tests do).
options=$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' /usr/lib/systemd/system/hubbub-server.service)
cp "$options" "$work/options.saved"
sed -i "s/ --no-announce/ --discovery-port $((40000 + RANDOM % 20000))/" "$options"
restore_options() { cp "$work/options.saved" "$options"; }
: >"$work/systemd-server.out"
check "systemctl start hubbub-server" timeout 20 systemctl --user start hubbub-server.service
check "it listens (within 20 s)" wait_listening 0
main_pid=$(systemctl --user show -p MainPID --value hubbub-server.service)
say "systemd's hubbub-server: pid $main_pid, wss://127.0.0.1:$port"
status_file=/proc/$main_pid/status
check "as the user hubbub" test "$(awk '/^Uid:/ {print $2}' "$status_file")" = "$(id -u hubbub)"
check "with no capability, bounding set empty" \
    bash -c "grep -q '^CapEff:[[:space:]]*0\\{16\\}$' $status_file && grep -q '^CapBnd:[[:space:]]*0\\{16\\}$' $status_file"
check "no_new_privs" grep -q '^NoNewPrivs:[[:space:]]*1$' "$status_file"
check "a seccomp filter (SystemCallFilter=)" grep -q '^Seccomp:[[:space:]]*2$' "$status_file"
if enforced ProtectSystem; then
    check "/ is read-only for it (ProtectSystem=strict)" \
        bash -c "[[ '$(mount_options "$main_pid" /)' == ro* ]]"
    check "/var/lib/hubbub is writable for it (StateDirectory=)" \
        bash -c "[[ '$(mount_options "$main_pid" /var/lib/hubbub)' == rw* ]]"
fi
if enforced PrivateTmp; then
    check "a /tmp of its own (PrivateTmp=)" \
        test "$(stat -L -c %i "/proc/$main_pid/root/tmp")" != "$(stat -c %i /tmp)"
fi
if enforced ProcSubset; then
    check "only processes in its /proc (ProcSubset=pid)" test ! -e "/proc/$main_pid/root/proc/sys"
fi
check "it announces itself (QNetworkInterface over netlink, multicast on loopback)" \
    grep -q '^hubbub.server: announcing .* on 1 interfaces' "$work/systemd-server.err"
check "the client core signs up and posts (TLS, SQLite, seccomp, MemoryDenyWriteExecute)" \
    "$probe" create "wss://127.0.0.1:$port" "$fingerprint" "sd$RANDOM" "pw-$RANDOM-$RANDOM-$RANDOM" "Under systemd $RANDOM"

check "systemctl reload: SIGHUP, the same process" \
    bash -c "timeout 10 systemctl --user reload hubbub-server.service && sleep 1 &&
        [ \"\$(systemctl --user show -p MainPID --value hubbub-server.service)\" = $main_pid ] &&
        [ \"\$(systemctl --user show -p ActiveState --value hubbub-server.service)\" = active ]"

before=$(listening_count)
kill -KILL "$main_pid"
check "Restart=on-failure: killed, started again (within 20 s)" wait_listening "$before"
new_pid=$(systemctl --user show -p MainPID --value hubbub-server.service)
check "a new process ($main_pid, then $new_pid)" test "$new_pid" != "$main_pid" -a "$new_pid" != 0
main_pid=$new_pid

check "systemctl stop" timeout 40 systemctl --user stop hubbub-server.service
check "the server's exit status was 0 (SIGTERM: orderly shutdown)" \
    test "$(systemctl --user show -p ExecMainStatus --value hubbub-server.service)" = 0
main_pid=
check "port $port is closed" bash -c "! timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/$port' 2>/dev/null"
if grep -q . "$work/systemd-server.err"; then
    say "its standard error:"
    cat "$work/systemd-server.err"
fi
exit 0
