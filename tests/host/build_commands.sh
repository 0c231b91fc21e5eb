#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Build the standard commands for this host, to test them with
# test_commands.py:
#
#	sh tests/host/build_commands.sh /tmp/bin
#	python3 tests/host/test_commands.py /tmp/bin
#
# Each commands/NAME/*.c becomes OUTDIR/NAME, with the helpers of
# commands/lib (cmdlib.h) linked in as on Samsara, compiled with the same
# strict flags the commands must pass on Samsara; test also takes the
# shell's commands/sh/testcmd.c, and OUTDIR/[ is a copy of it.  Run it
# from anywhere.  Not here: ps and dmesg (Samsara's PM and /dev/kmsg),
# halt (it would stop a host run as root), ifconfig and netstat (they
# ask Samsara's INET through its own ioctls, include/abi/netif.h, which
# no host answers).  nc, httpd and ping use only the socket calls and
# are tested by test_netcmds.py.
set -e

if [ $# -ne 1 ]; then
	echo "usage: build_commands.sh OUTDIR" >&2
	exit 2
fi
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
cc=${CC:-gcc}

names="ls cat echo cp mv dd cmp cksum sort tee rm mkdir rmdir ln pwd kill
sleep wc grep head tail touch chmod date uname env true false more sync
sha256sum
nc httpd ping"
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra
-Werror -O2"

mkdir -p "$out"
for n in $names; do
	$cc $flags -I"$top/commands/lib" -o "$out/$n" "$top"/commands/"$n"/*.c \
		"$top"/commands/lib/*.c
done
$cc $flags -I"$top/commands/lib" -o "$out/test" "$top"/commands/test/*.c \
	"$top"/commands/sh/testcmd.c "$top"/commands/lib/*.c
cp "$out/test" "$out/["
echo "built $(($(echo $names | wc -w) + 2)) commands into $out"
