/* SPDX-License-Identifier: BSD-2-Clause */
/* The terminal driver's parts (tty.c has the overview). */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/termios.h>

#include "libsys.h"
#include "proto/cdev.h"
#include "proto/vfs.h"

#define IBUF_SIZE 1024
#define LINE_MAX_T 255
#define NR_READERS 8

struct reader {		   /* a read the driver keeps until input comes */
	endpoint_t caller; /* who sent it: its grant, its answer */
	endpoint_t id;
	grant_id_t grant;
	uint32_t len;
};

struct tty {
	const char *name;
	uint32_t minor;
	struct termios tio;
	/* Input ready for readers (canonical: whole lines only). */
	char ibuf[IBUF_SIZE];
	uint32_t ihead, icount;
	bool eof; /* ^D on an empty line: the next read returns 0 */
	/* The line being edited (canonical mode). */
	char line[LINE_MAX_T + 1];
	uint32_t llen;
	struct reader readers[NR_READERS];
	int nreaders;
	int pgrp;	       /* foreground process group: gets ^C's SIGINT */
	endpoint_t pgrp_by;    /* who set it: where its signals go */
	endpoint_t sel_notify; /* whose select waits for input, or NONE */
	void (*out)(struct tty *t, const char *s, uint32_t n); /* device */
};

/* line.c: the line discipline. */
void line_init(struct tty *t);
void line_input(struct tty *t, char c); /* a key or a byte came */
void line_output(struct tty *t, const char *s, uint32_t n); /* OPOST */
int line_read(struct tty *t, endpoint_t caller, const struct cdev_rw *q);
void line_serve(struct tty *t); /* give waiting readers what is ready */
int line_cancel(struct tty *t, endpoint_t caller, endpoint_t id);
bool line_readable(const struct tty *t);

/* serial.c: COM1 */
void serial_init(struct tty *t);
void serial_interrupt(struct tty *t);
void serial_out(struct tty *t, const char *s, uint32_t n);

/* vga.c and kbd.c: the screen and the PS/2 keyboard */
void vga_init(void);
void vga_out(struct tty *t, const char *s, uint32_t n);
void kbd_init(void);
void kbd_interrupt(struct tty *t);
