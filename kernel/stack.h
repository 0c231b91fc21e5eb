/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The initial user stack of a boot process: USER_STACK_SIZE bytes just
 * below USER_TOP, holding, from the stack pointer up:
 *     argc, argv[0] .. argv[argc-1], 0, envp[0] = 0, STACK_AUX_BOOT,
 * then the strings (abi/startup.h).
 */
#pragma once

#include <stdint.h>

#include "abi/startup.h"

#define USER_STACK_SIZE 0x10000u
#define USER_STACK_BOTTOM (0xC0000000u - USER_STACK_SIZE)
#define MAX_ARGS 16

int stack_build(uint32_t pd, const char *cmdline, uint32_t *sp);
