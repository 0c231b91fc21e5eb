// SPDX-License-Identifier: BSD-2-Clause
/*
 * p_attack: an ordinary user (uid 100) goes past the user API and talks
 * to every process of the running system in its own protocols.  Least
 * authority holds if every such message is refused with an error and
 * nothing changes.  Run by the harness (tests/attack.py) on the booted
 * ISO with the root file system on a disk, as root: it drops to uid 100
 * itself, as the program that once made / world-writable did.
 *
 *   p_attack regress   FS_CHMOD of the root inode, FS_WRITE into
 *                      /etc/passwd's inode through a self grant, FS_CHOWN
 *                      of a root-owned file, a block write to ATA and to
 *                      MEMORY: each refused, nothing changed
 *   p_attack formed    every request type of every protocol in
 *                      include/proto/, with payloads aimed at real
 *                      inodes, devices and its own grants, to every
 *                      process: each refused (the kernel's EIPCDENIED
 *                      for a process without a user API; an error reply
 *                      from PM, VFS, RS and DS, whose user calls are
 *                      left out)
 *   p_attack random N  N random messages from WORKERS processes at once
 *                      (random targets, types, payloads), each refused
 *
 * Every request is sent from a child that the parent gives TIMEOUT_S
 * seconds: a sender left blocked is a failure, named with what it sent.
 * Each child also checks that the kernel counted its denials (ps's view
 * of the process, PM_PROCS).  Output: one line "p_attack: PHASE: N
 * sent, N refused by the kernel, N refused by the server, N accepted"
 * and "p_attack: PHASE ok" or "p_attack: PHASE FAILED: why".
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procs.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libsys.h"
#include "proto/bdev.h"
#include "proto/cdev.h"
#include "proto/ds.h"
#include "proto/fs.h"
#include "proto/pci.h"
#include "proto/pm.h"
#include "proto/rs.h"
#include "proto/vfs.h"

#define UID 100
#define MAX_PROCS 96
#define TIMEOUT_S 60
#define WORKERS 4

struct tally {
	unsigned sent, kernel, server, accepted;
};

static struct pm_procinfo procs[MAX_PROCS];
static int nprocs;
static char buf[4096];
static grant_id_t self_grant = GRANT_INVALID; /* buf, for the target */

/* Our buffer, granted (read and write) to the process we aim at. */
static void aim(endpoint_t to)
{
	if (self_grant != GRANT_INVALID)
		grant_revoke(self_grant);
	self_grant = grant_create(to, buf, sizeof(buf), GF_READ | GF_WRITE);
}

/* ---- what to send ----------------------------------------------- */

/* A protocol's request types (and its reply types: a user sending a
 * "reply" must be refused too). */
struct proto {
	const char *name;
	int first, last;	     /* request types */
	int reply_first, reply_last; /* reply and news types */
	int user_first, user_last;   /* its user calls: not sent */
	const char *server;	     /* whose protocol it is */
};

static const struct proto protos[] = {
	{"pm", PM_FORK, PM_REBOOT, PM_REPLY, PM_REPLY, PM_FORK, PM_REBOOT,
	 "pm"},
	{"vfs", VFS_OPEN, VFS_PM_PGRP, VFS_REPLY, VFS_REPLY, VFS_OPEN,
	 VFS_FSTATVFS, "vfs"},
	{"fs", FS_LOOKUP, FS_CLOSE, FS_REPLY, FS_REPLY, 0, -1, "fs"},
	{"bdev", BDEV_OPEN, BDEV_FLUSH, BDEV_REPLY, BDEV_REPLY, 0, -1, 0},
	{"cdev", CDEV_OPEN, CDEV_STATUS, CDEV_REPLY, CDEV_SIGNAL, 0, -1, 0},
	{"ds", DS_PUBLISH, DS_LABEL_OF, DS_REPLY, DS_REPLY, DS_RETRIEVE,
	 DS_RETRIEVE, "ds"},
	{"rs", RS_UP, RS_INIT, RS_REPLY, RS_REPLY, 0, -1, "rs"},
	{"pci", PCI_ACL, PCI_REPLY - 1, PCI_REPLY, PCI_REPLY, 0, -1, "pci"},
};
#define NR_PROTOS (sizeof(protos) / sizeof(protos[0]))

/* DS_LABEL_OF is a user call too (anyone may ask a label). */
static bool user_call(const struct proto *p, const char *target, int type)
{
	if (!p->server || strcmp(p->server, target))
		return false;
	if (p == &protos[5] && type == DS_LABEL_OF)
		return true;
	return type >= p->user_first && type <= p->user_last;
}

static const struct pm_procinfo *named(const char *name)
{
	for (int i = 0; i < nprocs; i++)
		if (!strcmp(procs[i].name, name) && procs[i].ppid <= 1)
			return &procs[i];
	for (int i = 0; i < nprocs; i++) /* a service: RS's child */
		if (!strcmp(procs[i].name, name))
			return &procs[i];
	return 0;
}

/* An FS request on volume 0 (FS's number for the root) about inode
 * ino (a second inode: ino2), with names and data in our own grant. */
static void fs_payload(union fs_req *q, int type, uint32_t ino, uint32_t ino2)
{
	struct fs_entry entry = {0, ino, self_grant, 16};
	struct fs_inode inode = {0, ino};
	struct fs_volume volume = {0};
	switch (type) {
	case FS_LOOKUP:
	case FS_UNLINK:
	case FS_RMDIR:
		q->lookup = entry;
		break;
	case FS_STAT:
	case FS_OPEN:
	case FS_CLOSE:
		q->stat = inode;
		break;
	case FS_TRUNC:
		q->trunc = (struct fs_trunc){0, ino, 0};
		break;
	case FS_CREATE:
		q->create = (struct fs_create){0,    ino,  self_grant, 16,
					       ino2, 0777, UID,	       UID};
		break;
	case FS_LINK:
		q->link = (struct fs_link){0, ino, self_grant, 16, ino2};
		break;
	case FS_GETDENTS:
		q->getdents = (struct fs_getdents){0, ino, 0, self_grant, 16};
		break;
	case FS_STATVFS:
	case FS_SYNC:
	case FS_UNMOUNT:
		q->sync = volume;
		break;
	case FS_RENAME:
		q->rename = (struct fs_rename){0, ino, ino2, self_grant, 16};
		break;
	case FS_CHMOD:
		q->chmod = (struct fs_chmod){0, ino, 0777};
		break;
	case FS_CHOWN:
		q->chown = (struct fs_chown){0, ino, UID, UID};
		break;
	case FS_UTIME:
		q->utime = (struct fs_utime){0, ino, 0, 0};
		break;
	case FS_MOUNT:
		q->mount = (struct fs_mount){(endpoint_t)ino2, ino, 0, 0777};
		break;
	default: /* FS_READ, FS_WRITE, and the types FS does not know */
		q->write = (struct fs_io){0, ino, 0, self_grant, 16};
	}
}

/* A payload aimed at real things: the root inode, /etc/passwd, minor 0
 * of a device, our own grant, our own endpoint, a label. */
static void payload(message_t *m, int type, const struct stat *root,
		    const struct stat *passwd)
{
	memset(&m->m_u, 0, sizeof(m->m_u));
	m->m_type = type;
	if (type >= FS_BASE && type < FS_BASE + 0x100) {
		fs_payload(FS_REQ(m), type,
			   type == FS_WRITE || type == FS_CHOWN
				   ? (uint32_t)passwd->st_ino
				   : (uint32_t)root->st_ino,
			   (uint32_t)root->st_ino);
	} else if (type >= BDEV_BASE && type < BDEV_BASE + 0x100) {
		struct bdev_rw *q = &BDEV_REQ(m)->read;
		q->minor = 0;
		q->pos = 0;
		q->grant = self_grant;
		q->len = BDEV_SECTOR;
	} else if (type >= VFS_BASE && type < VFS_BASE + 0x100) {
		/* Words of a payload every VFS request misreads its own way:
		 * our grant and 16 in words 3 and 4, our endpoint in words
		 * 9 and 10 (a VFS_PM_* notice's process), 0 elsewhere (euid
		 * 0 for VFS_PM_SETID). */
		m->m_u.u32[3] = (uint32_t)self_grant;
		m->m_u.u32[4] = 16;
		m->m_u.u32[9] = m->m_u.u32[10] = (uint32_t)proc_self();
	} else if (type >= RS_BASE && type < RS_BASE + 0x100) {
		/* A label, then our grant and its size in words 4 and 5. */
		strcpy(RS_REQ(m)->down.label, "tty");
		m->m_u.u32[4] = (uint32_t)self_grant;
		m->m_u.u32[5] = sizeof(buf);
	} else if (type >= DS_BASE && type < DS_BASE + 0x100) {
		struct ds_publish *q = &DS_REQ(m)->publish;
		q->key_grant = self_grant;
		q->key_len = 8;
		q->type = DS_TYPE_LABEL;
		q->ep = proc_self();
		q->grant = self_grant;
		q->len = 16;
	} else {
		for (int w = 0; w < MSG_PAYLOAD / 4; w++)
			m->m_u.u32[w] = w == 2 ? (uint32_t)self_grant : 16;
	}
}

/* ---- sending, judging ------------------------------------------- */

/* Send one request and judge it: the tally grows; 0, or -1 if it was
 * accepted. */
static int attempt(endpoint_t to, message_t *m, struct tally *t)
{
	int type = m->m_type;
	t->sent++;
	int r = ipc_sendrec(to, m);
	if (r == -EIPCDENIED) {
		t->kernel++;
		return 0;
	}
	if (r < 0) { /* the peer is gone, or a bad endpoint: refused too */
		t->server++;
		return 0;
	}
	int status = m->m_type == BDEV_REPLY ? m->m_u.i32[1] : m->m_u.i32[0];
	if (status < 0) {
		t->server++;
		return 0;
	}
	t->accepted++;
	printf("p_attack: ep %d accepted type 0x%x (reply 0x%x, status %d)\n",
	       to, type, m->m_type, status);
	return -1;
}

static uint32_t my_denials(void)
{
	static struct pm_procinfo p[MAX_PROCS];
	int n = getprocs(p, MAX_PROCS);
	for (int i = 0; i < n; i++)
		if (p[i].pid == getpid())
			return p[i].denied;
	return 0;
}

/* In a child: the tally through a pipe, the exit status the verdict. */
static void report(int fd, const struct tally *t, uint32_t denials0, int bad)
{
	uint32_t grew = my_denials() - denials0;
	if (grew < t->kernel) {
		printf("p_attack: kernel counted %u denials, not >= %u\n",
		       (unsigned)grew, t->kernel);
		bad = 1;
	}
	if (write(fd, t, sizeof(*t)) != sizeof(*t))
		bad = 1;
	_exit(bad ? 1 : 0);
}

/* Run fn(arg, tally) in a child with a deadline; add its tally.  What
 * names it in messages: `what`.  0 if it finished and was content. */
static int guarded(const char *what, int (*fn)(long, struct tally *), long arg,
		   struct tally *sum)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		struct tally t = {0};
		uint32_t d0 = my_denials();
		int bad = fn(arg, &t);
		report(fds[1], &t, d0, bad);
	}
	close(fds[1]);
	int status = 0;
	time_t end = time(0) + TIMEOUT_S;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (time(0) > end) {
			printf("p_attack: %s: still blocked after %d s\n", what,
			       TIMEOUT_S);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			close(fds[0]);
			return -1;
		}
		struct timespec ts = {0, 20 * 1000 * 1000};
		nanosleep(&ts, 0);
	}
	struct tally t;
	int got = read(fds[0], &t, sizeof(t));
	close(fds[0]);
	if (got == sizeof(t)) {
		sum->sent += t.sent;
		sum->kernel += t.kernel;
		sum->server += t.server;
		sum->accepted += t.accepted;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    got != sizeof(t)) {
		printf("p_attack: %s: failed (status 0x%x)\n", what, status);
		return -1;
	}
	return 0;
}

/* ---- the phases ------------------------------------------------- */

static struct stat root_st, passwd_st;

static endpoint_t ep_of(const char *name)
{
	const struct pm_procinfo *p = named(name);
	return p ? p->ep : NONE;
}

static int do_regress(long unused, struct tally *t)
{
	(void)unused;
	message_t m;
	int bad = 0;
	endpoint_t fs = ep_of("fs");
	aim(fs);
	payload(&m, FS_CHMOD, &root_st, &passwd_st);
	bad |= attempt(fs, &m, t);
	payload(&m, FS_WRITE, &root_st, &passwd_st);
	memcpy(buf, "owned::0:0::/:/bin/sh\n", 22);
	FS_REQ(&m)->write.len = 22;
	bad |= attempt(fs, &m, t);
	payload(&m, FS_CHOWN, &root_st, &passwd_st);
	bad |= attempt(fs, &m, t);
	static const char *const disks[] = {"ata", "memory"};
	for (int i = 0; i < 2; i++) {
		memset(buf, 0xa5, BDEV_SECTOR);
		aim(ep_of(disks[i]));
		payload(&m, BDEV_WRITE, &root_st, &passwd_st);
		bad |= attempt(ep_of(disks[i]), &m, t);
	}
	return bad;
}

/* Every request and reply type of every protocol to process i. */
static int do_formed(long i, struct tally *t)
{
	const struct pm_procinfo *p = &procs[i];
	int bad = 0;
	aim(p->ep);
	for (size_t k = 0; k < NR_PROTOS; k++) {
		const struct proto *pr = &protos[k];
		for (int pass = 0; pass < 2; pass++) {
			int lo = pass ? pr->reply_first : pr->first;
			int hi = pass ? pr->reply_last : pr->last;
			for (int type = lo; type <= hi; type++) {
				if (user_call(pr, p->name, type))
					continue;
				message_t m;
				payload(&m, type, &root_st, &passwd_st);
				bad |= attempt(p->ep, &m, t);
			}
		}
	}
	return bad;
}

static uint32_t rng;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A type for a process: anything but its user calls. */
static int random_type(const char *target)
{
	for (;;) {
		const struct proto *pr = &protos[rnd() % NR_PROTOS];
		int lo = pr->first, hi = pr->reply_last;
		int type = rnd() % 8 == 0 ? (int)(rnd() & 0xfff)
					  : lo + (int)(rnd() % (hi - lo + 1));
		bool user = false;
		for (size_t k = 0; k < NR_PROTOS; k++)
			user = user || user_call(&protos[k], target, type);
		if (!user && type != 0)
			return type;
	}
}

static int do_random(long count, struct tally *t)
{
	rng = 0x9e3779b9u ^ (uint32_t)getpid() * 2654435761u;
	int bad = 0;
	for (long n = 0; n < count; n++) {
		const struct pm_procinfo *p = &procs[rnd() % nprocs];
		message_t m;
		aim(p->ep);
		payload(&m, random_type(p->name), &root_st, &passwd_st);
		for (int w = 0; w < MSG_PAYLOAD / 4; w++)
			if (rnd() % 3 == 0)
				m.m_u.u32[w] = rnd() % 4 ? rnd() : rnd() % 64;
		bad |= attempt(p->ep, &m, t);
	}
	return bad;
}

/* ---- set-up and the verdict ------------------------------------- */

static int setup(void)
{
	if (geteuid() == 0 && setuid(UID) < 0) {
		printf("p_attack: setuid(%d): %s\n", UID, strerror(errno));
		return -1;
	}
	if (getuid() != UID || geteuid() != UID) {
		printf("p_attack: not uid %d\n", UID);
		return -1;
	}
	if (stat("/", &root_st) < 0 || stat("/etc/passwd", &passwd_st) < 0)
		return -1;
	int n = getprocs(procs, MAX_PROCS);
	nprocs = 0;
	for (int i = 0; i < n; i++) /* everybody but us and our kin */
		if (procs[i].uid != UID && procs[i].state != 'Z')
			procs[nprocs++] = procs[i];
	return nprocs < 9 ? -1 : 0;
}

/* What must not have changed. */
static int unchanged(void)
{
	struct stat r, p;
	if (stat("/", &r) < 0 || stat("/etc/passwd", &p) < 0)
		return -1;
	if (r.st_mode != root_st.st_mode || p.st_uid != passwd_st.st_uid ||
	    p.st_size != passwd_st.st_size || p.st_mode != passwd_st.st_mode) {
		printf("p_attack: / is %o (was %o), /etc/passwd uid %d size "
		       "%ld (was %d, %ld)\n",
		       (unsigned)r.st_mode, (unsigned)root_st.st_mode,
		       (int)p.st_uid, (long)p.st_size, (int)passwd_st.st_uid,
		       (long)passwd_st.st_size);
		return -1;
	}
	return 0;
}

static int verdict(const char *phase, int bad, const struct tally *t)
{
	printf("p_attack: %s: %u sent, %u refused by the kernel, %u refused by "
	       "the server, %u accepted\n",
	       phase, t->sent, t->kernel, t->server, t->accepted);
	if (!bad && t->accepted == 0 && unchanged() == 0) {
		printf("p_attack: %s ok\n", phase);
		return 0;
	}
	printf("p_attack: %s FAILED\n", phase);
	return 1;
}

/* WORKERS processes at once, each with its own verdict line. */
static int random_phase(long n)
{
	pid_t kids[WORKERS];
	int bad = 0;
	for (int w = 0; w < WORKERS; w++)
		if ((kids[w] = fork()) == 0) {
			struct tally t = {0};
			int b = guarded("random", do_random, n / WORKERS, &t);
			_exit(verdict("random worker", b, &t));
		}
	for (int w = 0; w < WORKERS; w++) {
		int status;
		if (kids[w] < 0 || waitpid(kids[w], &status, 0) != kids[w] ||
		    !WIFEXITED(status) || WEXITSTATUS(status))
			bad = 1;
	}
	bad = bad || unchanged() < 0;
	printf("p_attack: random %s\n", bad ? "FAILED" : "ok");
	return bad;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	if (argc < 2 || setup() < 0) {
		fprintf(stderr, "usage: p_attack regress|formed|random N "
				"(as root or uid 100)\n");
		return 2;
	}
	struct tally t = {0};
	int bad = 0;
	if (!strcmp(argv[1], "regress")) {
		bad = guarded("regress", do_regress, 0, &t);
	} else if (!strcmp(argv[1], "formed")) {
		for (int i = 0; i < nprocs; i++) {
			char what[64];
			snprintf(what, sizeof(what), "formed to %s (ep %d)",
				 procs[i].name, procs[i].ep);
			bad |= guarded(what, do_formed, i, &t);
		}
	} else if (!strcmp(argv[1], "random") && argc == 3) {
		return random_phase(strtol(argv[2], 0, 10));
	} else {
		fprintf(stderr, "p_attack: unknown phase %s\n", argv[1]);
		return 2;
	}
	return verdict(argv[1], bad, &t);
}
