// SPDX-License-Identifier: BSD-2-Clause
/*
 * service: ask the reincarnation server (RS, proto/rs.h) to start, stop,
 * restart or list the system's services.
 *
 *	service up BINARY [-label LABEL] [-args "ARGS"] [-config FILE]
 *	service down LABEL
 *	service restart LABEL     (start again a service that is down)
 *	service refresh LABEL     (stop a running one and start it afresh)
 *	service list
 *	service fi LABEL          (make it crash: fault injection)
 *	service hang LABEL        (make it hang: RS must notice and kill it)
 *
 * `up` starts BINARY (an absolute path) as service LABEL (the program's
 * name unless given) with the arguments ARGS and the policy in FILE
 * (/etc/system.d/LABEL.conf unless given); RS restarts it whenever it
 * fails, as its policy says.  `list` prints one line per service: label,
 * endpoint, pid, state, restarts, the last failure's reason, uptime.
 * Only root may use it.  RS is found in PM's process list by name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procs.h>
#include <unistd.h>

#include "libsys.h"
#include "rsclient.h"

static void usage(void)
{
	fprintf(stderr,
		"usage: service up BINARY [-label LABEL] [-args \"ARGS\"] "
		"[-config FILE]\n"
		"       service down|restart|refresh|fi|hang LABEL\n"
		"       service list\n");
	exit(2);
}

/* RS's refusal in words: newlib calls EPERM "Not owner". */
static const char *why(int r)
{
	return r == -EPERM ? "permission denied: only root may manage services"
			   : strerror(-r);
}

/* RS, or a clear message and exit status 1. */
static endpoint_t rs(void)
{
	endpoint_t ep = getprocs_boot("rs");
	if (ep == NONE) {
		fprintf(stderr, "service: the reincarnation server is not "
				"running\n");
		exit(1);
	}
	return ep;
}

static int up(int argc, char **argv)
{
	static struct rs_up u;
	if (argc < 1 || argv[0][0] != '/') {
		if (argc >= 1)
			fprintf(stderr, "service: %s: give an absolute path\n",
				argv[0]);
		usage();
	}
	if (strlen(argv[0]) >= sizeof(u.path)) {
		fprintf(stderr, "service: path too long: %s\n", argv[0]);
		return 2;
	}
	strcpy(u.path, argv[0]);
	for (int i = 1; i < argc; i += 2) {
		char *dst = 0;
		size_t room = 0;
		if (!strcmp(argv[i], "-label"))
			dst = u.label, room = sizeof(u.label);
		else if (!strcmp(argv[i], "-args"))
			dst = u.args, room = sizeof(u.args);
		else if (!strcmp(argv[i], "-config"))
			dst = u.config, room = sizeof(u.config);
		if (!dst || i + 1 >= argc) {
			fprintf(stderr, "service: %s: %s\n", argv[i],
				dst ? "needs a value" : "unknown option");
			usage();
		}
		if (strlen(argv[i + 1]) >= room) {
			fprintf(stderr, "service: %s too long\n", argv[i]);
			return 2;
		}
		strcpy(dst, argv[i + 1]);
	}
	int r = rs_up(rs(), &u, 0);
	if (r < 0) {
		fprintf(stderr, "service: cannot start %s: %s%s\n", u.path,
			why(r),
			r == -EINVAL ? " (bad label, or policy: see the "
				       "console)"
				     : "");
		return 1;
	}
	return 0;
}

static const char *state_name(uint32_t s)
{
	static const char *const names[] = {"starting", "running", "waiting",
					    "script",	"down",	   "failed"};
	return s < sizeof(names) / sizeof(names[0]) ? names[s] : "?";
}

static int list(void)
{
	static struct rs_info info[32];
	int n = rs_list(rs(), info, sizeof(info) / sizeof(info[0]));
	if (n < 0) {
		fprintf(stderr, "service: list: %s\n", why(n));
		return 1;
	}
	printf("%-15s %8s %5s %-8s %8s %-12s %s\n", "LABEL", "ENDPOINT", "PID",
	       "STATE", "RESTARTS", "LAST-FAILURE", "UPTIME");
	for (int i = 0; i < n; i++) {
		struct rs_info *s = &info[i];
		char ep[12] = "-", pid[12] = "-", upt[16] = "-";
		if (s->ep != NONE) {
			snprintf(ep, sizeof(ep), "%d", s->ep);
			snprintf(upt, sizeof(upt), "%u.%us",
				 s->uptime_ms / 1000, s->uptime_ms / 100 % 10);
		}
		if (s->pid > 0)
			snprintf(pid, sizeof(pid), "%d", s->pid);
		printf("%-15s %8s %5s %-8s %8u %-12s %s\n", s->label, ep, pid,
		       state_name(s->state), s->restarts,
		       s->reason[0] ? s->reason : "-", upt);
	}
	return 0;
}

static int crash(endpoint_t rs, const char *label)
{
	return rs_fi(rs, label, RS_FI_CRASH);
}

static int hang(endpoint_t rs, const char *label)
{
	return rs_fi(rs, label, RS_FI_HANG);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*call)(endpoint_t rs, const char *label);
	} ops[] = {{"down", rs_down},
		   {"restart", rs_restart},
		   {"refresh", rs_refresh},
		   {"fi", crash},
		   {"hang", hang}};
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "up"))
		return up(argc - 2, argv + 2);
	if (!strcmp(argv[1], "list")) {
		if (argc != 2)
			usage();
		return list();
	}
	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (strcmp(argv[1], ops[i].name))
			continue;
		if (argc != 3)
			usage();
		if (strlen(argv[2]) >= RS_LABEL_MAX) {
			fprintf(stderr, "service: label too long: %s\n",
				argv[2]);
			return 2;
		}
		int r = ops[i].call(rs(), argv[2]);
		if (r == -ESRCH)
			fprintf(stderr, "service: %s: no such service%s\n",
				argv[2],
				ops[i].call == rs_down ? ""
						       : " (or not running)");
		else if (r < 0)
			fprintf(stderr, "service: %s %s: %s\n", argv[1],
				argv[2], why(r));
		return r < 0;
	}
	fprintf(stderr, "service: unknown command: %s\n", argv[1]);
	usage();
}
