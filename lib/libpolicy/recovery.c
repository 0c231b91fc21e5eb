// SPDX-License-Identifier: BSD-2-Clause
/*
 * The recovery keywords: what RS does when the driver fails; and the
 * boot priority, a scalar too.  Each may
 * appear once (parse.c sees to that and hands over exactly the number
 * of values the keyword takes); recovery_defaults() sets what a file
 * leaves out.
 */
#include <string.h>

#include "parser.h"

#define BACKOFF_FIRST_MS 100
#define BACKOFF_MAX_MS 10000

void recovery_defaults(struct policy *p)
{
	p->heartbeat_ms = 0;
	p->restart = POLICY_RESTART_ALWAYS;
	p->backoff_first_ms = BACKOFF_FIRST_MS;
	p->backoff_max_ms = BACKOFF_MAX_MS;
	p->limit_count = p->limit_window_s = 0;
	p->script[0] = 0;
	p->copy = false;
	p->reset = POLICY_RESET_DRIVER;
	p->priority = POLICY_PRIORITY_DEFAULT;
}

/* Which of `names` t is (its index), or -1 after the message. */
static int choice(struct parser *ps, const struct token *t, const char *kw,
		  const char *const *names, int n, const char *list)
{
	for (int i = 0; i < n; i++)
		if (word_is(&t->w, names[i]))
			return i;
	fail(ps, t->line, "\"%s\" takes %s, not %q", kw, list, &t->w);
	return -1;
}

int heartbeat_values(struct parser *ps, const struct token *t)
{
	uint32_t ms;
	if (value_number(ps, t, &t->w, &ms) < 0)
		return -1;
	if (ms == 0)
		return fail(ps, t->line,
			    "heartbeat period must be at least 1 ms");
	ps->pol->heartbeat_ms = ms;
	return 0;
}

int restart_values(struct parser *ps, const struct token *t)
{
	static const char *const names[] = {"always", "never"};
	int i = choice(ps, t, "restart", names, 2, "always or never");
	if (i < 0)
		return -1;
	ps->pol->restart =
		i == 0 ? POLICY_RESTART_ALWAYS : POLICY_RESTART_NEVER;
	return 0;
}

int backoff_values(struct parser *ps, const struct token *t)
{
	uint32_t first, max;
	if (value_number(ps, &t[0], &t[0].w, &first) < 0 ||
	    value_number(ps, &t[1], &t[1].w, &max) < 0)
		return -1;
	if (first > max)
		return fail(ps, t[1].line,
			    "backoff: the first wait (%u ms) is longer than "
			    "the longest (%u ms)",
			    first, max);
	ps->pol->backoff_first_ms = first;
	ps->pol->backoff_max_ms = max;
	return 0;
}

int limit_values(struct parser *ps, const struct token *t)
{
	uint32_t count, secs;
	if (value_number(ps, &t[0], &t[0].w, &count) < 0 ||
	    value_number(ps, &t[1], &t[1].w, &secs) < 0)
		return -1;
	if (count == 0 || secs == 0)
		return fail(ps, t[count ? 1 : 0].line,
			    "limit: both the count and the seconds must be "
			    "at least 1");
	ps->pol->limit_count = count;
	ps->pol->limit_window_s = secs;
	return 0;
}

int script_values(struct parser *ps, const struct token *t)
{
	if (t->w.s[0] != '/')
		return fail(ps, t->line, "script path %q is not absolute",
			    &t->w);
	if (t->w.len >= POLICY_SCRIPT_MAX)
		return fail(ps, t->line,
			    "script path %q is longer than %u characters",
			    &t->w, (uint32_t)(POLICY_SCRIPT_MAX - 1));
	memcpy(ps->pol->script, t->w.s, t->w.len);
	ps->pol->script[t->w.len] = 0;
	return 0;
}

int copy_values(struct parser *ps, const struct token *t)
{
	static const char *const names[] = {"no", "yes"};
	int i = choice(ps, t, "copy", names, 2, "yes or no");
	if (i < 0)
		return -1;
	ps->pol->copy = i == 1;
	return 0;
}

int reset_values(struct parser *ps, const struct token *t)
{
	static const char *const names[] = {"none", "driver", "pci"};
	static const enum policy_reset how[] = {
		POLICY_RESET_NONE, POLICY_RESET_DRIVER, POLICY_RESET_PCI};
	int i = choice(ps, t, "reset", names, 3, "none, driver or pci");
	if (i < 0)
		return -1;
	ps->pol->reset = how[i];
	return 0;
}

int priority_values(struct parser *ps, const struct token *t)
{
	uint32_t q;
	if (value_number(ps, t, &t->w, &q) < 0)
		return -1;
	if (q > POLICY_PRIORITY_MAX)
		return fail(ps, t->line, "priority %u is not 0 to %u", q,
			    (uint32_t)POLICY_PRIORITY_MAX);
	ps->pol->priority = q;
	return 0;
}
