#!/bin/sh
# Set up, build, and run every test: a -Werror build and an ASan+UBSan
# build, each running the whole suite.  Ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/setup-deps.sh" || exit 1
cd "$top" || exit 1

status=0
results=""
run_suite() {
    dir=$1; shift
    rm -f "$dir/meson-logs/testlog.json"
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || {
            cat "$dir.setup.log"; return 1; }
    fi
    ninja -C "$dir" || return 1
    meson test -C "$dir" --num-processes 2 --print-errorlogs
}

echo "== build with -Werror, run all tests"
run_suite build-ci -Dwerror=true || status=1
results="$results build-ci"

echo "== build with ASan + UBSan, run all tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -Dwerror=true -Db_sanitize=address,undefined \
        -Db_lundef=false || status=1
results="$results build-asan"

echo "== fuzz every XML document type (clang, libFuzzer, ASan + UBSan)"
sh "$top/scripts/fuzz-xml.sh" 20 | tee "$top/build-fuzz-results.txt" || status=1

python3 "$top/scripts/test-summary.py" --fuzz "$top/build-fuzz-results.txt" $results || status=1
exit $status
