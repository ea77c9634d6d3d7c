#!/usr/bin/env bash
# The main window in French and Korean, feed and chat, as docs/screenshots/hubbub-<lang>-*.png:
# a real hubbub-server on 127.0.0.1 seeded by seed.py, the real app under Xvfb with openbox,
# signed in with --user. Needs xvfb, openbox, xdotool, imagemagick, fonts-noto-cjk (Korean).
# Usage: tools/screenshots/make.sh [build dir, default build/test]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/test}
out=docs/screenshots
work=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

shoot() { # lang user locale display port
    local lang=$1 user=$2 locale=$3 display=$4 port=$5 dir=$work/$1
    mkdir -p "$dir/home"
    "$build/server/hubbub-server" --host 127.0.0.1 --port "$port" --db "$dir/hubbub.db" \
        --durability normal >"$dir/server.log" 2>&1 &
    pids+=($!)
    sleep 1
    python3 tools/screenshots/seed.py "$port" "$lang"
    Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
    pids+=($!)
    sleep 1
    DISPLAY=":$display" openbox >"$dir/openbox.log" 2>&1 &
    pids+=($!)
    printf 'correct horse' >"$dir/password"
    env -i PATH="$PATH" DISPLAY=":$display" HOME="$dir/home" LANGUAGE="$lang" LANG="$locale" \
        LC_ALL="$locale" "$build/client/hubbub" --server "ws://127.0.0.1:$port" --user "$user" \
        --password-file "$dir/password" >"$dir/client.log" 2>&1 &
    pids+=($!)
    sleep 5
    local window
    window=$(DISPLAY=":$display" xdotool search --onlyvisible --name Hubbub | tail -1)
    DISPLAY=":$display" xdotool windowactivate --sync "$window" || true
    sleep 1
    DISPLAY=":$display" import -frame -window "$window" "$out/hubbub-$lang-feed.png"
    DISPLAY=":$display" xdotool key ctrl+2 # the first channel: the one seed.py chatted in
    sleep 2
    DISPLAY=":$display" import -frame -window "$window" "$out/hubbub-$lang-chat.png"
}

port=$((20000 + RANDOM % 20000))
shoot fr louis fr_FR.UTF-8 91 "$port"
shoot ko seoyeon ko_KR.UTF-8 92 $((port + 1))
ls -l "$out"/hubbub-*.png
