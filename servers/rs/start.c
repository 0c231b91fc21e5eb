// SPDX-License-Identifier: BSD-2-Clause
/*
 * Starting an instance of a service.
 *
 * The policy comes from /etc/system.d/LABEL.conf (or the file `service
 * up -config` names) through lib/libpolicy, once, when the service is
 * first brought up; a file that does not parse is refused with its
 * "FILE:LINE: why" and nothing starts.  The program is read from its
 * file each time -- unless the policy says `copy yes`: then it is read
 * once and kept in RS's memory, and every restart runs from that copy
 * without touching the file system (what the disk driver needs).
 *
 * An instance is made as a held copy of RS (SYS_FORK, FORK_HELD: it
 * never runs RS's code), given the policy's privileges (priv.c), and
 * filled with the program by lib/libsys/exec_elf.c.  Its stack says
 * STACK_AUX_SERVICE and where PM, VFS, RS and DS are, so the C library
 * and the server library need no lookups.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi/startup.h"
#include "rs.h"

/* Read a whole file into a new buffer: its size, or a negative errno. */
static int slurp(const char *path, uint8_t **out, uint32_t max)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint32_t)st.st_size > max) {
		close(fd);
		return S_ISREG(st.st_mode) ? -EFBIG : -EACCES;
	}
	uint32_t size = (uint32_t)st.st_size;
	uint8_t *buf = malloc(size + 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	uint32_t done = 0;
	while (done < size) {
		int n = read(fd, buf + done, size - done);
		if (n <= 0)
			break;
		done += (uint32_t)n;
	}
	close(fd);
	if (done != size) {
		free(buf);
		return -EIO;
	}
	buf[size] = 0;
	*out = buf;
	return (int)size;
}

int svc_load_policy(struct service *s, const char *config)
{
	char path[RS_PATH_MAX + 32], err[POLICY_ERR_MAX];
	if (config && config[0])
		snprintf(path, sizeof(path), "%s", config);
	else
		snprintf(path, sizeof(path), "/etc/system.d/%s.conf", s->label);
	uint8_t *text;
	int n = slurp(path, &text, 64 * 1024);
	if (n < 0) {
		printf("rs: %s: cannot read policy %s: %s\n", s->label, path,
		       strerror(-n));
		return n;
	}
	const char *base = strrchr(path, '/');
	int r = policy_parse(base ? base + 1 : path, (const char *)text,
			     (size_t)n, &s->pol, err, sizeof(err));
	free(text);
	if (r < 0) {
		printf("rs: %s: policy refused: %s\n", s->label, err);
		return -EINVAL;
	}
	if (strcmp(s->pol.label, s->label)) {
		printf("rs: %s: policy %s is for \"%s\"\n", s->label, path,
		       s->pol.label);
		return -EINVAL;
	}
	if (s->pol.kind != POLICY_DRIVER) {
		printf("rs: %s: policy %s is not a driver's: RS starts only "
		       "drivers\n",
		       s->label, path);
		return -EINVAL;
	}
	return 0;
}

static int read_mem(void *ctx, uint32_t off, void *buf, uint32_t n)
{
	memcpy(buf, (const uint8_t *)ctx + off, n);
	return 0;
}

/* argv: the program's path, then the service's arguments split at
 * spaces; all NUL-terminated, one after another.  The count, or -1. */
static int pack_args(const struct service *s, char *out, uint32_t room,
		     uint32_t *len)
{
	int argc = 0;
	uint32_t at = 0, n = (uint32_t)strlen(s->path) + 1;
	if (n > room)
		return -1;
	memcpy(out, s->path, n);
	at = n;
	argc = 1;
	for (const char *p = s->args; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t w = strcspn(p, " ");
		if (at + w + 1 > room)
			return -1;
		memcpy(out + at, p, w);
		out[at + w] = 0;
		at += (uint32_t)w + 1;
		p += w;
		argc++;
	}
	*len = at;
	return argc;
}

int svc_keep_copy(struct service *s)
{
	if (!s->pol.copy || s->copy)
		return 0;
	uint8_t *prog;
	int size = slurp(s->path, &prog, RS_IMAGE_MAX);
	if (size < 0) {
		printf("rs: %s: cannot read %s: %s\n", s->label, s->path,
		       strerror(-size));
		return size;
	}
	s->copy = prog;
	s->copy_size = (uint32_t)size;
	return 0;
}

/* The held instance runs from here on (the program is loaded). */
int svc_run(struct service *s)
{
	svc_set_state(s, SVC_STARTING, 0);
	return sys_exec(s->ep, s->entry, s->sp, s->label);
}

/* Phase 1: the first stack of the program in prog/size, in *x. */
static int prepare(struct service *s, struct exec_image *x, const uint8_t *prog,
		   uint32_t size)
{
	static char strs[RS_PATH_MAX + RS_ARGS_MAX + 2];
	uint32_t len,
		aux[5] = {STACK_AUX_SERVICE, (uint32_t)proc_find("pm"),
			  (uint32_t)proc_find("vfs"), (uint32_t)proc_self(),
			  (uint32_t)proc_find("ds")};
	int argc = pack_args(s, strs, sizeof(strs), &len);
	if (argc < 0)
		return -E2BIG;
	return exec_prepare(x, prog, size < 4096 ? size : 4096, size, strs, len,
			    (uint32_t)argc, 0, aux, 5);
}

/* Phase 2: a held child with s's privileges and the program loaded:
 * s->ep, and s HELD.  Phase 3 is running it (svc_run), at once or when
 * PCI has its ACL (pci.c). */
static int make_instance(struct service *s, const struct exec_image *x,
			 uint8_t *prog)
{
	endpoint_t child;
	int r = sys_fork_held(&child);
	if (r < 0)
		return r;
	s->ep = child;
	r = svc_privileges(s);
	if (r < 0)
		goto out_child;
	r = exec_load(child, x, read_mem, prog);
	if (r < 0)
		goto out_child;
	s->entry = x->entry;
	s->sp = x->sp;
	svc_set_state(s, SVC_HELD, 0);
	return 0;
out_child:
	sys_exit(child, 0); /* a half-made instance */
	s->ep = NONE;
	return r;
}

int svc_start(struct service *s)
{
	static struct exec_image image;
	enum svc_state was = s->state;
	uint8_t *prog = s->copy;
	int size = (int)s->copy_size;
	if (!prog && (size = slurp(s->path, &prog, RS_IMAGE_MAX)) < 0)
		return size;
	int r = prepare(s, &image, prog, (uint32_t)size);
	if (r < 0)
		goto out_prog;
	r = make_instance(s, &image, prog);
	if (r < 0)
		goto out_prog;
	s->started_ms = s->alive_ms = s->ping_ms = clock_ms();
	pci_tell_acl(s); /* runs it once PCI has the ACL */
	if (s->state == SVC_HELD && !s->pci_due && (r = svc_run(s)) < 0)
		goto out_instance;
	if (s->pol.copy && !s->copy) {
		s->copy = prog; /* kept for every restart */
		s->copy_size = (uint32_t)size;
	}
	goto out_prog;
out_instance:
	pci_tell_gone(s, s->ep);
	sys_exit(s->ep, 0);
	s->ep = NONE;
	svc_set_state(s, was, 0);
out_prog:
	if (prog != s->copy)
		free(prog);
	return r < 0 ? r : 0;
}
