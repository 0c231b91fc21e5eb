// SPDX-License-Identifier: BSD-2-Clause
/*
 * chmod: change file mode bits.
 *
 *	chmod mode file ...
 *
 * MODE is either octal (755, 0644, 4755), which sets the bits exactly,
 * or symbolic: comma-separated clauses of the form
 *	[ugoa...][+-=][rwxXst...]...	e.g. u+x  go-w  a=r  u=rw,go=r
 * who: u user, g group, o others, a all three;
 * op:  + adds, - removes, = sets exactly (clearing the rest of who);
 * perm: r w x, X (x only if a directory or already executable by
 * someone), s (set-id, for u and g), t (sticky), or one of u g o to
 * copy that class's current bits ("g=u").  Several ops may follow one
 * who ("u+x-w").  With no who letter the clause acts on all classes
 * but leaves alone the bits set in the umask, as POSIX asks.
 *
 * The mode is checked for syntax before any file is touched.  chmod
 * has no options (no -R), and does not use getopt(), because a mode
 * such as "-w" starts with a minus.  A file that cannot be changed is reported and the others are
 * still changed; the exit status is then 1.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WHO_U 04700
#define WHO_G 02070
#define WHO_O 01007
#define WHO_A 07777

static void usage(void)
{
	fprintf(stderr, "usage: chmod mode file ...\n");
	exit(2);
}

static int parse_octal(const char *s, mode_t *mode)
{
	unsigned long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '7' || v > 07777)
			return -1;
		v = v * 8 + (unsigned long)(*s - '0');
	}
	if (v > 07777)
		return -1;
	*mode = (mode_t)v;
	return 0;
}

/* Replicate the rwx bits of one class (shift 6, 3 or 0) to all three. */
static mode_t copy_class(mode_t mode, int shift)
{
	mode_t rwx = (mode >> shift) & 7;
	return (rwx << 6) | (rwx << 3) | rwx;
}

/* The bits named by the perm letters at *pp; moves *pp past them. */
static mode_t parse_perms(const char **pp, mode_t mode, int is_dir)
{
	mode_t bits = 0;
	const char *p = *pp;
	for (;; p++) {
		switch (*p) {
		case 'r':
			bits |= 0444;
			break;
		case 'w':
			bits |= 0222;
			break;
		case 'x':
			bits |= 0111;
			break;
		case 'X':
			if (is_dir || (mode & 0111))
				bits |= 0111;
			break;
		case 's':
			bits |= 06000;
			break;
		case 't':
			bits |= 01000;
			break;
		case 'u':
			bits |= copy_class(mode, 6);
			break;
		case 'g':
			bits |= copy_class(mode, 3);
			break;
		case 'o':
			bits |= copy_class(mode, 0);
			break;
		default:
			*pp = p;
			return bits;
		}
	}
}

/* One clause: who letters, then one or more op+perms. */
static int apply_clause(const char **pp, mode_t *mode, int is_dir,
			mode_t umask_bits)
{
	const char *p = *pp;
	mode_t who = 0;
	for (;; p++) {
		if (*p == 'u')
			who |= WHO_U;
		else if (*p == 'g')
			who |= WHO_G;
		else if (*p == 'o')
			who |= WHO_O;
		else if (*p == 'a')
			who |= WHO_A;
		else
			break;
	}
	mode_t keep = 0; /* bits the umask protects when who is omitted */
	if (who == 0) {
		who = WHO_A;
		keep = umask_bits;
	}
	if (*p != '+' && *p != '-' && *p != '=')
		return -1;
	while (*p == '+' || *p == '-' || *p == '=') {
		char op = *p++;
		mode_t bits = parse_perms(&p, *mode, is_dir) & who & ~keep;
		if (op == '+')
			*mode |= bits;
		else if (op == '-')
			*mode &= ~bits;
		else
			*mode = (*mode & ~(who & ~keep)) | bits;
	}
	*pp = p;
	return 0;
}

/* The new mode for a file whose mode is old; -1 if spec is invalid. */
static int new_mode(const char *spec, mode_t old, mode_t umask_bits,
		    mode_t *out)
{
	if (spec[0] >= '0' && spec[0] <= '7')
		return parse_octal(spec, out);
	mode_t mode = old & 07777;
	const char *p = spec;
	for (;;) {
		if (apply_clause(&p, &mode, S_ISDIR(old), umask_bits) < 0)
			return -1;
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return -1;
	}
	*out = mode;
	return 0;
}

int main(int argc, char **argv)
{
	argc--;
	argv++;
	if (argc > 0 && strcmp(argv[0], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc < 2)
		usage();

	const char *spec = argv[0];
	mode_t mask = umask(0);
	umask(mask);
	mode_t dummy;
	if (new_mode(spec, 0, mask, &dummy) < 0) {
		if (spec[0] == '-')
			usage(); /* an unknown option, not a mode */
		errx(1, "invalid mode: %s", spec);
	}

	int status = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		mode_t mode;
		if (stat(argv[i], &st) < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		new_mode(spec, st.st_mode, mask, &mode);
		if (chmod(argv[i], mode) < 0) {
			warn("%s", argv[i]);
			status = 1;
		}
	}
	return status;
}
