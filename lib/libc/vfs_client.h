/* SPDX-License-Identifier: BSD-2-Clause */
/* The C library's link to VFS (vfs.c). */
#pragma once

#include <fcntl.h>
#include <sys/stat.h>

#include "libsys.h"
#include "proto/vfs.h"

int vfs_call(int type, struct vfs_request *q, const void *buf, uint32_t len,
	     uint32_t access, struct vfs_reply *rep);
int vfs_path(int type, const char *path, uint32_t flags, uint32_t mode,
	     struct vfs_reply *rep);
void vfs_to_stat(const struct vfs_reply *rep, struct stat *st);
