// SPDX-License-Identifier: BSD-2-Clause
/*
 * The service side of the reincarnation server (proto/rs.h): what every
 * server and driver started by RS runs, so that none writes it by hand.
 *
 *   sef_startup()  says "ready" to RS (RS_INIT) and learns whether this
 *                  is the first start or a restart, how many restarts
 *                  came before, and the service's label.
 *   sef_receive()  is ipc_receive for a service's main loop.  It answers
 *                  RS's heartbeat NOTIFYs at once with a NOTIFY back,
 *                  and obeys RS_FI (fault injection) by taking a real
 *                  CPU exception, so the failure RS sees is a genuine
 *                  crash, or by spinning for ever (RS_FI_HANG), a
 *                  genuine hang.  Neither ever reaches the service's
 *                  own code.
 *   sef_on_heartbeat()
 *                  names a function to call after each heartbeat is
 *                  answered (0: none): a boot driver's way to learn
 *                  that RS has adopted it and told others about it.
 *   sef_no_device() is the way out of a driver whose device is not
 *                  there (an ISA card nobody plugged in): RS takes the
 *                  service down instead of restarting it.
 *   sef_panic()    is the clean way out: one console line naming the
 *                  service and why, then exit with RS_PANIC_STATUS so
 *                  RS reports "panic".
 *   sef_state_save() / sef_state_restore()
 *                  keep a small blob in DS under "state.LABEL" for the
 *                  next incarnation.  The key belongs to the label, not
 *                  to the process, so the restarted instance (same
 *                  label, new endpoint) may read and replace it.
 *
 * RS's endpoint and DS's come on the start-up stack (abi/startup.h,
 * STACK_AUX_SERVICE); a program started any other way (a boot process,
 * a test) is simply a fresh start with its program name as label, and
 * a boot driver RS adopts (TTY) answers RS without the handshake.
 */
#include <string.h>

#include "dsclient.h"
#include "libsys.h"
#include "proto/rs.h"

static endpoint_t rs_ep = NONE, ds_ep = NONE;
static void (*on_heartbeat)(void);
static char label[RS_LABEL_MAX];
static uint32_t restarts;

void sef_set_servers(endpoint_t rs, endpoint_t ds)
{
	rs_ep = rs;
	ds_ep = ds;
	if (ds != NONE)
		ds_set_endpoint(ds); /* a service may lack SYS_GETINFO */
}

endpoint_t sef_rs(void)
{
	return rs_ep;
}

endpoint_t sef_ds(void)
{
	return ds_ep;
}

const char *sef_label(void)
{
	return label;
}

uint32_t sef_restarts(void)
{
	return restarts;
}

/* A boot driver that RS manages (its kernel manager, set at boot from
 * the boot table) was not started by RS: RS adopts it at its own start.
 * It answers RS's heartbeats and fault injections like any service but
 * does not say RS_INIT -- RS may be busy reading the file system, which
 * may be waiting for this driver. */
static void find_adopter(void)
{
	struct kinfo_proc me;
	uint32_t n;
	if (sys_getinfo(GI_SELF, &me, sizeof(me), &n) == 0 &&
	    me.manager != NONE)
		rs_ep = me.manager;
}

int sef_startup(const char *name)
{
	strncpy(label, name ? name : "?", sizeof(label) - 1);
	if (rs_ep == NONE) {
		find_adopter();
		return RS_FRESH;
	}
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT;
	int r = ipc_sendrec(rs_ep, &m);
	if (r < 0 || m.m_type != RS_REPLY)
		return RS_FRESH;
	struct rs_init_reply *rep = &RS_REP(&m)->init;
	rep->label[RS_LABEL_MAX - 1] = 0;
	if (rep->label[0])
		memcpy(label, rep->label, sizeof(label));
	restarts = rep->restarts;
	return rep->status == RS_RESTARTED ? RS_RESTARTED : RS_FRESH;
}

/* RS_FI: crash for real, through the CPU, as a buggy driver would. */
static volatile uintptr_t nowhere = 0x10; /* never mapped */

static void __attribute__((noreturn)) crash(void)
{
	for (;;)
		*(volatile uint32_t *)nowhere = 0xdead;
}

int sef_receive(endpoint_t src, message_t *m, int *status)
{
	for (;;) {
		int st = 0;
		int r = ipc_receive(src, m, &st);
		if (status)
			*status = st;
		if (r < 0 || rs_ep == NONE || m->m_source != rs_ep)
			return r;
		if (IPC_IS_NOTIFY(st)) {
			ipc_notify(rs_ep); /* heartbeat: still here */
			if (on_heartbeat)
				on_heartbeat();
			continue;
		}
		if (m->m_type == RS_FI && RS_REQ(m)->fi.kind == RS_FI_HANG)
			for (;;) /* busy, deaf: only RS's kill ends it */
				;
		if (m->m_type == RS_FI)
			crash();
		return r;
	}
}

void sef_on_heartbeat(void (*fn)(void))
{
	on_heartbeat = fn;
}

static void state_key(char *key, size_t size)
{
	strcpy(key, "state.");
	strncat(key, label, size - strlen(key) - 1);
}

int sef_state_save(const void *data, uint32_t len)
{
	char key[DS_KEY_MAX];
	state_key(key, sizeof(key));
	return ds_publish_blob(key, data, len, DSF_OVERWRITE);
}

int sef_state_restore(void *buf, uint32_t size)
{
	char key[DS_KEY_MAX];
	state_key(key, sizeof(key));
	return ds_retrieve_blob(key, buf, size);
}

void sef_no_device(const char *why)
{
	kputs(label[0] ? label : "service");
	kputs(": no device: ");
	kputs(why);
	kputs("\n");
	for (;;)
		sys_exit(SELF, RS_NODEV_STATUS);
}

void sef_panic(const char *why)
{
	kputs("panic: ");
	kputs(label[0] ? label : "service");
	kputs(": ");
	kputs(why);
	kputs("\n");
	for (;;)
		sys_exit(SELF, RS_PANIC_STATUS);
}
