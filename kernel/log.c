// SPDX-License-Identifier: BSD-2-Clause
/*
 * The kernel log.  Every character goes to COM1 at once and into a ring
 * of KLOG_SIZE bytes, so that a process (dmesg, the test harness) can read
 * the recent past even after the serial output scrolled away.
 *
 * kprintf understands %s %c %d %i %u %x %p and %%, with an optional '0'
 * flag and width (e.g. %08x), and the 'l'/'ll' length modifiers on d, u, x.
 */
#include "arch/i386/arch.h"
#include "lib.h"

static char ring[KLOG_SIZE];
static size_t ring_next;
static int ring_wrapped;

static void klog_putc(char c)
{
	serial_putc(c);
	ring[ring_next++] = c;
	if (ring_next == KLOG_SIZE) {
		ring_next = 0;
		ring_wrapped = 1;
	}
}

void klog_write(const char *s, size_t n)
{
	while (n--)
		klog_putc(*s++);
}

size_t klog_copy(char *dst, size_t room)
{
	size_t old = ring_wrapped ? KLOG_SIZE - ring_next : 0;
	size_t total = old + ring_next, n = 0;
	size_t skip = total > room ? total - room : 0; /* keep the newest */
	for (size_t i = skip; i < total; i++)
		dst[n++] = i < old ? ring[ring_next + i] : ring[i - old];
	return n;
}

static void put_num(uint64_t v, unsigned base, int width, char pad, int neg)
{
	char buf[24];
	int n = 0;
	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		buf[n++] = '-';
	while (n < width--)
		klog_putc(pad);
	while (n)
		klog_putc(buf[--n]);
}

static void vkprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			klog_putc(*fmt);
			continue;
		}
		char pad = ' ';
		int width = 0, longs = 0;
		if (*++fmt == '0')
			pad = *fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			longs++;
			fmt++;
		}
		uint64_t u;
		int64_t s;
		switch (*fmt) {
		case 's': {
			const char *str = va_arg(ap, const char *);
			klog_write(str ? str : "(null)",
				   strlen(str ? str : "(null)"));
			break;
		}
		case 'c':
			klog_putc((char)va_arg(ap, int));
			break;
		case 'd':
		case 'i':
			s = longs >= 2 ? va_arg(ap, int64_t) : va_arg(ap, int);
			put_num(s < 0 ? -(uint64_t)s : (uint64_t)s, 10, width,
				pad, s < 0);
			break;
		case 'u':
		case 'x':
			u = longs >= 2 ? va_arg(ap, uint64_t)
				       : va_arg(ap, unsigned int);
			put_num(u, *fmt == 'u' ? 10 : 16, width, pad, 0);
			break;
		case 'p':
			klog_write("0x", 2);
			put_num((uintptr_t)va_arg(ap, void *), 16, 8, '0', 0);
			break;
		case '%':
			klog_putc('%');
			break;
		default:
			return;
		}
	}
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;
	kprintf("\nkernel panic: ");
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	cpu_halt_forever();
}
