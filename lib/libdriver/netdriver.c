// SPDX-License-Identifier: BSD-2-Clause
/*
 * The loop every network driver runs (netdriver.h, proto/ndev.h).
 *
 * Start: tell RS the driver is up (sef_startup: a fresh start or a
 * restart, and how many came before), let the driver reset its card
 * from whatever state it is in (ops->init; a failure is a panic, and RS
 * decides what follows), then announce the card in DS as
 * "drv.net.LABEL" = the restart count, overwriting what an earlier
 * instance left, so INET learns of every new instance.
 *
 * Loop: RS's heartbeats and fault injections are sef_receive's; an
 * interrupt (a HARDWARE notification) goes to ops->intr with its hook
 * bits, an alarm (CLOCK) to ops->alarm, and every request to
 * netqueue.c, which checks, queues and answers it at once.  After each
 * message the queues move on (netq_progress): so a frame queued by a
 * request, or room that an interrupt made, is handed to the driver
 * before the next message is read.
 *
 * The copy helpers check offset and length against the buffer before
 * they touch the grant, so a driver's mistake is -EINVAL, never a copy
 * past a buffer's end; the kernel checks the grant itself.
 */
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "libsys.h"
#include "netqueue.h"

static void announce(void)
{
	char key[DS_KEY_MAX];
	snprintf(key, sizeof(key), "%s%s", NDEV_KEY_PREFIX, sef_label());
	int r = ds_publish_u32(key, sef_restarts(), DSF_OVERWRITE);
	if (r < 0)
		printf("%s: cannot publish %s (error %d)\n", sef_label(), key,
		       r);
}

void netdriver_run(const struct netdriver_ops *ops)
{
	char name[PEER_NAME_MAX] = "netdriver";
	proc_name(proc_self(), name, sizeof(name));
	sef_startup(name);
	struct netdriver_info info;
	memset(&info, 0, sizeof(info));
	int r = ops->init(&info);
	if (r == -ENODEV)
		sef_no_device("no card where its arguments say");
	if (r != 0) {
		char why[48];
		snprintf(why, sizeof(why), "the card does not start (error %d)",
			 r);
		sef_panic(why);
	}
	netq_setup(ops, &info, sef_restarts());
	announce();
	for (;;) {
		message_t m;
		int st;
		if (sef_receive(ANY, &m, &st) != 0)
			continue;
		if (!IPC_IS_NOTIFY(st))
			netq_request(&m);
		else if (m.m_source == HARDWARE && ops->intr)
			ops->intr(NOTIFY_ARG(&m));
		else if (m.m_source == CLOCK && ops->alarm)
			ops->alarm();
		netq_progress();
	}
}

static bool within(const struct netdriver_buf *b, uint32_t off, uint32_t len)
{
	return off <= b->len && len <= b->len - off;
}

int netdriver_copyin(const struct netdriver_buf *b, uint32_t off, void *dst,
		     uint32_t len)
{
	if (!within(b, off, len))
		return -EINVAL;
	return sys_safecopyfrom(b->owner, b->grant, off, dst, len);
}

int netdriver_copyout(const struct netdriver_buf *b, uint32_t off,
		      const void *src, uint32_t len)
{
	if (!within(b, off, len))
		return -EINVAL;
	return sys_safecopyto(b->owner, b->grant, off, src, len);
}

static int port_move(const struct netdriver_buf *b, uint32_t off, uint32_t port,
		     uint32_t len, bool word, uint32_t dir)
{
	if (!within(b, off, len) || (word && len % 2))
		return -EINVAL;
	if (len == 0)
		return 0;
	return sys_sdevio(port, dir | (word ? DIO_WORD : DIO_BYTE), b->owner,
			  b->grant, off, len);
}

int netdriver_portin(const struct netdriver_buf *b, uint32_t off, uint32_t port,
		     uint32_t len, bool word)
{
	return port_move(b, off, port, len, word, DIO_IN);
}

int netdriver_portout(const struct netdriver_buf *b, uint32_t off,
		      uint32_t port, uint32_t len, bool word)
{
	return port_move(b, off, port, len, word, DIO_OUT);
}
