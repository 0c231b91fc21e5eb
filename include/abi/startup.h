/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * How a new process's stack starts (kernel/stack.c for boot processes,
 * servers/pm/exec.c for exec, lib/libc/crt0.asm reads it):
 *
 *     argc, argv[0] .. argv[argc-1], 0, envp[0] .. envp[n-1], 0, aux
 *     (and after STACK_AUX_EXEC: PM's endpoint, VFS's endpoint;
 *      after STACK_AUX_SERVICE: PM's, VFS's, RS's and DS's)
 *
 * `aux` says who started the program.  A boot process (STACK_AUX_BOOT)
 * has no descriptors in VFS, so the C library sends its standard output
 * and error to the kernel log until it opens descriptors 0-2 itself; a
 * program started by exec (STACK_AUX_EXEC) has its real descriptors,
 * and learns where PM and VFS are from the two words that follow (a
 * user process may not read the kernel's process table to find them).
 * A service started by RS (STACK_AUX_SERVICE) is like a boot process --
 * no descriptors, the kernel log for output -- and learns PM, VFS, RS
 * and DS from the four words after it (lib/libsys/sef.c).
 */
#pragma once

#define STACK_AUX_EXEC 0u
#define STACK_AUX_BOOT 1u
#define STACK_AUX_SERVICE 2u
