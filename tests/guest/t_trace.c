// SPDX-License-Identifier: BSD-2-Clause
/*
 * VIRCOPY, KILL and TRACE, with a forked child as the other process.
 *   - VIRCOPY moves bytes both ways; bad addresses and dead processes
 *     are errors and nothing is copied.
 *   - KILL records a signal and tells the child's manager (us).
 *   - TRACE reads and writes the child's memory (even a read-only
 *     page, as a fault injector would) and its saved registers; eflags
 *     keeps IF and IOPL whatever is written.
 */
#include <string.h>

#include "tlib.h"

static endpoint_t parent;
static volatile uint32_t flag;
static char area[64];
static const char ro[8] = "hello";

/* Wait for `flag` to change (written by the parent with TRACE), then
 * check that `ro` was patched and report through the exit status. */
static int child(void *arg)
{
	(void)arg;
	message_t m;
	ipc_receive(parent, &m, 0); /* blocked here while traced */
	while (flag != 0xfeedbeef)
		;
	/* Read through a volatile pointer: the compiler would otherwise
	 * fold the comparison, `ro` being const. */
	const volatile char *r = ro;
	return r[0] == 'j' && r[1] == 'e' && area[0] == 'P' ? 0 : 1;
}

int main(void)
{
	t_case = "trace";
	parent = t_self();
	memcpy(area, "parent data", 12);
	endpoint_t c = t_spawn(child, 0);
	t_wait_blocked(c);

	/* VIRCOPY both ways. */
	char back[64];
	T_EQ(sys_vircopy(SELF, "Pchild", c, area, 7), 0);
	T_EQ(sys_vircopy(c, area, SELF, back, 7), 0);
	T_EQ(strcmp(back, "Pchild"), 0);
	T_EQ(sys_vircopy(c, (void *)0xc0000000, SELF, back, 4), -EFAULT);
	T_EQ(sys_vircopy(SELF, back, c, (void *)ro, 4), -EFAULT); /* r/o */
	T_EQ(sys_vircopy(SELF, back, 12345, area, 4), -EDEADEPT);
	T_EQ(strcmp(area, "parent data"), 0); /* ours never changed */

	/* TRACE: memory. */
	uint32_t d = 0;
	T_EQ(sys_trace(T_READB, c, (uint32_t)(uintptr_t)ro, &d), 0);
	T_EQ(d, 'h');
	d = 'j';
	T_EQ(sys_trace(T_WRITEB, c, (uint32_t)(uintptr_t)ro, &d), 0);
	T_EQ(strcmp(ro, "hello"), 0); /* the child's copy only */
	d = 0;
	T_EQ(sys_trace(T_READW, c, (uint32_t)(uintptr_t)&flag, &d), 0);
	T_EQ(d, 0);
	T_EQ(sys_trace(T_READW, c, (uint32_t)(uintptr_t)&flag + 1, &d),
	     -EINVAL);
	T_EQ(sys_trace(T_READB, c, 0xc0000000, &d), -EFAULT);
	T_EQ(sys_trace(T_READB, c, 0, &d), -EFAULT);
	T_EQ(sys_trace(99, c, 0, &d), -EINVAL);

	/* TRACE: registers. */
	uint32_t eip = 0, fl = 0;
	T_EQ(sys_trace(T_GETREG, c, T_REG_EIP, &eip), 0);
	T_ASSERT(eip >= 0x08048000 && eip < 0x08100000);
	T_EQ(sys_trace(T_GETREG, c, T_REG_EFLAGS, &fl), 0);
	T_ASSERT(fl & 0x200); /* IF */
	d = 0x3000 | 0x1;     /* IOPL 3 and CF, IF cleared */
	T_EQ(sys_trace(T_SETREG, c, T_REG_EFLAGS, &d), 0);
	T_EQ(sys_trace(T_GETREG, c, T_REG_EFLAGS, &d), 0);
	T_EQ(d & 0x3200, 0x200); /* IOPL 0, IF still set */
	T_EQ(d & 1, 1);
	T_EQ(sys_trace(T_GETREG, c, T_NR_REGS, &d), -EINVAL);
	T_EQ(sys_trace(T_GETREG, SELF, T_REG_EAX, &d), -EINVAL);

	/* KILL: the manager (we) hears of it. */
	T_EQ(sys_kill(c, 15), 0);
	T_EQ(sys_kill(c, 2), 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, c);
	T_EQ(k.kind, KSIG_SIGNAL);
	T_EQ(k.status, (1 << 15) | (1 << 2));
	T_EQ(sys_kill(c, 0), -EINVAL);
	T_EQ(sys_kill(c, 32), -EINVAL);
	T_EQ(sys_kill(parent, 1), -ESRCH); /* a boot process: no manager */

	/* Let the child go: it finds what we wrote. */
	d = 0xfeedbeef;
	T_EQ(sys_trace(T_WRITEW, c, (uint32_t)(uintptr_t)&flag, &d), 0);
	message_t m;
	T_EQ(ipc_send(c, &m), 0);
	k = t_reap();
	T_EQ(k.who, c);
	T_EQ(k.kind, KSIG_EXIT);
	T_EQ(k.status, 0);
	T_EQ(sys_kill(c, 1), -EDEADEPT);
	t_pass();
	t_finish();
}
