// SPDX-License-Identifier: BSD-2-Clause
/*
 * The requests of include/proto/ds.h, one do_ function each.
 *
 * Each decodes its request and checks all of it -- sizes, the NUL of
 * every string, the type and flags, every copy through the client's
 * grants (a failed copy is EFAULT) -- before store.c or subs.c change
 * anything.  Results go back to the client's grants last, so a failed
 * copy-out loses nothing: DS_CHECK keeps the key marked.
 */
#include <string.h>

#include "ds.h"

/* A request's key or pattern (key_grant, key_len), copied and checked. */
static int get_key(endpoint_t who, grant_id_t key_grant, uint32_t key_len,
		   char *key, bool pattern)
{
	if (key_len == 0)
		return -EINVAL;
	if (key_len > DS_KEY_MAX)
		return -ENAMETOOLONG;
	if (sys_safecopyfrom(who, key_grant, 0, key, key_len) < 0)
		return -EFAULT;
	if (!memchr(key, 0, key_len))
		return -EINVAL; /* not terminated */
	return key_valid(key, pattern) ? 0 : -EINVAL;
}

static bool endpoint_ok(endpoint_t ep)
{
	return ep >= 0 && EP_GEN(ep) <= EP_MAX_GEN && EP_SLOT(ep) < NR_PROCS;
}

/* The value of a PUBLISH, copied into buf and checked. */
static int get_value(endpoint_t who, const struct ds_publish *q, uint8_t *buf,
		     struct ds_value *v)
{
	*v = (struct ds_value){.type = q->type, .data = buf};
	switch (q->type) {
	case DS_TYPE_U32:
		v->u32 = q->value;
		return 0;
	case DS_TYPE_LABEL:
		v->u32 = (uint32_t)q->ep;
		return endpoint_ok(q->ep) ? 0 : -EINVAL;
	case DS_TYPE_STR:
		if (q->len == 0)
			return -EINVAL;
		if (q->len > DS_STR_MAX)
			return -E2BIG;
		if (sys_safecopyfrom(who, q->grant, 0, buf, q->len) < 0)
			return -EFAULT;
		if (!memchr(buf, 0, q->len))
			return -EINVAL;
		v->len = (uint32_t)strlen((const char *)buf) + 1;
		return 0;
	case DS_TYPE_BLOB:
		if (q->len > DS_BLOB_MAX)
			return -E2BIG;
		if (q->len &&
		    sys_safecopyfrom(who, q->grant, 0, buf, q->len) < 0)
			return -EFAULT;
		v->len = q->len;
		return 0;
	default:
		return -EINVAL;
	}
}

int do_publish(endpoint_t who, const union ds_req *req, union ds_rep *rep)
{
	(void)rep;
	const struct ds_publish *q = &req->publish;
	char key[DS_KEY_MAX];
	uint8_t buf[DS_BLOB_MAX];
	struct ds_value v;
	if (q->flags & ~DSF_OVERWRITE)
		return -EINVAL;
	int r = get_key(who, q->key_grant, q->key_len, key, false);
	if (r == 0)
		r = get_value(who, q, buf, &v);
	return r < 0 ? r : store_publish(who, key, &v, q->flags);
}

static bool type_ok(uint32_t type)
{
	return type >= DS_TYPE_U32 && type <= DS_TYPE_BLOB;
}

int do_retrieve(endpoint_t who, const union ds_req *req, union ds_rep *out)
{
	const struct ds_retrieve *q = &req->retrieve;
	struct ds_retrieve_reply *rep = &out->retrieve;
	rep->ep = NONE;
	char key[DS_KEY_MAX];
	int r = get_key(who, q->key_grant, q->key_len, key, false);
	if (r < 0)
		return r;
	if (!type_ok(q->type))
		return -EINVAL;
	const struct ds_entry *e = store_find(key);
	if (!e)
		return -ENOENT;
	if (e->type != q->type)
		return -EINVAL;
	rep->value = e->type == DS_TYPE_U32 ? e->u32 : 0;
	rep->ep = e->type == DS_TYPE_LABEL ? (endpoint_t)e->u32 : NONE;
	if (e->type != DS_TYPE_STR && e->type != DS_TYPE_BLOB)
		return 0;
	rep->len = e->len;
	if (q->len < e->len)
		return -ERANGE;
	if (e->len && sys_safecopyto(who, q->grant, 0, e->data, e->len) < 0)
		return -EFAULT;
	return 0;
}

int do_delete(endpoint_t who, const union ds_req *req, union ds_rep *rep)
{
	(void)rep;
	const struct ds_key *q = &req->delete;
	char key[DS_KEY_MAX];
	int r = get_key(who, q->key_grant, q->key_len, key, false);
	return r < 0 ? r : store_delete(who, key);
}

int do_subscribe(endpoint_t who, const union ds_req *req, union ds_rep *rep)
{
	(void)rep;
	const struct ds_subscribe *q = &req->subscribe;
	char pattern[DS_KEY_MAX];
	int r = get_key(who, q->key_grant, q->key_len, pattern, true);
	if (r < 0)
		return r;
	if (q->flags & ~DSF_INITIAL)
		return -EINVAL;
	return subs_add(who, pattern, q->flags & DSF_INITIAL);
}

int do_unsubscribe(endpoint_t who, const union ds_req *req, union ds_rep *rep)
{
	(void)rep;
	const struct ds_key *q = &req->unsubscribe;
	char pattern[DS_KEY_MAX];
	int r = get_key(who, q->key_grant, q->key_len, pattern, true);
	return r < 0 ? r : subs_remove(who, pattern);
}

int do_check(endpoint_t who, const union ds_req *req, union ds_rep *rep)
{
	(void)rep;
	const struct ds_check *q = &req->check;
	if (q->len < sizeof(struct ds_event))
		return -EINVAL;
	int i = subs_next(who);
	if (i < 0)
		return -ENOENT;
	const struct ds_entry *e = &ds_store[i];
	struct ds_event ev;
	memset(&ev, 0, sizeof(ev));
	strcpy(ev.key, e->key);
	strcpy(ev.owner, e->owner);
	ev.type = e->type;
	ev.flags = e->deleted ? DS_EV_DELETED : 0;
	if (sys_safecopyto(who, q->grant, 0, &ev, sizeof(ev)) < 0)
		return -EFAULT;
	subs_clear(who, i);
	return 0;
}

int do_label_of(endpoint_t who, const union ds_req *req, union ds_rep *out)
{
	const struct ds_label_of *q = &req->label_of;
	struct ds_len_reply *rep = &out->label_of;
	const char *label = label_of(q->ep);
	if (!label)
		return -ENOENT;
	rep->len = (uint32_t)strlen(label) + 1;
	if (q->len < rep->len)
		return -ERANGE;
	if (sys_safecopyto(who, q->grant, 0, label, rep->len) < 0)
		return -EFAULT;
	return 0;
}
