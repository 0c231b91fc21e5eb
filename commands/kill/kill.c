// SPDX-License-Identifier: BSD-2-Clause
/*
 * kill: send a signal to processes.
 *
 *	kill [-s NAME | -NAME | -NUMBER] pid ...
 *	kill -l [exit_status | NAME]
 *
 * Sends a signal (TERM unless one is named) to each pid.  A negative
 * pid names a process group; write "--" before it so it is not read as
 * a signal ("kill -- -12", "kill -9 -12" works as well).  Signal names
 * may be given with or without "SIG", in any case: -s kill, -KILL,
 * -SIGKILL and -9 are the same; -0 only checks that the pid exists.
 *
 * -l lists the signal names this kill knows, in number order.  With an
 * operand it translates: a number (or an exit status above 128, as a
 * shell reports a killed child) gives the name, a name gives the
 * number.
 *
 * The option syntax ("-9", "-TERM") cannot be parsed by getopt(), so
 * the first operand is read by hand.  A pid that cannot be signalled
 * is reported and the others still are; the exit status is then 1.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct sig_name {
	const char *name;
	int num;
};

static const struct sig_name sigs[] = {
	{"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT},
	{"ILL", SIGILL},   {"TRAP", SIGTRAP}, {"ABRT", SIGABRT},
	{"FPE", SIGFPE},   {"KILL", SIGKILL}, {"SEGV", SIGSEGV},
	{"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM},
	{"USR1", SIGUSR1}, {"USR2", SIGUSR2}, {"CHLD", SIGCHLD},
	{"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"TSTP", SIGTSTP},
	{"TTIN", SIGTTIN}, {"TTOU", SIGTTOU},
};

#define NSIGS (sizeof(sigs) / sizeof(sigs[0]))

static void usage(void)
{
	fprintf(stderr, "usage: kill [-s NAME | -NAME | -NUMBER] pid ...\n"
			"       kill -l [exit_status | NAME]\n");
	exit(2);
}

/* A decimal number, or -1 if s is not one (or is too large). */
static long parse_number(const char *s)
{
	long v = 0;
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || v > 100000000L)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static const char *sig_to_name(int num)
{
	for (size_t i = 0; i < NSIGS; i++) {
		if (sigs[i].num == num)
			return sigs[i].name;
	}
	return NULL;
}

/* Compare ASCII strings ignoring case; 1 if equal. */
static int same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		if (toupper((unsigned char)*a) != toupper((unsigned char)*b))
			return 0;
	}
	return *a == *b;
}

/* "TERM", "SIGTERM", "term", "15" or "0" to a number; -1 if unknown. */
static int name_to_sig(const char *s)
{
	long n = parse_number(s);
	if (n == 0 || (n > 0 && sig_to_name((int)n)))
		return (int)n;
	if (toupper((unsigned char)s[0]) == 'S' &&
	    toupper((unsigned char)s[1]) == 'I' &&
	    toupper((unsigned char)s[2]) == 'G')
		s += 3;
	for (size_t i = 0; i < NSIGS; i++) {
		if (same_name(s, sigs[i].name))
			return sigs[i].num;
	}
	return -1;
}

static int list_signals(int argc, char **argv)
{
	if (argc > 1)
		usage();
	if (argc == 0) {
		const char *sep = "";
		for (int num = 1; num < 128; num++) {
			const char *name = sig_to_name(num);
			if (name) {
				printf("%s%s", sep, name);
				sep = " ";
			}
		}
		printf("\n");
		return 0;
	}
	long n = parse_number(argv[0]);
	if (n >= 0) {
		const char *name = sig_to_name((int)(n > 128 ? n - 128 : n));
		if (!name)
			errx(1, "unknown signal number: %s", argv[0]);
		printf("%s\n", name);
		return 0;
	}
	int sig = name_to_sig(argv[0]);
	if (sig < 0)
		errx(1, "unknown signal: %s", argv[0]);
	printf("%d\n", sig);
	return 0;
}

static int parse_pid(const char *s, long *pid)
{
	int neg = *s == '-';
	long v = parse_number(neg ? s + 1 : s);
	if (v < 0)
		return -1;
	*pid = neg ? -v : v;
	return 0;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int i = 1;
	if (argc < 2)
		usage();
	const char *a = argv[1];
	if (strcmp(a, "-l") == 0)
		return list_signals(argc - 2, argv + 2);
	if (strcmp(a, "-s") == 0) {
		if (argc < 3 || (sig = name_to_sig(argv[2])) < 0) {
			warnx("unknown signal: %s", argc < 3 ? "" : argv[2]);
			usage();
		}
		i = 3;
	} else if (strcmp(a, "--") == 0) {
		i = 2;
	} else if (a[0] == '-') {
		if ((sig = name_to_sig(a + 1)) < 0) {
			warnx("unknown signal: %s", a + 1);
			usage();
		}
		i = 2;
	}
	if (i > 2 || (i == 2 && strcmp(a, "--") != 0)) {
		if (i < argc && strcmp(argv[i], "--") == 0)
			i++; /* "kill -9 -- -12" */
	}
	if (i >= argc)
		usage();

	int status = 0;
	for (; i < argc; i++) {
		long pid;
		if (parse_pid(argv[i], &pid) < 0) {
			warnx("%s: not a process id", argv[i]);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) < 0) {
			warn("%s", argv[i]);
			status = 1;
		}
	}
	return status;
}
