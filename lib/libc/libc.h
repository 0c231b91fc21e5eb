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
int pm_call(int type, const union pm_req *q, union pm_rep *rep);

/* vfs.c: a request (q filled in), its reply in rep if not 0 -> the
 * status.  vfs_buf_call first grants VFS buf (len bytes, access) and
 * puts the grant and len in the request's fields *grant and *glen (see
 * VFS_BUF); vfs_path_call does so with the path, checked and copied. */
int vfs_call(int type, const union vfs_req *q, union vfs_rep *rep);
int vfs_buf_call(int type, union vfs_req *q, grant_id_t *grant, uint32_t *glen,
		 const void *buf, uint32_t len, uint32_t access,
		 union vfs_rep *rep);
int vfs_path_call(int type, const char *path, union vfs_req *q,
		  grant_id_t *grant, uint32_t *glen, union vfs_rep *rep);
/* The buffer fields of a request struct s, for the two above. */
#define VFS_BUF(s) &(s).grant, &(s).len
struct stat;

/* files.c: link, rename and mount send "a\0b\0" in one grant. */
int libc_two_paths(int type, const char *a, const char *b, uint32_t flags);

/* A struct stat or statvfs from VFS's reply, stored at the program's
 * pointer: 0 or -EFAULT. */
struct statvfs;
int vfs_stat_out(const struct vfs_stat_reply *rep, struct stat *st);

/* server.c: where PM and VFS are (exec tells; boot processes look). */
void libc_set_servers(endpoint_t pm, endpoint_t vfs);
endpoint_t libc_pm(void);
endpoint_t libc_vfs(void);
