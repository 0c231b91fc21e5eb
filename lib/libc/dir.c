// SPDX-License-Identifier: BSD-2-Clause
/*
 * The working directory (chdir, fchdir, getcwd) and directory streams
 * (opendir, readdir, rewinddir, closedir): readdir hands out the
 * entries of a buffer that VFS_GETDENTS fills, refilling it as needed.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc.h"

_Static_assert(sizeof(struct fs_dirent) * _DIRENT_BUF <=
		       sizeof(((DIR *)0)->dd_buf),
	       "the DIR buffer holds a batch of entries");

int chdir(const char *path)
{
	union vfs_req q = {.chdir = {0}};
	return libc_ret(
		vfs_path_call(VFS_CHDIR, path, &q, VFS_BUF(q.chdir), 0));
}

int fchdir(int fd)
{
	union vfs_req q = {.fchdir = {.fd = fd}};
	return libc_ret(vfs_call(VFS_FCHDIR, &q, 0));
}

char *getcwd(char *buf, size_t size)
{
	char local[VFS_PATH_MAX] = "";
	union vfs_req q = {.getcwd = {0}};
	int r = vfs_buf_call(VFS_GETCWD, &q, VFS_BUF(q.getcwd), local,
			     sizeof(local), GF_WRITE, 0);
	if (r < 0) {
		libc_ret(r);
		return 0;
	}
	if (!buf) {
		if (size == 0)
			size = (size_t)r;
		buf = malloc(size);
		if (!buf) {
			errno = ENOMEM;
			return 0;
		}
	}
	if ((size_t)r > size) {
		errno = size ? ERANGE : EINVAL;
		return 0;
	}
	r = libc_out(buf, local, (size_t)r);
	if (r < 0) {
		libc_ret(r);
		return 0;
	}
	return buf;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	DIR *d = calloc(1, sizeof(*d));
	if (!d) {
		close(fd);
		errno = ENOMEM;
		return 0;
	}
	d->dd_fd = fd;
	return d;
}

struct dirent *readdir(DIR *d)
{
	struct fs_dirent *e = (struct fs_dirent *)d->dd_buf;
	if (d->dd_loc >= d->dd_len) {
		union vfs_req q = {.getdents = {.fd = d->dd_fd}};
		int r = vfs_buf_call(VFS_GETDENTS, &q, VFS_BUF(q.getdents),
				     d->dd_buf, _DIRENT_BUF * sizeof(*e),
				     GF_WRITE, 0);
		if (r <= 0) {
			if (r < 0)
				libc_ret(r);
			return 0;
		}
		d->dd_len = r / (int)sizeof(*e);
		d->dd_loc = 0;
	}
	e += d->dd_loc++;
	d->dd_ent.d_ino = (ino_t)e->ino;
	memcpy(d->dd_ent.d_name, e->name, sizeof(d->dd_ent.d_name));
	return &d->dd_ent;
}

void rewinddir(DIR *d)
{
	lseek(d->dd_fd, 0, SEEK_SET);
	d->dd_loc = d->dd_len = 0;
}

int closedir(DIR *d)
{
	int r = close(d->dd_fd);
	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->dd_fd;
}
