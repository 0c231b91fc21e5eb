#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Make sure the Debian packages the build and the tests need are
# installed.  As root it installs what is missing with apt-get; otherwise
# it prints the exact command to run and fails.  Quiet when everything is
# there.
#
#   build    nasm gcc-multilib newlib-source grub-pc-bin grub-common
#            xorriso mtools clang-format; apt (tools/fetch-lwip.sh gets
#            lwIP's source package with apt-get, as any user)
#   tests    qemu-system-x86 python3 cloc util-linux (mkfs.minix,
#            fsck.minix); check and pkg-config for lwIP's own unit suite
#            (host/lwip_unit); curl netcat-openbsd tcpdump iperf socat,
#            the host ends of the network tests
#   bench    cpio, for the Linux baseline guest's initramfs (its kernel
#            and busybox come from tools/fetch-linux-baseline.sh)
set -eu

PACKAGES="nasm qemu-system-x86 grub-pc-bin grub-common xorriso mtools \
gcc-multilib newlib-source python3 cloc util-linux clang-format apt \
check pkg-config curl netcat-openbsd tcpdump iperf socat cpio"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "setup: missing Debian packages:$missing" >&2
	echo "setup: install them with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "setup: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
