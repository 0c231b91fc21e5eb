// SPDX-License-Identifier: BSD-2-Clause
/*
 * The PCI driver from the outside (guest test "pci").  Booted with
 * memory, fs, vfs, pm, ds, pci and rs, QEMU's RTL8139 and NE2000 PCI
 * cards (no network behind them), and a RAM disk holding /sbin/pci and
 * its policy (RS adopts the boot instance with them) and the test
 * driver /bin/pcidrv (p_pci.c) with the policies of tests/guest/pci/:
 * pcitest, pcitwo and pcidma may claim the RTL8139 (`pci device
 * 10ec:8139`; the last two may take DMA memory), pciclass every
 * Ethernet controller (`pci class 02/00`).  t_pci starts them through
 * RS as `service up` does and makes them act with the protocol of
 * pcitest.h; it reads the device list in DS, as lspci does, and asks
 * PCI itself only what nobody but RS may.
 *
 *   list     the devices of QEMU's i440fx machine and the two cards by
 *            id and class; the multi-function PIIX found; the RTL8139's
 *            I/O and memory BARs of 256 bytes and its IRQ; nobody owns
 *            anything, and bus mastering is off but on bridges; the
 *            list is PCI's alone to write, and PCI_LIST is gone
 *   claim    pcitest: its card's ports are refused (and counted) until
 *            it claims; it finds the RTL8139 and nothing else; the
 *            claim gives the IRQ and exactly the BAR's ports, through
 *            which it reads QEMU's MAC address; the NE2000 it may not
 *            claim, read or use; the standard header is not its to
 *            write; bad sizes and offsets; bus mastering shows in the
 *            list, with the owner's label
 *   busy     pcitwo, with the same policy line, gets EBUSY
 *   class    pciclass finds both cards by class, claims the NE2000,
 *            gets EBUSY for the RTL8139; `service down` frees the card
 *   crash    pcitest crashed: RS restarts it, PCI hears of the death
 *            (bus mastering off, the card free) and pcitwo claims it;
 *            the new instance has its ACL at once, but not the ports
 *   rs_only  an ACL and a FORGET from t_pci itself are ignored (and
 *            logged): t_pci still may not claim, pcitwo keeps its card
 *   privadd  the kernel call behind a claim: never to the caller or a
 *            user process, bad kinds, IRQs and ranges refused, a port
 *            added to pcitwo works at once, a full table gives ENOSPC
 *   enospc   a claim that fails because the claimant's table is full
 *            (ENOSPC) leaves it none of the card's ports
 *   restart  PCI crashed: RS restarts it, and the new instance takes
 *            the claims back from the list its predecessor left in DS
 *   dmacalls DMA memory of a process that never held a device is freed
 *            when it ends; DMARELEASE's errors
 *   quarantine  pcitwo holds the RTL8139 with bus mastering on and DMA
 *            memory; PCI hangs (RS_FI_HANG), pcitwo crashes: its memory
 *            is in quarantine (GETINFO GI_DMA, the counters, the kernel
 *            log), and while the hung PCI cannot have turned mastering
 *            off -- the list still shows it on -- the kernel hands out
 *            pieces below and above those frames but none of them; the
 *            pool, quarantine included, gives exactly DMA_POOL_MAX
 *   release  RS restarts the hung PCI, which ends the dead claim (bus
 *            mastering off) and releases the memory: the next pieces
 *            the kernel hands out are those frames
 *   loop     pcidma claims, masters, allocates and crashes 8 times:
 *            each time PCI's FORGET releases the memory; nothing is
 *            left in quarantine and the pool is whole
 * Each part fails with its own name; "PASS: pci" comes only at the end.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dsclient.h"
#include "pciclient.h"
#include "pcitest.h"
#include "rsclient.h"
#include "tlib.h"

#define CMD_IO 0x1 /* the command register's decoding and DMA bits */
#define CMD_MEMORY 0x2
#define CMD_MASTER 0x4
#define NR_LISTED 32 /* at most, as PCI keeps them */

/* What the device list said about one of QEMU's cards. */
struct card {
	uint32_t bdf, io; /* io: BAR 0's first port */
	uint8_t irq;
};

static endpoint_t rs, pci;
static struct card rtl, ne;

/* PCI's entry for bdf, as lspci would see it. */
static struct pci_info listed(uint32_t bdf)
{
	struct pci_info d;
	for (uint32_t i = 0; i < NR_LISTED; i++) {
		T_EQ(pci_listed(i, &d), 0);
		if (d.bdf == bdf)
			return d;
	}
	T_ASSERT(0);
}

/* The kernel's count of ports refused to ep. */
static uint32_t port_denials(endpoint_t ep)
{
	static struct kinfo_proc procs[NR_PROCS];
	uint32_t n;
	T_EQ(sys_getinfo(GI_PROCTAB, procs, sizeof(procs), &n), 0);
	for (uint32_t k = 0; k < n / sizeof(procs[0]); k++)
		if (procs[k].ep == ep)
			return procs[k].denied[DENY_PORT];
	T_ASSERT(0);
}

static void pause_ms(long ms)
{
	struct timespec t = {0, ms * 1000 * 1000};
	nanosleep(&t, 0);
}

/* Wait (up to ms) until the service runs an instance other than `old`
 * that has said RS_INIT; its endpoint. */
static endpoint_t wait_running(const char *label, endpoint_t old, uint32_t ms)
{
	struct rs_info i;
	uint64_t end = t_ticks() + ms / 10 + 1;
	while (t_ticks() < end) {
		if (t_rs_info(rs, label, &i) && i.state == RS_STATE_RUNNING &&
		    i.ep != old && i.ep != NONE)
			return i.ep;
		pause_ms(5);
	}
	t_log("pci: %s did not come up in %u ms\n", label, ms);
	T_ASSERT(0);
}

/* RS_UP: /bin/pcidrv as service `label`, told PCI's endpoint. */
static endpoint_t up(const char *label)
{
	static struct rs_up u;
	memset(&u, 0, sizeof(u));
	strcpy(u.path, "/bin/pcidrv");
	strcpy(u.label, label);
	snprintf(u.args, sizeof(u.args), "%d", pci);
	T_ASSERT(rs_up(rs, &u, 0) >= 0);
	return wait_running(label, NONE, 3000);
}

/* One request of pcitest.h to a test driver; its status, and the
 * reply's words in out[1..4]. */
static int ask(endpoint_t drv, int type, uint32_t a, uint32_t b, uint32_t c,
	       uint32_t d, uint32_t *out)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_u.u32[0] = a;
	m.m_u.u32[1] = b;
	m.m_u.u32[2] = c;
	m.m_u.u32[3] = d;
	T_EQ(ipc_sendrec(drv, &m), 0);
	T_EQ(m.m_type, PT_REPLY);
	if (out)
		memcpy(out, m.m_u.u32, 5 * sizeof(uint32_t));
	return m.m_u.i32[0];
}

/* A byte, word or long from port through drv's DEVIO; 0 or an error. */
static int in(endpoint_t drv, uint32_t port, uint32_t width, uint32_t *v)
{
	uint32_t w[5] = {0};
	int r = ask(drv, PT_IN, port, width, 0, 0, w);
	if (v)
		*v = w[1];
	return r;
}

static int conf_read(endpoint_t drv, uint32_t bdf, uint32_t off, uint32_t size,
		     uint32_t *v)
{
	uint32_t w[5] = {0};
	int r = ask(drv, PT_READ, bdf, off, size, 0, w);
	if (v)
		*v = w[1];
	return r;
}

static int conf_write(endpoint_t drv, uint32_t bdf, uint32_t off, uint32_t size,
		      uint32_t value)
{
	return ask(drv, PT_WRITE, bdf, off, size, value, 0);
}

static int claim(endpoint_t drv, uint32_t bdf, uint32_t *irq)
{
	uint32_t w[5] = {0};
	int r = ask(drv, PT_CLAIM, bdf, 0, 0, 0, w);
	if (irq)
		*irq = w[1];
	return r;
}

/* PT_FIND: w[1] bdf, w[2] ids, w[3] class, w[4] irq. */
static int find(endpoint_t drv, uint32_t index, uint32_t *w)
{
	return ask(drv, PT_FIND, index, 0, 0, 0, w);
}

static int bar(endpoint_t drv, uint32_t bdf, uint32_t index, uint32_t *w)
{
	return ask(drv, PT_BAR, bdf, index, 0, 0, w);
}

static int master(endpoint_t drv, uint32_t bdf, uint32_t on)
{
	return ask(drv, PT_MASTER, bdf, on, 0, 0, 0);
}

/* The devices QEMU's i440fx machine has with -device rtl8139 -device
 * ne2k_pci (and its default VGA). */
static const struct {
	uint16_t vendor, device;
	uint8_t class, subclass;
} expected[] = {
	{0x8086, 0x1237, 0x06, 0x00}, /* host bridge */
	{0x8086, 0x7000, 0x06, 0x01}, /* PIIX3: ISA bridge, function 0 */
	{0x8086, 0x7010, 0x01, 0x01}, /* ... IDE, function 1 */
	{0x8086, 0x7113, 0x06, 0x80}, /* PIIX4 power management */
	{0x1234, 0x1111, 0x03, 0x00}, /* VGA */
	{0x10ec, 0x8139, 0x02, 0x00}, /* RTL8139 */
	{0x10ec, 0x8029, 0x02, 0x00}, /* NE2000 */
};
#define NR_EXPECTED (sizeof(expected) / sizeof(expected[0]))

static void check_device(const struct pci_info *d)
{
	T_EQ(d->owner, NONE);
	T_EQ(d->owner_name[0], 0);
	T_EQ(d->master, (d->command & CMD_MASTER) != 0);
	if (d->class != 0x06)
		T_EQ(d->master, 0);
	T_ASSERT(d->irq == PCI_NO_IRQ || (d->irq < 16 && d->irq != 2));
}

static void check_rtl(const struct pci_info *d)
{
	T_EQ(d->bar[0].flags, PCI_BAR_IO);
	T_EQ(d->bar[0].size, 256);
	T_ASSERT(d->bar[0].base != 0 && d->bar[0].base % 256 == 0);
	T_ASSERT(d->bar[0].base + 256 <= 0x10000);
	T_EQ(d->bar[1].flags & ~PCI_BAR_PREFETCH, PCI_BAR_MEM);
	T_EQ(d->bar[1].size, 256);
	T_ASSERT(d->bar[1].base != 0 && d->bar[1].base % 256 == 0);
	for (int i = 2; i < PCI_NR_BARS; i++)
		T_EQ(d->bar[i].size, 0);
	T_ASSERT(d->irq != PCI_NO_IRQ && d->irq != 0);
	rtl = (struct card){d->bdf, d->bar[0].base, d->irq};
}

static void check_ne(const struct pci_info *d)
{
	T_EQ(d->bar[0].flags, PCI_BAR_IO);
	T_EQ(d->bar[0].size, 256);
	T_ASSERT(d->bar[0].base != 0 && d->bar[0].base % 256 == 0);
	T_ASSERT(d->irq != PCI_NO_IRQ && d->irq != 0);
	ne = (struct card){d->bdf, d->bar[0].base, d->irq};
}

/* The boot instance publishes its list once RS has published its label:
 * wait (up to 3 s) for that. */
static void wait_list(void)
{
	struct pci_info d;
	uint64_t end = t_ticks() + 300;
	while (pci_listed(0, &d) == -ESRCH && t_ticks() < end)
		pause_ms(10);
	T_EQ(pci_listed(0, &d), 0);
}

/* Nobody but PCI may write its list, and nobody asks PCI for it. */
static void list_is_pcis(void)
{
	char key[DS_KEY_MAX];
	struct pci_info d;
	T_EQ(pci_listed(0, &d), 0);
	pci_listed_key(0, key, sizeof(key));
	T_EQ(ds_publish_blob(key, &d, sizeof(d), DSF_OVERWRITE), -EPERM);
	T_EQ(ds_publish_u32(PCI_DS_COUNT, 1, DSF_OVERWRITE), -EPERM);
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = PCI_BASE + 9; /* what PCI_LIST was */
	T_EQ(ipc_sendrec(pci, &m), 0);
	T_EQ(m.m_type, PCI_REPLY);
	T_EQ(PCI_REP(&m)->status.status, -ENOSYS);
}

static void t_list(void)
{
	t_case = "list";
	uint32_t seen[NR_EXPECTED] = {0}, bdf[NR_EXPECTED] = {0}, n;
	struct pci_info d;
	wait_list();
	for (n = 0; n <= NR_LISTED; n++) {
		int r = pci_listed(n, &d);
		if (r == -ENOENT)
			break;
		T_EQ(r, 0);
		t_log("pci: %02x:%02x.%x %04x:%04x %02x/%02x irq %d cmd "
		      "0x%x\n",
		      (unsigned)(d.bdf >> 8), (unsigned)(d.bdf >> 3 & 31),
		      (unsigned)(d.bdf & 7), d.vendor, d.device, d.class,
		      d.subclass, d.irq == PCI_NO_IRQ ? -1 : d.irq, d.command);
		T_EQ(d.bdf >> 8, 0); /* no bridge to another bus here */
		check_device(&d);
		for (uint32_t k = 0; k < NR_EXPECTED; k++)
			if (d.vendor == expected[k].vendor &&
			    d.device == expected[k].device) {
				T_EQ(d.class, expected[k].class);
				T_EQ(d.subclass, expected[k].subclass);
				seen[k]++;
				bdf[k] = d.bdf;
			}
		if (d.vendor == 0x10ec && d.device == 0x8139)
			check_rtl(&d);
		if (d.vendor == 0x10ec && d.device == 0x8029)
			check_ne(&d);
		if (d.vendor == 0x8086 && d.device == 0x7010) {
			T_EQ(d.bar[4].flags, PCI_BAR_IO); /* bus-master DMA */
			T_EQ(d.bar[4].size, 16);
		}
	}
	T_EQ(n, NR_EXPECTED);
	for (uint32_t k = 0; k < NR_EXPECTED; k++)
		T_EQ(seen[k], 1);
	T_EQ(bdf[0], PCI_BDF(0, 0, 0));
	T_EQ(bdf[2], bdf[1] + 1); /* the PIIX's functions 0, 1 and 3 */
	T_EQ(bdf[3], bdf[1] + 3);
	T_EQ(pci_listed(NR_LISTED + 100, &d), -ENOENT);
	list_is_pcis();
}

static void t_claim(endpoint_t test)
{
	t_case = "claim";
	static const uint8_t mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
	uint32_t w[5], v, denials = port_denials(test);
	/* Before the claim its card's ports are no more its than any. */
	T_EQ(in(test, rtl.io, DIO_BYTE, 0), -EPERM);
	T_EQ(port_denials(test), denials + 1);
	T_EQ(conf_read(test, rtl.bdf, 0, 4, 0), -EPERM);
	/* It finds exactly what its ACL allows. */
	T_EQ(find(test, 0, w), 0);
	T_EQ(w[1], rtl.bdf);
	T_EQ(w[2], 0x10ec8139);
	T_EQ(w[3] >> 8, 0x0200);
	T_EQ(w[4], rtl.irq);
	T_EQ(find(test, 1, w), -ENOENT);
	/* The claim: the IRQ, the BARs, exactly the I/O BAR's ports. */
	T_EQ(claim(test, rtl.bdf, &v), 0);
	T_EQ(v, rtl.irq);
	T_EQ(bar(test, rtl.bdf, 0, w), 0);
	T_ASSERT(w[1] == rtl.io && w[2] == 256 && w[3] == PCI_BAR_IO);
	T_EQ(bar(test, rtl.bdf, 1, w), 0);
	T_ASSERT(w[2] == 256 && (w[3] & PCI_BAR_MEM));
	T_EQ(bar(test, rtl.bdf, 2, w), 0);
	T_EQ(w[2], 0);
	T_EQ(bar(test, rtl.bdf, PCI_NR_BARS, w), -EINVAL);
	for (uint32_t i = 0; i < 6; i++) {
		T_EQ(in(test, rtl.io + i, DIO_BYTE, &v), 0);
		T_EQ(v, mac[i]);
	}
	t_log("pci: pcitest read the MAC 52:54:00:12:34:56 at port 0x%x\n",
	      (unsigned)rtl.io);
	T_EQ(in(test, rtl.io + 255, DIO_BYTE, 0), 0);
	T_EQ(in(test, rtl.io + 255, DIO_WORD, 0), -EPERM); /* one past */
	/* The other card is not its. */
	T_EQ(claim(test, ne.bdf, 0), -EPERM);
	T_EQ(conf_read(test, ne.bdf, 0, 4, 0), -EPERM);
	T_EQ(bar(test, ne.bdf, 0, w), -EPERM);
	T_EQ(master(test, ne.bdf, 1), -EPERM);
	T_EQ(in(test, ne.io, DIO_BYTE, 0), -EPERM);
	T_EQ(claim(test, 0x10000, 0), -EINVAL);
	/* Its own card's configuration: all to read, 0x40 up to write. */
	T_EQ(conf_read(test, rtl.bdf, 0, 4, &v), 0);
	T_EQ(v, 0x813910ec);
	T_EQ(conf_read(test, rtl.bdf, 2, 2, &v), 0);
	T_EQ(v, 0x8139);
	T_EQ(conf_read(test, rtl.bdf, 0x3c, 1, &v), 0);
	T_EQ(v, rtl.irq);
	T_EQ(conf_write(test, rtl.bdf, 0x10, 4, 0), -EPERM); /* BAR 0 */
	T_EQ(conf_write(test, rtl.bdf, 0x04, 2, CMD_MASTER), -EPERM);
	T_EQ(conf_write(test, rtl.bdf, 0x3c, 1, 5), -EPERM);
	T_EQ(conf_write(test, rtl.bdf, 0x40, 1, 0), 0);
	T_EQ(conf_read(test, rtl.bdf, 1, 2, 0), -EINVAL);
	T_EQ(conf_read(test, rtl.bdf, 0, 3, 0), -EINVAL);
	T_EQ(conf_read(test, rtl.bdf, 0, 8, 0), -EINVAL);
	T_EQ(conf_read(test, rtl.bdf, 0x100, 4, 0), -EINVAL);
	T_EQ(conf_read(test, rtl.bdf, 0xfe, 4, 0), -EINVAL);
	T_EQ(conf_write(test, rtl.bdf, 0x42, 4, 0), -EINVAL);
	T_EQ(conf_write(test, rtl.bdf, 0x40, 0, 0), -EINVAL);
	/* Claimed: its label in the list, decoding on, DMA when asked. */
	struct pci_info d = listed(rtl.bdf);
	T_EQ(d.owner, test);
	T_ASSERT(!strcmp(d.owner_name, "pcitest"));
	T_EQ(d.command & (CMD_IO | CMD_MEMORY), CMD_IO | CMD_MEMORY);
	T_EQ(d.master, 0);
	T_EQ(master(test, rtl.bdf, 1), 0);
	d = listed(rtl.bdf);
	T_ASSERT(d.master == 1 && (d.command & CMD_MASTER));
	T_EQ(listed(ne.bdf).owner, NONE);
	T_EQ(port_denials(test), denials + 3);
}

static void t_busy(endpoint_t test, endpoint_t two)
{
	t_case = "busy";
	uint32_t w[5];
	T_EQ(find(two, 0, w), 0);
	T_EQ(w[1], rtl.bdf);
	T_EQ(claim(two, rtl.bdf, 0), -EBUSY);
	T_EQ(conf_read(two, rtl.bdf, 0, 4, 0), -EBUSY);
	T_EQ(bar(two, rtl.bdf, 0, w), -EBUSY);
	T_EQ(master(two, rtl.bdf, 0), -EBUSY);
	T_EQ(in(two, rtl.io, DIO_BYTE, 0), -EPERM);
	struct pci_info d = listed(rtl.bdf);
	T_ASSERT(d.owner == test && d.master == 1);
}

static void t_class(void)
{
	t_case = "class";
	endpoint_t cls = up("pciclass");
	uint32_t w[5], a, b;
	T_EQ(find(cls, 0, w), 0);
	a = w[1];
	T_EQ(w[3] >> 8, 0x0200);
	T_EQ(find(cls, 1, w), 0);
	b = w[1];
	T_EQ(w[3] >> 8, 0x0200);
	T_ASSERT((a == rtl.bdf && b == ne.bdf) ||
		 (a == ne.bdf && b == rtl.bdf));
	T_EQ(find(cls, 2, w), -ENOENT);
	T_EQ(claim(cls, rtl.bdf, 0), -EBUSY);
	T_EQ(claim(cls, ne.bdf, &a), 0);
	T_EQ(a, ne.irq);
	T_EQ(in(cls, ne.io, DIO_BYTE, 0), 0); /* the DP8390's command reg. */
	T_EQ(in(cls, rtl.io, DIO_BYTE, 0), -EPERM);
	struct pci_info d = listed(ne.bdf);
	T_ASSERT(d.owner == cls && !strcmp(d.owner_name, "pciclass"));
	/* `service down`: RS tells PCI, the card is free. */
	T_EQ(rs_down(rs, "pciclass"), 0);
	uint64_t end = t_ticks() + 200;
	while (listed(ne.bdf).owner != NONE) {
		T_ASSERT(t_ticks() < end);
		pause_ms(5);
	}
}

static endpoint_t t_crash(endpoint_t test, endpoint_t two)
{
	t_case = "crash";
	uint64_t t0 = t_ticks();
	T_EQ(rs_fi(rs, "pcitest", RS_FI_CRASH), 0);
	endpoint_t again = wait_running("pcitest", test, 3000);
	struct pci_info d;
	for (;;) {
		d = listed(rtl.bdf);
		if (d.owner == NONE && !d.master)
			break;
		T_ASSERT(t_ticks() - t0 < 300);
		pause_ms(5);
	}
	t_log("pci: the RTL8139 free, bus mastering off, %u ms after the "
	      "crash\n",
	      (unsigned)(t_ticks() - t0) * 10);
	T_EQ(d.owner_name[0], 0);
	T_EQ(d.command & CMD_MASTER, 0);
	/* The new instance has its ACL -- RS sends it before the instance
	 * first runs, so without a wait -- but no ports: those came with
	 * the old one's claim. */
	uint32_t w[5];
	T_EQ(find(again, 0, w), 0);
	T_EQ(w[1], rtl.bdf);
	T_EQ(conf_read(again, rtl.bdf, 0, 4, 0), -EPERM);
	T_EQ(in(again, rtl.io, DIO_BYTE, 0), -EPERM);
	/* Free for the other driver now. */
	T_EQ(claim(two, rtl.bdf, 0), 0);
	T_EQ(claim(again, rtl.bdf, 0), -EBUSY);
	uint32_t v;
	T_EQ(in(two, rtl.io, DIO_BYTE, &v), 0);
	T_EQ(v, 0x52);
	d = listed(rtl.bdf);
	T_ASSERT(d.owner == two && !strcmp(d.owner_name, "pcitwo"));
	T_EQ(d.master, 0);
	return again;
}

static void t_rs_only(endpoint_t two)
{
	t_case = "rs_only";
	endpoint_t self = t_self();
	struct pci_acl a;
	memset(&a, 0, sizeof(a));
	a.ep = self;
	a.nr_dev = 2;
	a.dev[0].vendor = a.dev[1].vendor = 0x10ec;
	a.dev[0].device = 0x8139;
	a.dev[1].device = 0x8029;
	/* RS's calls go by SENDNB: try until PCI listens. */
	int sent;
	while ((sent = pci_send_acl(pci, &a)) == -ENOTREADY)
		pause_ms(1);
	T_EQ(sent, 0);
	struct pci_reply r;
	uint8_t irq;
	T_EQ(pci_find(0, &r), -EPERM);
	T_EQ(pci_claim(ne.bdf, &irq), -EPERM); /* free, but not t_pci's */
	T_EQ(pci_claim(rtl.bdf, &irq), -EPERM);
	T_EQ(pci_master(rtl.bdf, 0), -EPERM);
	while ((sent = pci_send_forget(pci, two)) == -ENOTREADY)
		pause_ms(1);
	T_EQ(sent, 0);
	T_EQ(listed(rtl.bdf).owner, two);
	T_EQ(conf_read(two, rtl.bdf, 0, 4, 0), 0);
	T_EQ(claim(two, rtl.bdf, 0), 0); /* its own again: fine */
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = PCI_BASE + 0x7f;
	T_EQ(ipc_sendrec(pci, &m), 0);
	T_ASSERT(m.m_type == PCI_REPLY &&
		 PCI_REP(&m)->status.status == -ENOSYS);
}

/* A forked child of t_pci made an ordinary user process: it waits. */
static int idle(void *arg)
{
	(void)arg;
	message_t m;
	for (;;)
		ipc_receive(ANY, &m, 0);
	return 0;
}

/* PRIVADD of one range or line, as the test's checks want them. */
enum { ADD_IO, ADD_MEM, ADD_IRQ };
static int add1(endpoint_t who, int kind, uint32_t base, uint32_t len)
{
	struct priv_add a;
	memset(&a, 0, sizeof(a));
	if (kind == ADD_IO) {
		a.nr_io = 1;
		a.io[0].first = (uint16_t)base;
		a.io[0].last = (uint16_t)(base + len - 1); /* may wrap */
	} else if (kind == ADD_MEM) {
		a.nr_mem = 1;
		a.mem[0] = (struct priv_mem){base, len};
	} else {
		a.irqs = base < 32 ? 1u << base : 0;
	}
	return sys_privadd(who, &a);
}

static void t_privadd(endpoint_t two)
{
	t_case = "privadd";
	endpoint_t self = t_self();
	const uint32_t port = 0x200; /* the game port: not in QEMU's PC */
	uint32_t v;
	T_EQ(add1(self, ADD_IO, port, 1), -EPERM);
	T_EQ(add1(self, ADD_IRQ, 5, 0), -EPERM);
	T_EQ(add1(two, ADD_IRQ, 0, 0), -EINVAL);
	T_EQ(add1(two, ADD_IRQ, 2, 0), -EINVAL);
	T_EQ(add1(two, ADD_IRQ, 16, 0), -EINVAL);
	T_EQ(add1(two, ADD_IO, 0xffff, 2), -EINVAL);
	T_EQ(add1(two, ADD_IO, port, 0), -EINVAL);
	T_EQ(add1(two, ADD_MEM, 0xfffff000, 0x2000), -EINVAL);
	T_EQ(add1(two, ADD_MEM, 0x100000, 0), -EINVAL);
	/* Too many ranges; and all or nothing: a good range given with a
	 * bad one is not added either. */
	struct priv_add a;
	memset(&a, 0, sizeof(a));
	a.nr_io = PRIV_MAX_IO + 1;
	T_EQ(sys_privadd(two, &a), -EINVAL);
	a.nr_io = 2;
	a.io[0].first = a.io[0].last = (uint16_t)port;
	a.io[1].first = 0x301, a.io[1].last = 0x300;
	T_EQ(sys_privadd(two, &a), -EINVAL);
	a.nr_io = 1;
	a.irqs = 1u << 2;
	T_EQ(sys_privadd(two, &a), -EINVAL);
	T_EQ(sys_privadd(two, (const struct priv_add *)0xc0000000), -EFAULT);
	/* A port added to a running driver is its at once. */
	T_EQ(in(two, port, DIO_BYTE, 0), -EPERM);
	T_EQ(add1(two, ADD_IO, port, 1), 0);
	T_EQ(in(two, port, DIO_BYTE, &v), 0);
	T_EQ(add1(two, ADD_IO, port, 1), 0); /* held: kept once */
	T_EQ(add1(two, ADD_IRQ, 5, 0), 0);
	/* pcitwo holds the RTL8139's ports and `port`: more distinct
	 * ranges fill the kernel's table, then ENOSPC. */
	uint32_t added = 0, p = port;
	int r = 0;
	while (added < PRIV_MAX_IO) {
		p += 2;
		r = add1(two, ADD_IO, p, 1);
		if (r != 0)
			break;
		added++;
	}
	T_EQ(r, -ENOSPC);
	T_EQ(added, PRIV_MAX_IO - 2);
	T_EQ(in(two, p - 2, DIO_BYTE, 0), 0);
	T_EQ(in(two, p, DIO_BYTE, 0), -EPERM);
	T_EQ(add1(two, ADD_IO, port, 1), 0); /* held, even full */
	T_EQ(in(two, rtl.io, DIO_BYTE, &v), 0);
	T_EQ(v, 0x52);
	/* Likewise physical memory: the RTL8139's BAR, then more. */
	added = 0;
	uint32_t base = 0x100000;
	while (added < PRIV_MAX_MEM) {
		base += 0x1000;
		r = add1(two, ADD_MEM, base, 0x1000);
		if (r != 0)
			break;
		added++;
	}
	T_EQ(r, -ENOSPC);
	T_EQ(added, PRIV_MAX_MEM - 1);
	/* Never to an ordinary user process. */
	endpoint_t child = t_spawn(idle, 0);
	t_wait_blocked(child);
	T_EQ(sys_privctl(child, PRIVCTL_USER, 0), 0);
	T_EQ(add1(child, ADD_IO, port, 1), -EPERM);
	T_EQ(add1(child, ADD_IRQ, 5, 0), -EPERM);
	T_EQ(sys_exit(child, 0), 0);
}

/* A claim the kernel cannot complete -- the claimant's table of
 * memory ranges is full when PCI adds the RTL8139's memory BAR, after
 * its I/O BAR -- fails with ENOSPC and leaves none of the card's
 * ports behind. */
static void t_enospc(endpoint_t again)
{
	t_case = "enospc";
	T_EQ(rs_down(rs, "pcitwo"), 0);
	uint64_t end = t_ticks() + 200;
	while (listed(rtl.bdf).owner != NONE) {
		T_ASSERT(t_ticks() < end);
		pause_ms(5);
	}
	for (uint32_t k = 0; k < PRIV_MAX_MEM; k++)
		T_EQ(add1(again, ADD_MEM, 0x200000 + k * 0x1000, 0x1000), 0);
	T_EQ(claim(again, rtl.bdf, 0), -ENOSPC);
	T_EQ(listed(rtl.bdf).owner, NONE);
	T_EQ(in(again, rtl.io, DIO_BYTE, 0), -EPERM);
	T_EQ(conf_read(again, rtl.bdf, 0, 4, 0), -EPERM);
}

/* pcitwo, up again, holds the RTL8139 with bus mastering on; PCI
 * crashes.  The new instance keeps the claim and the DMA, from the
 * list in DS, and lists them. */
static endpoint_t t_restart(void)
{
	t_case = "restart";
	T_EQ(rs_restart(rs, "pcitwo"), 0);
	endpoint_t two = wait_running("pcitwo", NONE, 3000);
	T_EQ(claim(two, rtl.bdf, 0), 0);
	T_EQ(master(two, rtl.bdf, 1), 0);
	T_EQ(listed(rtl.bdf).master, 1); /* already, at the reply */
	T_EQ(rs_fi(rs, "pci", RS_FI_CRASH), 0);
	endpoint_t old = pci;
	pci = wait_running("pci", old, 3000);
	pci_set_endpoint(pci);
	struct pci_info d = listed(rtl.bdf);
	T_EQ(d.owner, two);
	T_EQ(d.master, 1);
	T_EQ(listed(ne.bdf).owner, NONE);
	return two;
}

/* The kernel's DMA regions (GI_DMA); how many. */
static uint32_t dma_regions(struct kinfo_dma *out)
{
	uint32_t n;
	T_EQ(sys_getinfo(GI_DMA, out, DMA_REGIONS * sizeof(*out), &n), 0);
	T_EQ(n % sizeof(*out), 0);
	return n / sizeof(*out);
}

/* The region of owner that starts at phys, if there is one. */
static bool dma_region(endpoint_t owner, uint32_t phys, struct kinfo_dma *out)
{
	struct kinfo_dma r[DMA_REGIONS];
	uint32_t n = dma_regions(r);
	for (uint32_t i = 0; i < n; i++)
		if (r[i].owner == owner && r[i].phys == phys) {
			*out = r[i];
			return true;
		}
	return false;
}

/* Pages in the pool now, live and quarantined; quarantined alone. */
static uint32_t dma_held(uint32_t *quarantined)
{
	struct kinfo_dma r[DMA_REGIONS];
	uint32_t n = dma_regions(r), held = 0, q = 0;
	for (uint32_t i = 0; i < n; i++) {
		T_ASSERT(r[i].state == DMA_LIVE ||
			 r[i].state == DMA_QUARANTINED);
		held += r[i].pages;
		q += r[i].state == DMA_QUARANTINED ? r[i].pages : 0;
	}
	if (quarantined)
		*quarantined = q;
	return held;
}

static struct kinfo_counters counters(void)
{
	struct kinfo_counters c;
	T_EQ(sys_getinfo(GI_COUNTERS, &c, sizeof(c), 0), 0);
	return c;
}

/* Frames a driver holds for DMA: what it asked for, and where. */
struct frames {
	uint32_t phys, pages;
};

#define PROBE_VA 0x50000000u
#define OWN_VA 0x48000000u /* t_pci's own DMA memory */

/* In a child of t_pci, which holds no device, so that its DMA memory
 * is freed when it ends: pieces the size of f, as the kernel hands
 * them out (lowest first), until one reaches f's frames.  Exit status
 * 0: one of them is (partly) f's; 1: they went past f; 2: memory ran
 * out first. */
static int probe(void *arg)
{
	const struct frames *f = arg;
	uint32_t len = f->pages * 4096, end = f->phys + len, got;
	for (uint32_t i = 0; i < DMA_REGIONS; i++) {
		if (sys_dmaalloc((void *)(PROBE_VA + i * len), len, &got) < 0)
			return 2;
		if (got < end && got + len > f->phys)
			return 0;
		if (got >= end)
			return 1;
	}
	return 2;
}

/* In a child: all the DMA memory the pool still gives, in pieces of
 * DMA_MAX and then halving; exit status the pages it got, or -1 if a
 * piece was refused with anything but ENOMEM. */
static int drain_pool(void *arg)
{
	(void)arg;
	uint32_t pages = 0, va = PROBE_VA, len = DMA_MAX, phys;
	while (len >= 4096) {
		int r = sys_dmaalloc((void *)va, len, &phys);
		if (r == -ENOMEM) {
			len /= 2;
			continue;
		}
		if (r < 0)
			return -1;
		pages += len / 4096;
		va += len;
	}
	return (int)pages;
}

static int child_status(int (*fn)(void *), void *arg)
{
	endpoint_t c = t_spawn(fn, arg);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, c);
	T_EQ(k.kind, KSIG_EXIT);
	struct kinfo_dma r[DMA_REGIONS];
	uint32_t n = dma_regions(r);
	for (uint32_t i = 0; i < n; i++)
		T_ASSERT(r[i].owner != c); /* no device: freed at once */
	return k.status;
}

/* In a child: 3 pages of DMA memory, kept until it ends; exit status
 * their physical address. */
static int hold_and_end(void *arg)
{
	(void)arg;
	uint32_t phys;
	if (sys_dmaalloc((void *)PROBE_VA, 3 * 4096, &phys) < 0)
		return -1;
	return (int)phys;
}

static void t_dmacalls(void)
{
	t_case = "dmacalls";
	struct kinfo_counters c0 = counters();
	/* A child that holds no device ends: its frames are free again at
	 * once (no quarantine), and the kernel hands them out. */
	int st = child_status(hold_and_end, 0);
	T_ASSERT(st > 0);
	struct frames f = {(uint32_t)st, 3};
	T_EQ(child_status(probe, &f), 0);
	/* A live process's frames are not. */
	endpoint_t self = t_self();
	struct kinfo_dma r;
	T_EQ(sys_dmaalloc((void *)OWN_VA, 3 * 4096, &f.phys), 0);
	T_ASSERT(dma_region(self, f.phys, &r));
	T_ASSERT(r.pages == 3 && r.state == DMA_LIVE);
	T_EQ(child_status(probe, &f), 1);
	/* DMARELEASE's errors: a live process, no process, nothing held. */
	uint32_t pages = 7;
	T_EQ(sys_dmarelease(self, &pages), -EBUSY);
	T_EQ(pages, 0);
	T_EQ(sys_dmarelease(NONE, 0), -EINVAL);
	T_EQ(sys_dmarelease(-5, 0), -EINVAL);
	T_EQ(sys_dmarelease(EP_MAKE(EP_MAX_GEN + 1, 0), 0), -EINVAL);
	endpoint_t c = t_spawn(hold_and_end, 0);
	T_EQ(t_reap().who, c);
	T_EQ(sys_dmarelease(c, 0), -ENOENT);
	T_EQ(sys_dmarelease(ANY, 0), -ENOENT);
	T_ASSERT(dma_region(self, f.phys, &r)); /* a live one's stays */
	struct kinfo_counters c1 = counters();
	T_EQ(c1.dma_quarantined, c0.dma_quarantined);
	T_EQ(c1.dma_released, c0.dma_released);
}

/* PCI's rts flags show it running, not waiting, at 5 looks 10 ms
 * apart: it spins (RS_FI_HANG). */
static bool spinning(endpoint_t ep)
{
	static struct kinfo_proc procs[NR_PROCS];
	for (int look = 0; look < 5; look++) {
		uint32_t n;
		bool busy = false;
		T_EQ(sys_getinfo(GI_PROCTAB, procs, sizeof(procs), &n), 0);
		for (uint32_t k = 0; k < n / sizeof(procs[0]); k++)
			if (procs[k].ep == ep)
				busy = procs[k].flags == 0;
		if (!busy)
			return false;
		pause_ms(10);
	}
	return true;
}

/* The ring and TX buffers of an RTL8139 driver. */
#define RING_BYTES (65536 + 16 + 1536 + 4 * 1536)

static struct frames t_quarantine(endpoint_t two)
{
	t_case = "quarantine";
	struct frames f;
	uint32_t w[5];
	T_EQ(ask(two, PT_DMA, RING_BYTES, 0, 0, 0, w), 0);
	f.phys = w[1];
	f.pages = (RING_BYTES + 4095) / 4096;
	struct kinfo_dma r;
	T_ASSERT(dma_region(two, f.phys, &r));
	T_ASSERT(r.pages == f.pages && r.state == DMA_LIVE);
	struct pci_info d = listed(rtl.bdf);
	T_ASSERT(d.owner == two && d.master == 1);
	struct kinfo_counters c0 = counters();
	/* PCI hangs: it hears of nothing until RS replaces it. */
	T_EQ(rs_fi(rs, "pci", RS_FI_HANG), 0);
	uint64_t end = t_ticks() + 100;
	while (!spinning(pci))
		T_ASSERT(t_ticks() < end);
	T_EQ(rs_fi(rs, "pcitwo", RS_FI_CRASH), 0);
	end = t_ticks() + 100;
	while (!dma_region(two, f.phys, &r) || r.state != DMA_QUARANTINED)
		T_ASSERT(t_ticks() < end);
	T_EQ(r.pages, f.pages);
	struct kinfo_counters c1 = counters();
	T_EQ(c1.dma_quarantined, c0.dma_quarantined + f.pages);
	T_EQ(c1.dma_released, c0.dma_released);
	/* Mastering is on, and only the hung PCI could turn it off. */
	d = listed(rtl.bdf);
	T_ASSERT(d.owner == two && d.master == 1);
	/* The frames go to nobody, and the pool holds them. */
	T_EQ(child_status(probe, &f), 1);
	uint32_t quarantined, held = dma_held(&quarantined);
	T_ASSERT(quarantined >= f.pages);
	T_EQ(held + (uint32_t)child_status(drain_pool, 0), DMA_POOL_MAX / 4096);
	T_ASSERT(spinning(pci)); /* all along: the same hung PCI */
	t_log("pci: %u pages of a dead bus master held in quarantine, "
	      "%u pages in the pool\n",
	      (unsigned)f.pages, (unsigned)held);
	return f;
}

static void t_release(endpoint_t two, struct frames f)
{
	t_case = "release";
	uint64_t t0 = t_ticks();
	endpoint_t old = pci;
	pci = wait_running("pci", old, 6000);
	pci_set_endpoint(pci);
	struct kinfo_dma r;
	uint64_t end = t_ticks() + 300;
	while (dma_region(two, f.phys, &r))
		T_ASSERT(t_ticks() < end);
	struct pci_info d = listed(rtl.bdf);
	T_ASSERT(d.owner == NONE && d.master == 0);
	T_EQ(child_status(probe, &f), 0);
	t_log("pci: released %u ms after the hang\n",
	      (unsigned)(t_ticks() - t0) * 10);
}

/* pcitwo's instances, each with the card, DMA and a crash; none of
 * their memory stays. */
static void t_loop(void)
{
	t_case = "loop";
	struct kinfo_counters c0 = counters();
	uint32_t held0 = dma_held(0), w[5];
	endpoint_t drv = up("pcidma");
	for (int i = 0; i < 8; i++) {
		T_EQ(claim(drv, rtl.bdf, 0), 0);
		T_EQ(master(drv, rtl.bdf, 1), 0);
		T_EQ(ask(drv, PT_DMA, RING_BYTES, 0, 0, 0, w), 0);
		T_EQ(rs_fi(rs, "pcidma", RS_FI_CRASH), 0);
		drv = wait_running("pcidma", drv, 3000);
	}
	uint32_t quarantined;
	uint64_t end = t_ticks() + 300;
	while (dma_held(&quarantined), quarantined != 0)
		T_ASSERT(t_ticks() < end);
	T_EQ(dma_held(0), held0);
	struct kinfo_counters c1 = counters();
	uint32_t pages = (RING_BYTES + 4095) / 4096;
	T_EQ(c1.dma_quarantined - c0.dma_quarantined, 8 * pages);
	T_EQ(c1.dma_released - c0.dma_released, 8 * pages);
	T_EQ(listed(rtl.bdf).master, 0);
}

int main(void)
{
	rs = proc_find("rs");
	pci = proc_find("pci");
	T_ASSERT(rs != NONE && pci != NONE);
	pci_set_endpoint(pci);
	t_list();
	endpoint_t test = up("pcitest");
	t_claim(test);
	endpoint_t two = up("pcitwo");
	t_busy(test, two);
	t_class();
	endpoint_t again = t_crash(test, two);
	t_rs_only(two);
	t_privadd(two);
	t_enospc(again);
	two = t_restart();
	t_dmacalls();
	struct frames f = t_quarantine(two);
	t_release(two, f);
	t_loop();
	t_case = "pci";
	t_pass();
	t_finish();
}
