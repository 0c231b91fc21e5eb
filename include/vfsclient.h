/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PM's calls to VFS (lib/libsys/vfs_pm.c), so that PM fills no VFS
 * message by hand.  The notices and their rules are in proto/vfs.h
 * (VFS_PM_*); VFS takes them from PM only.  Each call is one SENDREC
 * and returns VFS's status (>= 0) or a negative errno, -ENOSYS if
 * there is no VFS.  VFS never calls PM, so these cannot deadlock.
 *
 * VFS is found by name in the kernel's process table on first use.
 * Programs reach VFS through the C library (lib/libc/vfs.c), not here.
 */
#pragma once

#include <stdint.h>

#include "abi/message.h"
#include "proto/vfs.h"

/* The child gets copies of the parent's descriptors, directory, mask,
 * ids and process group. */
int vfs_pm_fork(endpoint_t parent, endpoint_t child, int pid);
int vfs_pm_exit(endpoint_t ep);	   /* every descriptor closed */
int vfs_pm_exec(endpoint_t ep);	   /* close-on-exec ones closed */
int vfs_pm_unpause(endpoint_t ep); /* a waiting call ends: EINTR */
int vfs_pm_setid(endpoint_t ep, uint32_t euid, uint32_t egid);
int vfs_pm_pgrp(endpoint_t ep, int pgrp);
/* Open path (PM's string) as ep would, for ep's exec: PM's new
 * descriptor, and the file's stat in *st. */
int vfs_pm_execopen(endpoint_t ep, const char *path, struct fs_stat *st);
