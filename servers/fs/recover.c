// SPDX-License-Identifier: BSD-2-Clause
/*
 * Waiting for a block driver to come back.
 *
 * When a block driver dies -- it crashed, was killed, or hung and RS
 * ended it -- the request FS had sent it fails: with EDEADSRCDST if it
 * died while FS waited for its answer, with EDEADEPT if it was gone
 * already.  RS starts a new instance and publishes its endpoint in DS
 * under the driver's label.  FS subscribes to that label and sleeps
 * until DS notifies it of a change (no polling); then the block client
 * library (lib/libsys/bdev.c, which calls this through bdev.c) grants
 * the new instance the I/O buffer, opens the device again and re-issues
 * the request.
 *
 * FS has one thread: while it waits, so does VFS, which waits for FS;
 * only notifications arrive (DS's, and the alarm that bounds the wait).
 * A request from anybody else is answered EAGAIN.  A driver that has
 * not come back within RECOVER_WAIT_MS (RS gave up on it) is taken for
 * lost: the request fails with EIO, and every later one looks in DS
 * once more but does not wait again.
 */

#include "dsclient.h"
#include "fs.h"

#define RECOVER_WAIT_MS 15000

/* The label's instance, if it is not `old`. */
static endpoint_t fresh(const char *label, endpoint_t old)
{
	endpoint_t ep;
	if (ds_retrieve_label(label, &ep) == 0 && ep != old && ep != NONE)
		return ep;
	return NONE;
}

/* Anything but a notification, while FS cannot serve it. */
static void refuse(const message_t *m)
{
	int32_t status = -EAGAIN;
	ipc_reply(m->m_source, FS_REPLY, &status, sizeof(status));
}

endpoint_t recover_wait(const char *label, endpoint_t old, bool wait)
{
	int r = ds_subscribe(label, 0);
	if (r < 0 && r != -EEXIST)
		return NONE; /* no DS, or FS has no label yet: no recovery */
	endpoint_t ep = fresh(label, old);
	if (ep != NONE || !wait)
		return ep;
	uint64_t until = clock_ms() + RECOVER_WAIT_MS;
	alarm_ms(RECOVER_WAIT_MS);
	while (ep == NONE && clock_ms() < until) {
		message_t m;
		int status;
		if (ipc_receive(ANY, &m, &status) != 0)
			continue;
		if (!IPC_IS_NOTIFY(status)) {
			refuse(&m);
			continue;
		}
		if (m.m_source == ds_endpoint()) {
			struct ds_event ev;
			while (ds_check(&ev) == 0)
				;
			ep = fresh(label, old);
		}
	}
	alarm_ms(0);
	return ep;
}
