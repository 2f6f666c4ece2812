#!/bin/sh
# Build nuvirt with clang + libFuzzer + ASan/UBSan and run every XML
# document type's fuzz target for SECONDS (default 15), seeded with
# libvirt's conformance corpus and the inputs of earlier findings
# (tests/fuzz/regressions/CATEGORY).  Exit 1 if any target finds
# something; an input that takes over 10 s is a finding too.  The seed
# is fixed, so a run explores the same inputs in the same order
# everywhere (a faster machine just gets further).
#   scripts/fuzz-xml.sh [SECONDS]
set -u
secs=${1:-15}
top=$(cd "$(dirname "$0")/.." && pwd)
corpus="$top/../shared/conformance/xml"
dir="$top/build-fuzz"
cd "$top" || exit 1
if [ ! -f "$dir/build.ninja" ]; then
    CC=clang meson setup "$dir" -Dfuzz=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link >"$dir.setup.log" 2>&1 ||
        { cat "$dir.setup.log"; exit 1; }
fi
ninja -C "$dir" || exit 1
status=0
for exe in "$dir"/tests/fuzz/fuzz-*; do
    [ -f "$exe" ] && [ -x "$exe" ] || continue
    cat=${exe##*/fuzz-}
    seeds=$(mktemp -d)
    work=$(mktemp -d)
    case $cat in
        nodedev|interface|secret|network|networkport|nwfilter|nwfilterbinding|storagepool|storagevol|snapshot|checkpoint|backup)
            find "$corpus/$cat" -name '*.xml' -exec cp {} "$seeds" \; 2>/dev/null ;;
        domain)
            find "$corpus/domain/generic" -name '*.xml' -exec cp {} "$seeds" \; 2>/dev/null ;;
    esac
    cp "$top"/tests/fuzz/regressions/"$cat"/*.xml "$seeds" 2>/dev/null
    if "$exe" -seed=1 -timeout=10 -max_total_time="$secs" -rss_limit_mb=2048 \
            -artifact_prefix="$work/" \
            "$work" "$seeds" >"$work.log" 2>&1; then
        echo "fuzz $cat: ok ($(grep -o 'Done [0-9]* runs' "$work.log" | head -1))"
    else
        echo "fuzz $cat: FAILED"
        tail -40 "$work.log"
        status=1
    fi
    rm -rf "$seeds" "$work" "$work.log"
done
exit $status
