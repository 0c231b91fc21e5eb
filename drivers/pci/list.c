// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device list in DS, for lspci (proto/pci.h): one blob, a struct
 * pci_info, per device under PCI_DS_DEV "N", and the count under
 * PCI_DS_COUNT.  DS lets anybody read them and only our label write
 * them, so no user process ever sends to PCI.
 *
 * Whatever changes what a device shows -- its owner (a claim, a
 * release) or its command register (decoding, bus mastering) -- marks
 * it with list_changed().  list_publish() sends the marked devices to
 * DS; main.c calls it after each message it handles and before the
 * reply goes out, so a driver whose claim or PCI_MASTER has been
 * answered finds the list already saying so.  At start every device is
 * marked, and the count follows the devices, so a reader that finds
 * the count finds every device.  A publish that fails (a boot PCI runs
 * before RS has published its label in DS; DS may be full) keeps the
 * mark, and each heartbeat tries again.
 *
 * The list doubles as the claims' record for the next incarnation:
 * after a restart, list_restore() takes back each claim whose owner is
 * still alive (claim.c decides), before the first publish overwrites
 * the predecessor's list.
 */
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "pci.h"
#include "pciclient.h"

_Static_assert(NR_DEVS <= 32, "one bit per device");

static uint32_t changed; /* devices DS has out of date, by index */
static bool count_changed;
static int last_error; /* the last failure reported, 0 after a success */

void list_changed(const struct dev *d)
{
	changed |= 1u << (d - devs);
}

static void describe(const struct dev *d, struct pci_info *info)
{
	memset(info, 0, sizeof(*info));
	info->bdf = d->bdf;
	info->vendor = d->vendor;
	info->device = d->device;
	info->class = d->class;
	info->subclass = d->subclass;
	info->progif = d->progif;
	info->revision = d->revision;
	info->irq = d->irq;
	info->command = (uint16_t)conf_read(d->bdf, CONF_COMMAND, 2);
	info->master = (info->command & CMD_MASTER) != 0;
	for (int i = 0; i < PCI_NR_BARS; i++) {
		info->bar[i].base = d->bar[i].base;
		info->bar[i].size = d->bar[i].size;
		info->bar[i].flags = d->bar[i].flags;
	}
	info->owner = d->owner;
	memcpy(info->owner_name, d->owner_name, sizeof(info->owner_name));
}

static int publish_dev(int i)
{
	char key[DS_KEY_MAX];
	struct pci_info info;
	describe(&devs[i], &info);
	pci_listed_key((uint32_t)i, key, sizeof(key));
	return ds_publish_blob(key, &info, sizeof(info), DSF_OVERWRITE);
}

/* Say once why DS refused, but not for the boot instance's wait for
 * its label (EPERM) or for DS (ESRCH). */
static void failed(int r)
{
	if (r != last_error && r != -EPERM && r != -ESRCH)
		printf("pci: DS refused the device list (error %d)\n", r);
	last_error = r;
}

void list_publish(void)
{
	int r = 0;
	for (int i = 0; i < nr_devs && r == 0; i++)
		if (changed & 1u << i && (r = publish_dev(i)) == 0)
			changed &= ~(1u << i);
	if (r == 0 && count_changed &&
	    (r = ds_publish_u32(PCI_DS_COUNT, (uint32_t)nr_devs,
				DSF_OVERWRITE)) == 0)
		count_changed = false;
	if (r < 0)
		failed(r);
	else
		last_error = 0;
}

void list_all_changed(void)
{
	for (int i = 0; i < nr_devs; i++)
		list_changed(&devs[i]);
	count_changed = true;
}

void list_restore(void)
{
	for (int i = 0; i < NR_DEVS; i++) {
		char key[DS_KEY_MAX];
		struct pci_info info;
		pci_listed_key((uint32_t)i, key, sizeof(key));
		if (ds_retrieve_blob(key, &info, sizeof(info)) !=
		    (int)sizeof(info))
			continue;
		struct dev *d = dev_find(info.bdf);
		if (d && info.owner != NONE)
			claim_restore(d, info.owner);
	}
}
