// SPDX-License-Identifier: BSD-2-Clause
/*
 * trap.c: signals and the trap built-in.
 *
 * Each condition (0 is EXIT, the others signal numbers) has an action:
 * NULL (default), "" (ignore) or a command.  A signal with a command is
 * caught by a handler that only marks it pending; the shell runs the
 * command later, between commands (exec_node() calls
 * trap_run_pending()), with $? saved around it.  The handler is
 * installed without SA_RESTART so that a blocking read or wait returns
 * early: "wait" and "read" then stop with 128 + the signal number.
 *
 * An interactive shell ignores SIGQUIT and SIGTERM and catches SIGINT,
 * so ^C never ends it: at the prompt it drops the line being typed
 * (trap_take_sigint()), during a command it ends the line on the screen
 * and abandons the rest of the command line (sh.skip = SKIP_ABORT).
 *
 * Signals ignored when a non-interactive shell started cannot be trapped
 * (POSIX): trap quietly keeps them ignored.
 *
 * A subshell (trap_child()) keeps ignored signals ignored and puts
 * every caught one back to the default, so commands start with the
 * dispositions the shell itself was given; an asynchronous list also
 * ignores SIGINT and SIGQUIT.
 */
#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct signame {
	const char *name;
	int sig;
};

static const struct signame signames[] = {
	{"EXIT", 0},	   {"HUP", SIGHUP},   {"INT", SIGINT},
	{"QUIT", SIGQUIT}, {"ILL", SIGILL},   {"ABRT", SIGABRT},
	{"FPE", SIGFPE},   {"KILL", SIGKILL}, {"USR1", SIGUSR1},
	{"SEGV", SIGSEGV}, {"USR2", SIGUSR2}, {"PIPE", SIGPIPE},
	{"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD},
	{"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"TSTP", SIGTSTP},
	{"TTIN", SIGTTIN}, {"TTOU", SIGTTOU},
};

static char *actions[SH_NSIG];
static bool queried[SH_NSIG];	       /* ignored_at_start[] is known */
static bool ignored_at_start[SH_NSIG]; /* SIG_IGN when the shell began */
static bool touched[SH_NSIG];	       /* disposition changed by the shell */
static volatile sig_atomic_t pending[SH_NSIG];
volatile sig_atomic_t trap_any_pending;
static bool running;

static void on_signal(int sig)
{
	pending[sig] = 1;
	trap_any_pending = 1;
}

/* Was sig ignored when the shell started?  Asked before it is changed. */
static bool was_ignored(int sig)
{
	struct sigaction old;
	if (!queried[sig]) {
		queried[sig] = true;
		ignored_at_start[sig] = sigaction(sig, NULL, &old) == 0 &&
					old.sa_handler == SIG_IGN;
	}
	return ignored_at_start[sig];
}

static void set_handler(int sig, void (*handler)(int))
{
	struct sigaction sa;
	was_ignored(sig);
	sa.sa_handler = handler;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	touched[sig] = true;
}

/* Give sig the disposition its action and the shell's mode ask for. */
static void install(int sig)
{
	const char *a = actions[sig];
	if (a && *a)
		set_handler(sig, on_signal);
	else if (a)
		set_handler(sig, SIG_IGN);
	else if (sh.interactive && sig == SIGINT)
		set_handler(sig, on_signal);
	else if (sh.interactive && (sig == SIGQUIT || sig == SIGTERM))
		set_handler(sig, SIG_IGN);
	else if (touched[sig])
		set_handler(sig, ignored_at_start[sig] ? SIG_IGN : SIG_DFL);
}

void trap_init(void)
{
	install(SIGINT);
	install(SIGQUIT);
	install(SIGTERM);
}

static int signal_number(const char *s)
{
	long long n;
	if (parse_num(s, &n))
		return n >= 0 && n < SH_NSIG ? (int)n : -1;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (size_t i = 0; i < sizeof(signames) / sizeof(signames[0]); i++)
		if (strcmp(s, signames[i].name) == 0)
			return signames[i].sig;
	return -1;
}

static const char *signal_name(int sig, char *buf)
{
	for (size_t i = 0; i < sizeof(signames) / sizeof(signames[0]); i++)
		if (signames[i].sig == sig)
			return signames[i].name;
	return fmt_num(buf, sig);
}

static int trap_set(const char *action, int sig)
{
	if (sig == SIGKILL || sig == SIGSTOP) {
		sh_err("trap: %s: cannot be trapped",
		       sig == SIGKILL ? "KILL" : "STOP");
		return 1;
	}
	if (sig > 0 && was_ignored(sig) && !sh.interactive)
		return 0;
	free(actions[sig]);
	actions[sig] = action ? xstrdup(action) : NULL;
	if (sig > 0)
		install(sig);
	return 0;
}

static void trap_print(void)
{
	char buf[NUM_BUF];
	for (int sig = 0; sig < SH_NSIG; sig++) {
		struct strbuf b = {0};
		if (!actions[sig])
			continue;
		sb_adds(&b, "trap -- ");
		sb_addquoted(&b, actions[sig]);
		sb_fmt(&b, " %s\n", signal_name(sig, buf));
		out_n(1, b.s, b.len);
		sb_free(&b);
	}
}

/*
 * trap [action condition...]: action "-" (or a first operand that is a
 * number, or a lone condition) resets to the default, "" ignores.
 */
int builtin_trap(int argc, char **argv)
{
	int i = 1, st = 0;
	const char *action;
	long long n;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		trap_print();
		return 0;
	}
	action = argv[i];
	if (argc - i == 1 || parse_num(action, &n))
		action = NULL;
	else if (strcmp(argv[i++], "-") == 0)
		action = NULL;
	for (; i < argc; i++) {
		int sig = signal_number(argv[i]);
		if (sig < 0) {
			sh_err("trap: %s: bad trap", argv[i]);
			st = 1;
		} else if (trap_set(action, sig)) {
			st = 1;
		}
	}
	return st;
}

static void run_action(int sig)
{
	const char *a = actions[sig];
	int saved = sh.status;
	char *cmd;
	if (!a || !*a) {
		if (sig == SIGINT && sh.interactive) {
			out_s(2, "\n");
			sh.status = 130;
			sh.skip = SKIP_ABORT;
		}
		return;
	}
	cmd = xstrdup(a);
	exec_string(cmd);
	free(cmd);
	sh.status = saved;
}

void trap_run_pending(void)
{
	if (running)
		return;
	running = true;
	while (trap_any_pending) {
		trap_any_pending = 0;
		for (int sig = 1; sig < SH_NSIG; sig++) {
			if (!pending[sig])
				continue;
			pending[sig] = 0;
			run_action(sig);
		}
	}
	running = false;
}

/* A signal that should stop "wait" or "read", or 0. */
int trap_pending_signal(void)
{
	for (int sig = 1; sig < SH_NSIG; sig++) {
		if (!pending[sig])
			continue;
		if ((actions[sig] && *actions[sig]) ||
		    (sig == SIGINT && sh.interactive))
			return sig;
	}
	return 0;
}

/* At the prompt: was ^C pressed (and not trapped)?  Consumes it. */
bool trap_take_sigint(void)
{
	if (!pending[SIGINT] || (actions[SIGINT] && *actions[SIGINT]))
		return false;
	pending[SIGINT] = 0;
	return true;
}

void trap_child(bool background)
{
	for (int sig = 0; sig < SH_NSIG; sig++) {
		pending[sig] = 0;
		if (actions[sig] && *actions[sig]) {
			free(actions[sig]);
			actions[sig] = NULL;
		}
	}
	trap_any_pending = 0;
	sh.interactive = false;
	for (int sig = 1; sig < SH_NSIG; sig++)
		if (touched[sig])
			install(sig);
	if (background) {
		set_handler(SIGINT, SIG_IGN);
		set_handler(SIGQUIT, SIG_IGN);
	}
}

bool trap_exit_set(void)
{
	return actions[0] && *actions[0];
}

void trap_run_exit(void)
{
	char *cmd = actions[0];
	actions[0] = NULL;
	if (cmd && *cmd) {
		sh.skip = SKIP_NONE;
		exec_string(cmd);
	}
	free(cmd);
}
