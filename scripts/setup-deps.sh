#!/bin/sh
# Install the Debian packages nuvirt builds and tests with, if missing.
# Safe to run again: it only calls apt-get when something is absent.
set -e

PKGS="meson ninja-build pkg-config gcc clang libclang-rt-14-dev python3 \
libglib2.0-dev libxml2-dev libxml2-utils libtirpc-dev \
libgnutls28-dev libreadline-dev \
libvirt-dev libvirt-clients python3-libvirt netcat-openbsd \
libvirt-daemon gnutls-bin"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "nuvirt: missing packages:$missing (run as root to install them)" >&2
    exit 1
fi
echo "nuvirt: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends $missing >/dev/null
