// SPDX-License-Identifier: BSD-2-Clause
/*
 * Recovery scripts.  When a service with `script PATH` fails, RS runs
 *	/bin/sh PATH LABEL REASON COUNT
 * (COUNT: the restarts so far) as an ordinary root process, forked
 * through PM, its output going to the kernel log, and does nothing else: the script may log, wait, restart
 * the service with `service restart LABEL`, or leave it down.  When the
 * script ends and the service is still waiting for it, the service is
 * left failed: the script decided not to restart it.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rs.h"

int script_run(struct service *s, const char *reason)
{
	char count[12];
	snprintf(count, sizeof(count), "%u", s->restarts);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) { /* its output goes to the kernel log */
		int in = open("/dev/null", O_RDONLY);
		int out = open("/dev/kmsg", O_WRONLY);
		if (in != 0 || out != 1 || dup(out) != 2)
			_exit(126);
		char *argv[] = {"sh",		s->pol.script, s->label,
				(char *)reason, count,	       0};
		char *envp[] = {"PATH=/bin:/sbin", 0};
		execve("/bin/sh", argv, envp);
		_exit(127);
	}
	s->script_pid = pid;
	return 0;
}

void script_reap(void)
{
	int status;
	pid_t pid;
	bool running = false;
	for (int i = 0; i < NR_SERVICES; i++)
		running = running || (svc[i].used && svc[i].script_pid);
	if (!running)
		return; /* asking PM would wait for it, and it may wait */
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int i = 0; i < NR_SERVICES; i++) {
			struct service *s = &svc[i];
			if (!s->used || s->script_pid != pid)
				continue;
			s->script_pid = 0;
			if (s->state == SVC_SCRIPT)
				svc_set_state(
					s, SVC_FAILED,
					"stays down (its script said so)");
		}
	}
}
