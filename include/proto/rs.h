/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The reincarnation-server protocol: what the `service` command asks RS,
 * and what a service and RS say to each other.  The client calls are in
 * include/rsclient.h (lib/libsys/rs.c) and lib/libsys/sef.c.  Every
 * request to RS is a SENDREC answered with RS_REPLY, whose first word
 * is the status: >= 0 or a negative errno.
 *
 * From `service` (root only: EPERM for anybody else):
 *   RS_UP       struct rs_buf: grant/len = a struct rs_up: start the
 *               program at `path` as service `label` with its policy
 *               -> struct rs_reply, ep = its endpoint
 *   RS_DOWN     struct rs_label: stop it for good (no restart)
 *   RS_RESTART  struct rs_label: start a service that is down or
 *               failed again, now (what a recovery script does)
 *   RS_REFRESH  struct rs_label: stop a running service and start it
 *               afresh
 *   RS_LIST     struct rs_buf: grant/len = room for struct rs_info
 *               entries -> status = how many were copied
 *   RS_FI       struct rs_fi: kind = RS_FI_CRASH: make service `label`
 *               crash on purpose (fault injection; the server library
 *               takes a CPU exception); RS_FI_HANG: make it hang,
 *               spinning without answering anyone, until RS misses its
 *               heartbeats and kills it.  A busy service gets it when
 *               it next listens (RS tries again on each of its ticks).
 * DOWN, RESTART, REFRESH and FI answer struct rs_reply with ep = the
 * service's endpoint (NONE if it does not run).  A label is
 * NUL-terminated within its RS_LABEL_MAX bytes.
 *
 * Between RS and a service (lib/libsys/sef*.c does the service's side):
 *   RS_INIT     service -> RS, when it is ready; carries nothing ->
 *               struct rs_init_reply: status = RS_FRESH or
 *               RS_RESTARTED; `restarts` = how many times it was
 *               restarted; `label` = its label
 *   heartbeat   RS sends a NOTIFY; the library answers with a NOTIFY.
 *   RS_FI       RS -> service, struct rs_fi with the kind (label
 *               unused), by SENDNB: no reply expected
 *
 * Why a service stopped (rs_info.reason, and the REASON argument of a
 * recovery script): exit, crash, panic, killed, no-heartbeat, down.
 */
#pragma once

#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/grant.h"
#include "abi/message.h"

#define RS_BASE 0x800
#define RS_UP (RS_BASE + 1)
#define RS_DOWN (RS_BASE + 2)
#define RS_RESTART (RS_BASE + 3)
#define RS_REFRESH (RS_BASE + 4)
#define RS_LIST (RS_BASE + 5)
#define RS_FI (RS_BASE + 6)
#define RS_INIT (RS_BASE + 7)
#define RS_REPLY (RS_BASE + 0x80)

#define RS_LABEL_MAX 16 /* with the NUL */
#define RS_PATH_MAX 128
#define RS_ARGS_MAX 256

#define RS_FI_CRASH 0 /* RS_FI: a CPU exception */
#define RS_FI_HANG 1  /* RS_FI: an endless loop */

#define RS_FRESH 0     /* RS_INIT: the first start */
#define RS_RESTARTED 1 /* RS_INIT: a new instance after a failure */

/* A service's exit status when it panics (sef_panic). */
#define RS_PANIC_STATUS 222
/* ... and when its device is not there (sef_no_device): RS takes the
 * service down for good ("no device") instead of restarting it. */
#define RS_NODEV_STATUS 223

/* RS_UP and RS_LIST: a buffer granted to RS (the two share this
 * struct: their fields mean the same). */
struct rs_buf {
	grant_id_t grant;
	uint32_t len; /* its size in bytes */
};
MSG_FITS(struct rs_buf);

/* RS_DOWN, RS_RESTART, RS_REFRESH: one service by its label. */
struct rs_label {
	char label[RS_LABEL_MAX];
};
MSG_FITS(struct rs_label);

/* RS_FI, to RS (label = whom) and from RS to the service itself. */
struct rs_fi {
	char label[RS_LABEL_MAX];
	uint32_t kind; /* RS_FI_* */
};
MSG_FITS(struct rs_fi);

union rs_req {
	struct rs_buf up;
	struct rs_label down;
	struct rs_label restart;
	struct rs_label refresh;
	struct rs_buf list;
	struct rs_fi fi;
};
MSG_FITS(union rs_req);

/* The reply to every request but RS_INIT. */
struct rs_reply {
	int32_t status;
	endpoint_t ep; /* UP: the new service; else that service's */
};
MSG_FITS(struct rs_reply);

/* The reply to RS_INIT. */
struct rs_init_reply {
	int32_t status; /* RS_FRESH or RS_RESTARTED */
	uint32_t restarts;
	char label[RS_LABEL_MAX];
};
MSG_FITS(struct rs_init_reply);

union rs_rep {
	struct rs_reply reply;
	struct rs_init_reply init;
};
MSG_FITS(union rs_rep);

/* RS_UP: what to start.  config "" means /etc/system.d/LABEL.conf. */
struct rs_up {
	char path[RS_PATH_MAX];
	char label[RS_LABEL_MAX]; /* "" means the program's name */
	char args[RS_ARGS_MAX];	  /* more arguments, split at spaces */
	char config[RS_PATH_MAX]; /* the policy file */
};

/* RS_LIST: one service. */
#define RS_STATE_STARTING 0 /* started, not yet through RS_INIT */
#define RS_STATE_RUNNING 1
#define RS_STATE_WAITING 2 /* failed; restarts when its back-off ends */
#define RS_STATE_SCRIPT 3  /* failed; its recovery script decides */
#define RS_STATE_DOWN 4	   /* stopped by `service down` */
#define RS_STATE_FAILED 5  /* over its restart limit, or restart never */
struct rs_info {
	char label[RS_LABEL_MAX];
	char reason[RS_LABEL_MAX]; /* of the last failure, "" if none */
	endpoint_t ep;		   /* NONE when not running */
	int32_t pid;		   /* PM's pid for it, 0 if unknown */
	uint32_t state;		   /* RS_STATE_* */
	uint32_t restarts;
	uint32_t uptime_ms; /* of the running instance */
};

#define RS_REQ(m) ((union rs_req *)(void *)(m)->m_u.b)
#define RS_REP(m) ((union rs_rep *)(void *)(m)->m_u.b)
