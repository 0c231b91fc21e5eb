/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The data store's parts (main.c has the overview, include/proto/ds.h
 * the protocol).
 *
 *   key.c      what a key or pattern may contain; pattern matching
 *   store.c    the table of keys; publish and delete with their owner
 *              rules
 *   labels.c   who RS is, and a process's label (reverse lookup)
 *   subs.c     subscriptions: marking changes, notifying, CHECK
 *   request.c  decoding and checking each request, copies by grant
 *   main.c     the receive loop and the replies
 *
 * key.c, store.c, labels.c and subs.c hold the logic and make no
 * system call but NOTIFY and GETINFO (in subs.c), so the host unit test
 * (tests/unit/test_ds.c) runs them as they are.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libsys.h"
#include "proto/ds.h"

#define DS_NR_KEYS 128 /* keys, deleted ones not yet checked included */
#define DS_RS_LABEL "rs"

/* One slot of the store.  A deleted key whose deletion a subscriber has
 * not yet checked stays as a tombstone (deleted) so that CHECK can still
 * name it; the slot is free again once nobody has it marked. */
struct ds_entry {
	bool used;
	bool deleted;
	uint32_t type;		/* DS_TYPE_* */
	char key[DS_KEY_MAX];	/* NUL-terminated */
	char owner[DS_KEY_MAX]; /* the label that created it */
	uint32_t u32;		/* U32: the value; LABEL: the endpoint */
	uint32_t len;		/* STR: with its NUL; BLOB */
	uint8_t data[DS_BLOB_MAX];
};

/* A value to publish, checked by request.c. */
struct ds_value {
	uint32_t type;
	uint32_t u32;
	uint32_t len;
	const uint8_t *data;
};

extern struct ds_entry ds_store[DS_NR_KEYS];

/* key.c */
bool key_valid(const char *key, bool pattern);
bool key_match(const char *pattern, const char *key);

/* store.c */
struct ds_entry *store_find(const char *key);
int store_publish(endpoint_t caller, const char *key, const struct ds_value *v,
		  uint32_t flags);
int store_delete(endpoint_t caller, const char *key);
void store_release(int index);

/* labels.c */
void label_set_rs(endpoint_t rs);
bool label_is_rs(endpoint_t ep);
const char *label_of(endpoint_t ep);
struct ds_entry *label_entry_of(endpoint_t ep);

/* subs.c */
int subs_add(endpoint_t ep, const char *pattern, bool initial);
int subs_remove(endpoint_t ep, const char *pattern);
void subs_changed(int index);
bool subs_marked(int index);
int subs_next(endpoint_t ep);
void subs_clear(endpoint_t ep, int index);
void subs_drop(endpoint_t ep);
int subs_reap(void);

/* request.c: the call table's handlers, each returns the reply's
 * status and fills the rest of *rep */
int do_publish(endpoint_t who, const union ds_req *req, union ds_rep *rep);
int do_retrieve(endpoint_t who, const union ds_req *req, union ds_rep *rep);
int do_delete(endpoint_t who, const union ds_req *req, union ds_rep *rep);
int do_subscribe(endpoint_t who, const union ds_req *req, union ds_rep *rep);
int do_unsubscribe(endpoint_t who, const union ds_req *req, union ds_rep *rep);
int do_check(endpoint_t who, const union ds_req *req, union ds_rep *rep);
int do_label_of(endpoint_t who, const union ds_req *req, union ds_rep *rep);
