#!/usr/bin/env bash
# Installs what building and testing Hubbub needs on Debian/Ubuntu, only when it is missing.
# Sourced by scripts/run.sh and scripts/test.sh.
set -euo pipefail

hubbub_packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev
    # Qt's driver for a server whose database is PostgreSQL (ServerConfig::databaseUrl).
    libqt6sql6-psql
    qt6-image-formats-plugins libqt6svg6 libsodium-dev
    # The server's TLS: OpenSSL 3 (the app's goes through Qt Network, on the same library).
    libssl-dev
    # The app's sign-in tokens in the system's keychain.
    qtkeychain-qt6-dev
    # Qt's own strings (Cancel, Yes, the file dialog) in the user's language: qtbase_*.qm.
    qt6-translations-l10n
)
# What the tests need besides: a real Secret Service of their own for the keychain test
# (tests/support/with-keyring.sh runs a private D-Bus session and GNOME Keyring); what
# tst_packaging builds, inspects and lints the .debs with; lld, which links the hundred test
# programs four times faster than GNU ld (scripts/test.sh uses it when it is there); and the
# PostgreSQL server that scripts/pg-cluster.sh makes a throwaway cluster with for the tests
# labelled postgres (the driver, libqt6sql6-psql, is in the list above).
hubbub_test_packages=(dbus gnome-keyring libsecret-1-0 dpkg-dev file lintian desktop-file-utils lld
    postgresql)
# What scripts/check-format.sh needs besides the above (lupdate, for check-i18n.sh, comes with
# qt6-l10n-tools): Debian 12's clang-format is version 14, the reference for .clang-format.
hubbub_check_packages=(clang-format)

hubbub_install_deps() {
    local missing=()
    local pkg
    for pkg in "${hubbub_packages[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "Missing packages: ${missing[*]} (and no apt-get here: install them by hand)" >&2
        return 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "Need root or sudo to install: ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
