#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Fetch lwIP 2.1.3, the TCP/IP core of Samsara's INET server, from
# Debian's `lwip` source package, and unpack it.
#
# Usage: tools/fetch-lwip.sh OUTDIR     (the build uses build/lwip/lwip-2.1.3)
#
# The input is the pristine upstream tarball Debian ships as
# lwip_2.1.3+dfsg1.orig.tar.xz (only doc/doxygen/output removed), checked
# against its sha256 below; Debian's own patches (for its socket port,
# PPP and CMake) are not applied: a NO_SYS raw-API build uses none of
# the files they touch.  OUTDIR receives the tree (src/, test/, doc/);
# the tarball is kept beside OUTDIR, so a rebuild never downloads again,
# and a copy put there by hand (from any Debian mirror's
# pool/main/l/lwip/) is used as it is.
#
# The download is `apt-get source --download-only` with private package
# lists in a temporary folder built from this machine's Debian sources
# (as deb-src): it changes nothing on the system and works as any user.
# OUTDIR/stamp records the recipe's hash; with a current stamp nothing
# runs.
set -eu

ORIG=lwip_2.1.3+dfsg1.orig.tar.xz
ORIG_SIZE=802896
ORIG_SHA256=0a8276d09fc4e97bbba2f953d74af2388fc2195ea156be9d7589e297a68fde24

# die LINE...: each line (an argument may hold several) on stderr, and
# stop.
die() {
	printf '%s\n' "$@" | sed 's/^/fetch-lwip: /' >&2
	exit 1
}

# The way round a download that cannot work here, for die's last lines.
by_hand() {
	echo "or copy $ORIG from a Debian mirror (pool/main/l/lwip/) to"
	echo "  $tarball"
	echo "and run make again"
}

[ $# -eq 1 ] || die "usage: tools/fetch-lwip.sh OUTDIR"
mkdir -p "$1"
out=$(cd "$1" && pwd)
cache=$(dirname "$out")
tarball="$cache/$ORIG"

recipe=$( (cat "$0" && echo "$ORIG_SHA256") | sha256sum | cut -d' ' -f1)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$recipe" ] &&
	[ -f "$tarball" ]; then
	touch "$out/stamp"
	exit 0
fi

# The deb-src lists of this machine's Debian sources, in $1: one-line
# entries (sources.list, *.list) and deb822 files (*.sources).
make_sources() {
	mkdir -p "$1/parts"
	: >"$1/sources.list"
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n 's/^deb[[:space:]]/deb-src /p' "$f" >>"$1/sources.list"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		sed 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' "$f" \
			>"$1/parts/$(basename "$f")"
	done
	if [ ! -s "$1/sources.list" ] && [ -z "$(ls "$1/parts")" ]; then
		die "no Debian package sources in /etc/apt (sources.list," \
			"sources.list.d/*.list or *.sources) to download from;" \
			"$(by_hand)"
	fi
}

download() {
	command -v apt-get >/dev/null 2>&1 ||
		die "apt-get not found: the download needs Debian's apt;" \
			"$(by_hand)"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/fetch-lwip.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	make_sources "$tmp"
	mkdir -p "$tmp/lists/partial" "$tmp/cache" "$tmp/dl"
	set -- -o Dir::Etc::SourceList="$tmp/sources.list" \
		-o Dir::Etc::SourceParts="$tmp/parts" \
		-o Dir::State::Lists="$tmp/lists" -o Dir::Cache="$tmp/cache"
	log="$cache/fetch-lwip.log"
	echo "fetch-lwip: downloading Debian's lwip source package (0.8 MB)"
	apt-get -q "$@" update >"$log" 2>&1 || true
	if ! (cd "$tmp/dl" && apt-get -q "$@" source --download-only lwip) \
		>>"$log" 2>&1; then
		if grep -q '^[WE]: Failed to fetch' "$log"; then
			sed -n 's/^[WE]: \(Failed to fetch .*\)/  \1/p' "$log" |
				head -n 3 >&2
			die "cannot reach the Debian mirrors named in /etc/apt" \
				"(no network?); the whole log: $log" "$(by_hand)"
		fi
		tail -n 3 "$log" >&2
		die "apt-get source lwip failed; the whole log: $log" \
			"$(by_hand)"
	fi
	if [ ! -f "$tmp/dl/$ORIG" ]; then
		found=$(cd "$tmp/dl" && ls -- *.orig.tar.* 2>/dev/null) || found=""
		die "Debian's lwip source package here has ${found:-no tarball}," \
			"not $ORIG (the one of Debian 12, bookworm);" \
			"$(by_hand)"
	fi
	mv "$tmp/dl/$ORIG" "$tarball"
}

# The tarball must be exactly the one this recipe was written for.
check_tarball() {
	size=$(wc -c <"$tarball")
	sum=$(sha256sum "$tarball" | cut -d' ' -f1)
	[ "$sum" = "$ORIG_SHA256" ] && return 0
	mv "$tarball" "$tarball.bad"
	die "$tarball: wrong sha256" \
		"  got      $sum ($size bytes)" \
		"  expected $ORIG_SHA256 ($ORIG_SIZE bytes)" \
		"it was moved to $tarball.bad; run make again to download it anew"
}

[ -f "$tarball" ] || download
check_tarball

rm -rf "$out"
mkdir -p "$out"
tar -C "$out" --strip-components=1 -xJf "$tarball" ||
	die "cannot unpack $tarball into $out"
if [ ! -f "$out/src/core/init.c" ] || [ ! -d "$out/test/unit" ]; then
	die "$tarball does not hold lwip-2.1.3/src and test/unit"
fi
echo "$recipe" >"$out/stamp"
echo "fetch-lwip: lwIP 2.1.3 in $out"
