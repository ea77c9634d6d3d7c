#!/usr/bin/env bash
# Builds the Debian/Ubuntu packages of Hubbub (docs/packaging.md) into build/packages/:
#   hubbub_VERSION_ARCH.deb         the desktop app and hubbub-cli
#   hubbub-server_VERSION_ARCH.deb  the server as a systemd service
# then install them with: sudo apt install ./build/packages/*.deb
#
# A Release build of its own (build/package, or BUILD_DIR) with Debian's hardening flags
# (dpkg-buildflags), configured on the first run and built incrementally after that.
# Packages built here depend on this system's library versions: build on the oldest system
# they are for.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
# dpkg-shlibdeps (dpkg-dev) and file find the packages' dependencies.
hubbub_install_deps dpkg-dev file

build_dir=${BUILD_DIR:-build/package}
out_dir=${OUT_DIR:-build/packages}
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DHUBBUB_BUILD_TESTS=OFF -DHUBBUB_BUILD_TOOLS=OFF \
        -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
        -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)"
fi
targets=(hubbub hubbub-server)
grep -q '^hubbub-cli:' <(cmake --build "$build_dir" --target help 2>/dev/null) && targets+=(hubbub-cli)
cmake --build "$build_dir" --parallel "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"
rm -f "$out_dir"/hubbub_*.deb "$out_dir"/hubbub-server_*.deb
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$out_dir"
echo
ls -l "$out_dir"/*.deb
debs=()
for deb in "$out_dir"/*.deb; do
    case "$deb" in /*) debs+=("$deb") ;; *) debs+=("./$deb") ;; esac # apt wants a path, not a name
done
echo "Install them with: sudo apt install ${debs[*]}"
