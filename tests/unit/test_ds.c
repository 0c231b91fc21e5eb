// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the data store's logic (servers/ds: key.c, store.c,
 * labels.c, subs.c): key syntax and pattern matching, owners and RS,
 * labels moving to a restarted service, subscriptions, tombstones and
 * the ways subscriptions end.  The two system calls the logic makes
 * are stubbed: NOTIFY (counted per endpoint; endpoints in `dead` fail
 * with EDEADEPT) and GETINFO's process table (every endpoint not in
 * `dead`, among 0-61, A2 and RS).
 */
#include <string.h>

#include "ds.h"
#include "unit.h"

#define RS 900
#define A 5		  /* labelled drv.a */
#define A2 (EP_SLOTS + 5) /* drv.a restarted: same slot, next generation */
#define B 6		  /* labelled drv.b */
#define NOBODY 7	  /* no label */
#define MAX_EP 2048

static int notified[MAX_EP];
static bool dead[MAX_EP];

int ipc_notify(endpoint_t dst)
{
	if (dst < 0 || dst >= MAX_EP)
		return -EBADEPT;
	if (dead[dst])
		return -EDEADEPT;
	notified[dst]++;
	return 0;
}

int sys_getinfo(uint32_t what, void *buf, uint32_t len, uint32_t *copied)
{
	struct kinfo_proc *tab = buf;
	uint32_t n = 0;
	if (what != GI_PROCTAB || len < NR_PROCS * sizeof(*tab))
		return -EINVAL;
	for (endpoint_t ep = 0; ep < NR_PROCS - 2; ep++)
		if (!dead[ep])
			tab[n++].ep = ep;
	if (!dead[A2])
		tab[n++].ep = A2;
	tab[n++].ep = RS;
	*copied = n * sizeof(*tab);
	return 0;
}

static void reset(void)
{
	for (endpoint_t ep = 0; ep < MAX_EP; ep++)
		subs_drop(ep);
	memset(ds_store, 0, sizeof(ds_store));
	memset(notified, 0, sizeof(notified));
	memset(dead, 0, sizeof(dead));
	label_set_rs(RS);
}

static int pub_u32(endpoint_t who, const char *key, uint32_t val,
		   uint32_t flags)
{
	struct ds_value v = {.type = DS_TYPE_U32, .u32 = val};
	return store_publish(who, key, &v, flags);
}

static int pub_label(endpoint_t who, const char *label, endpoint_t ep,
		     uint32_t flags)
{
	struct ds_value v = {.type = DS_TYPE_LABEL, .u32 = (uint32_t)ep};
	return store_publish(who, label, &v, flags);
}

/* RS, drv.a (A) and drv.b (B). */
static void two_services(void)
{
	reset();
	CHECK(pub_label(RS, "drv.a", A, 0) == 0);
	CHECK(pub_label(RS, "drv.b", B, 0) == 0);
}

static int index_of(const char *key)
{
	struct ds_entry *e = store_find(key);
	return e ? (int)(e - ds_store) : -1;
}

/* The owner and the u32 of a live key, something else if it is gone
 * (a failed check must not crash the test). */
static const char *owner_of(const char *key)
{
	struct ds_entry *e = store_find(key);
	return e ? e->owner : "(no such key)";
}

static uint32_t u32_of(const char *key)
{
	struct ds_entry *e = store_find(key);
	return e ? e->u32 : 0xdeadbeef;
}

static void key_syntax(void)
{
	char longest[DS_KEY_MAX];
	memset(longest, 'k', DS_KEY_MAX - 1);
	longest[DS_KEY_MAX - 1] = 0;
	CHECK(key_valid("drv.chr.tty", false));
	CHECK(key_valid(longest, false));
	CHECK(!key_valid("", false));
	CHECK(!key_valid("has space", false));
	CHECK(!key_valid("tab\there", false));
	CHECK(!key_valid("st*r", false));
	CHECK(key_valid("st*r", true));
	CHECK(!key_valid("\x7f", true));
	char too_long[DS_KEY_MAX + 1];
	memset(too_long, 'k', DS_KEY_MAX);
	too_long[DS_KEY_MAX] = 0;
	CHECK(!key_valid(too_long, false));
}

static void key_matching(void)
{
	CHECK(key_match("drv.chr.*", "drv.chr.tty"));
	CHECK(key_match("drv.chr.*", "drv.chr."));
	CHECK(!key_match("drv.chr.*", "drv.blk.ram"));
	CHECK(!key_match("drv.chr.*", "drv.chr"));
	CHECK(key_match("*", "anything.at.all"));
	CHECK(key_match("exact", "exact"));
	CHECK(!key_match("exact", "exactly"));
	CHECK(!key_match("exactly", "exact"));
	CHECK(key_match("*.tty", "drv.chr.tty"));
	CHECK(key_match("a*b*c", "aXXbYYc"));
	CHECK(key_match("a*b*c", "abcbc"));
	CHECK(!key_match("a*b*c", "aXXbYY"));
	CHECK(key_match("a**", "a"));
	CHECK(key_match("*a*a*a", "aaaa"));
	CHECK(!key_match("*a*a*a", "aab"));
}

static void owners(void)
{
	two_services();
	CHECK(strcmp(label_of(A), "drv.a") == 0);
	CHECK(strcmp(label_of(RS), DS_RS_LABEL) == 0);
	CHECK(label_of(NOBODY) == 0);
	CHECK(pub_u32(A, "k", 1, 0) == 0);
	CHECK(strcmp(owner_of("k"), "drv.a") == 0);
	CHECK(pub_u32(A, "k", 2, 0) == -EEXIST);
	CHECK(pub_u32(A, "k", 2, DSF_OVERWRITE) == 0);
	CHECK(pub_u32(B, "k", 3, DSF_OVERWRITE) == -EPERM);
	CHECK(store_delete(B, "k") == -EPERM);
	CHECK(pub_u32(NOBODY, "n", 1, 0) == -EPERM);
	CHECK(store_delete(NOBODY, "k") == -EPERM);
	CHECK(u32_of("k") == 2);
	/* RS may change anyone's key; the owner stays. */
	CHECK(pub_u32(RS, "k", 4, DSF_OVERWRITE) == 0);
	CHECK(strcmp(owner_of("k"), "drv.a") == 0);
	CHECK(pub_u32(A, "k", 5, DSF_OVERWRITE) == 0);
	CHECK(store_delete(A, "nothing") == -ENOENT);
	CHECK(store_delete(RS, "k") == 0);
	CHECK(store_find("k") == 0);
}

static void labels_are_rs_only(void)
{
	two_services();
	CHECK(pub_label(A, "drv.c", 9, 0) == -EPERM);
	CHECK(pub_u32(A, "drv.b", 1, DSF_OVERWRITE) == -EPERM);
	CHECK(store_delete(A, "drv.b") == -EPERM);
	/* One label per endpoint, one endpoint per label. */
	CHECK(pub_label(RS, "drv.a2", A, 0) == -EEXIST);
	CHECK(pub_label(RS, "drv.a", 9, 0) == -EEXIST);
	CHECK(pub_label(RS, "drv.a", A, DSF_OVERWRITE) == 0);
	CHECK(strcmp(owner_of("drv.a"), DS_RS_LABEL) == 0);
}

static void restart_keeps_keys(void)
{
	two_services();
	struct ds_value blob = {
		.type = DS_TYPE_BLOB, .len = 3, .data = (const uint8_t *)"abc"};
	CHECK(store_publish(A, "state.a", &blob, 0) == 0);
	CHECK(subs_add(A, "drv.*", false) == 0);
	dead[A] = true;
	CHECK(pub_label(RS, "drv.a", A2, DSF_OVERWRITE) == 0);
	CHECK(label_of(A) == 0);
	CHECK(strcmp(label_of(A2), "drv.a") == 0);
	CHECK(subs_next(A) < 0);
	CHECK(subs_remove(A, "drv.*") == -ENOENT); /* dropped on the move */
	struct ds_entry *e = store_find("state.a");
	CHECK(e && e->len == 3 && memcmp(e->data, "abc", 3) == 0);
	blob.data = (const uint8_t *)"xyz";
	CHECK(store_publish(A2, "state.a", &blob, DSF_OVERWRITE) == 0);
	e = store_find("state.a");
	CHECK(e && memcmp(e->data, "xyz", 3) == 0);
	CHECK(store_publish(A, "state.a", &blob, DSF_OVERWRITE) == -EPERM);
}

static void notifications(void)
{
	two_services();
	CHECK(subs_add(B, "x.*", false) == 0);
	CHECK(subs_add(B, "*.1", false) == 0);
	CHECK(pub_u32(A, "x.1", 1, 0) == 0); /* both patterns */
	CHECK(notified[B] == 1);
	CHECK(subs_next(B) == index_of("x.1"));
	subs_clear(B, index_of("x.1"));
	CHECK(subs_next(B) < 0); /* reported once */
	CHECK(pub_u32(A, "z.2", 1, 0) == 0);
	CHECK(notified[B] == 1);
	CHECK(subs_next(B) < 0);
	CHECK(pub_u32(A, "x.1", 2, DSF_OVERWRITE) == 0);
	CHECK(notified[B] == 2);
	subs_clear(B, index_of("x.1"));
	CHECK(notified[A] == 0);
	/* A deletion is reported from a tombstone, freed once checked. */
	int i = index_of("x.1");
	CHECK(store_delete(A, "x.1") == 0);
	CHECK(notified[B] == 3);
	CHECK(store_find("x.1") == 0);
	CHECK(subs_next(B) == i);
	CHECK(ds_store[i].used && ds_store[i].deleted);
	subs_clear(B, i);
	CHECK(!ds_store[i].used);
	/* Unwatched deletions free their slot at once. */
	i = index_of("z.2");
	CHECK(store_delete(A, "z.2") == 0);
	CHECK(!ds_store[i].used);
}

static void tombstone_revived(void)
{
	two_services();
	CHECK(subs_add(B, "x.*", false) == 0);
	CHECK(pub_u32(A, "x.1", 1, 0) == 0);
	int i = index_of("x.1");
	CHECK(store_delete(A, "x.1") == 0);
	CHECK(pub_u32(B, "x.1", 7, 0) == 0); /* a new key, B's */
	CHECK(index_of("x.1") == i);
	CHECK(subs_next(B) == i);
	CHECK(!ds_store[i].deleted);
	CHECK(strcmp(ds_store[i].owner, "drv.b") == 0);
	subs_clear(B, i);
	CHECK(subs_next(B) < 0);
}

static void initial_and_limits(void)
{
	two_services();
	CHECK(pub_u32(A, "i.1", 1, 0) == 0);
	CHECK(pub_u32(A, "i.2", 1, 0) == 0);
	CHECK(subs_add(NOBODY, "i.*", false) == -EPERM);
	CHECK(subs_add(B, "i.*", false) == 0);
	CHECK(subs_next(B) < 0 && notified[B] == 0);
	CHECK(subs_add(B, "i.*", true) == -EEXIST);
	CHECK(subs_remove(B, "i.*") == 0);
	CHECK(subs_add(B, "i.*", true) == 0);
	CHECK(notified[B] == 1);
	int seen = 0;
	for (int i; (i = subs_next(B)) >= 0; seen++)
		subs_clear(B, i);
	CHECK(seen == 2);
	char pat[16];
	for (int k = 1; k < DS_SUBS_PER_PROC; k++) { /* "i.*" is the first */
		snprintf(pat, sizeof(pat), "p%d", k);
		CHECK(subs_add(B, pat, false) == 0);
	}
	CHECK(subs_add(B, "p99", false) == -ENOSPC);
	CHECK(subs_remove(B, "p9") == -ENOENT);
}

/* Fill the table with labelled subscribers 10.. (DS_SUBS_PER_PROC each). */
static int fill_subs(void)
{
	int n = 0;
	char label[16];
	for (endpoint_t ep = 10; n < DS_NR_SUBS; ep++) {
		snprintf(label, sizeof(label), "svc.%d", ep);
		CHECK(pub_label(RS, label, ep, 0) == 0);
		for (int k = 0; k < DS_SUBS_PER_PROC && n < DS_NR_SUBS; k++) {
			snprintf(label, sizeof(label), "p%d", k);
			CHECK(subs_add(ep, label, false) == 0);
			n++;
		}
	}
	return n;
}

static void dead_subscribers(void)
{
	two_services();
	fill_subs();
	CHECK(subs_add(A, "more", false) == -ENOSPC);
	/* A NOTIFY that finds its subscriber dead ends it. */
	dead[10] = true;
	CHECK(pub_u32(RS, "p0", 1, 0) == 0);
	CHECK(notified[11] == 1);
	CHECK(subs_next(10) < 0);
	CHECK(subs_add(A, "more", false) == 0);
	char pat[16];
	for (int k = 1; k < DS_SUBS_PER_PROC; k++) { /* the rest 10 had */
		snprintf(pat, sizeof(pat), "m%d", k);
		CHECK(subs_add(B, pat, false) == 0);
	}
	CHECK(subs_add(A, "more2", false) == -ENOSPC);
	/* A full table is swept for the dead. */
	dead[11] = true;
	CHECK(subs_add(A, "more2", false) == 0);
	CHECK(subs_remove(11, "p1") == -ENOENT);
	/* Deleting a label ends its subscriptions. */
	CHECK(store_delete(RS, "svc.12") == 0);
	CHECK(subs_remove(12, "p1") == -ENOENT);
	CHECK(subs_remove(13, "p1") == 0);
}

static void label_deleted(void)
{
	two_services();
	CHECK(pub_u32(A, "a.1", 1, 0) == 0);
	CHECK(pub_u32(A, "a.2", 1, 0) == 0);
	CHECK(pub_u32(B, "b.1", 1, 0) == 0);
	CHECK(subs_add(B, "a.*", false) == 0);
	CHECK(subs_add(A, "*", false) == 0);
	CHECK(store_delete(RS, "drv.a") == 0);
	CHECK(store_find("a.1") == 0 && store_find("a.2") == 0);
	CHECK(store_find("b.1") && store_find("drv.b"));
	CHECK(label_of(A) == 0);
	CHECK(subs_next(A) < 0);
	int seen = 0;
	for (int i; (i = subs_next(B)) >= 0; seen++) {
		CHECK(ds_store[i].deleted);
		subs_clear(B, i);
	}
	CHECK(seen == 2);
	CHECK(pub_u32(A, "a.3", 1, 0) == -EPERM);
}

static void full_store(void)
{
	two_services();
	char key[16];
	int made = 2; /* the two labels */
	for (; made < DS_NR_KEYS; made++) {
		snprintf(key, sizeof(key), "k.%d", made);
		CHECK(pub_u32(A, key, 1, 0) == 0);
	}
	CHECK(pub_u32(A, "one.more", 1, 0) == -ENOSPC);
	CHECK(pub_u32(A, "k.2", 9, DSF_OVERWRITE) == 0); /* no new slot */
	/* A tombstone held by a dead subscriber is reclaimed. */
	CHECK(subs_add(B, "k.*", false) == 0);
	CHECK(store_delete(A, "k.3") == 0);
	CHECK(pub_u32(A, "one.more", 1, 0) == -ENOSPC);
	dead[B] = true;
	CHECK(pub_u32(A, "one.more", 1, 0) == 0);
	struct ds_value big = {.type = DS_TYPE_BLOB, .len = DS_BLOB_MAX + 1};
	CHECK(store_publish(A, "k.2", &big, DSF_OVERWRITE) == -E2BIG);
}

int main(void)
{
	unit_file = "ds";
	RUN(key_syntax);
	RUN(key_matching);
	RUN(owners);
	RUN(labels_are_rs_only);
	RUN(restart_keeps_keys);
	RUN(notifications);
	RUN(tombstone_revived);
	RUN(initial_and_limits);
	RUN(dead_subscribers);
	RUN(label_deleted);
	RUN(full_store);
	return unit_done();
}
