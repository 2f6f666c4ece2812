#!/bin/sh
# Set up, build, and run nuvirt's virsh on the in-process test driver.
#   scripts/nuvirt.sh                 interactive shell on test:///default
#   scripts/nuvirt.sh list --all      run one command and exit
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/setup-deps.sh"
if [ ! -f "$top/build/build.ninja" ]; then
    meson setup "$top/build" "$top" >/dev/null
fi
ninja -C "$top/build" >/dev/null
exec "$top/build/tools/virsh" -c test:///default "$@"
