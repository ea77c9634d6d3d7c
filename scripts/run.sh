#!/usr/bin/env bash
# Builds Hubbub and starts the server on port 7300 with its database in the app-data folder
# (~/.local/share/hubbub-server/hubbub.db). Extra arguments go to hubbub-server, e.g.
#   scripts/run.sh --port 7400 --db /srv/hubbub/hubbub.db
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hubbub_install_deps

build_dir=${BUILD_DIR:-build/release}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHUBBUB_BUILD_TESTS=OFF \
    "${launcher[@]}"
cmake --build "$build_dir" --parallel "$(nproc 2>/dev/null || echo 2)" --target hubbub-server
exec "$build_dir/server/hubbub-server" "$@"
