// SPDX-License-Identifier: BSD-2-Clause
/*
 * Subscriptions: who wants to hear about which keys.
 *
 * A subscription is (endpoint, pattern) plus one mark per store slot.
 * When a key changes (created, overwritten, deleted) every subscription
 * whose pattern matches it marks the key's slot, and each subscriber
 * with the mark set gets a NOTIFY, which never blocks DS and coalesces
 * with any notification still pending.  CHECK (subs_next, subs_clear)
 * hands out the marked keys one at a time; a key marked by several of
 * a process's patterns is reported once.
 *
 * Only a process with a label may subscribe, up to DS_SUBS_PER_PROC
 * patterns each and DS_NR_SUBS in all.  Subscriptions end with
 * UNSUBSCRIBE, when the subscriber's label is deleted or moves to
 * another endpoint (store.c), when a NOTIFY finds the subscriber dead,
 * and when a full table is swept for endpoints no longer in the
 * kernel's process table (subs_reap).  Endpoints carry a generation, so
 * a dead subscriber's endpoint never names the next process in its
 * slot: NOTIFY to it fails instead of reaching a stranger.
 */
#include <string.h>

#include "ds.h"

struct ds_sub {
	bool used;
	endpoint_t ep;
	char pattern[DS_KEY_MAX];
	uint32_t marks[DS_NR_KEYS / 32]; /* bit i: slot i changed */
};

static struct ds_sub subs[DS_NR_SUBS];

static bool marked(const struct ds_sub *s, int i)
{
	return (s->marks[i / 32] >> (i % 32)) & 1;
}

static void set_mark(struct ds_sub *s, int i, bool on)
{
	uint32_t bit = 1u << (i % 32);
	if (on)
		s->marks[i / 32] |= bit;
	else
		s->marks[i / 32] &= ~bit;
}

/* Forget s, and free the tombstones only it still held. */
static void drop_one(struct ds_sub *s)
{
	uint32_t marks[DS_NR_KEYS / 32];
	memcpy(marks, s->marks, sizeof(marks));
	memset(s, 0, sizeof(*s));
	for (int i = 0; i < DS_NR_KEYS; i++)
		if ((marks[i / 32] >> (i % 32)) & 1)
			store_release(i);
}

void subs_drop(endpoint_t ep)
{
	for (int i = 0; i < DS_NR_SUBS; i++)
		if (subs[i].used && subs[i].ep == ep)
			drop_one(&subs[i]);
}

/* A subscriber whose endpoint no longer exists is dropped. */
static void notify(endpoint_t ep)
{
	int r = ipc_notify(ep);
	if (r == -EDEADEPT || r == -EBADEPT)
		subs_drop(ep);
}

static struct ds_sub *free_sub(void)
{
	for (int i = 0; i < DS_NR_SUBS; i++)
		if (!subs[i].used)
			return &subs[i];
	return 0;
}

/* Mark the live keys that already match s: true if there were any. */
static bool mark_initial(struct ds_sub *s)
{
	bool any = false;
	for (int i = 0; i < DS_NR_KEYS; i++) {
		const struct ds_entry *e = &ds_store[i];
		if (e->used && !e->deleted && key_match(s->pattern, e->key)) {
			set_mark(s, i, true);
			any = true;
		}
	}
	return any;
}

int subs_add(endpoint_t ep, const char *pattern, bool initial)
{
	if (!label_of(ep))
		return -EPERM;
	int n = 0;
	for (int i = 0; i < DS_NR_SUBS; i++) {
		if (!subs[i].used || subs[i].ep != ep)
			continue;
		if (strcmp(subs[i].pattern, pattern) == 0)
			return -EEXIST;
		n++;
	}
	if (n >= DS_SUBS_PER_PROC)
		return -ENOSPC;
	struct ds_sub *s = free_sub();
	if (!s && subs_reap() > 0)
		s = free_sub();
	if (!s)
		return -ENOSPC;
	s->used = true;
	s->ep = ep;
	strcpy(s->pattern, pattern);
	if (initial && mark_initial(s))
		notify(ep);
	return 0;
}

int subs_remove(endpoint_t ep, const char *pattern)
{
	for (int i = 0; i < DS_NR_SUBS; i++) {
		if (subs[i].used && subs[i].ep == ep &&
		    strcmp(subs[i].pattern, pattern) == 0) {
			drop_one(&subs[i]);
			return 0;
		}
	}
	return -ENOENT;
}

/* Is subs[i] the first subscription of its endpoint with slot `index`
 * marked?  Then its endpoint is notified once for all of them. */
static bool first_marked(int i, int index)
{
	for (int j = 0; j < i; j++)
		if (subs[j].used && subs[j].ep == subs[i].ep &&
		    marked(&subs[j], index))
			return false;
	return true;
}

void subs_changed(int index)
{
	const char *key = ds_store[index].key;
	for (int i = 0; i < DS_NR_SUBS; i++)
		if (subs[i].used && key_match(subs[i].pattern, key))
			set_mark(&subs[i], index, true);
	for (int i = 0; i < DS_NR_SUBS; i++)
		if (subs[i].used && marked(&subs[i], index) &&
		    first_marked(i, index))
			notify(subs[i].ep);
}

bool subs_marked(int index)
{
	for (int i = 0; i < DS_NR_SUBS; i++)
		if (subs[i].used && marked(&subs[i], index))
			return true;
	return false;
}

/* A slot ep has marked, or -1. */
int subs_next(endpoint_t ep)
{
	for (int i = 0; i < DS_NR_SUBS; i++) {
		if (!subs[i].used || subs[i].ep != ep)
			continue;
		for (int w = 0; w < DS_NR_KEYS / 32; w++)
			if (subs[i].marks[w])
				return w * 32 + __builtin_ctz(subs[i].marks[w]);
	}
	return -1;
}

/* ep has been told about slot index: unmark it in all its patterns. */
void subs_clear(endpoint_t ep, int index)
{
	for (int i = 0; i < DS_NR_SUBS; i++)
		if (subs[i].used && subs[i].ep == ep)
			set_mark(&subs[i], index, false);
	store_release(index);
}

static bool alive(const struct kinfo_proc *tab, uint32_t n, endpoint_t ep)
{
	for (uint32_t i = 0; i < n; i++)
		if (tab[i].ep == ep)
			return true;
	return false;
}

/* Drop the subscriptions of processes that have gone: how many. */
int subs_reap(void)
{
	static struct kinfo_proc tab[NR_PROCS];
	uint32_t bytes;
	if (sys_getinfo(GI_PROCTAB, tab, sizeof(tab), &bytes) < 0)
		return 0;
	int dropped = 0;
	for (int i = 0; i < DS_NR_SUBS; i++) {
		if (subs[i].used &&
		    !alive(tab, bytes / sizeof(tab[0]), subs[i].ep)) {
			drop_one(&subs[i]);
			dropped++;
		}
	}
	return dropped;
}
