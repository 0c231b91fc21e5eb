// SPDX-License-Identifier: BSD-2-Clause
/*
 * Device numbers, in one place (MINIX's dmap.h).  A device number is
 * major << 8 | minor: the major picks the driver, the minor one device of
 * that driver.  Build one with DEV_MAKE, take it apart with DEV_MAJOR and
 * DEV_MINOR; nobody shifts by hand.
 *
 * DEV_MAJORS lists every major with the label of its driver (the name RS
 * publishes in DS, and the process name): VFS finds the driver of a device
 * by it (servers/vfs/driver.c).
 *
 * The minors below are each driver's devices.  DEV_FILES lists the device
 * files by their name in /dev, with type ('c' character, 'b' block), major
 * and minor; '#' in a name stands for a number, and DEV_ANY_MINOR for a
 * minor that number decides.  tools/mkrootfs checks every device line of
 * boot/devices against both lists: a major not in DEV_MAJORS, or a name of
 * DEV_FILES with another type, major or minor, stops the build.
 *
 * No libc header but <stdint.h>: the host tools include this file too.
 */
#pragma once

#include <stdint.h>

#define DEV_MAKE(major, minor) ((uint32_t)(major) << 8 | (uint32_t)(minor))
#define DEV_MAJOR(dev) ((uint32_t)(dev) >> 8 & 0xff)
#define DEV_MINOR(dev) ((uint32_t)(dev)&0xff)
#define DEV_MAJOR_MAX 255
#define DEV_MINOR_MAX 255

#define MAJOR_MEMORY 1	/* RAM disks, null, zero, kmsg */
#define MAJOR_ATA 3	/* IDE disks and their partitions */
#define MAJOR_TTY 4	/* terminals */
#define MAJOR_RANDOM 16 /* random numbers */
#define MAJOR_INET 17	/* sockets: no device files; see below */

/* X(major, driver label) */
#define DEV_MAJORS(X)                                                          \
	X(MAJOR_MEMORY, "memory")                                              \
	X(MAJOR_ATA, "ata")                                                    \
	X(MAJOR_TTY, "tty")                                                    \
	X(MAJOR_RANDOM, "random")                                              \
	X(MAJOR_INET, "inet")

/* MEMORY: block minors 0-3 are the RAM disks ram0-ram3. */
#define MINOR_NULL 1
#define MINOR_ZERO 2
#define MINOR_KMSG 3

/* ATA: minor = ATA_MINORS_PER_DRIVE * drive + (0 the disk | partition 1-4),
 * drive = 2 * controller + disk. */
#define ATA_MINORS_PER_DRIVE 5

/* TTY: the console is the serial line, as ttyS0 is. */
#define MINOR_CONSOLE 0
#define MINOR_TTY0 1
#define MINOR_TTYS0 2

/* RANDOM */
#define MINOR_RANDOM 0
#define MINOR_URANDOM 1

/* INET: VFS follows the TCP/IP server like a driver (DS label, death),
 * but its sockets are made by socket(), not opened by name: an open
 * socket's "minor" is INET's socket number, any 32-bit value, kept in
 * the open file (servers/vfs/sock.c).  No device file names it. */

#define DEV_ANY_MINOR (-1)

/* X(name in /dev, type, major, minor) */
#define DEV_FILES(X)                                                           \
	X("ram#", 'b', MAJOR_MEMORY, DEV_ANY_MINOR)                            \
	X("null", 'c', MAJOR_MEMORY, MINOR_NULL)                               \
	X("zero", 'c', MAJOR_MEMORY, MINOR_ZERO)                               \
	X("kmsg", 'c', MAJOR_MEMORY, MINOR_KMSG)                               \
	X("c#d#", 'b', MAJOR_ATA, DEV_ANY_MINOR)                               \
	X("c#d#p#", 'b', MAJOR_ATA, DEV_ANY_MINOR)                             \
	X("console", 'c', MAJOR_TTY, MINOR_CONSOLE)                            \
	X("tty0", 'c', MAJOR_TTY, MINOR_TTY0)                                  \
	X("ttyS0", 'c', MAJOR_TTY, MINOR_TTYS0)                                \
	X("random", 'c', MAJOR_RANDOM, MINOR_RANDOM)                           \
	X("urandom", 'c', MAJOR_RANDOM, MINOR_URANDOM)
