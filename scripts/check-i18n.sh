#!/usr/bin/env bash
# Fails when the translation catalogues are out of step with the code: when running lupdate
# (the update_translations target) would change a .ts file, or when a shipped language has a
# message that is unfinished. lupdate runs on a copy of the .ts files in a scratch build
# folder (configure only, nothing is compiled), with exactly the sources and options of the
# real target; the work tree is not touched.
# To fix a failure: cmake --build <build dir> --target update_translations, translate what
# is new (Qt Linguist, or by hand: remove type="unfinished"), commit resources/translations.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hubbub_install_deps

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/ts"
cp resources/translations/*.ts "$work/ts/"

if ! cmake -S . -B "$work/build" -G Ninja -DHUBBUB_TS_DIR="$work/ts" -DHUBBUB_BUILD_TESTS=OFF \
    -DHUBBUB_BUILD_TOOLS=OFF >"$work/configure.log" 2>&1; then
    cat "$work/configure.log"
    exit 1
fi
if ! cmake --build "$work/build" --target update_translations >"$work/lupdate.log" 2>&1; then
    cat "$work/lupdate.log"
    exit 1
fi

failed=0
if ! diff -u -r resources/translations "$work/ts"; then
    echo "check-i18n: update_translations would change the .ts files above (a text was added," \
        "changed or removed without running lupdate)." >&2
    failed=1
fi
# Every shipped language, every message: no unfinished, no vanished or obsolete leftovers.
if grep -n -E 'type="(unfinished|vanished|obsolete)"' resources/translations/*.ts; then
    echo "check-i18n: the messages above are not finished." >&2
    failed=1
fi
[ $failed -eq 0 ] && echo "check-i18n: $(ls resources/translations/*.ts | wc -l) catalogues in step, all finished."
exit $failed
