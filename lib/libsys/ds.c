// SPDX-License-Identifier: BSD-2-Clause
/*
 * The data store's client calls (see include/dsclient.h).  A call with
 * a key goes through keyed(), which grants DS the key (read-only, its
 * length with the NUL) and the value or result buffer for this one
 * request, and revokes both when the reply is in; CHECK and LABEL_OF
 * go through into(), with a result buffer only.  Each fills its own
 * request struct of proto/ds.h.  Checking is left to DS, so the rules
 * live in one place.
 */
#include <string.h>

#include "dsclient.h"
#include "libsys.h"

static endpoint_t ds_ep = NONE;

endpoint_t ds_endpoint(void)
{
	if (ds_ep == NONE)
		ds_ep = proc_find("ds");
	return ds_ep;
}

void ds_set_endpoint(endpoint_t ep)
{
	ds_ep = ep;
}

/* A grant to DS for one request: 0, or a negative errno; *g stays
 * GRANT_INVALID for no buffer. */
static int grant(const void *buf, uint32_t len, uint32_t access, grant_id_t *g)
{
	*g = GRANT_INVALID;
	if (!buf || !len)
		return 0;
	*g = grant_create(ds_ep, buf, len, access);
	return *g < 0 ? *g : 0;
}

/* One request: *q is sent as it is, the reply lands in *rep. */
static int call(int type, const union ds_req *q, union ds_rep *rep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*DS_REQ(&m) = *q;
	int r = ipc_sendrec(ds_ep, &m);
	if (r < 0)
		return r;
	*rep = *DS_REP(&m);
	return rep->reply.status;
}

/* A request with a key, and buf/len granted with `access` (or none).
 * The key's fields come first in every struct that has one: `k` and
 * `g` say where this request's key and buffer fields are in *q. */
static int keyed(int type, const char *key, union ds_req *q, struct ds_key *k,
		 const void *buf, uint32_t len, uint32_t access, grant_id_t *g,
		 union ds_rep *rep)
{
	if (ds_endpoint() == NONE)
		return -ESRCH;
	k->key_len = (uint32_t)strlen(key) + 1;
	k->key_grant = grant_create(ds_ep, key, k->key_len, GF_READ);
	if (k->key_grant < 0)
		return k->key_grant;
	grant_id_t bg = GRANT_INVALID;
	int r = grant(buf, len, access, &bg);
	if (r < 0)
		goto out_key;
	if (g)
		*g = bg;
	r = call(type, q, rep);
	if (bg >= 0)
		grant_revoke(bg);
out_key:
	grant_revoke(k->key_grant);
	return r;
}

static int publish(const char *key, struct ds_publish *p, const void *buf,
		   uint32_t len)
{
	union ds_req q = {.publish = *p};
	union ds_rep rep;
	q.publish.len = buf ? len : 0;
	return keyed(DS_PUBLISH, key, &q, (struct ds_key *)(void *)&q.publish,
		     buf, len, GF_READ, &q.publish.grant, &rep);
}

int ds_publish_u32(const char *key, uint32_t value, uint32_t flags)
{
	struct ds_publish p = {
		.type = DS_TYPE_U32, .flags = flags, .value = value};
	return publish(key, &p, 0, 0);
}

int ds_publish_str(const char *key, const char *value, uint32_t flags)
{
	struct ds_publish p = {.type = DS_TYPE_STR, .flags = flags};
	return publish(key, &p, value, (uint32_t)strlen(value) + 1);
}

int ds_publish_blob(const char *key, const void *data, uint32_t len,
		    uint32_t flags)
{
	struct ds_publish p = {.type = DS_TYPE_BLOB, .flags = flags};
	return publish(key, &p, data, len);
}

int ds_publish_label(const char *label, endpoint_t ep, uint32_t flags)
{
	struct ds_publish p = {.type = DS_TYPE_LABEL, .flags = flags, .ep = ep};
	return publish(label, &p, 0, 0);
}

/* RETRIEVE of `type` into buf/size (STR, BLOB) or *rep (U32, LABEL). */
static int retrieve(const char *key, uint32_t type, void *buf, uint32_t size,
		    struct ds_retrieve_reply *out)
{
	union ds_req q = {.retrieve = {.type = type, .len = buf ? size : 0}};
	union ds_rep rep;
	int r = keyed(DS_RETRIEVE, key, &q,
		      (struct ds_key *)(void *)&q.retrieve, buf, size, GF_WRITE,
		      &q.retrieve.grant, &rep);
	*out = rep.retrieve;
	return r;
}

int ds_retrieve_u32(const char *key, uint32_t *value)
{
	struct ds_retrieve_reply rep;
	int r = retrieve(key, DS_TYPE_U32, 0, 0, &rep);
	if (r == 0)
		*value = rep.value;
	return r;
}

int ds_retrieve_str(const char *key, char *buf, uint32_t size)
{
	struct ds_retrieve_reply rep;
	return retrieve(key, DS_TYPE_STR, buf, size, &rep);
}

int ds_retrieve_blob(const char *key, void *buf, uint32_t size)
{
	struct ds_retrieve_reply rep;
	int r = retrieve(key, DS_TYPE_BLOB, buf, size, &rep);
	return r < 0 ? r : (int)rep.len;
}

int ds_retrieve_label(const char *label, endpoint_t *ep)
{
	struct ds_retrieve_reply rep;
	int r = retrieve(label, DS_TYPE_LABEL, 0, 0, &rep);
	if (r == 0)
		*ep = rep.ep;
	return r;
}

int ds_delete(const char *key)
{
	union ds_req q = {.delete = {0}};
	union ds_rep rep;
	return keyed(DS_DELETE, key, &q, &q.delete, 0, 0, 0, 0, &rep);
}

int ds_subscribe(const char *pattern, uint32_t flags)
{
	union ds_req q = {.subscribe = {.flags = flags}};
	union ds_rep rep;
	return keyed(DS_SUBSCRIBE, pattern, &q,
		     (struct ds_key *)(void *)&q.subscribe, 0, 0, 0, 0, &rep);
}

int ds_unsubscribe(const char *pattern)
{
	union ds_req q = {.unsubscribe = {0}};
	union ds_rep rep;
	return keyed(DS_UNSUBSCRIBE, pattern, &q, &q.unsubscribe, 0, 0, 0, 0,
		     &rep);
}

/* A request with a writable buffer and no key: CHECK, LABEL_OF. */
static int into(int type, union ds_req *q, grant_id_t *g, uint32_t *len,
		void *buf, uint32_t size, union ds_rep *rep)
{
	if (ds_endpoint() == NONE)
		return -ESRCH;
	int r = grant(buf, size, GF_WRITE, g);
	if (r < 0)
		return r;
	*len = *g >= 0 ? size : 0;
	r = call(type, q, rep);
	if (*g >= 0)
		grant_revoke(*g);
	return r;
}

int ds_check(struct ds_event *ev)
{
	union ds_req q = {.check = {0}};
	union ds_rep rep;
	return into(DS_CHECK, &q, &q.check.grant, &q.check.len, ev, sizeof(*ev),
		    &rep);
}

int ds_label_of(endpoint_t ep, char *buf, uint32_t size)
{
	union ds_req q = {.label_of = {.ep = ep}};
	union ds_rep rep;
	return into(DS_LABEL_OF, &q, &q.label_of.grant, &q.label_of.len, buf,
		    size, &rep);
}
