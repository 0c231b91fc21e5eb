// SPDX-License-Identifier: BSD-2-Clause
/*
 * uname: print system identification.
 *
 *	uname [-amnrsv]
 *
 * Prints the chosen fields of uname(), separated by spaces, always in
 * the order below whatever the order of the options:
 *	-s	system name (the default when no option is given)
 *	-n	node (host) name
 *	-r	release
 *	-v	version
 *	-m	machine (hardware) type
 *	-a	all five
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <unistd.h>

#define F_SYS 1
#define F_NODE 2
#define F_REL 4
#define F_VER 8
#define F_MACH 16

static void usage(void)
{
	fprintf(stderr, "usage: uname [-amnrsv]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int fields = 0;
	int c;
	while ((c = getopt(argc, argv, "amnrsv")) != -1) {
		switch (c) {
		case 'a':
			fields |= F_SYS | F_NODE | F_REL | F_VER | F_MACH;
			break;
		case 'm':
			fields |= F_MACH;
			break;
		case 'n':
			fields |= F_NODE;
			break;
		case 'r':
			fields |= F_REL;
			break;
		case 's':
			fields |= F_SYS;
			break;
		case 'v':
			fields |= F_VER;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (fields == 0)
		fields = F_SYS;

	struct utsname u;
	if (uname(&u) < 0)
		err(1, "uname");
	const char *val[] = {u.sysname, u.nodename, u.release, u.version,
			     u.machine};
	const char *sep = "";
	for (int i = 0; i < 5; i++) {
		if (fields & (1 << i)) {
			printf("%s%s", sep, val[i]);
			sep = " ";
		}
	}
	printf("\n");
	return 0;
}
