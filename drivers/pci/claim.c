// SPDX-License-Identifier: BSD-2-Clause
/*
 * Claims.  A driver claims a device its ACL allows; PCI then adds that
 * device's resources to the driver's privileges with SYS_PRIVADD --
 * each I/O BAR as a port range, each memory BAR as a physical range it
 * may map, the IRQ line -- and nothing else, and turns on the device's
 * decoding.  Bus mastering (DMA) stays off until the claimant asks.
 *
 * A device has one claimant.  When RS says an instance is gone
 * (PCI_FORGET), its devices' bus mastering goes off at once, and the
 * devices are free to be claimed by the next instance.  The added
 * privileges need no undoing: they were the dead process's, and the
 * new instance starts from its policy.
 *
 * The dead driver's DMA memory: the kernel keeps it in quarantine,
 * since its card may go on writing there (kernel/dma.h).  Once every
 * device of the instance has bus mastering off, PCI -- the one that
 * can know -- tells the kernel to free it (SYS_DMARELEASE): in
 * release() for a FORGET, in claims_prune() after a restart, and for
 * everybody's at once (ANY) in claims_quiet() at a fresh start, when
 * no device at all may master.  PCI turns mastering off first and
 * releases second, and publishes the list only after both, so a PCI
 * that dies in between leaves the claim in the list for the next one.
 *
 * A device whose claimant has died without a PCI_FORGET (one that got
 * lost while PCI itself was being restarted) is free again too: a
 * claim checks that the holder is alive.  At a fresh start PCI turns
 * bus mastering off on every device but the bridges, whatever the
 * firmware left on; at a restart it takes the claims back from the
 * device list its predecessor left in DS (list.c) and keeps those
 * whose claimant is still alive, so a running driver's DMA goes on;
 * the others end as a FORGET would end them (claims_prune()).
 * Every change of an owner or a command register is marked for the
 * device list (list_changed()).
 */
#include <stdio.h>
#include <string.h>

#include "pci.h"

static bool alive(endpoint_t ep, char *name, uint32_t size)
{
	char buf[16];
	return proc_name(ep, name ? name : buf, name ? size : sizeof(buf)) == 0;
}

void master(struct dev *d, bool on)
{
	uint32_t cmd = conf_read(d->bdf, CONF_COMMAND, 2);
	uint32_t want = on ? cmd | CMD_MASTER : cmd & ~CMD_MASTER;
	if (want == cmd)
		return;
	conf_write(d->bdf, CONF_COMMAND, 2, want);
	list_changed(d);
}

/* Every BAR and the IRQ line in one PRIVADD: all of them, or none. */
static int add_resources(endpoint_t who, const struct dev *d, uint32_t *cmd)
{
	struct priv_add a;
	memset(&a, 0, sizeof(a));
	for (int i = 0; i < PCI_NR_BARS; i++) {
		uint32_t base = d->bar[i].base, size = d->bar[i].size;
		if (!size)
			continue;
		if (d->bar[i].flags & PCI_BAR_IO) {
			a.io[a.nr_io].first = (uint16_t)base;
			a.io[a.nr_io++].last = (uint16_t)(base + size - 1);
			*cmd |= CMD_IO;
		} else {
			if (a.nr_mem == PRIV_MAX_MEM)
				return -ENOSPC;
			a.mem[a.nr_mem++] = (struct priv_mem){base, size};
			*cmd |= CMD_MEMORY;
		}
	}
	if (d->irq != PCI_NO_IRQ && d->irq != 0 && d->irq != 2)
		a.irqs = 1u << d->irq; /* never the clock's or the cascade */
	return sys_privadd(who, &a);
}

int claim(endpoint_t who, struct dev *d)
{
	if (!acl_allows(who, d))
		return -EPERM;
	if (d->owner != NONE && d->owner != who && alive(d->owner, 0, 0))
		return -EBUSY;
	if (d->owner != NONE && d->owner != who)
		master(d, false); /* a dead holder's */
	uint32_t cmd = 0;
	int r = add_resources(who, d, &cmd);
	if (r < 0) {
		printf("pci: %02x:%02x.%x for ep %d: the kernel refused its "
		       "resources (error %d)\n",
		       d->bdf >> 8, d->bdf >> 3 & 31, d->bdf & 7, who, r);
		return r;
	}
	uint32_t old = conf_read(d->bdf, CONF_COMMAND, 2);
	if ((old | cmd) != old)
		conf_write(d->bdf, CONF_COMMAND, 2, old | cmd);
	d->owner = who;
	if (!alive(who, d->owner_name, sizeof(d->owner_name)))
		strcpy(d->owner_name, "?");
	list_changed(d);
	return 0;
}

void release(endpoint_t who)
{
	for (int i = 0; i < nr_devs; i++) {
		if (devs[i].owner != who)
			continue;
		master(&devs[i], false);
		devs[i].owner = NONE;
		devs[i].owner_name[0] = 0;
		list_changed(&devs[i]);
	}
	sys_dmarelease(who, 0); /* ENOENT: it left nothing in quarantine */
}

void claims_quiet(void)
{
	for (int i = 0; i < nr_devs; i++)
		if (devs[i].class != 0x06)
			master(&devs[i], false);
	sys_dmarelease(ANY, 0);
}

void claim_restore(struct dev *d, endpoint_t ep)
{
	d->owner = ep;
}

void claims_prune(void)
{
	for (int i = 0; i < nr_devs; i++) {
		struct dev *d = &devs[i];
		if (d->owner != NONE &&
		    !alive(d->owner, d->owner_name, sizeof(d->owner_name)))
			release(d->owner);
	}
}
