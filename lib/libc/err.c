// SPDX-License-Identifier: BSD-2-Clause
/*
 * BSD <err.h>: "PROG: message: error" on standard error.  PROG is the
 * last part of argv[0], which __libc_start records.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char *__progname;

static void say(const char *fmt, va_list ap, int e, int with_errno)
{
	fprintf(stderr, "%s: ", __progname ? __progname : "?");
	if (fmt) {
		vfprintf(stderr, fmt, ap);
		if (with_errno)
			fputs(": ", stderr);
	}
	if (with_errno)
		fputs(strerror(e), stderr);
	fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
	say(fmt, ap, errno, 1);
}

void vwarnx(const char *fmt, va_list ap)
{
	say(fmt, ap, 0, 0);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void err(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void errx(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	exit(status);
}
