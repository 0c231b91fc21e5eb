/* SPDX-License-Identifier: BSD-2-Clause */
/* reboot(2): ask PM to sync the disks and power off or restart (root
 * only).  The numbers are the kernel's (abi/kcall_msg.h). */
#pragma once

#define RB_POWEROFF 1 /* stop (QEMU: quit) */
#define RB_AUTOBOOT 2 /* restart */

int reboot(int how);
