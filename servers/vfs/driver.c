// SPDX-License-Identifier: BSD-2-Clause
/*
 * Which process drives each device: the major number picks a label
 * (DEV_MAJORS in include/devnum.h), and
 * the label's current endpoint comes from the data store, which RS
 * updates every time it starts a new instance of a driver.  VFS
 * subscribes to each label, so it hears of a restart when it happens,
 * not at the next failed call.  Boot drivers that RS does not manage
 * (no label in DS) are found by name in the kernel's process table.
 *
 * An open file remembers the instance it was opened on (filp.drv): when
 * that instance dies, the file is broken for good -- the new instance
 * never saw the open -- and every operation on it returns EIO, while
 * new opens reach the new instance.  Processes waiting on a dead
 * instance get EIO at once.
 */
#include <string.h>

#include "devnum.h"
#include "dsclient.h"
#include "vfs.h"

struct major {
	uint32_t major;
	const char *label;
	endpoint_t ep;
};

#define MAJOR_ENTRY(major, label) {major, label, NONE},
static struct major majors[] = {DEV_MAJORS(MAJOR_ENTRY)};
#undef MAJOR_ENTRY

#define NR_MAJORS (sizeof(majors) / sizeof(majors[0]))

static struct major *major_of(uint32_t dev)
{
	for (uint32_t i = 0; i < NR_MAJORS; i++)
		if (majors[i].major == DEV_MAJOR(dev))
			return &majors[i];
	return 0;
}

static endpoint_t lookup(const struct major *m)
{
	endpoint_t ep;
	if (ds_retrieve_label(m->label, &ep) == 0)
		return ep;
	return proc_find(m->label);
}

/* Subscribing needs a label, which RS publishes for VFS after both have
 * started; so VFS subscribes on first use of a device, and again until
 * it works (no DS at all in some tests). */
static void subscribe(void)
{
	static bool done;
	for (uint32_t i = 0; !done && i < NR_MAJORS; i++) {
		int r = ds_subscribe(majors[i].label, 0);
		if (r < 0 && r != -EEXIST)
			return;
		done = i == NR_MAJORS - 1;
	}
}

endpoint_t dev_driver(uint32_t dev)
{
	struct major *m = major_of(dev);
	subscribe();
	if (!m)
		return NONE;
	if (m->ep == NONE)
		m->ep = lookup(m);
	return m->ep;
}

bool driver_known(endpoint_t ep)
{
	for (uint32_t i = 0; i < NR_MAJORS; i++)
		if (majors[i].ep == ep && ep != NONE)
			return true;
	return false;
}

void driver_gone(endpoint_t ep)
{
	if (ep == NONE)
		return;
	for (uint32_t i = 0; i < NR_MAJORS; i++)
		if (majors[i].ep == ep)
			majors[i].ep = NONE; /* found again on next use */
	int slot = 0;
	for (struct vproc *p; (p = vproc_next(&slot));)
		if (p->wait == W_CDEV && p->wdriver == ep)
			wait_end(p, cdev_wait_result(p, -EIO));
	wait_changed(); /* selects on its files: ready, to fail */
}

bool driver_ds_news(endpoint_t from)
{
	if (from == NONE || from != ds_endpoint())
		return false;
	struct ds_event ev;
	while (ds_check(&ev) == 0)
		for (uint32_t i = 0; i < NR_MAJORS; i++) {
			struct major *m = &majors[i];
			if (strcmp(m->label, ev.key) != 0)
				continue;
			endpoint_t old = m->ep;
			m->ep = NONE;
			if (!(ev.flags & DS_EV_DELETED))
				m->ep = lookup(m);
			if (old != m->ep)
				driver_gone(old);
		}
	return true;
}
