// SPDX-License-Identifier: BSD-2-Clause
/*
 * The PS/2 keyboard (IRQ 1, data port 0x60, status 0x64), scan code
 * set 1 as the controller translates it: make codes below 0x80, break
 * codes with bit 7 set.  Shift and Ctrl are tracked, Caps Lock toggles;
 * the US layout turns keys into ASCII, Ctrl+letter into its control
 * code.  Keys without an ASCII meaning (arrows, F-keys) are ignored.
 */
#include "tty.h"

static const char plain[0x3a] =
	"\0\0331234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./"
	"\0*\0 ";
static const char shifted[0x3a] =
	"\0\033!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?"
	"\0*\0 ";

static bool shift, ctrl, caps;

void kbd_init(void)
{
	uint32_t v;
	for (int i = 0; i < 16; i++) { /* drain what the BIOS left */
		sys_devio(0x64, DIO_IN | DIO_BYTE, 0, &v);
		if (!(v & 1))
			break;
		sys_devio(0x60, DIO_IN | DIO_BYTE, 0, &v);
	}
}

static void key(struct tty *t, uint8_t code)
{
	bool up = code & 0x80;
	uint8_t k = code & 0x7f;
	if (k == 0x2a || k == 0x36) {
		shift = !up;
		return;
	}
	if (k == 0x1d) {
		ctrl = !up;
		return;
	}
	if (up)
		return;
	if (k == 0x3a) {
		caps = !caps;
		return;
	}
	if (k >= sizeof(plain))
		return;
	char c = shift ? shifted[k] : plain[k];
	if (caps && c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	else if (caps && c >= 'A' && c <= 'Z' && shift)
		c = (char)(c - 'A' + 'a');
	if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		     c == '\\' || c == '['))
		c &= 0x1f;
	if (c)
		line_input(t, c);
}

void kbd_interrupt(struct tty *t)
{
	uint32_t st, v;
	for (int i = 0; i < 16; i++) {
		if (sys_devio(0x64, DIO_IN | DIO_BYTE, 0, &st) < 0 || !(st & 1))
			break;
		sys_devio(0x60, DIO_IN | DIO_BYTE, 0, &v);
		key(t, (uint8_t)v);
	}
}
