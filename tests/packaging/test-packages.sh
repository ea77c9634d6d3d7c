#!/bin/bash
# The .deb packages on this machine, end to end (ctest: tst_packaging, label "packaging"):
# build them with cpack from the build tree, inspect them, install them with apt, run the
# service as its unit says, talk to it with the client core (tests/packaging/packageprobe.cpp),
# then remove and purge them and check that nothing is left but the system user.
#
#   test-packages.sh --build-dir DIR --probe FILE [--sanitize LIST]
#
# Needs root and dpkg/apt; exits 77 (ctest: skipped) with a line saying why when it cannot
# run here. It refuses to touch a machine where Hubbub's packages, /var/lib/hubbub or
# /etc/default/hubbub-server already exist. Whatever happens, the EXIT trap stops the server,
# purges the packages and removes the user it created: the machine is left as it was found.
#
# The service runs twice, always on 127.0.0.1 with announcements off (set in
# /etc/default/hubbub-server), never with the system's own systemctl (where PID 1 is systemd
# that would be the machine's real network):
# - started the way the unit says (its User, Group, EnvironmentFile, ExecStart, StateDirectory,
#   WorkingDirectory, UMask and Environment, without capabilities, with no_new_privs);
# - started by systemd itself: under-systemd.sh runs a user-mode systemd manager as root in a
#   private mount namespace, with a copy of the installed unit and its sandbox, less what this
#   machine cannot give even to /bin/sleep (it says which).
# Both are also checked statically: `systemd-analyze verify` and `security --offline`.

set -u -o pipefail

build_dir=
probe=
sanitize=
while [ $# -gt 0 ]; do
    case "$1" in
    --build-dir) build_dir=$2; shift 2 ;;
    --probe) probe=$2; shift 2 ;;
    --sanitize) sanitize=$2; shift 2 ;;
    *) echo "usage: $0 --build-dir DIR --probe FILE" >&2; exit 2 ;;
    esac
done

started=$SECONDS
step() { printf '\n== %s (%d s)\n' "$*" $((SECONDS - started)); }
say() { printf '%s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }
skip() { say "SKIPPED: $*"; exit 77; }
check() { # check DESCRIPTION COMMAND...: runs COMMAND, fails the test if it fails
    local what=$1; shift
    if "$@"; then say "ok: $what"; else fail "$what"; fi
}

# ---- Can it run here?
[ -n "$build_dir" ] && [ -n "$probe" ] || { echo "usage: $0 --build-dir DIR --probe FILE" >&2; exit 2; }
build_dir=$(realpath "$build_dir")
here=$(dirname "$(realpath "$0")")
probe=$(realpath "$probe")
[ "$(id -u)" = 0 ] || skip "not root: installing packages needs root (run as root to include it)"
[ -z "$sanitize" ] || skip "a sanitizer build ($sanitize): its programs are not what a package ships"
for tool in dpkg dpkg-deb dpkg-query apt-get cpack setpriv getent readelf; do
    command -v "$tool" >/dev/null || skip "no $tool on this machine (not Debian or Ubuntu?)"
done
# CPack's DEB generator finds the dependencies with these two.
for tool in dpkg-shlibdeps file; do
    command -v "$tool" >/dev/null || skip "no $tool here: apt-get install dpkg-dev file"
done
for pkg in hubbub hubbub-server; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)
    if [ -n "$status" ] && [ "$status" != "not-installed" ]; then
        skip "package $pkg is already on this machine ($status): not replacing it"
    fi
done
[ -e /var/lib/hubbub ] && skip "/var/lib/hubbub exists: not touching someone's data"
[ -e /etc/default/hubbub-server ] && skip "/etc/default/hubbub-server exists"
for binary in "$build_dir/client/hubbub" "$build_dir/server/hubbub-server" "$probe"; do
    [ -x "$binary" ] || fail "$binary is not built (build hubbub, hubbub-server and hubbub-packageprobe)"
done
[ -f "$build_dir/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $build_dir"

user_existed=no
getent passwd hubbub >/dev/null && user_existed=yes
group_existed=no
getent group hubbub >/dev/null && group_existed=yes

work=$(mktemp -d /tmp/hubbub-packaging.XXXXXX)
chmod 0755 "$work" # apt's sandbox user reads the .deb files
server_pid=
app_pid=

stop_server() { # stop_server: SIGTERM, at most 15 s, then SIGKILL; sets server_status
    server_status=
    [ -n "$server_pid" ] || return 0
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 150); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
        say "server did not stop within 15 s of SIGTERM: SIGKILL"
        kill -KILL "$server_pid" 2>/dev/null
    fi
    wait "$server_pid" 2>/dev/null
    server_status=$?
    server_pid=
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$app_pid" ]; then
        kill -KILL "$app_pid" 2>/dev/null
        wait "$app_pid" 2>/dev/null
    fi
    stop_server
    for pkg in hubbub hubbub-server; do
        local s
        s=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)
        if [ -n "$s" ] && [ "$s" != "not-installed" ]; then
            say "cleanup: purging $pkg"
            DEBIAN_FRONTEND=noninteractive dpkg --purge "$pkg" >/dev/null 2>&1
        fi
    done
    rm -rf /var/lib/hubbub /etc/default/hubbub-server
    if [ "$user_existed" = no ] && getent passwd hubbub >/dev/null; then
        userdel hubbub 2>/dev/null
    fi
    if [ "$group_existed" = no ] && getent group hubbub >/dev/null; then
        groupdel hubbub 2>/dev/null
    fi
    rm -rf "$work"
    printf '\ntst_packaging: %s after %d s\n' "$([ $status = 0 ] && echo passed || echo "exit status $status")" \
        $((SECONDS - started))
    exit $status
}
trap cleanup EXIT
trap 'say "interrupted by a signal"; exit 130' INT TERM

# ---- Build the packages
step "cpack -G DEB from $build_dir"
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/packages" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack"; }
app_deb=$(ls "$work"/packages/hubbub_*.deb 2>/dev/null)
server_deb=$(ls "$work"/packages/hubbub-server_*.deb 2>/dev/null)
[ -f "$app_deb" ] && [ -f "$server_deb" ] || { ls -l "$work/packages"; fail "cpack made no hubbub and hubbub-server .deb"; }
for deb in "$app_deb" "$server_deb"; do
    say "$(basename "$deb"): $(stat -c %s "$deb") bytes"
done

# ---- Inspect them
step "inspect with dpkg-deb"
dpkg-deb -c "$app_deb" | awk '{print $6}' >"$work/app.files"
dpkg-deb -c "$server_deb" | awk '{print $6}' >"$work/server.files"
dpkg-deb -I "$app_deb"
dpkg-deb -I "$server_deb"
has_file() { grep -qx "$2" "$1"; }
for f in ./usr/bin/hubbub ./usr/share/applications/hubbub.desktop \
    ./usr/share/icons/hicolor/scalable/apps/hubbub.svg ./usr/share/doc/hubbub/copyright \
    ./usr/share/doc/hubbub/changelog.gz ./usr/share/man/man1/hubbub.1.gz; do
    check "hubbub has $f" has_file "$work/app.files" "$f"
done
if [ -x "$build_dir/cli/hubbub-cli" ]; then
    check "hubbub has ./usr/bin/hubbub-cli" has_file "$work/app.files" ./usr/bin/hubbub-cli
    check "hubbub has hubbub-cli's manual page" has_file "$work/app.files" ./usr/share/man/man1/hubbub-cli.1.gz
else
    say "note: hubbub-cli is not built in $build_dir, so not looked for in the package"
fi
check "hubbub has no server file" bash -c "! grep -q 'hubbub-server' '$work/app.files'"
check "hubbub has no translation file (they are inside the binary)" bash -c "! grep -q '\\.qm\$' '$work/app.files'"
for f in ./usr/bin/hubbub-server ./usr/lib/systemd/system/hubbub-server.service \
    ./etc/default/hubbub-server ./usr/share/doc/hubbub-server/copyright \
    ./usr/share/doc/hubbub-server/packaging.md ./usr/share/man/man1/hubbub-server.1.gz; do
    check "hubbub-server has $f" has_file "$work/server.files" "$f"
done
check "no file of one package is in the other" \
    bash -c "! comm -12 <(grep -v '/\$' '$work/app.files' | sort) <(grep -v '/\$' '$work/server.files' | sort) | grep -q ."
check "hubbub-server's conffiles: /etc/default/hubbub-server" \
    test "$(dpkg-deb -I "$server_deb" conffiles)" = "/etc/default/hubbub-server"
for script in postinst prerm postrm; do
    check "hubbub-server has a $script" bash -c "dpkg-deb -I '$server_deb' $script >/dev/null"
done
app_depends=$(dpkg-deb -f "$app_deb" Depends)
server_depends=$(dpkg-deb -f "$server_deb" Depends)
for dep in libqt6widgets6 libqt6websockets6 libqt6keychain1 qt6-qpa-plugins libqt6svg6 libqt6sql6-sqlite; do
    check "hubbub depends on $dep" grep -q "$dep" <<<"$app_depends"
done
for dep in libqt6sql6-sqlite libqt6network6 libsodium23 libssl3 adduser; do
    check "hubbub-server depends on $dep" grep -q "$dep" <<<"$server_depends"
done
mkdir -p "$work/contents"
dpkg-deb -x "$app_deb" "$work/contents"
dpkg-deb -x "$server_deb" "$work/contents"
for binary in "$work"/contents/usr/bin/*; do
    check "$(basename "$binary") is stripped" bash -c "! readelf -S '$binary' | grep -q '\.debug_info\|\.symtab'"
done
unit="$work/contents/usr/lib/systemd/system/hubbub-server.service"
check "the unit runs /usr/bin/hubbub-server with the options" \
    grep -qx 'ExecStart=/usr/bin/hubbub-server $HUBBUB_SERVER_OPTS' "$unit"
check "the unit reads /etc/default/hubbub-server" grep -qx 'EnvironmentFile=-/etc/default/hubbub-server' "$unit"
check "the options file sets --db /var/lib/hubbub/hubbub.db" \
    grep -qx 'HUBBUB_SERVER_OPTS="--db /var/lib/hubbub/hubbub.db"' "$work/contents/etc/default/hubbub-server"
if command -v desktop-file-validate >/dev/null; then
    check "desktop-file-validate hubbub.desktop" \
        desktop-file-validate "$work/contents/usr/share/applications/hubbub.desktop"
else
    say "note: no desktop-file-validate here (package desktop-file-utils): the desktop file is not validated"
fi

if command -v lintian >/dev/null; then
    step "lintian"
    lintian --tag-display-limit 0 "$app_deb" "$server_deb" >"$work/lintian.log" 2>&1
    cat "$work/lintian.log"
    check "lintian reports no error (E:)" bash -c "! grep -q '^E:' '$work/lintian.log'"
else
    say "note: no lintian here: the packages are not linted"
fi

# ---- Install them
step "apt-get install ./$(basename "$app_deb") ./$(basename "$server_deb")"
cd "$work/packages" || fail "cd $work/packages"
others=$(apt-get install -s --no-install-recommends "./$(basename "$app_deb")" "./$(basename "$server_deb")" 2>&1 \
    | awk '/^Inst / && $2 != "hubbub" && $2 != "hubbub-server" {print $2}')
[ -z "$others" ] || fail "apt would also install: $others (a dependency is missing here; this test installs none)"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "./$(basename "$app_deb")" "./$(basename "$server_deb")" >"$work/apt-install.log" 2>&1 \
    || { cat "$work/apt-install.log"; fail "apt-get install"; }
cd / || fail "cd /"
for pkg in hubbub hubbub-server; do
    check "$pkg is installed" test "$(dpkg-query -W -f='${db:Status-Status}' "$pkg")" = installed
done
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd hubbub)
check "the system user hubbub exists (uid $uid < 1000)" test "${uid:-1000}" -lt 1000
check "its home is /var/lib/hubbub and its shell /usr/sbin/nologin" \
    test "$home:$shell" = "/var/lib/hubbub:/usr/sbin/nologin"
check "the group hubbub exists" bash -c "getent group hubbub >/dev/null"
check "/var/lib/hubbub is hubbub:hubbub 750" test "$(stat -c '%U:%G %a' /var/lib/hubbub)" = "hubbub:hubbub 750"
check "the unit is enabled (deb-systemd-helper's symlink)" \
    test -L /etc/systemd/system/multi-user.target.wants/hubbub-server.service
installed_unit=/usr/lib/systemd/system/hubbub-server.service
if [ "$(cat /proc/1/comm)" = systemd ]; then
    say "PID 1 is systemd: postinst started the unit; stopping it (this test runs its own copy on loopback)"
    systemctl stop hubbub-server.service
else
    say "PID 1 is $(cat /proc/1/comm), not systemd: postinst enabled the unit but could not start it"
fi
if command -v systemd-analyze >/dev/null; then
    # verify exits 0 on an unknown directive or a value it ignores: it must print nothing.
    check "systemd-analyze verify $installed_unit: no complaint" \
        bash -c "out=\$(systemd-analyze verify '$installed_unit' 2>&1) && [ -z \"\$out\" ] || { echo \"\$out\"; false; }"
    systemd-analyze security --offline=true --no-pager "$installed_unit" >"$work/security.log" 2>&1
    say "systemd-analyze security --offline: $(grep -i 'overall exposure' "$work/security.log" || tail -1 "$work/security.log")"
else
    say "note: no systemd-analyze here: the unit is not verified"
fi
for binary in /usr/bin/hubbub /usr/bin/hubbub-server; do
    check "$binary finds all its libraries" bash -c "! ldd $binary | grep -q 'not found'"
done
check "hubbub --version" bash -c "QT_QPA_PLATFORM=offscreen /usr/bin/hubbub --version | grep -q '^hubbub '"
check "the installed app speaks French (its catalogue is inside the binary)" \
    bash -c "LC_ALL= LANG=fr_FR.UTF-8 LANGUAGE=fr QT_QPA_PLATFORM=offscreen /usr/bin/hubbub --help \
        | grep -q 'le fil et la messagerie de votre réseau local'"
if [ -x /usr/bin/hubbub-cli ]; then
    check "hubbub-cli --help" bash -c "/usr/bin/hubbub-cli --help >/dev/null"
fi

# ---- Run the service as its unit says
unit_value() { # unit_value KEY: the last KEY= of the installed unit
    sed -n "s/^$1=//p" "$installed_unit" | tail -1
}
service_user=$(unit_value User)
service_group=$(unit_value Group)
environment_file=$(unit_value EnvironmentFile)
environment_file=${environment_file#-}
exec_start=$(unit_value ExecStart)
working_directory=$(unit_value WorkingDirectory)
umask_value=$(unit_value UMask)
state_directory=$(unit_value StateDirectory)
state_mode=$(unit_value StateDirectoryMode)
mapfile -t unit_environment < <(sed -n 's/^Environment=//p' "$installed_unit")
check "the unit names User, EnvironmentFile, ExecStart and StateDirectory" \
    test -n "$service_user" -a -n "$environment_file" -a -n "$exec_start" -a -n "$state_directory"

# Loopback, a free port, no multicast announcements: this test's traffic stays on this machine.
sed -i 's|^HUBBUB_SERVER_OPTS="\(.*\)"$|HUBBUB_SERVER_OPTS="\1 --host 127.0.0.1 --port 0 --no-announce --name package-test"|' \
    "$environment_file"
check "the options file took the test's options" grep -q -- '--no-announce' "$environment_file"

# shellcheck disable=SC2120 # "$@" below is ExecStart, set inside
start_service() {
    # StateDirectory=: made and given to the user, mode StateDirectoryMode=.
    install -d -o "$service_user" -g "${service_group:-$service_user}" -m "${state_mode:-0755}" \
        "/var/lib/$state_directory"
    chown "$service_user:${service_group:-$service_user}" "/var/lib/$state_directory"
    chmod "${state_mode:-0755}" "/var/lib/$state_directory"
    # EnvironmentFile= and Environment=, then ExecStart= with $VAR split at white space.
    local quoted
    quoted=$(
        set -a
        # shellcheck disable=SC1090
        . "$environment_file"
        eval "set -- $exec_start"
        printf '%q ' "$@"
    )
    local -a command
    eval "command=($quoted)"
    say "ExecStart as the unit expands it: ${command[*]}"
    # The environment systemd gives a service with User=: PATH, HOME, USER, LOGNAME, SHELL,
    # then Environment= and EnvironmentFile=.
    local -a environment=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        "HOME=$home" "USER=$service_user" "LOGNAME=$service_user" "SHELL=$shell" "${unit_environment[@]}")
    # shellcheck disable=SC1090
    while IFS= read -r line; do
        environment+=("$line")
    done < <(set -a; . "$environment_file"; sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' "$environment_file" \
        | while read -r name; do printf '%s=%s\n' "$name" "${!name}"; done)
    : >"$work/server.out"
    : >"$work/server.err"
    (
        cd "${working_directory:-/}" || exit 1
        umask "${umask_value:-0022}"
        exec setpriv --reuid="$service_user" --regid="${service_group:-$service_user}" --init-groups \
            --no-new-privs --inh-caps=-all --bounding-set=-all -- \
            env -i "${environment[@]}" "${command[@]}" >"$work/server.out" 2>"$work/server.err"
    ) &
    server_pid=$!
    listening=
    for _ in $(seq 200); do # at most 20 s
        listening=$(sed -n 's/^Listening on //p' "$work/server.out")
        [ -n "$listening" ] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$listening" ] || { cat "$work/server.err"; fail "the service printed no 'Listening on' line within 20 s"; }
    fingerprint=$(sed -n 's/^Certificate SHA-256 fingerprint: //p' "$work/server.out")
    port=${listening##*:}
    say "service: $listening, fingerprint $fingerprint, pid $server_pid"
    check "the server runs as $service_user" \
        test "$(awk '/^Uid:/ {print $2 ":" $3}' "/proc/$server_pid/status")" = "$(id -u "$service_user"):$(id -u "$service_user")"
    check "it has no capabilities" grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$server_pid/status"
    check "it has no_new_privs" grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$server_pid/status"
    check "it has the unit's Environment= and EnvironmentFile= variables" \
        bash -c "tr '\\0' '\\n' </proc/$server_pid/environ | grep -qx QT_ENABLE_REGEXP_JIT=0 &&
            tr '\\0' '\\n' </proc/$server_pid/environ | grep -q '^HUBBUB_SERVER_OPTS=--db '"
}
port_closed() { ! timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

step "start the service (1)"
start_service
first_fingerprint=$fingerprint
check "it listens on 127.0.0.1 with TLS" bash -c "[[ '$listening' == wss://127.0.0.1:* ]]"

step "the client core signs up and posts"
account="pkgtest$RANDOM"
password="pw-$RANDOM-$RANDOM-$RANDOM"
title="Installed from the package $RANDOM"
check "probe create" "$probe" create "wss://127.0.0.1:$port" "$fingerprint" "$account" "$password" "$title"
check "the database is in /var/lib/hubbub, hubbub's, mode 600 (UMask=0077)" \
    test "$(stat -c '%U %a' /var/lib/hubbub/hubbub.db)" = "hubbub 600"
check "the self-signed key beside it is mode 600" \
    test "$(stat -c '%U %a' /var/lib/hubbub/hubbub.db.key.pem)" = "hubbub 600"

step "the packaged app signs up (offscreen, a home of its own)"
# --user creates the account when it does not exist; the probe then logs in to it.
app_account="pkgapp$RANDOM"
app_password="pw-$RANDOM-$RANDOM-$RANDOM"
mkdir -p "$work/app-home/run"
chmod 0700 "$work/app-home" "$work/app-home/run"
printf '%s\n' "$app_password" >"$work/app-password"
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/app-home" XDG_RUNTIME_DIR="$work/app-home/run" \
    LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen /usr/bin/hubbub --server "wss://127.0.0.1:$port" \
    --user "$app_account" --password-file "$work/app-password" --trust-fingerprint "$fingerprint" \
    >"$work/app.log" 2>&1 &
app_pid=$!
app_signed_in=no
for _ in $(seq 40); do # at most about 20 s
    kill -0 "$app_pid" 2>/dev/null || break
    if "$probe" login "wss://127.0.0.1:$port" "$fingerprint" "$app_account" "$app_password" - \
        >/dev/null 2>&1; then
        app_signed_in=yes
        break
    fi
    sleep 0.5
done
check "the app made its account and stays running" \
    bash -c "[ $app_signed_in = yes ] && kill -0 $app_pid 2>/dev/null || { cat '$work/app.log'; false; }"
check "its settings are in its own home" test -f "$work/app-home/.config/Hubbub/hubbub.conf"
kill -TERM "$app_pid"
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -KILL "$app_pid" 2>/dev/null
wait "$app_pid" 2>/dev/null
app_pid=

step "restart: the data and the certificate stay"
stop_server
check "SIGTERM: orderly shutdown, exit status 0" test "$server_status" = 0
check "port $port is closed" port_closed "$port"
start_service
check "the same certificate after a restart" test "$fingerprint" = "$first_fingerprint"
check "probe check: the post is still there" "$probe" check "wss://127.0.0.1:$port" "$fingerprint" "$account" "$password" "$title"
stop_server
check "SIGTERM: exit status 0" test "$server_status" = 0
check "port $port is closed" port_closed "$port"
grep -q . "$work/server.err" && { say "server's standard error:"; cat "$work/server.err"; }

# ---- The unit run by systemd itself
step "the installed unit, started by systemd (a user-mode manager in a private mount namespace)"
if [ "$(cat /proc/1/comm)" = systemd ]; then
    say "note: PID 1 is systemd; this step uses a manager of its own all the same"
fi
if command -v unshare >/dev/null; then
    unshare --mount --propagation private bash "$here/under-systemd.sh" "$work" "$probe"
    case $? in
    0) say "ok: the unit under systemd" ;;
    3) say "NOT EXERCISED: no systemd manager could run here (above); the unit was only verified" ;;
    *) fail "the unit under systemd" ;;
    esac
else
    say "NOT EXERCISED: no unshare here; the unit was only verified"
fi
left=$(for status in /proc/[0-9]*/status; do
    awk -v uid="$(id -u hubbub)" '/^Uid:/ && $2 == uid {print FILENAME}' "$status" 2>/dev/null
done)
check "no process of the user hubbub is left${left:+: $left}" test -z "$left"

# ---- Upgrade: the same package with a higher version
step "upgrade to $(dpkg-deb -f "$server_deb" Version)+upgrade1, the unit disabled by the admin"
mkdir -p "$work/repack"
dpkg-deb -R "$server_deb" "$work/repack/tree"
sed -i 's/^Version: \(.*\)$/Version: \1+upgrade1/' "$work/repack/tree/DEBIAN/control"
dpkg-deb -b "$work/repack/tree" "$work/repack/hubbub-server_upgrade.deb" >/dev/null || fail "dpkg-deb -b"
systemctl disable hubbub-server.service 2>/dev/null # works offline: it edits symlinks
check "disabled: no enable symlink" test ! -e /etc/systemd/system/multi-user.target.wants/hubbub-server.service
options_before=$(md5sum </etc/default/hubbub-server)
database_before=$(md5sum </var/lib/hubbub/hubbub.db)
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "$work/repack/hubbub-server_upgrade.deb" >"$work/apt-upgrade.log" 2>&1 \
    || { cat "$work/apt-upgrade.log"; fail "apt-get install (upgrade)"; }
check "hubbub-server is now $(dpkg-query -W -f='${Version}' hubbub-server)" \
    bash -c "dpkg-query -W -f='\${Version}' hubbub-server | grep -q '+upgrade1\$'"
check "the edited options file is kept" test "$(md5sum </etc/default/hubbub-server)" = "$options_before"
check "the database is kept, unchanged" test "$(md5sum </var/lib/hubbub/hubbub.db)" = "$database_before"
check "the admin's disable is kept" test ! -e /etc/systemd/system/multi-user.target.wants/hubbub-server.service
check "the user is the same" test "$(id -u hubbub)" = "$(id -u "$service_user")"
systemctl enable hubbub-server.service 2>/dev/null

# ---- Remove, then purge
step "apt-get remove hubbub-server: data and options stay"
DEBIAN_FRONTEND=noninteractive apt-get remove -y hubbub-server >"$work/apt-remove.log" 2>&1 \
    || { cat "$work/apt-remove.log"; fail "apt-get remove"; }
check "hubbub-server: config-files" test "$(dpkg-query -W -f='${db:Status-Status}' hubbub-server)" = config-files
check "/etc/default/hubbub-server stays" test -f /etc/default/hubbub-server
check "/var/lib/hubbub/hubbub.db stays" test -f /var/lib/hubbub/hubbub.db
check "/usr/bin/hubbub-server is gone" test ! -e /usr/bin/hubbub-server

step "apt-get purge hubbub hubbub-server"
DEBIAN_FRONTEND=noninteractive apt-get purge -y hubbub hubbub-server >"$work/apt-purge.log" 2>&1 \
    || { cat "$work/apt-purge.log"; fail "apt-get purge"; }
for pkg in hubbub hubbub-server; do
    check "$pkg is gone from dpkg's database" \
        bash -c "s=\$(dpkg-query -W -f='\${db:Status-Status}' $pkg 2>/dev/null); [ -z \"\$s\" ] || [ \"\$s\" = not-installed ]"
done
left=$(cat "$work/app.files" "$work/server.files" | grep -v '/$' | sed 's|^\.||' \
    | while read -r f; do [ -e "$f" ] || [ -L "$f" ] && echo "$f"; done)
check "no file of either package is left${left:+: $left}" test -z "$left"
check "/var/lib/hubbub is gone" test ! -e /var/lib/hubbub
check "/etc/default/hubbub-server is gone (conffile, purged)" test ! -e /etc/default/hubbub-server
check "the enable symlink is gone" test ! -e /etc/systemd/system/multi-user.target.wants/hubbub-server.service
check "no mask is left" test ! -e /etc/systemd/system/hubbub-server.service
check "deb-systemd-helper's state is gone" \
    bash -c "! ls /var/lib/systemd/deb-systemd-helper-enabled/ /var/lib/systemd/deb-systemd-helper-masked/ 2>/dev/null | grep -q hubbub-server"
check "the system user hubbub stays (Debian policy)" bash -c "getent passwd hubbub >/dev/null"
if [ "$user_existed" = no ]; then
    say "(the user did not exist before this test: the cleanup removes it)"
fi
exit 0
