// SPDX-License-Identifier: BSD-2-Clause
/*
 * abort(3) as POSIX has it: the process ends by SIGABRT even when the
 * signal is blocked or ignored, and even when a handler for it returns
 * (newlib's abort would exit with status 1 then).  Only a handler that
 * does not return (it exits, or jumps away) keeps the process going.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

void abort(void)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &s, 0);
	raise(SIGABRT); /* a handler runs here, if there is one */
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	for (;;)
		_exit(127); /* not reached: SIGABRT's default ends us */
}
