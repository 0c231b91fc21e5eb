// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server, spoken to directly through proto/fs.h (this test plays
 * the part VFS will): it mounts the RAM disk (a mkrootfs image of
 * tests/guest/tree), finds and reads /etc/motd, makes, writes, reads
 * back, truncates and removes files and directories, lists a directory,
 * and gets the errors a bad request deserves.
 *
 * `t_fs badsb`: the image's superblock is corrupt; FS must refuse the
 * mount (EINVAL), say why (the harness checks its log line) and answer
 * every request on the missing root with EIO.
 *
 * `t_fs peers`: booted without `clients=t_fs`, so this test is nobody's
 * client: FS and the MEMORY driver answer each request with EPERM (and
 * log it, which the harness checks) and mount nothing.
 */
#include <string.h>

#include "bdevclient.h"
#include "proto/fs.h"
#include "tlib.h"

static endpoint_t fs;

static int req(int type, struct fs_request q, const void *buf, uint32_t len,
	       int access, struct fs_reply *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	grant_id_t g = GRANT_INVALID;
	if (buf) {
		g = grant_create(fs, buf, len, (uint32_t)access);
		T_ASSERT(g >= 0);
	}
	q.grant = g;
	if (buf)
		q.len = len;
	m.m_type = type;
	*FS_REQ(&m) = q;
	T_EQ(ipc_sendrec(fs, &m), 0);
	if (buf)
		T_EQ(grant_revoke(g), 0);
	T_EQ(m.m_type, FS_REPLY);
	if (rep)
		*rep = *FS_REP(&m);
	return FS_REP(&m)->status;
}

static int named(int type, uint32_t dir, const char *name, uint16_t mode,
		 struct fs_reply *rep)
{
	struct fs_request q = {.ino = dir, .mode = mode};
	return req(type, q, name, (uint32_t)strlen(name), GF_READ, rep);
}

static int rw(int write, uint32_t ino, uint64_t pos, void *buf, uint32_t len)
{
	struct fs_request q = {.ino = ino, .pos = pos};
	return req(write ? FS_WRITE : FS_READ, q, buf, len,
		   write ? GF_READ : GF_WRITE, 0);
}

static uint8_t big[100000], back[100000];

int main(int argc, char **argv)
{
	t_case = "fs";
	fs = proc_find("fs");
	T_ASSERT(fs != NONE);
	struct fs_reply r;
	endpoint_t memory = proc_find("memory");
	T_ASSERT(memory != NONE);
	struct fs_request mnt = {
		.ino = 0, .ino2 = (uint32_t)memory, .pos = 0x100};
	if (argc > 1 && strcmp(argv[1], "peers") == 0) {
		t_case = "peers";
		T_EQ(req(FS_MOUNT, mnt, 0, 0, 0, 0), -EPERM);
		struct fs_request q = {.ino = 1};
		T_EQ(req(FS_STAT, q, 0, 0, 0, 0), -EPERM);
		struct bdev_client c;
		bdev_client_init(&c, memory, 0, 0, 0);
		T_EQ(bdev_req_open(&c), -EPERM);
		t_pass();
		t_finish();
	}
	if (argc > 1 && strcmp(argv[1], "badsb") == 0) {
		t_case = "badsb";
		T_EQ(req(FS_MOUNT, mnt, 0, 0, 0, 0), -EINVAL);
		struct fs_request q = {.ino = 1};
		T_EQ(req(FS_STAT, q, 0, 0, 0, 0), -EIO);
		T_EQ(named(FS_LOOKUP, 1, "etc", 0, 0), -EIO);
		t_pass();
		t_finish();
	}
	T_EQ(req(FS_MOUNT, mnt, 0, 0, 0, 0), 0); /* the root: volume 0 */

	/* /etc/motd from the image. */
	T_EQ(named(FS_LOOKUP, 1, "etc", 0, &r), 0);
	T_EQ(r.st.mode & 0170000, 0040000);
	uint32_t etc = r.ino;
	T_EQ(named(FS_LOOKUP, etc, "motd", 0, &r), 0);
	char text[64];
	memset(text, 0, sizeof(text));
	T_EQ(rw(0, r.ino, 0, text, sizeof(text)), 18);
	T_EQ(strcmp(text, "Samsara test tree\n"), 0);

	/* A new file: write 100,000 bytes, read them back. */
	T_EQ(named(FS_CREATE, 1, "data", 0100644, &r), 0);
	uint32_t data = r.ino;
	for (unsigned i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7 + i / 1000);
	T_EQ(rw(1, data, 0, big, sizeof(big)), (int)sizeof(big));
	T_EQ(rw(0, data, 0, back, sizeof(back)), (int)sizeof(back));
	T_EQ(memcmp(big, back, sizeof(big)), 0);
	struct fs_request q = {.ino = data};
	T_EQ(req(FS_STAT, q, 0, 0, 0, &r), 0);
	T_EQ(r.st.size, sizeof(big));
	q.pos = 10;
	T_EQ(req(FS_TRUNC, q, 0, 0, 0, 0), 0);
	T_EQ(rw(0, data, 0, back, sizeof(back)), 10);

	/* Directories and listing. */
	T_EQ(named(FS_CREATE, 1, "dir", 040755, &r), 0);
	uint32_t dir = r.ino;
	T_EQ(named(FS_CREATE, dir, "inner", 0100600, &r), 0);
	T_EQ(named(FS_RMDIR, 1, "dir", 0, 0), -ENOTEMPTY);
	struct fs_dirent ents[8];
	q = (struct fs_request){.ino = dir};
	int n = req(FS_GETDENTS, q, ents, sizeof(ents), GF_WRITE, &r);
	T_EQ(n, 3 * (int)sizeof(ents[0]));
	T_EQ(strcmp(ents[0].name, "."), 0);
	T_EQ(strcmp(ents[2].name, "inner"), 0);
	q.pos = r.pos;
	T_EQ(req(FS_GETDENTS, q, ents, sizeof(ents), GF_WRITE, 0), 0);
	T_EQ(named(FS_UNLINK, dir, "inner", 0, 0), 0);
	T_EQ(named(FS_RMDIR, 1, "dir", 0, 0), 0);
	T_EQ(named(FS_UNLINK, 1, "data", 0, 0), 0);

	/* Errors. */
	T_EQ(named(FS_LOOKUP, 1, "nothing", 0, 0), -ENOENT);
	T_EQ(named(FS_LOOKUP, 1,
		   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		   "aaaaaaaaaaaaaaaaaaaaaaa",
		   0, 0),
	     -ENAMETOOLONG);
	T_EQ(named(FS_LOOKUP, etc, "motd/x", 0, 0), -EINVAL);
	T_EQ(named(FS_CREATE, 1, "etc", 040755, 0), -EEXIST);
	T_EQ(named(FS_UNLINK, 1, "etc", 0, 0), -EISDIR);
	q = (struct fs_request){.ino = 99999};
	T_EQ(req(FS_STAT, q, 0, 0, 0, 0), -EINVAL);
	q = (struct fs_request){.ino = 1, .grant = 12345, .len = 5};
	T_EQ(req(FS_LOOKUP, q, 0, 0, 0, 0), -EPERM); /* not our grant */
	T_EQ(req(FS_BASE + 99, q, 0, 0, 0, 0), -EPERM);
	q = (struct fs_request){.ino = 1};
	T_EQ(req(FS_BASE + 99, q, "x", 1, GF_READ, 0), -ENOSYS);
	T_EQ(rw(1, 1, 0, big, 10), -EISDIR);

	/* Free space comes back, and everything reaches the disk. */
	q = (struct fs_request){0};
	T_EQ(req(FS_STATVFS, q, 0, 0, 0, &r), 0);
	T_EQ(FS_STATVFS_BLOCKS(&r), 2048);
	T_ASSERT(FS_STATVFS_FREE_BLOCKS(&r) > 1500);
	T_EQ(req(FS_SYNC, q, 0, 0, 0, 0), 0);
	t_pass();
	t_finish();
}
