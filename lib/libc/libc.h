/* SPDX-License-Identifier: BSD-2-Clause */
/* What the parts of Samsara's C library share. */
#pragma once

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>

#include "libsys.h"
#include "proto/pm.h"
#include "proto/vfs.h"

/* start.c and io.c: a boot process writes 0-2 to the kernel log. */
void libc_boot_init(bool boot);
bool libc_is_boot(void);
void libc_fd_opened(int fd); /* VFS gave us fd: it is VFS's now */

/* A result as the C library returns it: r < 0 sets errno. */
static inline int libc_ret(int r)
{
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}

/* user.c: the program's pointers, with the kernel's check (-EFAULT). */
grant_id_t libc_grant(endpoint_t to, const void *p, size_t n, uint32_t access);
int libc_in(void *to, const void *user, size_t n);
int libc_out(void *user, const void *from, size_t n);
int libc_writable(void *user, size_t n); /* n <= 64 */
/* A string: its length, -EFAULT, or -ENAMETOOLONG if no NUL in max. */
int libc_str_in(char *to, const char *user, size_t max);
/* A path for VFS: its length, or -EFAULT, -ENAMETOOLONG, -ENOENT (""). */
int libc_path_in(char path[VFS_PATH_MAX], const char *user);

/* pm.c */
int pm_call(int type, struct pm_request *q, struct pm_reply *rep);

/* vfs.c */
int vfs_call(int type, struct vfs_request *q, const void *buf, uint32_t len,
	     uint32_t access, struct vfs_reply *rep);
int vfs_path(int type, const char *path, uint32_t flags, uint32_t mode,
	     struct vfs_reply *rep);
/* A path call with the request filled in by the caller. */
int vfs_path_req(int type, const char *path, struct vfs_request *q,
		 struct vfs_reply *rep);
struct stat;

/* files.c: link, rename and mount send "a\0b\0" in one grant. */
int libc_two_paths(int type, const char *a, const char *b, uint32_t flags);

/* A struct stat or statvfs from VFS's reply, stored at the program's
 * pointer: 0 or -EFAULT. */
struct statvfs;
int vfs_stat_out(const struct vfs_reply *rep, struct stat *st);

/* server.c: where PM and VFS are (exec tells; boot processes look). */
void libc_set_servers(endpoint_t pm, endpoint_t vfs);
endpoint_t libc_pm(void);
endpoint_t libc_vfs(void);
