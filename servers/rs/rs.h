/* SPDX-License-Identifier: BSD-2-Clause */
/* What the parts of the reincarnation server share (see main.c). */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "libsys.h"
#include "policy.h"
#include "proto/rs.h"

#define NR_SERVICES 16
#define RS_IMAGE_MAX (4u << 20) /* the largest program RS starts */

/*
 * A service's life.  svc_set_state (life.c) is the one writer of
 * `state`, and says why when the change is news:
 *
 *   NEW --svc_start--> HELD --PCI has its ACL--> STARTING --RS_INIT-->
 *   RUNNING --failure--> WAITING (back-off) | SCRIPT | FAILED, or a
 *   restart at once; WAITING --its time--> HELD; `service down` --> DOWN.
 *
 * A boot process RS adopts is RUNNING from the start.  RS_LIST shows
 * HELD as starting (svc_public_state).
 */
enum svc_state {
	SVC_NEW,      /* in the table, no instance made yet */
	SVC_HELD,     /* loaded, not run before PCI has its ACL */
	SVC_STARTING, /* running, not yet through RS_INIT */
	SVC_RUNNING,  /* said RS_INIT (or adopted): heartbeats watched */
	SVC_WAITING,  /* failed; restarts at restart_at_ms */
	SVC_SCRIPT,   /* failed; its recovery script decides */
	SVC_DOWN,     /* stopped by `service down` */
	SVC_FAILED,   /* over its restart limit, restart never, or no
		       * instance could be made */
};

struct service {
	bool used; /* this slot of the table holds a service */
	char label[RS_LABEL_MAX];
	char path[RS_PATH_MAX];
	char args[RS_ARGS_MAX];
	struct policy pol;
	uint8_t *copy; /* the program kept in RAM (policy "copy yes") */
	uint32_t copy_size;

	endpoint_t ep;	      /* the running instance, or NONE */
	enum svc_state state; /* set only by svc_set_state */
	uint32_t restarts;    /* instances started after the first */
	uint32_t in_row;      /* failures without a healthy run between */
	char reason[RS_LABEL_MAX];
	uint64_t started_ms;
	uint64_t restart_at_ms; /* SVC_WAITING: when */
	uint64_t alive_ms;	/* its last heartbeat answer */
	uint64_t ping_ms;	/* when RS last pinged it */
	uint64_t window_ms;	/* the restart limit's window began */
	uint32_t window_count;
	int script_pid;	 /* its recovery script, while it runs */
	bool fi_pending; /* RS_FI for instance fi_ep, which was busy */
	endpoint_t fi_ep;
	uint32_t fi_kind;
	bool pci_due;	    /* PCI has yet to get this instance's ACL (pci.c) */
	uint32_t entry, sp; /* where the held instance starts */
};

extern struct service svc[NR_SERVICES];

/* life.c: the one writer of s->state.  why (printf-style), if not
 * null, goes to the console as "rs: LABEL WHY". */
void svc_set_state(struct service *s, enum svc_state st, const char *why, ...)
	__attribute__((format(printf, 3, 4)));
uint32_t svc_public_state(const struct service *s); /* RS_STATE_* */

/* main.c */
struct service *svc_by_label(const char *label);
struct service *svc_by_ep(endpoint_t ep);

/* start.c: start an instance of s (HELD, then STARTING once it runs),
 * or say why not (the state is then as it was). */
int svc_start(struct service *s);
int svc_load_policy(struct service *s, const char *config);
int svc_keep_copy(struct service *s); /* read it now if `copy yes` */
int svc_run(struct service *s);	      /* the loaded instance: run */

/* adopt.c: at RS's start, every boot process named in DS, and those the
 * kernel gave RS to manage (TTY) adopted. */
void svc_boot_processes(void);

/* names.c: label -> endpoint in DS, once the instance is ready; the
 * label goes only when the service is taken down for good. */
void svc_publish(struct service *s);
void svc_unpublish(struct service *s);

/* priv.c: install s's policy on its instance, and renew the IPC
 * permissions of the services that name it. */
int svc_privileges(struct service *s);

/* failure.c: the kernel's news about instances, and what RS does. */
void svc_kernel_news(void);
void svc_end(struct service *s, const char *reason);
void svc_failed(struct service *s, const char *reason);
void svc_restart(struct service *s); /* a new instance now, counted */
void svc_stop(struct service *s);    /* `service down`: no failure */
void svc_refresh(struct service *s); /* `service refresh`: at once */

/* timer.c: heartbeats and delayed restarts, on a 100 ms alarm. */
void svc_tick(void);
void svc_heartbeat(endpoint_t from);
void svc_inject(struct service *s); /* a pending RS_FI, if it listens */

/* script.c: recovery scripts, run as /bin/sh SCRIPT LABEL REASON COUNT. */
int script_run(struct service *s, const char *reason);
void script_reap(void);

/* pci.c: what PCI must know: each instance's ACL, and its end. */
void pci_tell_acl(struct service *s);
void pci_tell_gone(struct service *s, endpoint_t ep);
void pci_tell_all(void); /* a new PCI instance knows nothing */
void pci_flush(void);	 /* what PCI could not take before */
bool pci_pending(void);	 /* is anything waiting for PCI? */

/* request.c: what `service` and the services ask. */
void rs_request(message_t *m);
