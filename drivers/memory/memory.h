/* SPDX-License-Identifier: BSD-2-Clause */
/* The MEMORY driver's two sides (memory.c has the overview). */
#pragma once

#include "blockdriver.h"
#include "chardriver.h"

extern const struct blockdriver_ops memory_blk_ops; /* blk.c */
extern const struct chardriver_ops memory_chr_ops;  /* chr.c */
void memory_map_ramdisk(void);
