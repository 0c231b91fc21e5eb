#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Build newlib 3.3.0 for Samsara from Debian's newlib-source tarball.
#
# Usage: tools/build-newlib.sh OUTDIR
#
# The result is OUTDIR/sysroot/{include,lib} holding newlib's headers and
# libc.a/libm.a for i686, built with the host gcc in 32-bit mode.  The build
# only runs when this recipe changes: OUTDIR/stamp records the recipe's hash.
#
# Why the -U flags: the host gcc -m32 defines __linux__ and __unix__, and
# newlib then silently picks a Linux-compatible layout.  Every Samsara
# program is compiled with the same flags (see Makefile: TARGET_CFLAGS).
set -eu

mkdir -p "$1"
out=$(cd "$1" && pwd)
tarball=$(ls /usr/src/newlib/newlib-*.tar.* 2>/dev/null | head -n 1)
if [ -z "$tarball" ]; then
	echo "build-newlib: no newlib source tarball in /usr/src/newlib" >&2
	echo "build-newlib: install it with: apt-get install newlib-source" >&2
	exit 1
fi

recipe=$(cat "$0" "$tarball" | sha256sum | cut -d' ' -f1)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$recipe" ]; then
	exit 0
fi

echo "build-newlib: building newlib from $tarball (once; about a minute)"
rm -rf "$out"
mkdir -p "$out/src" "$out/obj"
tar -C "$out/src" -xf "$tarball"
srcdir=$(ls -d "$out"/src/*/ | head -n 1)
sysroot=$(cd "$out" && pwd)/sysroot

gccinc=$(gcc -m32 -print-file-name=include)
cc="gcc -m32 -march=i686 -fno-pie -fno-pic -fno-stack-protector"
cc="$cc -fno-asynchronous-unwind-tables"
cc="$cc -U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix"
cc="$cc -nostdinc -isystem $gccinc"

cd "$out/obj"
"$srcdir/configure" --target=i686-elf --prefix="$sysroot" \
	--disable-multilib --disable-newlib-supplied-syscalls \
	--enable-newlib-io-long-long --enable-newlib-io-c99-formats \
	--disable-nls \
	CC_FOR_TARGET="$cc" AS_FOR_TARGET="as --32" \
	LD_FOR_TARGET="ld -m elf_i386" AR_FOR_TARGET=ar \
	RANLIB_FOR_TARGET=ranlib NM_FOR_TARGET=nm \
	OBJDUMP_FOR_TARGET=objdump READELF_FOR_TARGET=readelf \
	STRIP_FOR_TARGET=strip CFLAGS_FOR_TARGET="-O2 -g" \
	>"$out/configure.log" 2>&1
make -j2 all-target-newlib >"$out/make.log" 2>&1 || {
	tail -n 30 "$out/make.log" >&2
	exit 1
}
make install-target-newlib >>"$out/make.log" 2>&1
# Keep the installed tree flat: sysroot/include and sysroot/lib.
if [ -d "$sysroot/i686-elf" ]; then
	cp -a "$sysroot/i686-elf/." "$sysroot/"
	rm -rf "$sysroot/i686-elf"
fi
# newlib's signal.o emulates signals inside one process; Samsara's C
# library has the real ones (lib/libc/signal.c), so take it out.
ar d "$sysroot/lib/libc.a" lib_a-signal.o
rm -rf "$out/src" "$out/obj"
echo "$recipe" >"$out/stamp"
echo "build-newlib: done: $sysroot"
