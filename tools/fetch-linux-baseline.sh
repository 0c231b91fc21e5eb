#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Fetch the Linux guest that `make bench` measures Samsara's network
# against (tests/bench.py, linux_net_*): Debian 12's i386 kernel for
# older PCs and its static busybox, at the exact versions pinned below,
# checked by sha256 and unpacked.  Nothing of it is committed.
#
# Usage: tools/fetch-linux-baseline.sh OUTDIR     (the build uses build/linux)
#
# OUTDIR receives
#   vmlinuz             the kernel
#   busybox             the static busybox (i386)
#   modules/NAME.ko     the NIC drivers and what they need: ne and 8390p
#                       (ne2k_isa), ne2k-pci and 8390 (ne2k_pci), 8139cp
#                       and mii (rtl8139: QEMU's card is an 8139C+, which
#                       8139too refuses)
#   modules/DRIVER.load the modules DRIVER needs, in load order (read from
#                       each module's .modinfo "depends=", as the Debian
#                       package ships no modules.dep)
#   debs/               the two packages, kept so a rebuild never downloads
#                       again (a copy put there by hand is used as it is)
#   lists/, cache/      apt's private package lists for i386
#   stamp               the recipe's hash; with a current stamp nothing runs
#
# The download is `apt-get download` with this machine's Debian sources
# but private lists, APT::Architecture=i386 and an empty dpkg status: the
# host's dpkg architectures and package state are never changed.  When a
# pinned version has left the mirror (Debian drops superseded kernels),
# the script stops and says which lines below to update.
set -eu

KERNEL_ABI=6.1.0-57-686
KERNEL_PKG=linux-image-$KERNEL_ABI
KERNEL_VER=6.1.192-3
KERNEL_SHA256=51a33f21f0baad156394c347bdda14c18820facfd6c01ff850a3301639232468
BUSYBOX_PKG=busybox-static
BUSYBOX_VER=1:1.35.0-4+deb12u1+b1
BUSYBOX_SHA256=725ef9e6fbac4ab79b353165b05005e8c140d6e42177ebbc202ff1e13ded8b7c
# driver: the modules it needs beyond itself are found from .modinfo.
DRIVERS="ne ne2k-pci 8139cp"

die() {
	printf '%s\n' "$@" | sed 's/^/fetch-linux-baseline: /' >&2
	exit 1
}

[ $# -eq 1 ] || die "usage: tools/fetch-linux-baseline.sh OUTDIR"
mkdir -p "$1"
out=$(cd "$1" && pwd)

recipe=$(sha256sum "$0" | cut -d' ' -f1)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$recipe" ]; then
	exit 0
fi
for tool in apt-get dpkg-deb objcopy sha256sum; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "$tool not found (Debian's apt, dpkg and binutils are needed)"
done

# deb_name PKG VER: the file name apt-get download gives a package.
deb_name() {
	echo "${1}_$(echo "$2" | sed 's/:/%3a/')_i386.deb"
}
kernel_deb=$out/debs/$(deb_name "$KERNEL_PKG" "$KERNEL_VER")
busybox_deb=$out/debs/$(deb_name "$BUSYBOX_PKG" "$BUSYBOX_VER")

download() {
	mkdir -p "$out/lists/partial" "$out/cache/archives/partial" "$out/debs"
	set -- -o APT::Architecture=i386 -o APT::Architectures=i386 \
		-o Dir::State::Lists="$out/lists" -o Dir::State::status=/dev/null \
		-o Dir::Cache="$out/cache"
	log=$out/fetch.log
	echo "fetch-linux-baseline: downloading $KERNEL_PKG and $BUSYBOX_PKG" \
		"(i386, 53 MB)"
	apt-get -q "$@" update >"$log" 2>&1 ||
		die "apt-get update of the i386 lists failed (no network?);" \
			"the whole log: $log"
	for p in "$KERNEL_PKG=$KERNEL_VER" "$BUSYBOX_PKG=$BUSYBOX_VER"; do
		if ! (cd "$out/debs" && apt-get -q "$@" download "$p") \
			>>"$log" 2>&1; then
			now=$(apt-cache "$@" search "^linux-image-6\.1\.0-[0-9]+-686\$" \
				2>/dev/null | cut -d' ' -f1 | sort -V | tail -n 1)
			die "cannot download $p: that version is no longer on the" \
				"Debian mirror (or the mirror is unreachable; log: $log)." \
				"Update the pinned KERNEL_*/BUSYBOX_* lines of $0 to the" \
				"mirror's current versions (newest kernel there:" \
				"${now:-none found}; apt-cache $* policy PKG gives the" \
				"version, apt-cache show the SHA256)"
		fi
	done
}

# check DEB SHA256: the package must be exactly the pinned one.
check() {
	sum=$(sha256sum "$1" | cut -d' ' -f1)
	[ "$sum" = "$2" ] && return 0
	mv "$1" "$1.bad"
	die "$1: wrong sha256" "  got      $sum" "  expected $2" \
		"it was moved to $1.bad; run make bench again to download it anew"
}

[ -f "$kernel_deb" ] && [ -f "$busybox_deb" ] || download
check "$kernel_deb" "$KERNEL_SHA256"
check "$busybox_deb" "$BUSYBOX_SHA256"

tmp=$(mktemp -d "$out/unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$kernel_deb" "$tmp" && dpkg-deb -x "$busybox_deb" "$tmp" ||
	die "cannot unpack the packages in $out/debs"
kdir=$tmp/lib/modules/$KERNEL_ABI/kernel
[ -f "$tmp/boot/vmlinuz-$KERNEL_ABI" ] && [ -d "$kdir" ] &&
	[ -x "$tmp/bin/busybox" ] ||
	die "the packages lack boot/vmlinuz-$KERNEL_ABI, its modules or" \
		"bin/busybox"

rm -rf "$out/modules"
mkdir -p "$out/modules"
# load NAME: NAME's dependencies (depth first), then NAME, each once,
# appended to $order; the .ko files copied to modules/.
load() {
	case " $order " in *" $1 "*) return 0 ;; esac
	ko=$(find "$kdir" -name "$1.ko" | head -n 1)
	[ -n "$ko" ] || die "module $1.ko is not in $KERNEL_PKG"
	deps=$(objcopy -O binary --only-section=.modinfo "$ko" /dev/stdout |
		tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' ' ')
	cp "$ko" "$out/modules/"
	for d in $deps; do
		load "$d"
	done
	order="$order $1"
}
for drv in $DRIVERS; do
	order=""
	load "$drv"
	echo $order >"$out/modules/$drv.load"
done
cp "$tmp/boot/vmlinuz-$KERNEL_ABI" "$out/vmlinuz"
cp "$tmp/bin/busybox" "$out/busybox"
echo "$recipe" >"$out/stamp"
echo "fetch-linux-baseline: Linux $KERNEL_VER ($KERNEL_ABI) and busybox" \
	"$BUSYBOX_VER in $out"
