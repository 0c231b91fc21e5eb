// SPDX-License-Identifier: BSD-2-Clause
/*
 * The store: DS_NR_KEYS typed entries, and the rules for changing them.
 *
 * Every entry records its owner, the label of the process that created
 * it (labels.c).  Publishing a key that exists needs DSF_OVERWRITE, and
 * changing or deleting a key needs its owner or RS; a process without
 * a label may change nothing.  LABEL entries are RS's alone: only RS
 * publishes, overwrites or deletes them, and one endpoint has at most
 * one label, so that label_of() has one answer.
 *
 * An overwrite keeps the owner, so a service restarted under the same
 * label keeps its keys.  When a label moves to another endpoint (or is
 * deleted) the old endpoint's subscriptions end; deleting a label also
 * deletes every key it owns, the service being gone for good.
 *
 * A deleted key stays as a tombstone while a subscriber still has it
 * marked, so that CHECK can report its deletion; publishing the same
 * key again revives the tombstone, and the marks then stand for the new
 * value.  store_release() frees a tombstone nobody has marked.
 *
 * Each call checks everything first and returns an error with nothing
 * changed, or makes the whole change and tells the subscribers.
 */
#include <string.h>

#include "ds.h"

struct ds_entry ds_store[DS_NR_KEYS];

static bool live(const struct ds_entry *e)
{
	return e->used && !e->deleted;
}

static int index_of(const struct ds_entry *e)
{
	return (int)(e - ds_store);
}

struct ds_entry *store_find(const char *key)
{
	for (int i = 0; i < DS_NR_KEYS; i++)
		if (live(&ds_store[i]) && strcmp(ds_store[i].key, key) == 0)
			return &ds_store[i];
	return 0;
}

/* Where a new key goes: its own tombstone, else a free slot.  A full
 * table may hold tombstones marked only by dead subscribers, so it is
 * searched again after dropping those (subs_reap). */
static struct ds_entry *new_slot(const char *key)
{
	for (int pass = 0; pass < 2; pass++) {
		struct ds_entry *empty = 0;
		for (int i = 0; i < DS_NR_KEYS; i++) {
			struct ds_entry *e = &ds_store[i];
			if (e->used && strcmp(e->key, key) == 0)
				return e; /* a tombstone: live keys were found */
			if (!e->used && !empty)
				empty = e;
		}
		if (empty || subs_reap() == 0)
			return empty;
	}
	return 0;
}

static bool may_change(const struct ds_entry *e, const char *me, bool rs)
{
	if (e->type == DS_TYPE_LABEL)
		return rs;
	return rs || strcmp(e->owner, me) == 0;
}

static void set_value(struct ds_entry *e, const struct ds_value *v)
{
	e->type = v->type;
	e->u32 = v->u32;
	e->len = v->len;
	memset(e->data, 0, sizeof(e->data));
	if (v->len)
		memcpy(e->data, v->data, v->len);
}

int store_publish(endpoint_t caller, const char *key, const struct ds_value *v,
		  uint32_t flags)
{
	const char *me = label_of(caller);
	bool rs = label_is_rs(caller);
	if (v->len > DS_BLOB_MAX)
		return -E2BIG;
	if (!me || (v->type == DS_TYPE_LABEL && !rs))
		return -EPERM;
	struct ds_entry *e = store_find(key);
	if (e && !(flags & DSF_OVERWRITE))
		return -EEXIST;
	if (e && !may_change(e, me, rs))
		return -EPERM;
	if (v->type == DS_TYPE_LABEL) {
		struct ds_entry *l = label_entry_of((endpoint_t)v->u32);
		if (l && l != e)
			return -EEXIST; /* that endpoint has another label */
	}
	endpoint_t moved = NONE; /* an endpoint losing its label */
	if (e && e->type == DS_TYPE_LABEL &&
	    (v->type != DS_TYPE_LABEL || v->u32 != e->u32))
		moved = (endpoint_t)e->u32;
	if (!e) {
		e = new_slot(key);
		if (!e)
			return -ENOSPC;
		e->used = true;
		e->deleted = false;
		strcpy(e->key, key);
		strcpy(e->owner, me);
	}
	if (v->type == DS_TYPE_LABEL)
		strcpy(e->owner, me);
	set_value(e, v);
	if (moved != NONE)
		subs_drop(moved);
	subs_changed(index_of(e));
	return 0;
}

void store_release(int index)
{
	struct ds_entry *e = &ds_store[index];
	if (e->used && e->deleted && !subs_marked(index))
		memset(e, 0, sizeof(*e));
}

static void drop_key(struct ds_entry *e)
{
	int i = index_of(e);
	e->deleted = true;
	subs_changed(i);
	store_release(i);
}

int store_delete(endpoint_t caller, const char *key)
{
	const char *me = label_of(caller);
	if (!me)
		return -EPERM;
	struct ds_entry *e = store_find(key);
	if (!e)
		return -ENOENT;
	if (!may_change(e, me, label_is_rs(caller)))
		return -EPERM;
	if (e->type == DS_TYPE_LABEL) {
		subs_drop((endpoint_t)e->u32);
		for (int i = 0; i < DS_NR_KEYS; i++) {
			struct ds_entry *o = &ds_store[i];
			if (o != e && live(o) && o->type != DS_TYPE_LABEL &&
			    strcmp(o->owner, e->key) == 0)
				drop_key(o);
		}
	}
	drop_key(e);
	return 0;
}
