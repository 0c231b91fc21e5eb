// SPDX-License-Identifier: BSD-2-Clause
/*
 * The VGA text screen: 80x25 cells of (character, colour) at physical
 * 0xb8000, mapped into the driver.  Output handles newline, carriage
 * return, backspace and tab, scrolls at the bottom, and understands
 * the two escape sequences a shell needs to clear the screen (ESC [ H
 * and ESC [ 2 J); other sequences are skipped.  The blinking cursor
 * follows through the CRT controller's ports 0x3d4/0x3d5.
 */
#include <string.h>

#include "tty.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x0700 /* light grey on black */
#define VGA_PHYS 0xb8000u
#define VGA_VADDR ((uint16_t *)0x50000000u)

static uint16_t *screen;
static int row, col;
static int esc; /* 0 none, 1 after ESC, 2 inside ESC [ */
static char esc_arg;

static void cursor(void)
{
	uint32_t at = (uint32_t)(row * COLS + col);
	struct dio_pair p[4] = {
		{0x3d4, 14}, {0x3d5, at >> 8}, {0x3d4, 15}, {0x3d5, at & 0xff}};
	sys_vdevio(DIO_OUT | DIO_BYTE, p, 4);
}

static void clear(void)
{
	for (int i = 0; i < COLS * ROWS; i++)
		screen[i] = ATTR | ' ';
	row = col = 0;
}

void vga_init(void)
{
	if (sys_mapphys(VGA_VADDR, VGA_PHYS, COLS * ROWS * 2) < 0) {
		kputs("tty: cannot map the VGA screen\n");
		return;
	}
	screen = VGA_VADDR;
	clear();
	cursor();
}

static void newline(void)
{
	col = 0;
	if (++row < ROWS)
		return;
	memmove(screen, screen + COLS, (ROWS - 1) * COLS * 2);
	for (int i = 0; i < COLS; i++)
		screen[(ROWS - 1) * COLS + i] = ATTR | ' ';
	row = ROWS - 1;
}

static bool escape(char c)
{
	if (esc == 1) {
		esc = c == '[' ? 2 : 0;
		esc_arg = 0;
		return true;
	}
	if (esc == 2) {
		if (c >= '0' && c <= '9') {
			esc_arg = c;
			return true;
		}
		esc = 0;
		if (c == 'H')
			row = col = 0;
		else if (c == 'J' && esc_arg == '2')
			clear();
		return true;
	}
	if (c == 0x1b) {
		esc = 1;
		return true;
	}
	return false;
}

static void put(char c)
{
	if (escape(c))
		return;
	switch (c) {
	case '\n':
		newline();
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col)
			col--;
		break;
	case '\t':
		col = (col + 8) & ~7;
		if (col >= COLS)
			newline();
		break;
	default:
		screen[row * COLS + col] = ATTR | (unsigned char)c;
		if (++col == COLS)
			newline();
	}
}

void vga_out(struct tty *t, const char *s, uint32_t n)
{
	(void)t;
	if (!screen)
		return;
	for (uint32_t i = 0; i < n; i++)
		put(s[i]);
	cursor();
}
