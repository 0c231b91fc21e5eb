// SPDX-License-Identifier: BSD-2-Clause
/*
 * Interrupts as notifications, with the RTC's periodic interrupt (IRQ 8)
 * as the device.  This program may use the CMOS ports and IRQ 8 only
 * (kernel/table.c).  It checks that
 *  - each interrupt arrives as a HARDWARE notification carrying the
 *    hook's bit, and only at the process that hooked it;
 *  - the line stays masked until the driver re-enables it, unless the
 *    hook asked for automatic re-enabling;
 *  - a hooking process that dies loses its hook and the line is masked;
 *    the system goes on, and the line can be hooked again;
 *  - lines it may not hook are refused and counted.
 */
#include "tlib.h"

static endpoint_t parent;

static uint32_t cmos(uint32_t reg, int write, uint32_t v)
{
	T_EQ(sys_devio(0x70, DIO_OUT, reg, 0), 0);
	if (write) {
		T_EQ(sys_devio(0x71, DIO_OUT, v, 0), 0);
		return 0;
	}
	T_EQ(sys_devio(0x71, DIO_IN, 0, &v), 0);
	return v;
}

static void rtc_periodic(bool on)
{
	cmos(0x0a, 1, (cmos(0x0a, 0, 0) & 0xf0) | 0x0a); /* 64 Hz */
	uint32_t b = cmos(0x0b, 0, 0);
	cmos(0x0b, 1, on ? b | 0x40 : b & ~0x40u);
	cmos(0x0c, 0, 0); /* acknowledge anything pending */
}

/* Wait for a HARDWARE notification, or `ticks` of nothing (returns 0). */
static uint32_t wait_irq(uint32_t ticks)
{
	T_EQ(sys_setalarm(ticks, 0), 0);
	for (;;) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		if (!IPC_IS_NOTIFY(status))
			continue;
		if (m.m_source == CLOCK)
			return 0;
		if (m.m_source == HARDWARE) {
			sys_setalarm(0, 0);
			return NOTIFY_ARG(&m);
		}
	}
}

/* Never hooks anything: must never hear of the interrupts. */
static int bystander(void *arg)
{
	(void)arg;
	return wait_irq(60) == 0 ? 0 : 1;
}

/* Hooks IRQ 8, takes one interrupt, re-enables the line, and dies. */
static int hooker(void *arg)
{
	(void)arg;
	int h;
	if (sys_irqctl(IRQ_SETPOLICY, 8, 0, 3, &h) != 0)
		return 1;
	cmos(0x0c, 0, 0);
	if (sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h) != 0)
		return 2;
	if (wait_irq(100) != 1u << 3)
		return 3;
	cmos(0x0c, 0, 0);
	sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h);
	return 0; /* dies with the hook in place and the line unmasked */
}

int main(void)
{
	t_case = "irq";
	parent = t_self();
	int h, other;
	/* Refused: lines not in our privileges, the kernel's own lines. */
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 4, 0, 0, &other), -EPERM);
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 0, 0, 0, &other), -EINVAL);
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 16, 0, 0, &other), -EINVAL);
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 8, 0, 32, &other), -EINVAL);
	other = 7;
	T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, 0, &other), -EINVAL); /* not ours */

	endpoint_t by = t_spawn(bystander, 0);
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 8, 0, 5, &h), 0);
	rtc_periodic(true);
	T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h), 0);
	for (int i = 0; i < 5; i++) {
		T_EQ(wait_irq(100), 1u << 5);
		/* Masked now: nothing more until we re-enable, even though
		 * the device is still asking. */
		if (i == 2)
			T_EQ(wait_irq(10), 0);
		cmos(0x0c, 0, 0);
		T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h), 0);
	}
	struct kc_getksig k = t_reap();
	T_EQ(k.who, by);
	T_EQ(k.status, 0); /* the bystander heard nothing */

	/* A process dies holding a hook: its hook goes, the line is masked,
	 * and everything goes on. */
	T_EQ(sys_irqctl(IRQ_RMPOLICY, 0, 0, 0, &h), 0);
	wait_irq(2); /* one may have come in before the hook went */
	t_spawn(hooker, 0);
	k = t_reap();
	T_EQ(k.kind, KSIG_EXIT);
	T_EQ(k.status, 0);
	T_EQ(wait_irq(20), 0);
	/* Hook again: interrupts come back. */
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 8, IRQ_REENABLE, 9, &h), 0);
	cmos(0x0c, 0, 0);
	T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h), 0);
	/* Automatic re-enabling: no ENABLE between interrupts. */
	for (int i = 0; i < 3; i++) {
		T_EQ(wait_irq(100), 1u << 9);
		cmos(0x0c, 0, 0);
	}
	T_EQ(sys_irqctl(IRQ_RMPOLICY, 0, 0, 0, &h), 0);
	T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h), -EINVAL); /* gone */

	/* Privileges taken away take the hooks with them. */
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 8, 0, 4, &h), 0);
	static struct priv_desc d;
	d.flags = PRIV_TO_USERS;
	d.traps = IPC_TRAPS_ALL;
	d.calls = KCALLS_ALL;
	d.nr_io = 1;
	d.io[0].first = 0x70;
	d.io[0].last = 0x71;
	T_EQ(sys_privctl(SELF, PRIVCTL_SET, &d), 0); /* no IRQs now */
	T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h), -EINVAL);
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 8, 0, 4, &h), -EPERM);
	rtc_periodic(false);

	struct kinfo_proc self;
	T_EQ(sys_getinfo(GI_SELF, &self, sizeof(self), 0), 0);
	T_EQ(self.denied[DENY_IRQ], 2);
	t_pass();
	t_finish();
}
