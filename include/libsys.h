/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The system library's interface (lib/libsys/): IPC stubs and one
 * wrapper per kernel call.  Every function returns 0 (or a count) on
 * success and a negative error from abi/errno.h on failure.
 */
#pragma once

#include <errno.h> /* newlib's: every errno, same values as abi/errno.h */
#include <stdint.h>

#include "abi/endpoint.h"
#include "abi/errno.h"
#include "abi/grant.h"
#include "abi/ipc.h"
#include "abi/kcall_msg.h"
#include "abi/kcalls.h"
#include "abi/message.h"

/* IPC (ipc.asm).  ipc_receive and ipc_sendrec report the status word
 * (which primitive delivered the message) through *status if non-null. */
int ipc_send(endpoint_t dst, message_t *m);
int ipc_sendnb(endpoint_t dst, message_t *m);
int ipc_notify(endpoint_t dst);
int ipc_receive(endpoint_t src, message_t *m, int *status);
int ipc_sendrec(endpoint_t peer, message_t *m);

/* A server's answer (reply.c): a message of `type` carrying len bytes
 * of body, sent without blocking.  A handler that answers later (the
 * request waits for a pipe, a terminal, a child, a signal) returns
 * REPLY_LATER instead of a status: not an errno, not a count. */
int ipc_reply(endpoint_t to, int type, const void *body, uint32_t len);
#define REPLY_LATER 0x40000000

/* A server's call table is an array indexed by request type minus the
 * protocol's base, filled with designated initializers; CALL_IN gives
 * the entry for `type`, or a null pointer for a type it does not hold. */
#define CALL_IN(table, base, type)                                             \
	((uint32_t)((type) - (base)) < sizeof(table) / sizeof((table)[0])      \
		 ? (table)[(type) - (base)]                                    \
		 : 0)
/* The raw traps, for tests that must pass arbitrary registers. */
int ipc_trap_raw(uint32_t prim, uint32_t peer, uint32_t msg, uint32_t *status);
int kcall_raw(uint32_t nr, uint32_t msg);

int kcall(int nr, message_t *m);

int sys_diag(const char *buf, uint32_t len);
int sys_exit(endpoint_t who, int status);
int sys_fork(endpoint_t *child);
int sys_fork_of(endpoint_t parent, endpoint_t *child);
int sys_fork_held(endpoint_t *child);
int sys_getksig(struct kc_getksig *out);
int sys_setalarm(uint32_t ticks, uint32_t *left);
uint64_t clock_ms(void);   /* ms since boot (clock_ms.c) */
uint64_t clock_us(void);   /* µs, from the TSC: for intervals */
int alarm_ms(uint32_t ms); /* a CLOCK notification after ms; 0 cancels */
int sys_times(struct kc_times *out);
int sys_getinfo(uint32_t what, void *buf, uint32_t len, uint32_t *copied);
int sys_getpriv(endpoint_t who, struct kinfo_priv *out);
int sys_reboot(uint32_t how, uint32_t code);

int sys_devio(uint32_t port, uint32_t flags, uint32_t value, uint32_t *in);
int sys_vdevio(uint32_t flags, struct dio_pair *pairs, uint32_t count);
int sys_sdevio(uint32_t port, uint32_t flags, endpoint_t granter,
	       grant_id_t gid, uint32_t offset, uint32_t len);
int sys_irqctl(uint32_t op, uint32_t irq, uint32_t policy, uint32_t id,
	       int *hook);
int sys_privctl(endpoint_t who, uint32_t op, const struct priv_desc *desc);
int sys_privadd(endpoint_t who, const struct priv_add *add);
int sys_dmaalloc(void *vaddr, uint32_t len, uint32_t *phys);
int sys_dmarelease(endpoint_t who, uint32_t *pages);
int sys_umap(const void *vaddr, uint32_t len, uint32_t *phys, uint32_t *contig);
int sys_mapphys(void *vaddr, uint32_t phys, uint32_t len);
int sys_vircopy(endpoint_t src, const void *src_addr, endpoint_t dst,
		void *dst_addr, uint32_t len);
int sys_kill(endpoint_t who, uint32_t sig);
int sys_trace(uint32_t op, endpoint_t who, uint32_t addr, uint32_t *data);
int sys_memmap(endpoint_t who, uint32_t vaddr, uint32_t len, uint32_t flags,
	       const void *src);
int sys_exec(endpoint_t who, uint32_t eip, uint32_t esp, const char *name);
int sys_setgrant(struct grant_entry *table, uint32_t count);
int sys_safecopyfrom(endpoint_t granter, grant_id_t gid, uint32_t offset,
		     void *dst, uint32_t len);
int sys_safecopyto(endpoint_t granter, grant_id_t gid, uint32_t offset,
		   const void *src, uint32_t len);
int sys_safememset(endpoint_t granter, grant_id_t gid, uint32_t offset,
		   uint8_t byte, uint32_t len);

/* Grants (grant.c): the library keeps the caller's grant table and
 * registers it with the kernel on first use.  access is GF_READ and/or
 * GF_WRITE.  Creating returns a grant id, or a negative error. */
grant_id_t grant_create(endpoint_t grantee, const void *base, uint32_t len,
			uint32_t access);
grant_id_t grant_create_indirect(endpoint_t grantee, endpoint_t owner,
				 grant_id_t ref, uint32_t offset, uint32_t len,
				 uint32_t access);
int grant_revoke(grant_id_t gid);

/* Starting a program in a process the caller manages (exec_elf.c), for
 * PM's exec and RS's services.  exec_prepare checks the ELF headers (the
 * first n bytes of a file of `size` bytes, at most 4 KiB) and lays out
 * the first stack: argc, argv, envp (the argc + envc NUL-terminated
 * strings in strs/len), then naux auxiliary words (abi/startup.h).
 * -ENOEXEC, -ENOMEM or -E2BIG, and nothing changed.  exec_load replaces
 * who's memory with the program, reading the segments through read_at;
 * after a failure there the process must be ended.  The caller then
 * starts it: sys_exec(who, x->entry, x->sp, name). */
#define EXEC_STACK_SIZE 0x10000u
struct exec_image {
	uint8_t hdr[4096];   /* the ELF and program headers */
	uint8_t stack[4096]; /* the top of the first stack */
	uint32_t sp, stack_size, entry, brk;
};
typedef int (*exec_read_fn)(void *ctx, uint32_t off, void *buf, uint32_t n);
int exec_prepare(struct exec_image *x, const uint8_t *hdr, uint32_t n,
		 uint32_t size, const char *strs, uint32_t len, uint32_t argc,
		 uint32_t envc, const uint32_t *aux, uint32_t naux);
int exec_load(endpoint_t who, const struct exec_image *x, exec_read_fn read_at,
	      void *ctx);

/* A service's side of RS (sef.c, proto/rs.h).  sef_startup tells RS the
 * service is ready and returns RS_FRESH or RS_RESTARTED; sef_receive is
 * ipc_receive that answers RS's heartbeat and fault injection itself;
 * sef_panic logs "panic: LABEL: why" and exits with RS_PANIC_STATUS. */
void sef_set_servers(endpoint_t rs, endpoint_t ds); /* from the stack */
endpoint_t sef_rs(void);
endpoint_t sef_ds(void);
int sef_startup(const char *name);
int sef_receive(endpoint_t src, message_t *m, int *status);
void sef_on_heartbeat(void (*fn)(void)); /* after answering RS's ping */
const char *sef_label(void);
uint32_t sef_restarts(void);
void sef_panic(const char *why) __attribute__((noreturn));
/* "LABEL: no device: why", then exit with RS_NODEV_STATUS: a driver
 * whose hardware is absent is not restarted. */
void sef_no_device(const char *why) __attribute__((noreturn));
/* The state blob for the next incarnation, in DS as "state.LABEL":
 * save returns 0, restore the blob's length; a negative errno else
 * (-ENOENT: nothing saved; -ERANGE: buf too small). */
int sef_state_save(const void *data, uint32_t len);
int sef_state_restore(void *buf, uint32_t size);

/* The endpoint of the process called name, or NONE (proc_find.c). */
endpoint_t proc_find(const char *name);
/* The name of the process at ep into buf: 0, -ESRCH or -ERANGE. */
int proc_name(endpoint_t ep, char *buf, uint32_t size);
endpoint_t proc_self(void); /* the caller's own endpoint */

/* Who may ask (peer.c): a server's set of clients, by the kernel's
 * names of system processes, plus those of a `clients=` argument.
 * peer_check returns 0 for a client; else it counts and logs the
 * refusal and returns -EPERM, the error to answer with. */
#define PEER_MAX_NAMES 8
#define PEER_NAME_MAX 16
#define PEER_CACHE 8
struct peer_set {
	const char *what; /* "block requests", for the log */
	char names[PEER_MAX_NAMES][PEER_NAME_MAX];
	int nr;
	uint32_t refused;	      /* requests refused so far */
	endpoint_t known[PEER_CACHE]; /* endpoints found to be clients */
	unsigned next;
};
void peer_args(int argc, char **argv);
void peer_init(struct peer_set *s, const char *what, const char *names);
int peer_check(struct peer_set *s, endpoint_t who, int type);
int peer_refuse(struct peer_set *s, endpoint_t who, int type);

/* Printing to the kernel log without newlib (kputs.c). */
void kputs(const char *s);
