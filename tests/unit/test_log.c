// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for kernel/log.c: kprintf's formats, and the log ring that
 * keeps the newest KLOG_SIZE bytes in order.
 */
#include <stdint.h>
#include <string.h>

#include "lib.h"
#include "unit.h"

static char serial[4 * KLOG_SIZE];
static size_t serial_len;

void serial_putc(char c)
{
	if (serial_len < sizeof(serial))
		serial[serial_len++] = c;
}

static char ring[KLOG_SIZE + 1];

static const char *newest(size_t room)
{
	size_t n = klog_copy(ring, room);
	ring[n] = 0;
	return ring;
}

static void formats(void)
{
	serial_len = 0;
	kprintf("a%db%uc%xd%se%cf%%g", -42, 42u, 0xbeefu, "str", 'Z');
	serial[serial_len] = 0;
	CHECK(strcmp(serial, "a-42b42cbeefdstreZf%g") == 0);
	serial_len = 0;
	kprintf("[%08x][%5d][%lld][%llx]", 0x1234u, 7, (long long)-5,
		(unsigned long long)0x123456789aULL);
	serial[serial_len] = 0;
	CHECK(strcmp(serial, "[00001234][    7][-5][123456789a]") == 0);
	serial_len = 0;
	char *volatile none = 0;
	kprintf("%s", none);
	serial[serial_len] = 0;
	CHECK(strcmp(serial, "(null)") == 0);
}

static void ring_keeps_newest(void)
{
	kprintf("marker-one\n");
	CHECK(strstr(newest(KLOG_SIZE), "marker-one\n") != 0);
	CHECK(strcmp(newest(11), "marker-one\n") == 0);
	/* Overflow the ring: the oldest text goes, order is kept. */
	for (int i = 0; i < 3000; i++)
		kprintf("line %04d\n", i);
	const char *r = newest(KLOG_SIZE);
	CHECK(strlen(r) == KLOG_SIZE);
	CHECK(strstr(r, "marker-one") == 0);
	size_t n = strlen(r);
	CHECK(strcmp(r + n - 10, "line 2999\n") == 0);
	CHECK(strstr(r, "line 2998\nline 2999\n") != 0);
}

int main(void)
{
	unit_file = "log";
	RUN(formats);
	RUN(ring_keeps_newest);
	return unit_done();
}
