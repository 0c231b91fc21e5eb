// SPDX-License-Identifier: BSD-2-Clause
/*
 * halt, reboot: stop or restart the machine.
 *
 *	halt
 *	reboot
 *
 * One program under two names: the root image holds a copy of halt
 * called reboot (commands/module.mk, COMMAND_COPIES), and the last part
 * of argv[0] decides.  reboot(2) asks PM, which refuses anyone but root
 * (EPERM), syncs the file systems and has the kernel power the machine
 * off (halt; QEMU quits) or reset it (reboot).  On success nothing
 * returns; on failure the error is printed ("halt: Operation not
 * permitted (only root may halt)") and the status is 1.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');
	const char *prog = slash ? slash + 1 : argv[0];
	int restart = strcmp(prog, "reboot") == 0;
	if (getopt(argc, argv, "") != -1 || optind != argc) {
		fprintf(stderr, "usage: %s\n", restart ? "reboot" : "halt");
		return 2;
	}
	reboot(restart ? RB_AUTOBOOT : RB_POWEROFF);
	if (errno == EPERM) /* newlib's strerror() calls it "Not owner" */
		errx(1, "Operation not permitted (only root may %s)",
		     restart ? "reboot" : "halt");
	err(1, NULL);
}
