// SPDX-License-Identifier: BSD-2-Clause
/*
 * SYS_MEMMAP: the process manager builds a process's memory for exec
 * and brk.  It may only do so for a process it manages that is not
 * running (waiting for its reply).
 *   MM_NEW   first throw away the old address space (the old program)
 *   default  map zeroed pages over [vaddr, vaddr + len) (pages already
 *            there stay, made writable if MM_WRITE)
 *   MM_COPY  copy len (<= 64 KiB) bytes from the caller's src into the
 *            process at vaddr, even into read-only pages: its program text
 */
#include "abi/errno.h"
#include "arch/i386/arch.h"
#include "kcall.h"
#include "lib.h"
#include "stack.h"
#include "vm.h"

#define COPY_MAX 65536

static int fill(struct proc *p, struct proc *caller, struct kc_memmap *a)
{
	uint8_t buf[1024];
	if (a->len > COPY_MAX || a->vaddr >= USER_TOP ||
	    a->len > USER_TOP - a->vaddr)
		return -EINVAL;
	if (!as_range_ok(caller->pd, a->src, a->len, false))
		return -EFAULT;
	for (uint32_t va = a->vaddr & PAGE_MASK; va < a->vaddr + a->len;
	     va += PAGE_SIZE)
		if (!as_kaddr(p->pd, va))
			return -EFAULT; /* map first */
	for (uint32_t done = 0; done < a->len;) {
		uint32_t n = a->len - done < sizeof(buf) ? a->len - done
							 : sizeof(buf);
		uint32_t va = a->vaddr + done;
		if (PAGE_SIZE - (va & ~PAGE_MASK) < n)
			n = PAGE_SIZE - (va & ~PAGE_MASK);
		as_read(caller->pd, a->src + done, buf, n);
		memcpy(as_kaddr(p->pd, va), buf, n);
		done += n;
	}
	return 0;
}

int do_memmap(struct proc *caller, message_t *m)
{
	struct kc_memmap *a = KC_ARGS(m, kc_memmap);
	struct proc *p;
	int r = ep_check(a->who, &p);
	if (r < 0)
		return r;
	if (p->manager != caller->ep || p == caller || p->rts == 0)
		return -EPERM;
	if (a->flags & ~(MM_WRITE | MM_NEW | MM_COPY))
		return -EINVAL;
	if (a->flags & MM_COPY)
		return fill(p, caller, a);
	if (a->vaddr & ~PAGE_MASK || a->vaddr < PAGE_SIZE || a->len == 0 ||
	    a->vaddr >= USER_TOP || a->len > USER_TOP - a->vaddr)
		return -EINVAL;
	if (a->flags & MM_NEW) {
		uint32_t pd;
		if ((r = as_create(&pd)) < 0)
			return r;
		as_destroy(p->pd);
		p->pd = pd;
		p->grant_table = p->grant_count = 0;
	}
	for (uint32_t va = a->vaddr; va - a->vaddr < a->len; va += PAGE_SIZE)
		if ((r = as_alloc(p->pd, va,
				  a->flags & MM_WRITE ? AS_WRITE : 0)) < 0)
			return r; /* the manager ends the half-built process */
	return 0;
}
