// SPDX-License-Identifier: BSD-2-Clause
/*
 * x87 FPU state across process switches.
 *
 * The FPU registers belong to whichever process last ran (fpu_owner).
 * On a switch to another process the owner's state is saved into its
 * slot and the next one's restored, so floating-point code in two
 * processes cannot corrupt each other.  A new process starts from the
 * state `fninit` gives.  The kernel itself never uses the FPU.
 */
#include "fpu.h"

#include "lib.h"

static struct proc *fpu_owner;
static uint8_t clean_state[FPU_STATE_SIZE];

void fpu_init(void)
{
	__asm__ volatile("clts; fninit; fnsave %0" : "=m"(clean_state));
}

void fpu_fresh(struct proc *p)
{
	memcpy(p->fpu, clean_state, sizeof(p->fpu));
}

void fpu_switch(struct proc *next)
{
	if (fpu_owner == next)
		return;
	if (fpu_owner)
		__asm__ volatile("fnsave %0" : "=m"(fpu_owner->fpu));
	__asm__ volatile("frstor %0" : : "m"(next->fpu));
	fpu_owner = next;
}

void fpu_sync(struct proc *p)
{
	if (fpu_owner == p)
		__asm__ volatile("fnsave %0; frstor %0" : "+m"(p->fpu));
}

void fpu_forget(struct proc *p)
{
	if (fpu_owner == p)
		fpu_owner = 0;
}
