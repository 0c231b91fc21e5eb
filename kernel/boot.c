// SPDX-License-Identifier: BSD-2-Clause
/*
 * Starting the boot processes: one per multiboot module, in module order,
 * so the first gets slot 0 (endpoint 0), the next slot 1, and so on.
 *
 * A module's name is the last path component of the first word of its
 * command line, without ".elf" (GRUB passes just the arguments, QEMU's
 * -initrd the file name first: both work).  A module that is not a valid
 * executable, or that has no boot-table entry, gets one clear log line
 * and is skipped; the others still start.
 */
#include "boot.h"

#include "arch/i386/arch.h"
#include "elf.h"
#include "lib.h"
#include "priv.h"
#include "proc.h"
#include "sched.h"
#include "stack.h"
#include "table.h"
#include "vm.h"

/* Turn "dir/t_ipc.elf args" into name "t_ipc" and "t_ipc args". */
static void parse_cmdline(const char *cmd, char *name, char *argline,
			  size_t room)
{
	const char *word = cmd, *end = cmd;
	while (*end && *end != ' ')
		end++;
	for (const char *c = cmd; c < end; c++)
		if (*c == '/')
			word = c + 1;
	size_t n = (size_t)(end - word);
	if (n > 4 && memcmp(word + n - 4, ".elf", 4) == 0)
		n -= 4;
	if (n >= PROC_NAME_LEN)
		n = PROC_NAME_LEN - 1;
	memcpy(name, word, n);
	name[n] = 0;
	strlcpy(argline, name, room);
	size_t used = strlen(argline);
	strlcpy(argline + used, end, room - used);
}

struct kinfo_module boot_data[BOOT_DATA_MAX];
int nr_boot_data;
char boot_cmdline[KCMDLINE_MAX];

static bool is_data(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && memcmp(name + n - 4, ".img", 4) == 0;
}

static void give_boot_data(struct proc *p)
{
	for (int i = 0; i < nr_boot_data && p->priv.nr_mem < PRIV_MAX_MEM;
	     i++) {
		uint32_t base = boot_data[i].base & PAGE_MASK;
		uint32_t end = boot_data[i].base + boot_data[i].len;
		p->priv.mem[p->priv.nr_mem++] =
			(struct priv_mem){base, end - base};
	}
}

static int start(const char *name, const char *args, const uint8_t *img,
		 uint32_t size)
{
	const char *why = elf_check(img, size);
	const struct boot_entry *be = boot_entry_find(name);
	if (why || !be) {
		kprintf("boot: module '%s': %s; not started\n", name,
			why ? why : "not in the boot-image table");
		return -1;
	}
	struct proc *p = proc_alloc();
	uint32_t entry, sp;
	if (!p || as_create(&p->pd) < 0) {
		kprintf("boot: module '%s': out of memory\n", name);
		return -1;
	}
	if (elf_load(p->pd, img, &entry) < 0 ||
	    stack_build(p->pd, args, &sp) < 0) {
		kprintf("boot: module '%s': out of memory\n", name);
		as_destroy(p->pd);
		proc_free(p);
		return -1;
	}
	strlcpy(p->name, name, sizeof(p->name));
	p->prio = p->base_prio = be->prio;
	p->quantum = p->ticks_left = be->quantum;
	priv_install(p, &be->priv);
	if (be->boot_data)
		give_boot_data(p);
	p->core = be->core;
	p->regs.cs = SEL_UCODE;
	p->regs.ds = p->regs.es = p->regs.fs = p->regs.gs = p->regs.ss =
		SEL_UDATA;
	p->regs.eflags = EFLAGS_IF | EFLAGS_RESERVED;
	p->regs.eip = entry;
	p->regs.esp = sp;
	sched_unblock(p, RTS_INIT);
	kprintf("boot: started %s (ep %d, %u bytes)\n", name, p->ep, size);
	return 0;
}

/* The boot process called `name` (module names are unique), or 0. */
static struct proc *boot_proc(const char *name)
{
	for (int i = 0; i < NR_PROCS; i++)
		if (!(proc_table[i].rts & RTS_FREE) &&
		    !strcmp(proc_table[i].name, name))
			return &proc_table[i];
	return 0;
}

/* Once all are started: each boot process may reach (and hear from)
 * the boot processes its entry names, and a boot driver whose entry
 * names a manager (RS) has it as its kernel manager from the start, as
 * if that manager had started it. */
static void connect(void)
{
	for (int i = 0; i < NR_PROCS; i++) {
		struct proc *p = &proc_table[i], *q;
		const struct boot_entry *be;
		if ((p->rts & RTS_FREE) || !(be = boot_entry_find(p->name)))
			continue;
		for (const char *const *n = be->ipc; *n; n++)
			if ((q = boot_proc(*n)))
				priv_set_target(p, q, true);
		if (be->manager && (q = boot_proc(be->manager)))
			p->manager = q->ep;
	}
}

void boot_start_modules(const struct mb_module *mods, uint32_t count)
{
	for (int pass = 0; pass < 2; pass++) { /* data first, then programs */
		for (uint32_t i = 0; i < count; i++) {
			char name[PROC_NAME_LEN], args[256];
			const char *cmd =
				mods[i].cmdline ? P2V(mods[i].cmdline) : "";
			parse_cmdline(cmd, name, args, sizeof(args));
			if (is_data(name) != (pass == 0))
				continue;
			if (mods[i].end < mods[i].start) {
				kprintf("boot: module '%s': bad bounds\n",
					name);
				continue;
			}
			if (pass == 1) {
				start(name, args, P2V(mods[i].start),
				      mods[i].end - mods[i].start);
			} else if (nr_boot_data < BOOT_DATA_MAX) {
				struct kinfo_module *d =
					&boot_data[nr_boot_data++];
				strlcpy(d->name, name, sizeof(d->name));
				d->base = mods[i].start;
				d->len = mods[i].end - mods[i].start;
				kprintf("boot: data module %s (%u bytes)\n",
					name, d->len);
			}
		}
	}
	connect();
}
