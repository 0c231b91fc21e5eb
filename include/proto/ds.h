/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The data-store protocol: a small typed key/value store with owners
 * and publish/subscribe (servers/ds).  It is the naming service (label
 * -> endpoint, published by RS for every service it starts) and the bus
 * on which news such as "driver X is up" travels; a driver may also
 * leave a small state blob there for its next incarnation.
 *
 * Every request is a SENDREC with one reply (DS_REPLY): status 0 (or a
 * length) or a negative errno.  Keys, values and results that do not
 * fit in a message travel through grants the client makes to DS.  The
 * client calls are in include/dsclient.h (lib/libsys/ds.c).
 *
 *   DS_PUBLISH     struct ds_publish: key, type, flags (DSF_OVERWRITE),
 *                  and the value: U32 value; LABEL ep; STR grant/len =
 *                  the string with its NUL; BLOB grant/len = the bytes
 *   DS_RETRIEVE    struct ds_retrieve: key, type -> struct
 *                  ds_retrieve_reply: U32 value; LABEL ep; STR and BLOB
 *                  are copied into grant/len (writable) and len = their
 *                  size (the string's with its NUL)
 *   DS_DELETE      struct ds_key: key
 *   DS_SUBSCRIBE   struct ds_subscribe: key = a pattern, flags
 *                  (DSF_INITIAL)
 *   DS_UNSUBSCRIBE struct ds_key: key = a pattern given to DS_SUBSCRIBE
 *                  before
 *   DS_CHECK       struct ds_check: grant/len = room for a struct
 *                  ds_event (writable): one changed key, or ENOENT when
 *                  none is left
 *   DS_LABEL_OF    struct ds_label_of: ep -> its label into grant/len
 *                  (writable); struct ds_len_reply: len = its length
 *                  with the NUL
 * Every other reply is a struct ds_reply: the status alone.
 *
 * Keys.  A key is 1 to DS_KEY_MAX - 1 printable ASCII characters (no
 * space, no '*'), sent as key_grant/key_len: the bytes up to the first
 * NUL, which must lie within key_len (at most DS_KEY_MAX).  Labels are
 * keys of type LABEL in the same name space.
 *
 * Owners.  A process's label is the key of the label entry holding its
 * endpoint (found by reverse lookup; RS is "rs" unless it published a
 * label for itself).  A key belongs to the label of the process that
 * created it.  Only its owner or RS may overwrite or delete it; a
 * process without a label may not publish at all (EPERM); anyone may
 * retrieve.  Only RS may publish or delete LABEL entries, and a label
 * names one endpoint and an endpoint has at most one label (EEXIST).
 * Because ownership goes by label, a service that RS restarts and
 * republishes under the same label (DSF_OVERWRITE, new endpoint) owns
 * its predecessor's keys: it can read and overwrite its saved state.
 * Deleting a label deletes every key that label owns and its
 * subscriptions: the service is gone for good, so a restart must
 * republish the label, never delete it first.
 *
 * Subscriptions.  A process with a label may hold DS_SUBS_PER_PROC
 * patterns (DS_NR_SUBS in all).  A pattern is a key in which '*'
 * matches any run of characters, '.' included, and every other
 * character only itself: "drv.chr.*", "state.*", "*".  Each time a
 * matching key is created, overwritten or deleted DS marks it changed
 * for the subscriber and NOTIFYs it; repeated notifications coalesce,
 * so the subscriber calls DS_CHECK until ENOENT after each one.  A key
 * changed several times before it is checked is reported once, in its
 * latest state (flags DS_EV_DELETED if it is gone).  DSF_INITIAL marks
 * the keys that already match.  Subscriptions end when the subscriber's
 * label is deleted or moves to another endpoint, and when DS finds the
 * subscriber dead.
 *
 * Errors.  EINVAL: a malformed key, pattern or string, an unknown type
 * or flag, or a key of another type (RETRIEVE); ENAMETOOLONG: key_len
 * over DS_KEY_MAX; E2BIG: a string or blob over its limit; ERANGE: a
 * retrieve buffer smaller than the value (len says how big it is);
 * EFAULT: a grant DS cannot copy through; ENOENT: no such key,
 * subscription, change or label; EEXIST: the key exists (PUBLISH
 * without DSF_OVERWRITE), or the subscription does; EPERM: see owners;
 * ENOSPC: a full table; ENOSYS: an unknown request.
 */
#pragma once

#include <stdint.h>

#include "abi/grant.h"
#include "abi/message.h"

#define DS_BASE 0x700
#define DS_PUBLISH (DS_BASE + 1)
#define DS_RETRIEVE (DS_BASE + 2)
#define DS_DELETE (DS_BASE + 3)
#define DS_SUBSCRIBE (DS_BASE + 4)
#define DS_UNSUBSCRIBE (DS_BASE + 5)
#define DS_CHECK (DS_BASE + 6)
#define DS_LABEL_OF (DS_BASE + 7)
#define DS_REPLY (DS_BASE + 0x80)

/* Value types. */
#define DS_TYPE_U32 1
#define DS_TYPE_STR 2
#define DS_TYPE_LABEL 3 /* label -> endpoint */
#define DS_TYPE_BLOB 4

/* Request flags. */
#define DSF_OVERWRITE 0x1 /* PUBLISH: replace an existing key */
#define DSF_INITIAL 0x2	  /* SUBSCRIBE: report keys that already match */

/* Limits clients can count on. */
#define DS_KEY_MAX 64 /* a key, pattern or label with its NUL */
#define DS_STR_MAX 64 /* a string value with its NUL */
#define DS_BLOB_MAX 256
#define DS_SUBS_PER_PROC 8 /* VFS: one per driver major */
#define DS_NR_SUBS 64

/* Every request's key or pattern: its bytes up to the NUL. */
struct ds_key {
	grant_id_t key_grant; /* readable */
	uint32_t key_len;
};
MSG_FITS(struct ds_key);

struct ds_publish {
	grant_id_t key_grant;
	uint32_t key_len;
	uint32_t type;	  /* DS_TYPE_* */
	uint32_t flags;	  /* DSF_OVERWRITE */
	uint32_t value;	  /* U32 */
	endpoint_t ep;	  /* LABEL */
	grant_id_t grant; /* STR, BLOB: readable */
	uint32_t len;
};
MSG_FITS(struct ds_publish);

struct ds_retrieve {
	grant_id_t key_grant;
	uint32_t key_len;
	uint32_t type;	  /* DS_TYPE_* */
	grant_id_t grant; /* STR, BLOB: writable */
	uint32_t len;
};
MSG_FITS(struct ds_retrieve);

struct ds_subscribe {
	grant_id_t key_grant; /* the pattern */
	uint32_t key_len;
	uint32_t flags; /* DSF_INITIAL */
};
MSG_FITS(struct ds_subscribe);

struct ds_check {
	grant_id_t grant; /* writable, for a struct ds_event */
	uint32_t len;
};
MSG_FITS(struct ds_check);

struct ds_label_of {
	endpoint_t ep;
	grant_id_t grant; /* writable, for the label */
	uint32_t len;
};
MSG_FITS(struct ds_label_of);

/* DS_DELETE and DS_UNSUBSCRIBE carry a key alone (struct ds_key). */
union ds_req {
	struct ds_publish publish;
	struct ds_retrieve retrieve;
	struct ds_key delete;
	struct ds_subscribe subscribe;
	struct ds_key unsubscribe;
	struct ds_check check;
	struct ds_label_of label_of;
};
MSG_FITS(union ds_req);

/* PUBLISH, DELETE, SUBSCRIBE, UNSUBSCRIBE, CHECK. */
struct ds_reply {
	int32_t status;
};
MSG_FITS(struct ds_reply);

struct ds_retrieve_reply {
	int32_t status;
	uint32_t value; /* U32 */
	endpoint_t ep;	/* LABEL, else NONE */
	uint32_t len;	/* STR, BLOB: the value's size, also with ERANGE */
};
MSG_FITS(struct ds_retrieve_reply);

struct ds_len_reply {
	int32_t status;
	uint32_t len; /* LABEL_OF: the label's length with its NUL */
};
MSG_FITS(struct ds_len_reply);

union ds_rep {
	struct ds_reply reply;
	struct ds_retrieve_reply retrieve;
	struct ds_len_reply label_of;
};
MSG_FITS(union ds_rep);

/* What DS_CHECK copies out: one changed key. */
#define DS_EV_DELETED 0x1
struct ds_event {
	char key[DS_KEY_MAX];
	char owner[DS_KEY_MAX]; /* the owner's label */
	uint32_t type;		/* DS_TYPE_* */
	uint32_t flags;		/* DS_EV_* */
};

#define DS_REQ(m) ((union ds_req *)(void *)(m)->m_u.b)
#define DS_REP(m) ((union ds_rep *)(void *)(m)->m_u.b)
