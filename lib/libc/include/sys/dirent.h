/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Directory streams for newlib's <dirent.h> (which includes this file):
 * opendir() opens the directory through VFS and readdir() hands out the
 * entries VFS_GETDENTS returns, a buffer at a time (lib/libc/dir.c).
 */
#pragma once

#include <sys/types.h>

#define MAXNAMLEN 60

struct dirent {
	ino_t d_ino;
	char d_name[MAXNAMLEN + 1];
};

#define _DIRENT_BUF 16 /* entries fetched per VFS call */

typedef struct {
	int dd_fd;
	int dd_loc, dd_len; /* next entry, entries in the buffer */
	struct dirent dd_ent;
	unsigned char dd_buf[_DIRENT_BUF * 68];
} DIR;
