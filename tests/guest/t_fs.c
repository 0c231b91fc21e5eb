// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FS server, spoken to directly through proto/fs.h (this test plays
 * the part VFS will): it mounts the RAM disk (a mkrootfs image of
 * tests/guest/tree), finds and reads /etc/motd, makes, writes, reads
 * back, truncates and removes files and directories, lists a directory,
 * and gets the errors a bad request deserves.  Well-formed requests go
 * through the client library (fsclient.h), as VFS's do; the two that a
 * client library cannot send -- a grant that is not ours, a type FS
 * does not know -- are raw messages (so this file is among the FORGERS
 * of tests/host/test_proto_senders.py).
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
#include "devnum.h"
#include "fsclient.h"
#include "tlib.h"

static endpoint_t fs;

/* A request as no client library sends it: payload q of `type`. */
static int raw(int type, const void *q, uint32_t len)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	memcpy(m.m_u.b, q, len);
	T_EQ(ipc_sendrec(fs, &m), 0);
	T_EQ(m.m_type, FS_REPLY);
	return FS_REP(&m)->status;
}

static int rw(int write, uint32_t ino, uint64_t pos, void *buf, uint32_t len)
{
	struct fs_buf b = fs_buf_here(buf, len);
	return write ? fs_write(fs, 0, ino, pos, b)
		     : fs_read(fs, 0, ino, pos, b);
}

static uint8_t big[100000], back[100000];

int main(int argc, char **argv)
{
	t_case = "fs";
	fs = proc_find("fs");
	T_ASSERT(fs != NONE);
	uint32_t ino;
	struct fs_stat st;
	endpoint_t memory = proc_find("memory");
	T_ASSERT(memory != NONE);
	if (argc > 1 && strcmp(argv[1], "peers") == 0) {
		t_case = "peers";
		T_EQ(fs_mount(fs, memory, 0, DEV_MAKE(MAJOR_MEMORY, 0), 0),
		     -EPERM);
		T_EQ(fs_stat(fs, 0, 1, &st), -EPERM);
		struct bdev_client c;
		bdev_client_init(&c, memory, 0, 0, 0);
		T_EQ(bdev_req_open(&c), -EPERM);
		t_pass();
		t_finish();
	}
	if (argc > 1 && strcmp(argv[1], "badsb") == 0) {
		t_case = "badsb";
		T_EQ(fs_mount(fs, memory, 0, DEV_MAKE(MAJOR_MEMORY, 0), 0),
		     -EINVAL);
		T_EQ(fs_stat(fs, 0, 1, &st), -EIO);
		T_EQ(fs_lookup(fs, 0, 1, "etc", &ino, &st), -EIO);
		t_pass();
		t_finish();
	}
	T_EQ(fs_mount(fs, memory, 0, DEV_MAKE(MAJOR_MEMORY, 0), 0),
	     0); /* the root: volume 0 */

	/* /etc/motd from the image. */
	T_EQ(fs_lookup(fs, 0, 1, "etc", &ino, &st), 0);
	T_EQ(st.mode & 0170000, 0040000);
	uint32_t etc = ino;
	T_EQ(fs_lookup(fs, 0, etc, "motd", &ino, &st), 0);
	char text[64];
	memset(text, 0, sizeof(text));
	T_EQ(rw(0, ino, 0, text, sizeof(text)), 18);
	T_EQ(strcmp(text, "Samsara test tree\n"), 0);

	/* A new file: write 100,000 bytes, read them back. */
	T_EQ(fs_create(fs, 0, 1, "data", 0100644, 0, 0, 0, &ino, &st), 0);
	uint32_t data = ino;
	for (unsigned i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7 + i / 1000);
	T_EQ(rw(1, data, 0, big, sizeof(big)), (int)sizeof(big));
	T_EQ(rw(0, data, 0, back, sizeof(back)), (int)sizeof(back));
	T_EQ(memcmp(big, back, sizeof(big)), 0);
	T_EQ(fs_stat(fs, 0, data, &st), 0);
	T_EQ(st.size, sizeof(big));
	T_EQ(fs_trunc(fs, 0, data, 10), 0);
	T_EQ(rw(0, data, 0, back, sizeof(back)), 10);

	/* Directories and listing. */
	T_EQ(fs_create(fs, 0, 1, "dir", 040755, 0, 0, 0, &ino, &st), 0);
	uint32_t dir = ino;
	T_EQ(fs_create(fs, 0, dir, "inner", 0100600, 0, 0, 0, &ino, &st), 0);
	T_EQ(fs_rmdir(fs, 0, 1, "dir"), -ENOTEMPTY);
	struct fs_dirent ents[8];
	uint64_t pos = 0;
	int n = fs_getdents(fs, 0, dir, &pos, fs_buf_here(ents, sizeof(ents)));
	T_EQ(n, 3 * (int)sizeof(ents[0]));
	T_EQ(strcmp(ents[0].name, "."), 0);
	T_EQ(strcmp(ents[2].name, "inner"), 0);
	T_EQ(fs_getdents(fs, 0, dir, &pos, fs_buf_here(ents, sizeof(ents))), 0);
	T_EQ(fs_unlink(fs, 0, dir, "inner"), 0);
	T_EQ(fs_rmdir(fs, 0, 1, "dir"), 0);
	T_EQ(fs_unlink(fs, 0, 1, "data"), 0);

	/* Errors. */
	T_EQ(fs_lookup(fs, 0, 1, "nothing", &ino, &st), -ENOENT);
	T_EQ(fs_lookup(fs, 0, 1,
		       "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		       "aaaaaaaaaaaaaaaaaaaaaaa",
		       &ino, &st),
	     -ENAMETOOLONG);
	T_EQ(fs_lookup(fs, 0, etc, "motd/x", &ino, &st), -EINVAL);
	T_EQ(fs_create(fs, 0, 1, "etc", 040755, 0, 0, 0, &ino, &st), -EEXIST);
	T_EQ(fs_unlink(fs, 0, 1, "etc"), -EISDIR);
	T_EQ(fs_stat(fs, 0, 99999, &st), -EINVAL);
	struct fs_entry bad = {
		.dev = 0, .dir = 1, .name = 12345, .name_len = 5};
	T_EQ(raw(FS_LOOKUP, &bad, sizeof(bad)), -EPERM); /* not our grant */
	/* A type FS does not hold is answered ENOSYS, whatever it carries. */
	T_EQ(raw(FS_BASE + 99, &bad, sizeof(bad)), -ENOSYS);
	T_EQ(rw(1, 1, 0, big, 10), -EISDIR);

	/* Free space comes back, and everything reaches the disk. */
	struct fs_statvfs_reply vfs;
	T_EQ(fs_statvfs(fs, 0, &vfs), 0);
	T_EQ(vfs.blocks, 2048);
	T_ASSERT(vfs.free_blocks > 1500);
	T_EQ(fs_sync(fs, 0), 0);
	t_pass();
	t_finish();
}
