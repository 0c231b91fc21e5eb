/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's <sys/stat.h>, plus what it declares only for a few targets
 * (__SPU__, __rtems__, __CYGWIN__) and Samsara's libc has: lstat() and
 * mknod() (lib/libc/files.c).
 */
#pragma once

#include_next <sys/stat.h>

int lstat(const char *__restrict path, struct stat *__restrict st);
int mknod(const char *path, mode_t mode, dev_t dev);
