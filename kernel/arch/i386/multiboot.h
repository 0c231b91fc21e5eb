/* SPDX-License-Identifier: BSD-2-Clause */
/* The parts of the Multiboot 1 boot information the kernel reads. */
#pragma once

#include <stdint.h>

#define MULTIBOOT_BOOT_MAGIC 0x2BADB002
#define MB_INFO_CMDLINE 0x004
#define MB_INFO_MODS 0x008
#define MB_INFO_MMAP 0x040

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct mb_module {
	uint32_t start, end;
	uint32_t cmdline;
	uint32_t reserved;
};

struct mb_mmap {
	uint32_t size; /* of the rest of this entry */
	uint64_t addr, len;
	uint32_t type; /* 1 = available RAM */
} __attribute__((packed));
