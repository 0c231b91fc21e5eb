// SPDX-License-Identifier: BSD-2-Clause
/*
 * netstart: start a driver for each network card, as /etc/rc does at
 * boot.
 *
 *	netstart [-n]        (-n: say what would be started, start nothing)
 *
 * A network driver is a policy in /etc/system.d whose `ipc` names inet.
 * For every PCI device of the network class (02) in PCI's list that
 * nobody owns, the first such policy with a `pci device` line for its
 * vendor:device is started through RS as `/sbin/LABEL pci`.  A policy
 * of a network driver that grants an I/O range and an IRQ, and was not
 * started for a PCI card, is an ISA card's: it is started as
 * `/sbin/LABEL isa BASE IRQ` with the first range and the lowest line
 * of its policy, and the driver itself finds out whether a card is
 * there (if not it says "no device" and RS lets it be).  One instance
 * per driver: a second card of the same kind is reported, not started.
 *
 * PCI's list is read from DS, where it may appear only just after boot
 * (netstart waits up to 5 s for it while a PCI driver runs).
 * Prints one line per driver started; exit status 0, or 1 if a driver
 * could not be started (RS's reason is printed) or nothing could be
 * read, 2 for a bad command line.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procs.h>
#include <unistd.h>

#include "dsclient.h"
#include "pciclient.h"
#include "policy.h"
#include "rsclient.h"

#define POLICY_DIR "/etc/system.d"
#define MAX_DRIVERS 16

static struct policy pols[MAX_DRIVERS];
static bool started[MAX_DRIVERS];
static int nr_pols;
static bool dry_run;

static bool is_net_driver(const struct policy *p)
{
	if (p->kind != POLICY_DRIVER)
		return false;
	for (uint32_t i = 0; i < p->nr_ipc; i++)
		if (!strcmp(p->ipc[i], "inet"))
			return true;
	return false;
}

static void load(const char *name)
{
	static char text[16384];
	char path[300], err[POLICY_ERR_MAX];
	snprintf(path, sizeof(path), "%s/%s", POLICY_DIR, name);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return;
	ssize_t n = read(fd, text, sizeof(text));
	close(fd);
	if (n <= 0 || nr_pols == MAX_DRIVERS)
		return;
	struct policy *p = &pols[nr_pols];
	if (policy_parse(name, text, (size_t)n, p, err, sizeof(err)) < 0) {
		fprintf(stderr, "netstart: %s\n", err);
		return;
	}
	if (is_net_driver(p))
		nr_pols++;
}

static int load_all(void)
{
	DIR *d = opendir(POLICY_DIR);
	if (!d) {
		perror("netstart: " POLICY_DIR);
		return -1;
	}
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len > 5 && !strcmp(e->d_name + len - 5, ".conf"))
			load(e->d_name);
	}
	closedir(d);
	return 0;
}

static int start(int i, const char *args)
{
	static struct rs_up u;
	const char *label = pols[i].label;
	started[i] = true;
	printf("netstart: %s %s\n", label, args);
	if (dry_run)
		return 0;
	memset(&u, 0, sizeof(u));
	snprintf(u.path, sizeof(u.path), "/sbin/%s", label);
	snprintf(u.label, sizeof(u.label), "%s", label);
	snprintf(u.args, sizeof(u.args), "%s", args);
	endpoint_t rs = getprocs_boot("rs");
	int r = rs == NONE ? -ESRCH : rs_up(rs, &u, 0);
	if (r < 0 && r != -EEXIST) {
		fprintf(stderr, "netstart: cannot start %s: %s\n", label,
			strerror(-r));
		return -1;
	}
	return 0;
}

/* The policy that may drive PCI device d, or -1. */
static int driver_for(const struct pci_info *d)
{
	for (int i = 0; i < nr_pols; i++)
		for (uint32_t k = 0; k < pols[i].nr_pci_dev; k++)
			if (pols[i].pci_dev[k].vendor == d->vendor &&
			    pols[i].pci_dev[k].device == d->device)
				return i;
	return -1;
}

/* PCI publishes its list in DS once RS has given it its label, which
 * may be just after /etc/rc begins: wait for it (5 s at most) if a PCI
 * driver runs at all. */
static bool pci_runs(void)
{
	static struct pm_procinfo procs[96];
	int n = getprocs(procs, 96);
	for (int i = 0; i < n; i++)
		if (!strcmp(procs[i].name, "pci"))
			return true; /* RS's now: its parent is RS */
	return false;
}

static void wait_for_list(void)
{
	struct pci_info d;
	if (!pci_runs())
		return;
	for (int i = 0; i < 50 && pci_listed(0, &d) == -ESRCH; i++)
		usleep(100000);
}

static int pci_cards(void)
{
	int failed = 0;
	wait_for_list();
	for (uint32_t n = 0;; n++) {
		struct pci_info d;
		int r = pci_listed(n, &d);
		if (r == -ENOENT || r == -ESRCH)
			return failed; /* the end, or no PCI bus driver */
		if (r < 0)
			return -1;
		int i = d.class == 0x02 ? driver_for(&d) : -1;
		if (i < 0 || d.owner != NONE)
			continue;
		if (started[i])
			printf("netstart: %04x:%04x: %s drives one card only\n",
			       d.vendor, d.device, pols[i].label);
		else
			failed |= start(i, "pci") < 0;
	}
}

static int lowest_irq(uint32_t irqs)
{
	for (int i = 0; i < 32; i++)
		if (irqs >> i & 1)
			return i;
	return -1;
}

static int isa_cards(void)
{
	int failed = 0;
	for (int i = 0; i < nr_pols; i++) {
		const struct policy *p = &pols[i];
		int irq = lowest_irq(p->irqs);
		if (started[i] || p->nr_io == 0 || irq < 0)
			continue;
		char args[48];
		snprintf(args, sizeof(args), "isa 0x%x %d", p->io[0].first,
			 irq);
		failed |= start(i, args) < 0;
	}
	return failed;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "-n"))
		dry_run = true;
	else if (argc != 1) {
		fprintf(stderr, "usage: netstart [-n]\n");
		return 2;
	}
	endpoint_t ds = getprocs_boot("ds");
	if (ds == NONE) {
		fprintf(stderr, "netstart: the data store is not running\n");
		return 1;
	}
	ds_set_endpoint(ds);
	if (load_all() < 0)
		return 1;
	int r = pci_cards();
	if (r < 0) {
		fprintf(stderr, "netstart: cannot read PCI's device list\n");
		return 1;
	}
	r |= isa_cards();
	return r ? 1 : 0;
}
