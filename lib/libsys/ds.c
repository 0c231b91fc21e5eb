// SPDX-License-Identifier: BSD-2-Clause
/*
 * The data store's client calls (see include/dsclient.h).  Every call goes
 * through ds_call(), which grants DS the key (read-only, its length
 * with the NUL) and the value or result buffer for this one request,
 * and revokes both when the reply is in.  Checking is left to DS, so
 * the rules live in one place.
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

/* One request: key (or 0) and buf/len (or 0) granted with `access`;
 * q's grant fields are filled in here.  The reply lands in *rep. */
static int ds_call(int type, const char *key, struct ds_request *q,
		   const void *buf, uint32_t len, uint32_t access,
		   struct ds_reply *rep)
{
	endpoint_t ds = ds_endpoint();
	if (ds == NONE)
		return -ESRCH;
	grant_id_t kg = GRANT_INVALID, bg = GRANT_INVALID;
	if (key) {
		q->key_len = (uint32_t)strlen(key) + 1;
		kg = grant_create(ds, key, q->key_len, GF_READ);
		if (kg < 0)
			return kg;
	}
	q->key_grant = kg;
	int r = 0;
	if (buf && len) {
		bg = grant_create(ds, buf, len, access);
		if (bg < 0) {
			r = bg;
			goto out_key;
		}
	}
	q->grant = bg;
	q->len = len;
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*DS_REQ(&m) = *q;
	r = ipc_sendrec(ds, &m);
	if (r == 0) {
		*rep = *DS_REP(&m);
		r = rep->status;
	}
	if (bg >= 0)
		grant_revoke(bg);
out_key:
	if (kg >= 0)
		grant_revoke(kg);
	return r;
}

static int publish(const char *key, struct ds_request *q, const void *buf,
		   uint32_t len)
{
	struct ds_reply rep;
	return ds_call(DS_PUBLISH, key, q, buf, len, GF_READ, &rep);
}

int ds_publish_u32(const char *key, uint32_t value, uint32_t flags)
{
	struct ds_request q = {
		.type = DS_TYPE_U32, .flags = flags, .value = value};
	return publish(key, &q, 0, 0);
}

int ds_publish_str(const char *key, const char *value, uint32_t flags)
{
	struct ds_request q = {.type = DS_TYPE_STR, .flags = flags};
	return publish(key, &q, value, (uint32_t)strlen(value) + 1);
}

int ds_publish_blob(const char *key, const void *data, uint32_t len,
		    uint32_t flags)
{
	struct ds_request q = {.type = DS_TYPE_BLOB, .flags = flags};
	return publish(key, &q, data, len);
}

int ds_publish_label(const char *label, endpoint_t ep, uint32_t flags)
{
	struct ds_request q = {.type = DS_TYPE_LABEL, .flags = flags, .ep = ep};
	return publish(label, &q, 0, 0);
}

/* RETRIEVE of `type` into buf/size (STR, BLOB) or *rep (U32, LABEL). */
static int retrieve(const char *key, uint32_t type, void *buf, uint32_t size,
		    struct ds_reply *rep)
{
	struct ds_request q = {.type = type};
	return ds_call(DS_RETRIEVE, key, &q, buf, size, GF_WRITE, rep);
}

int ds_retrieve_u32(const char *key, uint32_t *value)
{
	struct ds_reply rep;
	int r = retrieve(key, DS_TYPE_U32, 0, 0, &rep);
	if (r == 0)
		*value = rep.value;
	return r;
}

int ds_retrieve_str(const char *key, char *buf, uint32_t size)
{
	struct ds_reply rep;
	return retrieve(key, DS_TYPE_STR, buf, size, &rep);
}

int ds_retrieve_blob(const char *key, void *buf, uint32_t size)
{
	struct ds_reply rep;
	int r = retrieve(key, DS_TYPE_BLOB, buf, size, &rep);
	return r < 0 ? r : (int)rep.len;
}

int ds_retrieve_label(const char *label, endpoint_t *ep)
{
	struct ds_reply rep;
	int r = retrieve(label, DS_TYPE_LABEL, 0, 0, &rep);
	if (r == 0)
		*ep = rep.ep;
	return r;
}

int ds_delete(const char *key)
{
	struct ds_request q = {0};
	struct ds_reply rep;
	return ds_call(DS_DELETE, key, &q, 0, 0, 0, &rep);
}

int ds_subscribe(const char *pattern, uint32_t flags)
{
	struct ds_request q = {.flags = flags};
	struct ds_reply rep;
	return ds_call(DS_SUBSCRIBE, pattern, &q, 0, 0, 0, &rep);
}

int ds_unsubscribe(const char *pattern)
{
	struct ds_request q = {0};
	struct ds_reply rep;
	return ds_call(DS_UNSUBSCRIBE, pattern, &q, 0, 0, 0, &rep);
}

int ds_check(struct ds_event *ev)
{
	struct ds_request q = {0};
	struct ds_reply rep;
	return ds_call(DS_CHECK, 0, &q, ev, sizeof(*ev), GF_WRITE, &rep);
}

int ds_label_of(endpoint_t ep, char *buf, uint32_t size)
{
	struct ds_request q = {.ep = ep};
	struct ds_reply rep;
	return ds_call(DS_LABEL_OF, 0, &q, buf, size, GF_WRITE, &rep);
}
