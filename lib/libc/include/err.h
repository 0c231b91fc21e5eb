/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * BSD error messages: "PROG: message: strerror(errno)" on stderr
 * (warn, err) or without the errno part (warnx, errx); err and errx
 * then exit with the status given.
 */
#pragma once

#include <stdarg.h>

void warn(const char *fmt, ...);
void warnx(const char *fmt, ...);
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);
void err(int status, const char *fmt, ...) __attribute__((noreturn));
void errx(int status, const char *fmt, ...) __attribute__((noreturn));
