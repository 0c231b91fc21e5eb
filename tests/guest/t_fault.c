// SPDX-License-Identifier: BSD-2-Clause
/*
 * Faults stay contained.  Each CPU exception below happens in its own
 * child process while a worker child does real work (IPC round trips
 * with us).  For every faulting child the kernel must stop it and tell
 * us (its manager) the right vector, eip and address; the worker must
 * finish; and the kernel log gets one line per fault (the harness checks
 * those lines).
 */
#include <string.h>

#include "tlib.h"

static endpoint_t parent;

static int do_divide(void *arg)
{
	volatile int zero = (int)(intptr_t)arg;
	return 10 / zero;
}

static int do_ud2(void *arg)
{
	(void)arg;
	__asm__ volatile("ud2");
	return 0;
}

static int do_cli(void *arg)
{
	(void)arg;
	__asm__ volatile("cli");
	return 0;
}

static int do_hlt(void *arg)
{
	(void)arg;
	__asm__ volatile("hlt");
	return 0;
}

static int do_in(void *arg)
{
	(void)arg;
	uint8_t v;
	__asm__ volatile("inb $0x60, %0" : "=a"(v));
	return v;
}

static int do_out(void *arg)
{
	(void)arg;
	__asm__ volatile("outb %0, $0x80" : : "a"((uint8_t)1));
	return 0;
}

static int do_null(void *arg)
{
	(void)arg;
	return *(volatile int *)0;
}

static int do_kernel_read(void *arg)
{
	(void)arg;
	return *(volatile int *)0xc0100000;
}

static int do_kernel_write(void *arg)
{
	(void)arg;
	*(volatile int *)0xc0001000 = 1;
	return 0;
}

static int do_bad_int(void *arg)
{
	(void)arg;
	__asm__ volatile("int $0x80");
	return 0;
}

/* A worker that keeps doing round trips with the parent. */
static int worker(void *arg)
{
	int n = (int)(intptr_t)arg;
	for (int i = 0; i < n; i++) {
		message_t m;
		m.m_type = i;
		if (ipc_sendrec(parent, &m) != 0 || m.m_type != i + 1)
			return 1;
	}
	return 0;
}

static const struct fault {
	const char *name;
	int (*fn)(void *);
	int vector;
	uint32_t addr; /* expected fault address, for page faults */
} faults[] = {
	{"divide", do_divide, 0, 0},
	{"ud2", do_ud2, 6, 0},
	{"cli", do_cli, 13, 0},
	{"hlt", do_hlt, 13, 0},
	{"in", do_in, 13, 0},
	{"out", do_out, 13, 0},
	{"null", do_null, 14, 0},
	{"kernel-read", do_kernel_read, 14, 0xc0100000},
	{"kernel-write", do_kernel_write, 14, 0xc0001000},
	{"int80", do_bad_int, 13, 0},
};
#define NFAULTS (sizeof(faults) / sizeof(faults[0]))

int main(void)
{
	t_case = "faults";
	parent = t_self();
	const int rounds = 2000;
	endpoint_t w = t_spawn(worker, (void *)(intptr_t)rounds);
	endpoint_t kids[NFAULTS];
	for (unsigned i = 0; i < NFAULTS; i++)
		kids[i] = t_spawn(faults[i].fn, 0);

	unsigned reported = 0;
	int served = 0;
	bool worker_done = false;
	while (reported < NFAULTS || !worker_done) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		if (!IPC_IS_NOTIFY(status)) {
			T_EQ(m.m_source, w);
			m.m_type++;
			served++;
			T_EQ(ipc_send(w, &m), 0);
			continue;
		}
		T_EQ(m.m_source, SYSTEM);
		for (;;) {
			struct kc_getksig k;
			T_EQ(sys_getksig(&k), 0);
			if (k.who == NONE)
				break;
			if (k.who == w) {
				T_EQ(k.kind, KSIG_EXIT);
				T_EQ(k.status, 0);
				worker_done = true;
				continue;
			}
			unsigned i = 0;
			while (i < NFAULTS && kids[i] != k.who)
				i++;
			T_ASSERT(i < NFAULTS);
			t_log("t_fault: %s -> vector %d eip 0x%08x addr "
			      "0x%08x\n",
			      faults[i].name, (int)k.vector, (unsigned)k.eip,
			      (unsigned)k.addr);
			T_EQ(k.kind, KSIG_FAULT);
			T_EQ(k.vector, faults[i].vector);
			if (faults[i].vector == 14)
				T_EQ(k.addr, faults[i].addr);
			T_ASSERT(k.eip >= 0x08048000 && k.eip < 0x10000000);
			/* The stopped child is ours to end. */
			T_EQ(sys_exit(k.who, 0), 0);
			T_EQ(ipc_notify(k.who), -EDEADEPT);
			reported++;
		}
	}
	T_EQ(served, rounds);
	t_pass();
	t_finish();
}
