#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted per .clang-format. The reference is
# clang-format 14 (Debian 12); other versions break some lines differently.
# To fix a failure: clang-format -i <the files named>.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hubbub_install_deps "${hubbub_check_packages[@]}"

formatter=clang-format-14
command -v "$formatter" >/dev/null 2>&1 || formatter=clang-format
if ! "$formatter" --version | grep -q 'version 14\.'; then
    echo "check-format: note, $("$formatter" --version) is not clang-format 14" >&2
fi

mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
unformatted=()
for file in "${files[@]}"; do
    "$formatter" --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if [ ${#unformatted[@]} -ne 0 ]; then
    printf 'check-format: not formatted per .clang-format: %s\n' "${unformatted[@]}" >&2
    "$formatter" --dry-run "${unformatted[@]}" 2>&1 | head -40 >&2
    exit 1
fi
echo "check-format: ${#files[@]} files formatted."
