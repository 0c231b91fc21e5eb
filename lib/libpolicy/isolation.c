// SPDX-License-Identifier: BSD-2-Clause
/*
 * The isolation keywords: what a driver may use.  Each function takes
 * one value of a list (parse.c calls it once per word), checks it, and
 * adds it to the policy.  Kernel-call names come from the KCALL_LIST of
 * abi/kcalls.h, the kernel's own list, so a policy can name exactly the
 * calls the kernel has.
 */
#include <string.h>

#include "parser.h"

static const char *const kcall_names[NR_KCALLS] = {
#define KCALL_NAME(NAME, name) #NAME,
	KCALL_LIST(KCALL_NAME)
#undef KCALL_NAME
};

int ipc_value(struct parser *ps, const struct token *t)
{
	struct policy *p = ps->pol;
	char name[POLICY_LABEL_MAX];
	if (value_label(ps, t, "ipc name", name) < 0)
		return -1;
	if (strcmp(name, POLICY_USERS) == 0) {
		p->users = true;
		return 0;
	}
	for (uint32_t i = 0; i < p->nr_ipc; i++)
		if (strcmp(p->ipc[i], name) == 0)
			return 0;
	if (p->nr_ipc == POLICY_MAX_IPC)
		return fail(ps, t->line, "more than %u ipc names",
			    (uint32_t)POLICY_MAX_IPC);
	memcpy(p->ipc[p->nr_ipc++], name, sizeof(name));
	return 0;
}

int kernel_value(struct parser *ps, const struct token *t)
{
	for (uint32_t nr = 0; nr < NR_KCALLS; nr++) {
		if (word_is(&t->w, kcall_names[nr])) {
			ps->pol->calls |= KCALL_BIT(nr);
			return 0;
		}
	}
	return fail(ps, t->line, "unknown kernel call %q", &t->w);
}

/* BASE[:COUNT]: COUNT ports from BASE, all below 0x10000. */
int io_value(struct parser *ps, const struct token *t)
{
	struct policy *p = ps->pol;
	struct word base, count;
	uint32_t first, n = 1;
	bool counted = word_split(&t->w, ':', &base, &count);
	if (value_number(ps, t, &base, &first) < 0 ||
	    (counted && value_number(ps, t, &count, &n) < 0))
		return -1;
	if (n == 0)
		return fail(ps, t->line, "empty port range %q", &t->w);
	if ((uint64_t)first + n > 0x10000)
		return fail(ps, t->line, "port range %q passes 0xffff", &t->w);
	if (p->nr_io == POLICY_MAX_IO)
		return fail(ps, t->line, "more than %u io ranges",
			    (uint32_t)POLICY_MAX_IO);
	p->io[p->nr_io++] =
		(struct policy_io){(uint16_t)first, (uint16_t)(first + n - 1)};
	return 0;
}

int irq_value(struct parser *ps, const struct token *t)
{
	uint32_t irq;
	if (value_number(ps, t, &t->w, &irq) < 0)
		return -1;
	if (irq > 15)
		return fail(ps, t->line, "irq %u out of range 0..15", irq);
	ps->pol->irqs |= 1u << irq;
	return 0;
}

/* BASE:LENGTH: LENGTH > 0 bytes from BASE, not past 4 GiB; or "boot":
 * the boot data modules (RAM disks), wherever the loader put them. */
int memory_value(struct parser *ps, const struct token *t)
{
	struct policy *p = ps->pol;
	struct word base, len;
	uint32_t b, n;
	if (word_is(&t->w, "boot")) {
		p->boot_data = true;
		return 0;
	}
	if (!word_split(&t->w, ':', &base, &len))
		return fail(ps, t->line, "memory range %q is not BASE:LENGTH",
			    &t->w);
	if (value_number(ps, t, &base, &b) < 0 ||
	    value_number(ps, t, &len, &n) < 0)
		return -1;
	if (n == 0)
		return fail(ps, t->line, "empty memory range %q", &t->w);
	if ((uint64_t)b + n > 0x100000000ull)
		return fail(ps, t->line, "memory range %q passes 4 GiB", &t->w);
	if (p->nr_mem == POLICY_MAX_MEM)
		return fail(ps, t->line, "more than %u memory ranges",
			    (uint32_t)POLICY_MAX_MEM);
	p->mem[p->nr_mem++] = (struct priv_mem){b, n};
	return 0;
}

/* VVVV:DDDD, hex. */
int pci_device_value(struct parser *ps, const struct token *t)
{
	struct policy *p = ps->pol;
	struct word v, d;
	uint32_t vendor, device;
	if (!word_split(&t->w, ':', &v, &d) || !value_hex(&v, 4, &vendor) ||
	    !value_hex(&d, 4, &device))
		return fail(ps, t->line, "bad pci device %q (VVVV:DDDD in hex)",
			    &t->w);
	if (p->nr_pci_dev == POLICY_MAX_PCI_DEV)
		return fail(ps, t->line, "more than %u pci devices",
			    (uint32_t)POLICY_MAX_PCI_DEV);
	p->pci_dev[p->nr_pci_dev++] =
		(struct policy_pci_dev){(uint16_t)vendor, (uint16_t)device};
	return 0;
}

/* CC[/SS[/PP]], hex: a class, and maybe its subclass and prog-if. */
int pci_class_value(struct parser *ps, const struct token *t)
{
	struct policy *p = ps->pol;
	struct word rest = t->w, part;
	uint32_t v[3] = {0, 0, 0}, n = 0;
	bool more;
	do {
		more = word_split(&rest, '/', &part, &rest);
		if (n == 3 || !value_hex(&part, 2, &v[n++]))
			return fail(ps, t->line,
				    "bad pci class %q (CC[/SS[/PP]] in hex)",
				    &t->w);
	} while (more);
	if (p->nr_pci_class == POLICY_MAX_PCI_CLASS)
		return fail(ps, t->line, "more than %u pci classes",
			    (uint32_t)POLICY_MAX_PCI_CLASS);
	p->pci_class[p->nr_pci_class++] = (struct policy_pci_class){
		.class = (uint8_t)v[0],
		.subclass = (uint8_t)v[1],
		.progif = (uint8_t)v[2],
		.mask = (uint8_t)((1u << n) - 1),
	};
	return 0;
}
