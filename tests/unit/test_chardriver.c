// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the character-driver library (lib/libdriver/
 * chardriver.c) with the terminal's line discipline (drivers/tty/
 * line.c) behind it: requests go in through chardriver_handle() as
 * messages from two clients, A and B, and the stubs record every
 * reply (SENDNB), NOTIFY and grant copy with the endpoint it went to.
 *
 *   parked_read   A's read waits for input; B's request comes after;
 *                 the typed line is copied through A's grant, A is
 *                 notified, A's CDEV_STATUS has the DONE and B's has
 *                 nothing -- the old library's "current client" sent
 *                 all of that to B
 *   own_news      news for A and for B, queued in turn, each drains
 *                 only its own, oldest first
 *   select_news   a waiting select's readiness goes to its caller
 *   cancel        B cannot cancel A's parked read; A can
 *   full_queue    a full queue drops select news before a finished
 *                 request
 */
#include <string.h>

#include "chardriver.h"
#include "tty.h"
#include "unit.h"

#define A 11
#define B 12
#define GRANT 7

static struct sent {
	endpoint_t to;
	message_t m;
} sent[256];
static int nr_sent;
static int notified[64];
static endpoint_t copied_to; /* the last sys_safecopyto's granter */
static char copied[64];

int ipc_sendnb(endpoint_t dst, message_t *m)
{
	if (nr_sent < 256)
		sent[nr_sent++] = (struct sent){dst, *m};
	return 0;
}

int ipc_notify(endpoint_t dst)
{
	if (dst >= 0 && dst < 64)
		notified[dst]++;
	return 0;
}

int sef_receive(endpoint_t src, message_t *m, int *status)
{
	(void)src, (void)m, (void)status;
	return -ENOSYS;
}

int sys_safecopyto(endpoint_t granter, grant_id_t gid, uint32_t offset,
		   const void *src, uint32_t len)
{
	(void)gid, (void)offset;
	copied_to = granter;
	memcpy(copied, src, len < sizeof(copied) ? len : sizeof(copied));
	return 0;
}

/* lib/libsys/peer.c asks the kernel; here A and B are VFS-like clients
 * and anybody else is refused. */
#define C 13
void peer_init(struct peer_set *s, const char *what, const char *names)
{
	(void)names;
	memset(s, 0, sizeof(*s));
	s->what = what;
}

int peer_check(struct peer_set *s, endpoint_t who, int type)
{
	(void)type;
	if (who == A || who == B)
		return 0;
	s->refused++;
	return -EPERM;
}

static void out(struct tty *t, const char *s, uint32_t n)
{
	(void)t, (void)s, (void)n;
}

static struct tty tty = {.name = "test", .minor = 0, .out = out};

static int t_read(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	(void)minor;
	return line_read(&tty, caller, q);
}

static int t_cancel(endpoint_t caller, uint32_t minor, endpoint_t id)
{
	(void)minor;
	return line_cancel(&tty, caller, id);
}

static int t_select(endpoint_t caller, uint32_t minor, uint32_t ops)
{
	(void)minor;
	if (line_readable(&tty))
		return CDEV_SEL_RD;
	if (ops & CDEV_SEL_NOTIFY)
		tty.sel_notify = caller;
	return 0;
}

static const struct chardriver_ops ops = {
	.read = t_read, .cancel = t_cancel, .select = t_select};

static void reset(void)
{
	memset(&tty, 0, sizeof(tty));
	tty.name = "test";
	tty.out = out;
	line_init(&tty);
	tty.tio.c_lflag &= ~(tcflag_t)ECHO;
	nr_sent = 0;
	memset(notified, 0, sizeof(notified));
	copied_to = NONE;
	memset(copied, 0, sizeof(copied));
	message_t m; /* drain what earlier tests left queued */
	for (endpoint_t who = A; who <= B; who++)
		do {
			memset(&m, 0, sizeof(m));
			m.m_source = who;
			m.m_type = CDEV_STATUS;
			chardriver_handle(&ops, &m, 0);
		} while (sent[nr_sent - 1].m.m_type != CDEV_NO_STATUS);
	nr_sent = 0;
}

/* One request from `from`, as VFS would send it (id: the request;
 * flags: the read's VO_* or the select's ops); the reply. */
static message_t ask(endpoint_t from, int type, endpoint_t id, uint32_t flags)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_source = from;
	m.m_type = type;
	if (type == CDEV_READ)
		CDEV_REQ(&m)->read = (struct cdev_rw){
			.id = id, .grant = GRANT, .len = 32, .flags = flags};
	else if (type == CDEV_SELECT)
		CDEV_REQ(&m)->select = (struct cdev_select){.ops = flags};
	else if (type == CDEV_CANCEL)
		CDEV_REQ(&m)->cancel = (struct cdev_cancel){.id = id};
	int before = nr_sent;
	CHECK(chardriver_handle(&ops, &m, 0));
	CHECK(nr_sent == before + 1 && sent[nr_sent - 1].to == from);
	return sent[nr_sent - 1].m;
}

static void type_line(const char *s)
{
	for (; *s; s++)
		line_input(&tty, *s);
}

/* A process that is no client gets EPERM, and its request never
 * reaches the driver: no read is parked for it. */
static void stranger(void)
{
	reset();
	message_t m = ask(C, CDEV_READ, 99, 0);
	CHECK(m.m_type == CDEV_REPLY && CDEV_REP(&m)->reply.status == -EPERM);
	type_line("hello\n");
	CHECK(notified[C] == 0 && copied_to == NONE);
}

static void parked_read(void)
{
	reset();
	message_t r = ask(A, CDEV_READ, 100, 0);
	CHECK(r.m_type == CDEV_REPLY &&
	      CDEV_REP(&r)->reply.status == CDEV_SUSPENDED);
	r = ask(B, CDEV_SELECT, 200, CDEV_SEL_WR);
	CHECK(CDEV_REP(&r)->reply.status == 0);
	type_line("hi\n");
	CHECK(copied_to == A);
	CHECK(memcmp(copied, "hi\n", 3) == 0);
	CHECK(notified[A] == 1);
	CHECK(notified[B] == 0);
	r = ask(B, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_NO_STATUS);
	r = ask(A, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_DONE);
	CHECK(CDEV_REP(&r)->done.id == 100 && CDEV_REP(&r)->done.status == 3);
	r = ask(A, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_NO_STATUS);
}

static void own_news(void)
{
	reset();
	chardriver_done(A, 1, 10);
	chardriver_done(B, 2, 20);
	chardriver_done(A, 3, 30);
	CHECK(notified[A] == 2 && notified[B] == 1);
	message_t r = ask(A, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_DONE && CDEV_REP(&r)->done.id == 1);
	r = ask(A, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_DONE && CDEV_REP(&r)->done.id == 3);
	r = ask(A, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_NO_STATUS);
	r = ask(B, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_DONE && CDEV_REP(&r)->done.id == 2);
	CHECK(CDEV_REP(&r)->done.status == 20);
}

static void select_news(void)
{
	reset();
	message_t r = ask(B, CDEV_SELECT, 0, CDEV_SEL_RD | CDEV_SEL_NOTIFY);
	CHECK(CDEV_REP(&r)->reply.status == 0);
	ask(A, CDEV_SELECT, 0, CDEV_SEL_WR);
	type_line("x\n");
	CHECK(notified[B] == 1 && notified[A] == 0);
	r = ask(B, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_SEL_READY &&
	      CDEV_REP(&r)->sel_ready.ops == CDEV_SEL_RD);
	r = ask(A, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_NO_STATUS);
}

static void cancel(void)
{
	reset();
	ask(A, CDEV_READ, 100, 0);
	ask(B, CDEV_CANCEL, 100, 0);
	CHECK(tty.nreaders == 1);
	message_t r = ask(A, CDEV_CANCEL, 100, 0);
	CHECK(CDEV_REP(&r)->reply.status == -EINTR);
	CHECK(tty.nreaders == 0);
	type_line("late\n");
	CHECK(copied_to == NONE && notified[A] == 0);
}

static void full_queue(void)
{
	reset();
	chardriver_select_ready(B, 0, CDEV_SEL_RD);
	for (int i = 0; i < 63; i++)
		chardriver_done(A, i, 0);
	chardriver_done(B, 99, 5); /* room: B's select news goes */
	chardriver_done(B, 98, 5); /* none left to drop: lost */
	message_t r = ask(B, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_DONE && CDEV_REP(&r)->done.id == 99);
	r = ask(B, CDEV_STATUS, 0, 0);
	CHECK(r.m_type == CDEV_NO_STATUS);
}

int main(void)
{
	unit_file = "chardriver";
	RUN(stranger);
	RUN(parked_read);
	RUN(own_news);
	RUN(select_news);
	RUN(cancel);
	RUN(full_queue);
	return unit_done();
}
