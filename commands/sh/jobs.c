// SPDX-License-Identifier: BSD-2-Clause
/*
 * jobs.c: child processes: forking, waiting, background jobs and $(...).
 *
 * sh_fork() is the only place the shell forks a copy of itself.  The
 * child is a subshell: it forgets the parent's jobs, resets traps
 * (trap_child()), is never interactive, and, for an asynchronous list
 * (FORK_BG), ignores SIGINT and SIGQUIT and reads /dev/null unless its
 * stdin was redirected, as POSIX asks of a shell without job control.
 *
 * Foreground children are waited for by pid (wait_child(),
 * wait_pipeline()).  Background children are remembered in a job list
 * so that "wait" can report their status; jobs_reap(), called between
 * commands, collects the ones that ended (and any stray child, such as a
 * here-document writer) without blocking.  The list keeps at most
 * JOBS_DONE_MAX finished jobs nobody waited for, dropping the oldest.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define JOBS_DONE_MAX 1024

struct job {
	struct job *next;
	pid_t pid;
	int status;
	bool done;
};

static struct job *jobs; /* newest first */

static void jobs_forget(void)
{
	while (jobs) {
		struct job *next = jobs->next;
		free(jobs);
		jobs = next;
	}
}

static void child_init(int mode)
{
	jobs_forget();
	trap_child(mode == FORK_BG);
	if (mode == FORK_BG && sh.fd0_redirected == 0) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd > 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
}

pid_t sh_fork(int mode)
{
	pid_t pid = fork();
	if (pid < 0)
		sh_err("fork: %s", strerror(errno));
	else if (pid == 0)
		child_init(mode);
	return pid;
}

/* $? for a raw wait status: the exit code, or 128 + signal. */
int wait_status(int raw)
{
	if (WIFEXITED(raw))
		return WEXITSTATUS(raw);
	if (WIFSIGNALED(raw))
		return 128 + WTERMSIG(raw);
	return 1;
}

static int wait_raw(pid_t pid)
{
	int raw = 0;
	while (waitpid(pid, &raw, 0) < 0) {
		if (errno != EINTR)
			return 127 << 8;
	}
	return raw;
}

int wait_child(pid_t pid)
{
	return wait_status(wait_raw(pid));
}

/* Wait for all of a pipeline; its status is the last command's. */
int wait_pipeline(pid_t *pids, size_t n)
{
	int raw = 0;
	for (size_t i = 0; i < n; i++)
		raw = wait_raw(pids[i]);
	return n ? wait_status(raw) : 2;
}

static void jobs_trim(void)
{
	struct job **pp = &jobs;
	int done = 0;
	while (*pp) {
		struct job *j = *pp;
		if (j->done && ++done > JOBS_DONE_MAX) {
			*pp = j->next;
			free(j);
		} else {
			pp = &j->next;
		}
	}
}

void job_add(pid_t pid)
{
	struct job *j = xmalloc(sizeof(*j));
	*j = (struct job){.next = jobs, .pid = pid};
	jobs = j;
	jobs_trim();
}

static struct job **job_slot(pid_t pid)
{
	struct job **pp = &jobs;
	while (*pp && (*pp)->pid != pid)
		pp = &(*pp)->next;
	return pp;
}

void jobs_reap(void)
{
	pid_t pid;
	int raw;
	while ((pid = waitpid(-1, &raw, WNOHANG)) > 0) {
		struct job *j = *job_slot(pid);
		if (j) {
			j->done = true;
			j->status = wait_status(raw);
		}
	}
}

/* Block until j ends; returns 0, or the trapped signal that came. */
static int job_finish(struct job *j)
{
	int raw;
	while (!j->done) {
		if (waitpid(j->pid, &raw, 0) >= 0) {
			j->status = wait_status(raw);
		} else if (errno == EINTR) {
			int sig = trap_pending_signal();
			if (sig)
				return sig;
			continue;
		} else {
			j->status = 127;
		}
		j->done = true;
	}
	return 0;
}

static void job_remove(struct job **pp)
{
	struct job *j = *pp;
	*pp = j->next;
	free(j);
}

/* wait [pid]: the job's status; all jobs when pid is 0; 127 unknown. */
int jobs_wait(pid_t pid)
{
	struct job **pp;
	int sig, st;
	if (pid == 0) {
		for (struct job *j = jobs; j; j = j->next)
			if ((sig = job_finish(j)))
				return 128 + sig;
		jobs_forget();
		return 0;
	}
	pp = job_slot(pid);
	if (!*pp)
		return 127;
	if ((sig = job_finish(*pp)))
		return 128 + sig;
	st = (*pp)->status;
	job_remove(pp);
	return st;
}

static void read_all(int fd, struct strbuf *out)
{
	char buf[4096];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		ssize_t start = 0;
		for (ssize_t i = 0; i <= n; i++) {
			if (i < n && buf[i] != '\0')
				continue;
			sb_addn(out, buf + start, (size_t)(i - start));
			start = i + 1;
		}
	}
}

/* $(...): run tree in a child, return its output less final newlines. */
char *cmdsub_run(struct node *tree)
{
	struct strbuf out = {0};
	int p[2];
	pid_t pid;
	if (pipe(p) < 0) {
		sh_err("pipe: %s", strerror(errno));
		return xstrdup("");
	}
	pid = sh_fork(FORK_FG);
	if (pid == 0) {
		close(p[0]);
		if (p[1] != 1) {
			dup2(p[1], 1);
			close(p[1]);
		}
		sh_exit(exec_node(tree, EV_EXIT));
	}
	close(p[1]);
	if (pid > 0)
		read_all(p[0], &out);
	close(p[0]);
	sh.subst_status = pid > 0 ? wait_child(pid) : 2;
	while (out.len > 0 && out.s[out.len - 1] == '\n')
		out.s[--out.len] = '\0';
	return sb_take(&out);
}
