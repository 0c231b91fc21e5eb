/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The data store's client calls (lib/libsys/ds.c), so that nobody fills
 * DS messages by hand.  The protocol, its rules and its errors are in
 * proto/ds.h.  Each call grants DS the key and any buffer for the one
 * request and revokes them after; each returns 0 (or a length) or a
 * negative errno, -ESRCH if there is no DS.
 *
 * DS is found by name in the kernel's process table on first use, which
 * takes SYS_GETINFO; a process without it learns the endpoint some
 * other way and calls ds_set_endpoint().
 *
 * A subscriber waits for a NOTIFY from ds_endpoint(), then calls
 * ds_check() until it returns -ENOENT:
 *
 *     struct ds_event ev;
 *     while (ds_check(&ev) == 0)
 *             if (!(ev.flags & DS_EV_DELETED)) ... ev.key changed ...
 */
#pragma once

#include <stdint.h>

#include "abi/message.h"
#include "proto/ds.h"

endpoint_t ds_endpoint(void);
void ds_set_endpoint(endpoint_t ep);

/* flags: DSF_OVERWRITE to replace an existing key. */
int ds_publish_u32(const char *key, uint32_t value, uint32_t flags);
int ds_publish_str(const char *key, const char *value, uint32_t flags);
int ds_publish_blob(const char *key, const void *data, uint32_t len,
		    uint32_t flags);
int ds_publish_label(const char *label, endpoint_t ep, uint32_t flags);

/* A string needs size >= its length with the NUL, a blob size >= its
 * length, else -ERANGE.  ds_retrieve_blob returns the blob's length. */
int ds_retrieve_u32(const char *key, uint32_t *value);
int ds_retrieve_str(const char *key, char *buf, uint32_t size);
int ds_retrieve_blob(const char *key, void *buf, uint32_t size);
int ds_retrieve_label(const char *label, endpoint_t *ep);

int ds_delete(const char *key);

/* flags: DSF_INITIAL to hear about the keys that already match. */
int ds_subscribe(const char *pattern, uint32_t flags);
int ds_unsubscribe(const char *pattern);
int ds_check(struct ds_event *ev);

/* The label of ep (the reverse of ds_retrieve_label) into buf. */
int ds_label_of(endpoint_t ep, char *buf, uint32_t size);
