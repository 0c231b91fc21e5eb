/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's <utime.h> has struct utimbuf but no utime(), which Samsara's
 * libc has (lib/libc/files.c).
 */
#pragma once

#include_next <utime.h>

int utime(const char *path, const struct utimbuf *times);
