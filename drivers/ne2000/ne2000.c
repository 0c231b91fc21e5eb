// SPDX-License-Identifier: BSD-2-Clause
/*
 * The NE2000 network driver: a DP8390 core (dp8390.c, ring.c) behind
 * ISA or PCI glue (isa.c, pci.c), run by the network-driver library
 * (lib/libdriver/netdriver.c, proto/ndev.h), which serves INET.
 *
 *   ne2000 isa [BASE [IRQ]] [clients=NAME]   default 0x300 9
 *   ne2000pci pci [clients=NAME]             the first 10ec:8029
 *
 * One program, two services with a policy each: as `ne2000`
 * (ne2000.conf) it may touch the ISA card's ports and line and nothing
 * of PCI; as `ne2000pci` (ne2000pci.conf, the same program installed
 * as /sbin/ne2000pci) it may claim the PCI card, whose ports and line
 * come with the claim, and no ISA port.  At every start the card is reset
 * from whatever state it is in, and the library announces it in DS.
 * Frames move between the card's data port and INET's grants by
 * SDEVIO: the driver never copies a frame itself.
 */
#include <stdio.h>
#include <string.h>

#include "libsys.h"
#include "ne2000.h"

static struct dp8390 card = {.hook = -1, .tx_sending = -1};
static int nr_args;
static char **args;

static int ne_init(struct netdriver_info *info)
{
	bool pci = nr_args > 1 && !strcmp(args[1], "pci");
	bool isa = nr_args > 1 && !strcmp(args[1], "isa");
	int r = pci   ? ne_pci_setup(&card)
		: isa ? ne_isa_setup(&card, nr_args, args)
		      : -EINVAL;
	if (r == 0)
		r = dp_init(&card);
	if (r == 0 &&
	    (sys_irqctl(IRQ_SETPOLICY, card.irq, 0, 0, &card.hook) < 0 ||
	     sys_irqctl(IRQ_ENABLE, 0, 0, 0, &card.hook) < 0))
		r = -EPERM;
	if (r < 0)
		return r;
	memcpy(info->mac, card.mac, sizeof(info->mac));
	memcpy(info->name, card.name, sizeof(info->name));
	const uint8_t *m = card.mac;
	printf("ne2000: %s at 0x%x irq %u, %u KiB, MAC "
	       "%02x:%02x:%02x:%02x:%02x:%02x\n",
	       card.name, (unsigned)card.base, (unsigned)card.irq,
	       (unsigned)(card.pstop - DP_MEM_START) / 4, m[0], m[1], m[2],
	       m[3], m[4], m[5]);
	return 0;
}

static int ne_set_mode(uint32_t mode)
{
	return dp_set_mode(&card, mode);
}

static int ne_send(const struct netdriver_buf *b)
{
	return dp_send(&card, b);
}

static int ne_recv(const struct netdriver_buf *b)
{
	return dp_recv(&card, b);
}

static void ne_intr(uint32_t hooks)
{
	(void)hooks;
	dp_intr(&card);
	sys_irqctl(IRQ_ENABLE, 0, 0, 0, &card.hook);
}

static void ne_alarm(void)
{
	dp_alarm(&card);
}

static const struct netdriver_ops ops = {
	.init = ne_init,
	.set_mode = ne_set_mode,
	.send = ne_send,
	.recv = ne_recv,
	.intr = ne_intr,
	.alarm = ne_alarm,
};

int main(int argc, char **argv)
{
	peer_args(argc, argv); /* clients=: a test that plays INET */
	nr_args = argc;
	args = argv;
	netdriver_run(&ops);
}
