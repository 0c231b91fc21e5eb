// SPDX-License-Identifier: BSD-2-Clause
/*
 * Starting a signal handler inside a process.
 *
 * PM reads the process's saved registers (SYS_TRACE), writes a frame
 * below its stack pointer (SYS_VIRCOPY) and points it at the handler:
 *
 *     sp   -> return address: the C library's __sigtramp_return
 *     sp+4    the signal number (the handler's argument)
 *     sp+8    the saved context: eax ebx ecx edx esi edi ebp esp eip
 *             eflags, and the signal mask to restore
 *
 * 128 bytes are left free between the frame and the old stack pointer
 * for the return path (lib/libc/sigtramp.asm), and sp+4 is 16-byte
 * aligned, as the i386 ABI expects at a function's entry.  This is only
 * safe when the process is not inside an IPC call (frame_safe).
 */
#include "pm.h"

#define GAP 128
#define FRAME_WORDS 13

bool frame_safe(struct mproc *p)
{
	uint32_t st = 0;
	if (sys_trace(T_STATE, p->ep, 0, &st) < 0)
		return false;
	return !(st & (T_ST_SENDING | T_ST_RECEIVING));
}

int frame_push(struct mproc *p, int sig, uint32_t saved_mask)
{
	uint32_t f[FRAME_WORDS];
	for (uint32_t r = 0; r < T_NR_REGS; r++) /* eax .. eflags */
		if (sys_trace(T_GETREG, p->ep, r, &f[2 + r]) < 0)
			return -EFAULT;
	f[0] = p->tramp;
	f[1] = (uint32_t)sig;
	f[12] = saved_mask;
	uint32_t esp = f[2 + T_REG_ESP];
	if (esp < GAP + sizeof(f) + 16)
		return -EFAULT;
	uint32_t sp = ((esp - GAP - sizeof(f)) & ~15u) - 4;
	int r = sys_vircopy(SELF, f, p->ep, (void *)sp, sizeof(f));
	if (r == 0)
		r = sys_trace(T_SETREG, p->ep, T_REG_ESP, &sp);
	uint32_t eip = p->act[sig].handler;
	if (r == 0)
		r = sys_trace(T_SETREG, p->ep, T_REG_EIP, &eip);
	return r;
}
