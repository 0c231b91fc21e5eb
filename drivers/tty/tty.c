// SPDX-License-Identifier: BSD-2-Clause
/*
 * TTY: the terminal driver.
 *
 * Minor devices: 0 /dev/console and 2 /dev/ttyS0 are the serial line
 * (COM1), 1 /dev/tty0 is the VGA screen with the PS/2 keyboard.  Each
 * terminal has a line discipline (line.c) between its device and the
 * programs reading and writing it; this file is the character-driver
 * side (proto/cdev.h through lib/libdriver/chardriver.c): open, read,
 * write, the termios and process-group ioctls, select, and interrupts.
 *
 * A terminal's foreground process group is set when a group leader
 * opens it (getty and login do, after setsid) or with TIOCSPGRP; ^C
 * and friends signal that group, through the client (VFS) that set it.
 * Every callback is told who asked: grants are that caller's, and a
 * kept read or a waiting select is finished towards it.
 */
#include <string.h>
#include <sys/ioctl.h>

#include "chardriver.h"
#include "devnum.h"
#include "tty.h"

#define IRQ_KBD 1
#define IRQ_COM1 4

static struct tty serial = {
	.name = "ttyS0", .minor = MINOR_TTYS0, .out = serial_out};
static struct tty vga = {.name = "tty0", .minor = MINOR_TTY0, .out = vga_out};

static struct tty *tty_of(uint32_t minor)
{
	if (minor == MINOR_CONSOLE || minor == MINOR_TTYS0)
		return &serial;
	return minor == MINOR_TTY0 ? &vga : 0;
}

static void set_pgrp(struct tty *t, endpoint_t by, int pgrp)
{
	t->pgrp = pgrp;
	t->pgrp_by = by;
}

static int tty_open(endpoint_t caller, uint32_t minor,
		    const struct cdev_open *q)
{
	struct tty *t = tty_of(minor);
	if (!t)
		return -ENXIO;
	if (q->pid > 0 && q->pid == q->pgrp && !(q->flags & VO_NOCTTY))
		set_pgrp(t, caller, q->pgrp);
	return 0;
}

static int tty_read(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	struct tty *t = tty_of(minor);
	return t ? line_read(t, caller, q) : -ENXIO;
}

static int tty_write(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	char chunk[256];
	struct tty *t = tty_of(minor);
	if (!t)
		return -ENXIO;
	for (uint32_t done = 0; done < q->len;) {
		uint32_t n = q->len - done < sizeof(chunk) ? q->len - done
							   : sizeof(chunk);
		int r = sys_safecopyfrom(caller, q->grant, done, chunk, n);
		if (r < 0)
			return done ? (int)done : -EFAULT;
		line_output(t, chunk, n);
		done += n;
	}
	return (int)q->len;
}

static int copy_in(endpoint_t caller, const struct cdev_ioctl *q, void *to,
		   uint32_t n)
{
	if (q->len < n)
		return -EINVAL;
	return sys_safecopyfrom(caller, q->grant, 0, to, n) < 0 ? -EFAULT : 0;
}

static int copy_out(endpoint_t caller, const struct cdev_ioctl *q,
		    const void *from, uint32_t n)
{
	if (q->len < n)
		return -EINVAL;
	return sys_safecopyto(caller, q->grant, 0, from, n) < 0 ? -EFAULT : 0;
}

static int tty_ioctl(endpoint_t caller, uint32_t minor,
		     const struct cdev_ioctl *q)
{
	struct tty *t = tty_of(minor);
	struct termios tio;
	int32_t v;
	if (!t)
		return -ENXIO;
	switch (q->request) {
	case TCGETS:
		return copy_out(caller, q, &t->tio, sizeof(t->tio));
	case TCSETSF:
		t->icount = t->llen = 0;
		/* fall through */
	case TCSETS:
	case TCSETSW: {
		int r = copy_in(caller, q, &tio, sizeof(tio));
		if (r == 0) {
			t->tio = tio;
			line_serve(t);
		}
		return r;
	}
	case TIOCGPGRP:
		return copy_out(caller, q, &t->pgrp, sizeof(t->pgrp));
	case TIOCSPGRP: {
		int r = copy_in(caller, q, &v, sizeof(v));
		if (r == 0 && v <= 0)
			r = -EINVAL;
		if (r == 0)
			set_pgrp(t, caller, v);
		return r;
	}
	case TIOCGWINSZ: {
		struct winsize w = {25, 80, 0, 0};
		return copy_out(caller, q, &w, sizeof(w));
	}
	case TCFLSH:
		t->icount = t->llen = 0;
		t->eof = false;
		return 0;
	default:
		return -ENOTTY;
	}
}

static int tty_cancel(endpoint_t caller, uint32_t minor, endpoint_t id)
{
	struct tty *t = tty_of(minor);
	return t ? line_cancel(t, caller, id) : -EINTR;
}

static int tty_select(endpoint_t caller, uint32_t minor, uint32_t ops)
{
	struct tty *t = tty_of(minor);
	if (!t)
		return -ENXIO;
	int ready = ops & (CDEV_SEL_WR);
	if ((ops & CDEV_SEL_RD) && line_readable(t))
		ready |= CDEV_SEL_RD;
	else if ((ops & CDEV_SEL_RD) && (ops & CDEV_SEL_NOTIFY))
		t->sel_notify = caller;
	return ready;
}

static void tty_notify(const message_t *m)
{
	if (m->m_source != HARDWARE)
		return;
	if (NOTIFY_ARG(m) & (1u << IRQ_COM1))
		serial_interrupt(&serial);
	if (NOTIFY_ARG(m) & (1u << IRQ_KBD))
		kbd_interrupt(&vga);
}

static const struct chardriver_ops ops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.cancel = tty_cancel,
	.select = tty_select,
	.notify = tty_notify,
};

static void hook(uint32_t irq)
{
	int h;
	if (sys_irqctl(IRQ_SETPOLICY, irq, IRQ_REENABLE, irq, &h) < 0 ||
	    sys_irqctl(IRQ_ENABLE, 0, 0, 0, &h) < 0)
		kputs("tty: cannot hook an interrupt line\n");
}

int main(void)
{
	line_init(&serial);
	line_init(&vga);
	serial_init(&serial);
	vga_init();
	kbd_init();
	hook(IRQ_COM1);
	hook(IRQ_KBD);
	sef_startup("tty");
	chardriver_run(&ops);
}
