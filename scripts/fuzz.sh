#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan + coverage) and runs each for its share of
# the time given: a quarter each for fuzz_codec and fuzz_frames (pure parsers, tens of thousands
# of inputs a second), the rest for fuzz_dispatch (the whole server path, far slower).
# Usage: scripts/fuzz.sh [SECONDS=60]
# Environment: BUILD_DIR (default build/fuzz), HUBBUB_JOBS (default: number of cores),
#              FUZZ_WORK (default $BUILD_DIR/fuzz-work: new corpus entries and findings).
# Exits non-zero on any finding (crash, sanitizer report, timeout, out-of-memory, or a broken
# check in a target) and prints the reproducer's path. Never writes into tests/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
source scripts/deps.sh
# libFuzzer and the sanitizer runtimes for clang 14 (Debian 12) come with libclang-rt-14-dev.
hubbub_install_deps clang libclang-rt-14-dev

build_dir=${BUILD_DIR:-build/fuzz}
work=${FUZZ_WORK:-$build_dir/fuzz-work}
jobs=${HUBBUB_JOBS:-$(nproc 2>/dev/null || echo 2)}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# Only what the fuzz targets need: no client, no bench tool. Warnings are the gcc build's job.
CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DHUBBUB_FUZZ=ON -DHUBBUB_SANITIZE="address;undefined" \
    -DHUBBUB_BUILD_TESTS=ON -DHUBBUB_BUILD_CLIENT=OFF -DHUBBUB_BUILD_TOOLS=OFF \
    -DHUBBUB_WERROR=OFF "${launcher[@]}"
cmake --build "$build_dir" --parallel "$jobs" --target fuzz_codec fuzz_frames fuzz_dispatch

# Leaks are findings too; lsan.supp lists the one-time allocations of Qt that are not ours.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen

codec_seconds=$((seconds / 4 > 0 ? seconds / 4 : 1))
frames_seconds=$codec_seconds
dispatch_seconds=$((seconds - 2 * codec_seconds > 0 ? seconds - 2 * codec_seconds : 1))

status=0
run_target() { # name seconds max_len timeout dictionary seed-folder...
    local name=$1 secs=$2 max_len=$3 timeout=$4 dict=$5
    shift 5
    local binary="$build_dir/tests/fuzz/$name"
    local corpus="$work/$name/corpus" artifacts="$work/$name/artifacts"
    rm -rf "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    # New inputs go to the first folder (the working copy); the checked-in seeds are read only.
    local seeds=()
    local dir
    for dir in "$@" tests/fuzz/regressions; do
        [ -d "$dir" ] && seeds+=("$dir")
    done
    echo "== $name for ${secs}s"
    local rc=0
    "$binary" -max_total_time="$secs" -max_len="$max_len" -timeout="$timeout" \
        -rss_limit_mb=4096 -dict="$dict" -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" 2>"$work/$name.log" || rc=$?
    # The last status line (coverage, features, corpus size, exec/s) and the final stats.
    grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$work/$name.log" | tail -n 1 || true
    grep -E '^stat::' "$work/$name.log" || true
    local finding
    for finding in "$artifacts"/*; do
        [ -e "$finding" ] || continue
        echo "FINDING in $name: $finding"
        echo "  reproduce: $binary $finding   (log: $work/$name.log)"
        rc=1
    done
    if [ "$rc" -ne 0 ]; then
        echo "$name failed (exit $rc); the end of its log:"
        tail -n 60 "$work/$name.log"
        status=1
    fi
}

json=(tests/fuzz/protocol.dict tests/fuzz/corpus tests/fuzz/corpus-from-tests)
run_target fuzz_codec "$codec_seconds" 65536 10 "${json[@]}"
# Inputs a little past 64 KiB: the 8-byte length form holds a real payload then.
run_target fuzz_frames "$frames_seconds" 70000 10 tests/fuzz/frames.dict tests/fuzz/corpus-frames
# The 16 MiB frame limit is a test (tst_robustness), not a fuzz input: 64 KiB frames here.
run_target fuzz_dispatch "$dispatch_seconds" 65536 30 "${json[@]}" tests/fuzz/corpus-frames
exit "$status"
