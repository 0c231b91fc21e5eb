// SPDX-License-Identifier: BSD-2-Clause
/*
 * more: page through text one screenful at a time.
 *
 *	more [file ...]
 *
 * Shows each file (standard input if none, or for "-") 23 lines at a
 * time ($LINES - 1 when LINES is set), then waits at a "--More--"
 * prompt (with the percentage read, for a regular file).  Keys, read
 * from /dev/tty so that the text itself may come from a pipe:
 *	space	next screenful		d	next half screenful
 *	return	next line		q	quit
 * Lines longer than 80 columns ($COLUMNS) count as the screen lines
 * they wrap to; tabs stop every 8 columns.  With several files each is
 * introduced by a header between lines of colons.
 *
 * When standard output is not a terminal, or /dev/tty cannot be
 * opened, more just copies its input, like cat.  While waiting for a
 * key the terminal is put in non-canonical, no-echo mode, and is put
 * back on exit and on SIGINT, SIGQUIT or SIGTERM.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#define DEFAULT_ROWS 24
#define DEFAULT_COLS 80

struct pager {
	int tty;  /* /dev/tty for keys, or -1: just copy */
	int rows; /* lines per page, not counting the prompt */
	int cols;
	int line; /* screen lines shown since the last prompt */
	int col;  /* current column on the screen */
	int quit;
};

static struct termios saved_tio;
static int saved_fd = -1;

static void usage(void)
{
	fprintf(stderr, "usage: more [file ...]\n");
	exit(2);
}

static void restore_tty(void)
{
	if (saved_fd >= 0)
		tcsetattr(saved_fd, TCSANOW, &saved_tio);
}

static void on_signal(int sig)
{
	restore_tty();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Keys must arrive one at a time and unechoed. */
static void raw_tty(int fd)
{
	struct termios t;
	if (tcgetattr(fd, &saved_tio) < 0)
		return;
	t = saved_tio;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	saved_fd = fd;
	signal(SIGINT, on_signal);
	signal(SIGQUIT, on_signal);
	signal(SIGTERM, on_signal);
	atexit(restore_tty);
	tcsetattr(fd, TCSANOW, &t);
}

static int env_number(const char *name, int fallback)
{
	const char *s = getenv(name);
	int v = s ? atoi(s) : 0;
	return v > 0 ? v : fallback;
}

/* Show the prompt, wait for a key, erase the prompt; sets p->line. */
static void prompt(struct pager *p, int percent)
{
	char msg[32];
	int len;
	if (percent >= 0)
		len = snprintf(msg, sizeof(msg), "--More--(%d%%)", percent);
	else
		len = snprintf(msg, sizeof(msg), "--More--");
	fputs(msg, stdout);
	fflush(stdout);
	for (;;) {
		char key;
		ssize_t n = read(p->tty, &key, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || key == 'q' || key == 'Q') {
			p->quit = 1;
			break;
		}
		if (key == ' ') {
			p->line = 0;
			break;
		}
		if (key == 'd') {
			p->line = p->rows / 2;
			break;
		}
		if (key == '\n' || key == '\r') {
			p->line = p->rows - 1;
			break;
		}
	}
	printf("\r%*s\r", len, "");
}

/* Account for one character on the screen; 1 if a screen line ended. */
static int advance(struct pager *p, int c)
{
	if (c == '\n') {
		p->col = 0;
		return 1;
	}
	if (p->col >= p->cols) {
		p->col = 0;
		p->line++;
	}
	if (c == '\t')
		p->col = (p->col / 8 + 1) * 8;
	else if (c == '\b')
		p->col = p->col > 0 ? p->col - 1 : 0;
	else if (c == '\r')
		p->col = 0;
	else
		p->col++;
	return 0;
}

static int percent_of(FILE *f, long long size)
{
	if (size <= 0)
		return -1;
	long pos = ftell(f);
	return pos < 0 ? -1 : (int)(pos * 100 / size);
}

static void page_stream(struct pager *p, FILE *f, long long size)
{
	int c;
	while (!p->quit && (c = getc(f)) != EOF) {
		if (p->tty >= 0 && p->line >= p->rows) {
			prompt(p, percent_of(f, size));
			if (p->quit)
				break;
		}
		putchar(c);
		if (p->tty >= 0 && advance(p, c))
			p->line++;
	}
}

static int page_file(struct pager *p, const char *name, int header)
{
	FILE *f = stdin;
	if (strcmp(name, "-") != 0) {
		f = fopen(name, "r");
		if (!f) {
			warn("%s", name);
			return -1;
		}
	}
	struct stat st;
	long long size = -1;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		size = (long long)st.st_size;
	if (header) {
		const char *bar = "::::::::::::::";
		printf("%s\n%s\n%s\n", bar, name, bar);
		p->line += 3;
	}
	page_stream(p, f, size);
	int rc = 0;
	if (ferror(f)) {
		warn("%s", name);
		rc = -1;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "")) != -1)
		usage();
	argc -= optind;
	argv += optind;

	struct pager p = {-1, 0, 0, 0, 0, 0};
	p.rows = env_number("LINES", DEFAULT_ROWS) - 1;
	p.cols = env_number("COLUMNS", DEFAULT_COLS);
	if (p.rows < 1)
		p.rows = 1;
	if (isatty(STDOUT_FILENO)) {
		p.tty = open("/dev/tty", O_RDONLY);
		if (p.tty >= 0)
			raw_tty(p.tty);
	}

	int status = 0;
	if (argc == 0 && page_file(&p, "-", 0) < 0)
		status = 1;
	for (int i = 0; i < argc && !p.quit; i++) {
		if (page_file(&p, argv[i], argc > 1) < 0)
			status = 1;
	}
	if (fflush(stdout) == EOF)
		err(1, "write error");
	return status;
}
