/* SPDX-License-Identifier: BSD-2-Clause */
/* The VFS server's parts (main.c has the overview). */
#pragma once

#include <stdint.h>

#include "libsys.h"
#include "proto/vfs.h"

#define OPEN_MAX 32
#define NR_FILPS 256

struct filp { /* an open file: shared by descriptors that dup it */
	int refs;
	uint32_t ino;
	uint32_t flags;
	int64_t pos;
};

struct vproc { /* what VFS knows of one process */
	endpoint_t ep;
	struct filp *fd[OPEN_MAX];
};

/* fsio.c: requests to the file server. */
void fs_set(endpoint_t fs);
int fs_call(int type, struct fs_request *q, struct fs_reply *rep);
int fs_named(int type, uint32_t dir, const char *name, uint16_t mode,
	     struct fs_reply *rep);
/* Data between the file server and a client's grant (passed on). */
int fs_data(int type, uint32_t ino, int64_t pos, endpoint_t client,
	    grant_id_t grant, uint32_t len, struct fs_reply *rep);

/* path.c */
int path_get(endpoint_t who, const struct vfs_request *q, char *path);
int path_lookup(const char *path, uint32_t *ino, struct fs_stat *st);
int path_parent(const char *path, uint32_t *dir, char *last);

/* ops.c */
int vfs_handle(struct vproc *p, int type, const struct vfs_request *q,
	       struct vfs_reply *rep);
