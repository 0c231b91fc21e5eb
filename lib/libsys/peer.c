// SPDX-License-Identifier: BSD-2-Clause
/*
 * Who may ask: the check every server and driver makes before it acts
 * on a request, whatever the kernel already allowed.  The kernel's IPC
 * permission says who may talk with whom at all (and a driver must talk
 * with PCI, RS and DS); a protocol says who its clients are: FS serves
 * VFS, a block driver FS and VFS, a character driver VFS.
 *
 * A set names its clients by the kernel's name for them (a boot
 * process's module name, a service's label), and only system processes
 * count: an ordinary user's program may be called "vfs" too.  The
 * program's command line may add names with `clients=NAME[,NAME...]`
 * (peer_args): only the boot configuration and root, through RS, give
 * a driver its arguments, and a test program that plays FS or VFS is
 * named so.  Endpoints already found to be clients are remembered: an
 * endpoint names one process for its whole life, so a restarted client
 * is checked again.
 *
 * A request from anybody else is refused: the caller answers it with
 * the error peer_check returns (-EPERM), and peer_check has counted it
 * in the set and logged one line (at most PEER_LOG_PER_SEC a second)
 * "LABEL: refused request TYPE from NAME (ep N): not a client of its
 * WHAT".  peer_refuse counts and logs a refusal a server decided on
 * itself (RS's control requests from a user other than root, DS's keys
 * of another owner) the same way, with the set's `what` as the reason.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "libsys.h"

#define PEER_LOG_PER_SEC 10

static char extra[PEER_MAX_NAMES][PEER_NAME_MAX];
static int nr_extra;

/* Add the names of a comma-separated list to names[] (up to max). */
static int add_names(char (*names)[PEER_NAME_MAX], int n, int max,
		     const char *list)
{
	while (*list && n < max) {
		size_t len = strcspn(list, ", ");
		if (len && len < PEER_NAME_MAX) {
			memcpy(names[n], list, len);
			names[n++][len] = 0;
		}
		list += len;
		list += *list != 0;
	}
	return n;
}

void peer_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], "clients=", 8))
			nr_extra = add_names(extra, nr_extra, PEER_MAX_NAMES,
					     argv[i] + 8);
}

void peer_init(struct peer_set *s, const char *what, const char *names)
{
	memset(s, 0, sizeof(*s));
	s->what = what;
	s->nr = add_names(s->names, 0, PEER_MAX_NAMES, names);
	for (int i = 0; i < PEER_CACHE; i++)
		s->known[i] = NONE;
}

static bool listed(const struct peer_set *s, const char *name)
{
	for (int i = 0; i < s->nr; i++)
		if (!strcmp(s->names[i], name))
			return true;
	for (int i = 0; i < nr_extra; i++)
		if (!strcmp(extra[i], name))
			return true;
	return false;
}

static void log_refusal(endpoint_t who, int type, const char *name,
			const char *why, const char *what)
{
	static uint64_t second;
	static int logged;
	uint64_t now = clock_ms() / 1000;
	if (now != second) {
		second = now;
		logged = 0;
	}
	if (logged++ >= PEER_LOG_PER_SEC)
		return;
	static char me[PEER_NAME_MAX];
	if (!me[0] && proc_name(proc_self(), me, sizeof(me)) < 0)
		strcpy(me, "?");
	printf("%s: refused request 0x%x from %s (ep %d): %s%s\n", me,
	       (unsigned)type, name, who, why, what);
}

int peer_check(struct peer_set *s, endpoint_t who, int type)
{
	for (int i = 0; i < PEER_CACHE; i++)
		if (s->known[i] == who)
			return 0;
	char name[PEER_NAME_MAX] = "?";
	struct kinfo_priv k;
	bool system = sys_getpriv(who, &k) == 0 && (k.flags & PRIV_SYSTEM);
	proc_name(who, name, sizeof(name));
	if (system && listed(s, name)) {
		s->known[s->next++ % PEER_CACHE] = who;
		return 0;
	}
	s->refused++;
	log_refusal(who, type, name, "not a client of its ", s->what);
	return -EPERM;
}

int peer_refuse(struct peer_set *s, endpoint_t who, int type)
{
	char name[PEER_NAME_MAX] = "?";
	proc_name(who, name, sizeof(name));
	s->refused++;
	log_refusal(who, type, name, "", s->what);
	return -EPERM;
}
