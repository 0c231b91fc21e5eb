#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Build the standard commands for this host, to test them with
# test_commands.py:
#
#	sh tests/host/build_commands.sh /tmp/bin
#	python3 tests/host/test_commands.py /tmp/bin
#
# Each commands/NAME/*.c becomes OUTDIR/NAME, compiled with the same
# strict flags the commands must pass on Samsara.  Run it from anywhere.
set -e

if [ $# -ne 1 ]; then
	echo "usage: build_commands.sh OUTDIR" >&2
	exit 2
fi
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
cc=${CC:-gcc}

names="ls cat echo cp mv dd cmp cksum sort tee rm mkdir rmdir ln pwd kill
sleep wc grep head tail touch chmod date uname env true false more"

mkdir -p "$out"
for n in $names; do
	$cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
		-Wall -Wextra -Werror -O2 -o "$out/$n" "$top"/commands/"$n"/*.c
done
echo "built $(echo $names | wc -w) commands into $out"
