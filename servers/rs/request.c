// SPDX-License-Identifier: BSD-2-Clause
/*
 * Requests to RS (proto/rs.h).  The control requests come from the
 * `service` command and only root may make them: RS asks PM for the
 * caller's user id.  RS_INIT comes from a service that is ready.  Every
 * request is checked before anything changes by its do_ handler (the
 * call table below), and every one gets a reply sent without blocking
 * (ipc_reply), so no client can stall RS.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/procs.h>

#include "rs.h"

/* PM's view of a process: its pid and user id, or -1 if unknown. */
static int pm_info(endpoint_t ep, int *uid)
{
	static struct pm_procinfo procs[96];
	int n = getprocs(procs, 96);
	for (int i = 0; i < n; i++)
		if (procs[i].ep == ep) {
			if (uid)
				*uid = procs[i].uid;
			return procs[i].pid;
		}
	return -1;
}

static int do_init(endpoint_t from, struct rs_init_reply *rep)
{
	struct service *s = svc_by_ep(from);
	if (!s)
		return -ESRCH;
	svc_set_state(s, SVC_RUNNING, 0);
	s->alive_ms = s->ping_ms = clock_ms();
	rep->restarts = s->restarts;
	memcpy(rep->label, s->label, sizeof(rep->label));
	svc_publish(s);
	return s->restarts ? RS_RESTARTED : RS_FRESH;
}

/* A new PCI knows no ACL.  It learns them only after the reply to its
 * RS_INIT: sent before, an ACL would reach the PCI waiting in SENDREC
 * for that reply and be taken for it. */
static void init_done(endpoint_t from)
{
	struct service *s = svc_by_ep(from);
	if (s && !strcmp(s->label, "pci"))
		pci_tell_all();
}

static bool good_label(const char *l)
{
	size_t n = strnlen(l, RS_LABEL_MAX);
	if (n == 0 || n >= RS_LABEL_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((l[i] >= 'a' && l[i] <= 'z') ||
		      (l[i] >= '0' && l[i] <= '9') || l[i] == '_' ||
		      l[i] == '-'))
			return false;
	return true;
}

static int do_up(endpoint_t from, const union rs_req *req, struct rs_reply *rep)
{
	const struct rs_buf *q = &req->up;
	static struct rs_up up;
	if (q->len != sizeof(up))
		return -EINVAL;
	if (sys_safecopyfrom(from, q->grant, 0, &up, sizeof(up)) < 0)
		return -EFAULT;
	up.path[RS_PATH_MAX - 1] = up.args[RS_ARGS_MAX - 1] = 0;
	up.config[RS_PATH_MAX - 1] = up.label[RS_LABEL_MAX - 1] = 0;
	if (up.path[0] != '/')
		return -EINVAL;
	if (!up.label[0]) { /* the program's name */
		const char *base = strrchr(up.path, '/') + 1;
		strncpy(up.label, base, RS_LABEL_MAX - 1);
	}
	if (!good_label(up.label))
		return -EINVAL;
	if (svc_by_label(up.label))
		return -EEXIST;
	struct service *s = 0;
	for (int i = 0; i < NR_SERVICES && !s; i++)
		if (!svc[i].used)
			s = &svc[i];
	if (!s)
		return -ENOSPC;
	memset(s, 0, sizeof(*s));
	s->ep = NONE;
	memcpy(s->label, up.label, sizeof(s->label));
	memcpy(s->path, up.path, sizeof(s->path));
	memcpy(s->args, up.args, sizeof(s->args));
	int r = svc_load_policy(s, up.config);
	s->used = true; /* in the table while it starts: pci.c looks there */
	if (r == 0)
		r = svc_start(s);
	if (r < 0) {
		free(s->copy);
		memset(s, 0, sizeof(*s));
		return r;
	}
	s->window_ms = clock_ms();
	rep->ep = s->ep;
	return 0;
}

static int do_list(endpoint_t from, const union rs_req *req,
		   struct rs_reply *rep)
{
	(void)rep;
	const struct rs_buf *q = &req->list;
	static struct rs_info out[NR_SERVICES];
	uint32_t n = 0;
	uint64_t now = clock_ms();
	for (int i = 0; i < NR_SERVICES; i++) {
		struct service *s = &svc[i];
		if (!s->used)
			continue;
		struct rs_info *o = &out[n++];
		memset(o, 0, sizeof(*o));
		memcpy(o->label, s->label, sizeof(o->label));
		memcpy(o->reason, s->reason, sizeof(o->reason));
		o->ep = s->ep;
		o->state = svc_public_state(s);
		o->restarts = s->restarts;
		if (s->ep != NONE) {
			o->pid = pm_info(s->ep, 0);
			o->uptime_ms = (uint32_t)(now - s->started_ms);
		}
	}
	uint32_t len = n * (uint32_t)sizeof(out[0]);
	if (len > q->len)
		len = q->len / sizeof(out[0]) * sizeof(out[0]);
	if (len && sys_safecopyto(from, q->grant, 0, out, len) < 0)
		return -EFAULT;
	return (int)(len / sizeof(out[0]));
}

/* The service a DOWN, RESTART, REFRESH or FI names; rep->ep = its
 * endpoint. */
static struct service *named(const char *label, struct rs_reply *rep)
{
	char l[RS_LABEL_MAX];
	memcpy(l, label, sizeof(l));
	l[RS_LABEL_MAX - 1] = 0;
	struct service *s = svc_by_label(l);
	if (s)
		rep->ep = s->ep;
	return s;
}

static int do_down(endpoint_t from, const union rs_req *req,
		   struct rs_reply *rep)
{
	(void)from;
	struct service *s = named(req->down.label, rep);
	if (!s)
		return -ESRCH;
	svc_stop(s);
	return 0;
}

static int do_restart(endpoint_t from, const union rs_req *req,
		      struct rs_reply *rep)
{
	(void)from;
	struct service *s = named(req->restart.label, rep);
	if (!s)
		return -ESRCH;
	if (s->ep != NONE)
		return -EBUSY; /* it runs: refresh it instead */
	s->restarts++;
	return svc_start(s);
}

static int do_refresh(endpoint_t from, const union rs_req *req,
		      struct rs_reply *rep)
{
	(void)from;
	struct service *s = named(req->refresh.label, rep);
	if (!s)
		return -ESRCH;
	if (s->ep == NONE)
		return -ESRCH;
	svc_refresh(s);
	return 0;
}

static int do_fi(endpoint_t from, const union rs_req *req, struct rs_reply *rep)
{
	(void)from;
	struct service *s = named(req->fi.label, rep);
	if (!s)
		return -ESRCH;
	uint32_t kind = req->fi.kind;
	if (kind != RS_FI_CRASH && kind != RS_FI_HANG)
		return -EINVAL;
	if (s->ep == NONE)
		return -ESRCH;
	s->fi_pending = true;
	s->fi_ep = s->ep;
	s->fi_kind = kind;
	svc_inject(s);
	return 0;
}

/* The requests of `service`: root's only. */
static int (*const calls[])(endpoint_t from, const union rs_req *req,
			    struct rs_reply *rep) = {
	[RS_UP - RS_BASE] = do_up,
	[RS_DOWN - RS_BASE] = do_down,
	[RS_RESTART - RS_BASE] = do_restart,
	[RS_REFRESH - RS_BASE] = do_refresh,
	[RS_LIST - RS_BASE] = do_list,
	[RS_FI - RS_BASE] = do_fi,
};

void rs_request(message_t *m)
{
	endpoint_t from = m->m_source;
	if (m->m_type == RS_INIT) {
		struct rs_init_reply rep;
		memset(&rep, 0, sizeof(rep));
		rep.status = do_init(from, &rep);
		ipc_reply(from, RS_REPLY, &rep, sizeof(rep));
		init_done(from);
		return;
	}
	union rs_req q = *RS_REQ(m);
	struct rs_reply rep = {.status = 0, .ep = NONE};
	int (*fn)(endpoint_t, const union rs_req *, struct rs_reply *) =
		CALL_IN(calls, RS_BASE, m->m_type);
	int uid = -1;
	if (!fn) {
		rep.status = -ENOSYS;
	} else if (pm_info(from, &uid) < 0 || uid != 0) {
		static struct peer_set root_only;
		if (!root_only.what)
			peer_init(&root_only, "only root may", "");
		rep.status = peer_refuse(&root_only, from, m->m_type);
	} else {
		rep.status = fn(from, &q, &rep);
	}
	ipc_reply(from, RS_REPLY, &rep, sizeof(rep));
}
