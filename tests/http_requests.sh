#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# The HTTP requests of iso/net_commands (tests/net.py), each in a file
# of DIR that the test sends with `nc -N 127.0.0.1 80 < FILE` (Samsara's
# shell has no printf to write the CRLFs):
#
#	get       GET /index.html, HTTP/1.0
#	head      HEAD /, HTTP/1.1 with a Host header (a directory: index.html)
#	missing   GET of a file that is not there: 404
#	dotdot    GET /../etc/passwd: 403, whatever is above the root
#	escaped   the same with the dots as %2e: 403
#	delete    DELETE /index.html: 405
#	garbage   a line that is no request: 400
set -e

if [ $# -ne 1 ]; then
	echo "usage: http_requests.sh DIR" >&2
	exit 2
fi
d=$1
mkdir -p "$d"
printf 'GET /index.html HTTP/1.0\r\n\r\n' >"$d/get"
printf 'HEAD / HTTP/1.1\r\nHost: samsara\r\n\r\n' >"$d/head"
printf 'GET /nosuch.html HTTP/1.0\r\n\r\n' >"$d/missing"
printf 'GET /../etc/passwd HTTP/1.0\r\n\r\n' >"$d/dotdot"
printf 'GET /%%2e%%2e/etc/passwd HTTP/1.0\r\n\r\n' >"$d/escaped"
printf 'DELETE /index.html HTTP/1.0\r\n\r\n' >"$d/delete"
printf 'hello there\r\n\r\n' >"$d/garbage"
