/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The host's policy tool (policycheck.c) and the boot-table writer it
 * links (boottable.c).
 */
#pragma once

#include <stdio.h>

#include "policy.h"

/* A policy file that becomes a boot-table entry named `name`. */
struct boot_policy {
	const char *name; /* the label, or a pattern such as "t_*" */
	const char *path;
	struct policy pol;
};

/* Write the C source of the kernel's boot table; 0, or -1 on an error
 * writing. */
int boot_table_write(FILE *f, const struct boot_policy *b, int n);
