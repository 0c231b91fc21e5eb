// SPDX-License-Identifier: BSD-2-Clause
/*
 * Memory for drivers: DMAALLOC, UMAP and MAPPHYS.  This program may map
 * VGA text memory and RAM above 1 MiB (kernel/table.c), which lets it
 * check that the physical address the kernel reports for its DMA buffer
 * really holds the bytes it sees: it maps that physical range a second
 * time and compares.  Ranges outside its privileges are refused and
 * counted; bad arguments are errors; a fork shares device memory and
 * copies its own.
 */
#include <string.h>

#include "tlib.h"

#define V1 ((uint8_t *)0x20000000)
#define V2 ((uint8_t *)0x30000000)
#define V3 ((uint8_t *)0x31000000)
#define VGA ((volatile uint16_t *)0x32000000)
#define V4 ((uint8_t *)0x33000000)

static uint8_t plain[3 * 4096];

static int vga_child(void *arg)
{
	(void)arg;
	VGA[2] = 0x2f00 | 'C'; /* shared with the parent */
	V1[0] = 0xcc;	       /* a copy: the parent's stays */
	return 0;
}

int main(void)
{
	t_case = "mem";
	uint32_t p = 0, contig = 0, n = 3 * 4096 + 100;

	/* Contiguous DMA memory, zeroed, with a true physical address. */
	T_EQ(sys_dmaalloc(V1, n, &p), 0);
	T_ASSERT(p != 0 && (p & 0xfff) == 0);
	for (uint32_t i = 0; i < 4 * 4096; i++)
		T_EQ(V1[i], 0);
	for (uint32_t i = 0; i < 4 * 4096; i++)
		V1[i] = (uint8_t)(i * 13 + 1);
	uint32_t q = 0;
	T_EQ(sys_umap(V1 + 10, 4 * 4096 - 10, &q, &contig), 0);
	T_EQ(q, p + 10);
	T_EQ(contig, 4 * 4096 - 10);
	T_EQ(sys_mapphys(V2, p, 4 * 4096), 0);
	T_EQ(memcmp(V1, V2, 4 * 4096), 0);
	V2[5000] = 0x77; /* one memory, two windows */
	T_EQ(V1[5000], 0x77);

	/* UMAP of ordinary memory, checked the same way. */
	memset(plain, 0x3c, sizeof(plain));
	T_EQ(sys_umap(plain + 4096, 16, &q, &contig), 0);
	T_EQ(contig, 16);
	T_EQ(sys_mapphys(V3, q & ~0xfffu, 4096), 0);
	T_EQ(V3[q & 0xfff], 0x3c);
	V3[q & 0xfff] = 0x3d;
	T_EQ(plain[4096], 0x3d);

	/* VGA text memory: what we write is there. */
	T_EQ(sys_mapphys((void *)VGA, 0xb8000, 4000), 0);
	VGA[0] = 0x1f00 | 'S';
	T_EQ(VGA[0], 0x1f00 | 'S');

	/* Outside our ranges: refused and counted. */
	T_EQ(sys_mapphys(V4, 0xa0000, 4096), -EPERM);
	T_EQ(sys_mapphys(V4, 0xb8000, 0x9000), -EPERM);
	T_EQ(sys_mapphys(V4, 0xfec00000, 4096), -EPERM);
	T_EQ(sys_mapphys(V4, 0xfffff000, 0x2000), -EINVAL); /* wraps */

	/* Bad arguments. */
	T_EQ(sys_dmaalloc(V1 + 1, 4096, &q), -EINVAL);
	T_EQ(sys_dmaalloc(V4, 0, &q), -EINVAL);
	T_EQ(sys_dmaalloc(V4, DMA_MAX + 1, &q), -EINVAL);
	T_EQ(sys_dmaalloc(V1, 4096, &q), -EFAULT); /* in use */
	T_EQ(sys_dmaalloc((void *)0xbffff000, 8192, &q), -EFAULT);
	T_EQ(sys_dmaalloc((void *)0xc0000000, 4096, &q), -EFAULT);
	T_EQ(sys_mapphys(V4 + 8, 0xb8000, 4096), -EINVAL);
	T_EQ(sys_mapphys((void *)VGA, 0xb8000, 4096), -EFAULT); /* in use */
	T_EQ(sys_umap((void *)0x40000000, 4, &q, &contig), -EFAULT);

	/* Fork: device memory is shared, own memory copied. */
	t_spawn(vga_child, 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.status, 0);
	T_EQ(VGA[2], 0x2f00 | 'C');
	T_EQ(V1[0], 1);
	T_EQ(VGA[0], 0x1f00 | 'S');

	struct kinfo_proc self;
	T_EQ(sys_getinfo(GI_SELF, &self, sizeof(self), 0), 0);
	T_EQ(self.denied[DENY_MEM], 3);
	t_pass();
	t_finish();
}
