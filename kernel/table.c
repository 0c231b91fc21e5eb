// SPDX-License-Identifier: BSD-2-Clause
/*
 * The boot-image table (see table.h).  The first entry that matches a
 * module's name wins, so specific names come before patterns.
 *
 *   init     the first user process.
 *   memory   the MEMORY driver: the RAM disk, which it may map; RS
 *            manages it, as it does TTY.
 *   ata      the ATA disk driver: the IDE channels' ports and IRQs;
 *            RS manages it.
 *   pci      the PCI bus driver: configuration space, and PRIVADD to
 *            give a claimed device's resources to its driver; lspci
 *            (a user process) may ask it; RS manages it.
 *   fs       the MINIX v3 file server.
 *   vfs      the virtual file system.
 *   pm       the process manager.
 *   rs       the reincarnation server: it makes, fills, privileges
 *            and ends the services it manages.
 *   ds       the data store: replies and notifications to anybody,
 *            grant copies, and GETINFO to find RS and dead subscribers.
 *   t_fuzzctl  the fuzz test's control process: a server, so that an
 *            ordinary user process (the fuzzer, in one mode) may reach it.
 *   t_fuzz   the IPC fuzzer of the test suite: it may not end itself,
 *            fork, write the log or stop the machine, so random kernel
 *            calls cannot cut the test short.
 *   t_deny   a test program with almost no privileges: it checks that
 *            what it may not do is refused, counted and logged.
 *   t_devio  a test program allowed the CMOS ports and COM1's scratch
 *            register, and no other port.
 *   t_irq    a test program allowed the CMOS ports and IRQ 8 (the
 *            RTC's periodic interrupt).
 *   t_mem    a test program allowed to map VGA text memory and RAM
 *            above 1 MiB, to check DMA memory against its physical
 *            address.
 *   t_*      test programs (tests/guest/): every kernel call, so that
 *            they can fork helpers and stop QEMU with their verdict.
 *   b_devio  the DEVIO benchmark: the CMOS ports.
 *   b_*      benchmark programs (tests/bench/): likewise.
 */
#include "table.h"

#include "lib.h"
#include "priv.h"

#define CALLS_FUZZ                                                             \
	(KCALL_BIT(SYS_GETKSIG) | KCALL_BIT(SYS_SETALARM) |                    \
	 KCALL_BIT(SYS_TIMES) | KCALL_BIT(SYS_GETINFO))

#define CALLS_DENY                                                             \
	(KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) | KCALL_BIT(SYS_REBOOT))

static const struct boot_entry boot_table[] = {
	{.name = "init",
	 .prio = 4,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS},
	{.name = "memory",
	 .prio = 2,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_MAPPHYS) | KCALL_BIT(SYS_SAFECOPYFROM) |
		  KCALL_BIT(SYS_SAFECOPYTO) | KCALL_BIT(SYS_SAFEMEMSET),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .boot_data = true,
	 .manager = "rs"},
	{.name = "tty",
	 .prio = 1,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_DEVIO) | KCALL_BIT(SYS_VDEVIO) |
		  KCALL_BIT(SYS_IRQCTL) | KCALL_BIT(SYS_MAPPHYS) |
		  KCALL_BIT(SYS_SAFECOPYFROM) | KCALL_BIT(SYS_SAFECOPYTO) |
		  KCALL_BIT(SYS_TIMES) | KCALL_BIT(SYS_SETALARM),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .io = {{0x3f8, 0x3ff}, {0x60, 0x60}, {0x64, 0x64}, {0x3d4, 0x3d5}},
	 .irqs = (1u << 1) | (1u << 4),
	 .mem = {{0xb8000, 0x8000}},
	 .manager = "rs"},
	{.name = "ata",
	 .prio = 2,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_DEVIO) | KCALL_BIT(SYS_SDEVIO) |
		  KCALL_BIT(SYS_IRQCTL) | KCALL_BIT(SYS_TIMES) |
		  KCALL_BIT(SYS_SETALARM) | KCALL_BIT(SYS_DMAALLOC) |
		  KCALL_BIT(SYS_SAFECOPYFROM) | KCALL_BIT(SYS_SAFECOPYTO),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .io = {{0x1f0, 0x1f7}, {0x3f6, 0x3f6}, {0x170, 0x177}, {0x376, 0x376}},
	 .irqs = (1u << 14) | (1u << 15),
	 .manager = "rs"},
	{.name = "pci",
	 .prio = 2,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_DEVIO) | KCALL_BIT(SYS_PRIVADD) |
		  KCALL_BIT(SYS_SETGRANT) | KCALL_BIT(SYS_SAFECOPYTO),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .io = {{0xcf8, 0xcff}},
	 .manager = "rs"},
	{.name = "fs",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_TIMES) | KCALL_BIT(SYS_SETGRANT) |
		  KCALL_BIT(SYS_SAFECOPYFROM) | KCALL_BIT(SYS_SAFECOPYTO) |
		  KCALL_BIT(SYS_SETALARM), /* bounds a wait for a driver */
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .core = true},
	{.name = "vfs",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_SETGRANT) | KCALL_BIT(SYS_SAFECOPYFROM) |
		  KCALL_BIT(SYS_SAFECOPYTO) | KCALL_BIT(SYS_KILL) |
		  KCALL_BIT(SYS_SETALARM) | KCALL_BIT(SYS_TIMES),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .core = true},
	{.name = "pm",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_FORK) | KCALL_BIT(SYS_EXIT) |
		  KCALL_BIT(SYS_GETKSIG) | KCALL_BIT(SYS_TIMES) |
		  KCALL_BIT(SYS_MEMMAP) | KCALL_BIT(SYS_EXEC) |
		  KCALL_BIT(SYS_SETGRANT) | KCALL_BIT(SYS_SAFECOPYFROM) |
		  KCALL_BIT(SYS_SAFECOPYTO) | KCALL_BIT(SYS_TRACE) |
		  KCALL_BIT(SYS_VIRCOPY) | KCALL_BIT(SYS_PRIVCTL) |
		  KCALL_BIT(SYS_SETALARM) | KCALL_BIT(SYS_REBOOT) |
		  KCALL_BIT(SYS_KILL), /* root's kill of a service, for RS */
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .core = true},
	{.name = "rs",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_EXIT) | KCALL_BIT(SYS_FORK) |
		  KCALL_BIT(SYS_GETKSIG) | KCALL_BIT(SYS_TIMES) |
		  KCALL_BIT(SYS_SETALARM) | KCALL_BIT(SYS_MEMMAP) |
		  KCALL_BIT(SYS_EXEC) | KCALL_BIT(SYS_PRIVCTL) |
		  KCALL_BIT(SYS_SETGRANT) | KCALL_BIT(SYS_SAFECOPYFROM) |
		  KCALL_BIT(SYS_SAFECOPYTO),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .core = true},
	{.name = "ds",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_GETINFO) |
		  KCALL_BIT(SYS_SAFECOPYFROM) | KCALL_BIT(SYS_SAFECOPYTO),
	 .flags = PRIV_TO_USERS | PRIV_SERVER,
	 .core = true},
	{.name = "t_fuzzctl",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS | PRIV_SERVER},
	{.name = "t_fuzz",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = CALLS_FUZZ,
	 .flags = PRIV_TO_USERS},
	{.name = "t_deny",
	 .prio = 3,
	 .quantum = 5,
	 .traps = (1u << SENDREC) | (1u << RECEIVE),
	 .calls = CALLS_DENY,
	 .flags = PRIV_TO_USERS},
	{.name = "t_devio",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS,
	 .io = {{0x70, 0x71}, {0x3ff, 0x3ff}}},
	{.name = "t_irq",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS,
	 .io = {{0x70, 0x71}},
	 .irqs = 1u << 8},
	{.name = "t_mem",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS,
	 .mem = {{0xb8000, 0x8000}, {0x100000, 0x3ff00000}}},
	{.name = "t_*",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS},
	{.name = "b_devio",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS,
	 .io = {{0x70, 0x71}}},
	{.name = "b_*",
	 .prio = 3,
	 .quantum = 5,
	 .traps = TRAPS_ALL,
	 .calls = KCALLS_ALL,
	 .flags = PRIV_TO_USERS},
};

static bool matches(const char *pattern, const char *name)
{
	size_t n = strlen(pattern);
	if (n && pattern[n - 1] == '*')
		return memcmp(pattern, name, n - 1) == 0;
	return strlen(name) == n && memcmp(pattern, name, n) == 0;
}

const struct boot_entry *boot_entry_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(boot_table); i++)
		if (matches(boot_table[i].name, name))
			return &boot_table[i];
	return 0;
}
