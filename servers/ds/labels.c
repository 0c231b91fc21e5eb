// SPDX-License-Identifier: BSD-2-Clause
/*
 * Who is who: RS, and the label of any process.
 *
 * RS is the process named "rs" in the kernel's process table when DS
 * starts (main.c), which is the boot image's RS.  DS never looks the
 * name up again: later any program could be called "rs" (exec names a
 * process after its file), and only the endpoint found at start-up is
 * trusted to publish labels.
 *
 * A process's label is found backwards from the label entries, which
 * RS publishes: the key of the LABEL entry holding its endpoint.  The
 * store keeps an endpoint to at most one label (store.c), so the answer
 * is unique.  RS needs no entry: without one its label is "rs".
 */
#include "ds.h"

static endpoint_t rs_ep = NONE;

void label_set_rs(endpoint_t rs)
{
	rs_ep = rs;
}

bool label_is_rs(endpoint_t ep)
{
	return ep != NONE && ep == rs_ep;
}

/* The live LABEL entry holding ep, or 0. */
struct ds_entry *label_entry_of(endpoint_t ep)
{
	for (int i = 0; i < DS_NR_KEYS; i++) {
		struct ds_entry *e = &ds_store[i];
		if (e->used && !e->deleted && e->type == DS_TYPE_LABEL &&
		    (endpoint_t)e->u32 == ep)
			return e;
	}
	return 0;
}

/* ep's label, or 0 if it has none. */
const char *label_of(endpoint_t ep)
{
	struct ds_entry *e = label_entry_of(ep);
	if (e)
		return e->key;
	return label_is_rs(ep) ? DS_RS_LABEL : 0;
}
