/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The few C library routines the kernel needs, written here (the kernel
 * links no libc), and the kernel log: kprintf() writes to COM1 and to a
 * ring buffer that GETINFO copies out (dmesg).
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
size_t strlcpy(char *d, const char *s, size_t n);

#define KLOG_SIZE 16384

void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void klog_write(const char *s, size_t n);
size_t klog_copy(char *dst, size_t room); /* oldest first */
void panic(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
