// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the file-server client library (lib/libsys/fs.c): the
 * stubs stand in for the kernel (ipc_sendrec answers as a scripted FS)
 * and the grant table (every grant made and revoked is recorded).
 *
 *   lookup_message   FS_LOOKUP carries exactly a struct fs_entry (the
 *                    rest of the message zero), the name granted
 *                    read-only without its NUL; the answer's ino and
 *                    stat come out; the grant is revoked
 *   failure_no_out   a failed call leaves the out-pointers alone
 *   dead_server      a server that died, or answers with another type,
 *                    gives EIO
 *   read_passed_on   a buffer of another process goes to FS as an
 *                    indirect grant on the owner's grant, writable
 *   getdents_pos     getdents moves the position on to the answer's
 *   rename_names     rename sends "old\0new\0"; names too long for one
 *                    request are refused before anything is sent
 *   statvfs_fields   statvfs's answer comes back field by field
 */
#include <string.h>

#include "fsclient.h"
#include "libsys.h"
#include "unit.h"

#define FS 40
#define PROG 41

static message_t got;	   /* the last request sent */
static message_t answer;   /* what the scripted FS answers */
static int sendrec_result; /* or the IPC error */
static int nr_sent, nr_granted, nr_revoked;
static struct {
	endpoint_t grantee, owner;
	grant_id_t ref;
	uint32_t len, access;
	char bytes[160];
} last_grant;

int ipc_sendrec(endpoint_t peer, message_t *m)
{
	CHECK(peer == FS);
	got = *m;
	nr_sent++;
	if (sendrec_result < 0)
		return sendrec_result;
	*m = answer;
	return 0;
}

grant_id_t grant_create(endpoint_t grantee, const void *base, uint32_t len,
			uint32_t access)
{
	memset(&last_grant, 0, sizeof(last_grant));
	last_grant.grantee = grantee;
	last_grant.owner = NONE;
	last_grant.len = len;
	last_grant.access = access;
	memcpy(last_grant.bytes, base,
	       len < sizeof(last_grant.bytes) ? len : sizeof(last_grant.bytes));
	return 100 + nr_granted++;
}

grant_id_t grant_create_indirect(endpoint_t grantee, endpoint_t owner,
				 grant_id_t ref, uint32_t offset, uint32_t len,
				 uint32_t access)
{
	memset(&last_grant, 0, sizeof(last_grant));
	last_grant.grantee = grantee;
	last_grant.owner = owner;
	last_grant.ref = ref;
	last_grant.len = len;
	last_grant.access = access;
	CHECK(offset == 0);
	return 100 + nr_granted++;
}

int grant_revoke(grant_id_t gid)
{
	CHECK(gid >= 100);
	nr_revoked++;
	return 0;
}

static void reset(int status)
{
	memset(&got, 0, sizeof(got));
	memset(&answer, 0, sizeof(answer));
	answer.m_type = FS_REPLY;
	FS_REP(&answer)->status = status;
	sendrec_result = 0;
	nr_sent = nr_granted = nr_revoked = 0;
}

static int zero_after(const message_t *m, size_t from)
{
	for (size_t i = from; i < MSG_PAYLOAD; i++)
		if (m->m_u.b[i])
			return 0;
	return 1;
}

static void lookup_message(void)
{
	reset(0);
	FS_REP(&answer)->lookup.ino = 7;
	FS_REP(&answer)->lookup.st.size = 1234;
	uint32_t ino = 0;
	struct fs_stat st = {0};
	CHECK(fs_lookup(FS, 2, 1, "motd", &ino, &st) == 0);
	CHECK(got.m_type == FS_LOOKUP);
	const struct fs_entry *q = &FS_REQ(&got)->lookup;
	CHECK(q->dev == 2 && q->dir == 1 && q->name == 100);
	CHECK(q->name_len == 4);
	CHECK(zero_after(&got, sizeof(*q)));
	CHECK(last_grant.grantee == FS && last_grant.len == 4);
	CHECK(last_grant.access == GF_READ);
	CHECK(memcmp(last_grant.bytes, "motd", 4) == 0);
	CHECK(ino == 7 && st.size == 1234);
	CHECK(nr_granted == 1 && nr_revoked == 1);
}

static void failure_no_out(void)
{
	reset(-ENOENT);
	FS_REP(&answer)->lookup.ino = 7;
	uint32_t ino = 99;
	struct fs_stat st = {.size = 5};
	CHECK(fs_lookup(FS, 0, 1, "nothing", &ino, &st) == -ENOENT);
	CHECK(ino == 99 && st.size == 5);
	CHECK(nr_revoked == 1);
}

static void dead_server(void)
{
	struct fs_stat st;
	reset(0);
	sendrec_result = -EDEADSRCDST;
	CHECK(fs_stat(FS, 0, 1, &st) == -EIO);
	reset(0);
	sendrec_result = -EDEADEPT;
	CHECK(fs_close(FS, 0, 1) == -EIO);
	reset(0);
	answer.m_type = FS_REPLY + 1;
	CHECK(fs_stat(FS, 0, 1, &st) == -EIO);
}

static void read_passed_on(void)
{
	reset(512);
	CHECK(fs_read(FS, 1, 9, 4096, fs_buf_there(PROG, 33, 512)) == 512);
	const struct fs_io *q = &FS_REQ(&got)->read;
	CHECK(got.m_type == FS_READ);
	CHECK(q->dev == 1 && q->ino == 9 && q->pos == 4096 && q->len == 512);
	CHECK(last_grant.owner == PROG && last_grant.ref == 33);
	CHECK(last_grant.access == GF_WRITE && last_grant.len == 512);
	CHECK(nr_revoked == 1);
	reset(3);
	char buf[3] = "abc";
	CHECK(fs_write(FS, 0, 9, 0, fs_buf_here(buf, 3)) == 3);
	CHECK(last_grant.owner == NONE && last_grant.access == GF_READ);
	CHECK(memcmp(last_grant.bytes, "abc", 3) == 0);
}

static void getdents_pos(void)
{
	struct fs_dirent e[2];
	uint64_t pos = 64;
	reset((int)sizeof(e));
	FS_REP(&answer)->getdents.pos = 192;
	CHECK(fs_getdents(FS, 0, 1, &pos, fs_buf_here(e, sizeof(e))) ==
	      (int)sizeof(e));
	CHECK(FS_REQ(&got)->getdents.pos == 64);
	CHECK(pos == 192);
	reset(-EIO);
	FS_REP(&answer)->getdents.pos = 999;
	CHECK(fs_getdents(FS, 0, 1, &pos, fs_buf_here(e, sizeof(e))) == -EIO);
	CHECK(pos == 192);
}

static void rename_names(void)
{
	reset(0);
	CHECK(fs_rename(FS, 0, 3, "a", 4, "bc") == 0);
	const struct fs_rename *q = &FS_REQ(&got)->rename;
	CHECK(q->old_dir == 3 && q->new_dir == 4 && q->names_len == 5);
	CHECK(memcmp(last_grant.bytes, "a\0bc\0", 5) == 0);
	char longer[FS_NAME_MAX + 2];
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = 0;
	reset(0);
	CHECK(fs_rename(FS, 0, 3, longer, 4, longer) == -ENAMETOOLONG);
	CHECK(nr_sent == 0 && nr_granted == 0);
}

static void statvfs_fields(void)
{
	reset(0);
	struct fs_statvfs_reply *a = &FS_REP(&answer)->statvfs;
	a->blocks = 2048;
	a->free_blocks = 1600;
	a->inodes = 512;
	a->free_inodes = 400;
	struct fs_statvfs_reply out;
	CHECK(fs_statvfs(FS, 0, &out) == 0);
	CHECK(got.m_type == FS_STATVFS);
	CHECK(out.blocks == 2048 && out.free_blocks == 1600);
	CHECK(out.inodes == 512 && out.free_inodes == 400);
}

int main(void)
{
	unit_file = "fsclient";
	RUN(lookup_message);
	RUN(failure_no_out);
	RUN(dead_server);
	RUN(read_passed_on);
	RUN(getdents_pos);
	RUN(rename_names);
	RUN(statvfs_fields);
	return unit_done();
}
