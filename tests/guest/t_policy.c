// SPDX-License-Identifier: BSD-2-Clause
/*
 * Every process's privileges are exactly what its policy file says.
 *
 * Booted with the product's boot processes and root image, this test
 * reads each live process's record back from the kernel (GETINFO
 * GI_PRIV) and holds it against /etc/system.d/LABEL.conf as
 * lib/libpolicy reads it:
 *
 *   flags, IPC primitives, kernel calls, IRQ lines, port ranges and
 *         memory ranges equal policy_to_priv() of the file (with the
 *         boot data modules for `memory boot`), the record RS installs;
 *   IPC targets: p may reach q exactly when p's file names q, q's
 *         file names p, or either is RS or DS (every policy reaches
 *         them).
 *
 * It checks the boot processes as the kernel made them from its
 * generated boot table, then RANDOM, which RS starts from its file, and
 * TTY again after RS restarted it.  A system process without a policy
 * file (other than this test) is a failure too.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "policy.h"
#include "rsclient.h"
#include "tlib.h"

#define MAX_KNOWN 24

struct known {
	endpoint_t ep;
	struct policy pol;
};

static struct known known[MAX_KNOWN];
static int nr_known;
static struct kinfo_proc procs[NR_PROCS];
static endpoint_t self, rs;

static int load(const char *label, struct policy *pol)
{
	static char text[8192], err[POLICY_ERR_MAX];
	char path[64];
	snprintf(path, sizeof(path), "/etc/system.d/%s.conf", label);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int n = read(fd, text, sizeof(text));
	close(fd);
	if (n <= 0 ||
	    policy_parse(path, text, (size_t)n, pol, err, sizeof(err)) < 0) {
		t_log("t_policy: %s: %s\n", path, n <= 0 ? "unreadable" : err);
		return -1;
	}
	return 0;
}

/* The live system processes and their policies, into known[]. */
static void survey(void)
{
	uint32_t bytes;
	T_EQ(sys_getinfo(GI_PROCTAB, procs, sizeof(procs), &bytes), 0);
	nr_known = 0;
	for (uint32_t i = 0; i < bytes / sizeof(procs[0]); i++) {
		struct kinfo_priv k;
		procs[i].name[sizeof(procs[i].name) - 1] = 0;
		if (procs[i].ep == self || sys_getpriv(procs[i].ep, &k) < 0 ||
		    !(k.flags & PRIV_SYSTEM))
			continue; /* gone meanwhile, or a user process */
		T_ASSERT(nr_known < MAX_KNOWN);
		struct known *kn = &known[nr_known];
		if (load(procs[i].name, &kn->pol) < 0) {
			t_log("t_policy: %s (ep %d) has no policy file\n",
			      procs[i].name, procs[i].ep);
			T_ASSERT(0);
		}
		kn->ep = procs[i].ep;
		nr_known++;
	}
}

static bool names(const struct policy *p, const char *label)
{
	for (uint32_t i = 0; i < p->nr_ipc; i++)
		if (!strcmp(p->ipc[i], label))
			return true;
	return false;
}

static bool reaches(const struct known *a, const struct known *b)
{
	static const char *const every[] = {"rs", "ds"};
	for (int i = 0; i < 2; i++)
		if (!strcmp(a->pol.label, every[i]) ||
		    !strcmp(b->pol.label, every[i]))
			return true;
	return names(&a->pol, b->pol.label) || names(&b->pol, a->pol.label);
}

/* What the kernel should hold for k, less the targets. */
static void expected(const struct known *k, struct priv_desc *d)
{
	policy_to_priv(&k->pol, d);
	d->flags |= PRIV_SYSTEM;
	if (!k->pol.boot_data)
		return;
	static struct kinfo_module mods[BOOT_DATA_MAX];
	uint32_t n;
	T_EQ(sys_getinfo(GI_MODULES, mods, sizeof(mods), &n), 0);
	for (uint32_t i = 0; i < n / sizeof(mods[0]); i++) {
		uint32_t base = mods[i].base & ~0xfffu;
		d->mem[d->nr_mem++] = (struct priv_mem){
			base, mods[i].base + mods[i].len - base};
	}
}

static void check(const struct known *k)
{
	struct kinfo_priv got;
	struct priv_desc want;
	t_log("t_policy: %s (ep %d) against %s.conf\n", k->pol.label, k->ep,
	      k->pol.label);
	T_EQ(sys_getpriv(k->ep, &got), 0);
	expected(k, &want);
	T_EQ(got.flags, want.flags);
	T_EQ(got.traps, want.traps);
	T_EQ(got.calls, want.calls);
	T_EQ(got.irqs, want.irqs);
	T_EQ(got.nr_io, want.nr_io);
	for (uint32_t i = 0; i < want.nr_io; i++) {
		T_EQ(got.io[i].first, want.io[i].first);
		T_EQ(got.io[i].last, want.io[i].last);
	}
	T_EQ(got.nr_mem, want.nr_mem);
	for (uint32_t i = 0; i < want.nr_mem; i++) {
		T_EQ(got.mem[i].base, want.mem[i].base);
		T_EQ(got.mem[i].len, want.mem[i].len);
	}
	for (int j = 0; j < nr_known; j++) {
		const struct known *o = &known[j];
		int s = EP_SLOT(o->ep);
		bool bit = (got.ipc_to[s / 32] >> (s % 32)) & 1;
		if (o == k || bit == reaches(k, o))
			continue;
		t_log("t_policy: %s %s reach %s\n", k->pol.label,
		      bit ? "may, but should not," : "may not, but should,",
		      o->pol.label);
		T_ASSERT(0);
	}
}

static void check_all(void)
{
	survey();
	for (int i = 0; i < nr_known; i++)
		check(&known[i]);
}

static endpoint_t running(const char *label, endpoint_t old)
{
	for (int tries = 0; tries < 1000; tries++) {
		struct rs_info i;
		if (t_rs_info(rs, label, &i) && i.state == RS_STATE_RUNNING &&
		    i.ep != old && i.ep != NONE)
			return i.ep;
		struct timespec t = {0, 10 * 1000 * 1000};
		nanosleep(&t, 0);
	}
	t_log("t_policy: %s is not running\n", label);
	T_ASSERT(0);
}

int main(void)
{
	t_case = "policy";
	self = t_self();
	rs = proc_find("rs");
	T_ASSERT(rs != NONE);
	running("tty", NONE); /* RS has adopted the boot drivers */
	check_all();
	T_EQ(nr_known, 9); /* memory pci ata tty fs vfs pm ds rs */

	static struct rs_up u;
	strcpy(u.path, "/sbin/random");
	strcpy(u.label, "random");
	T_ASSERT(rs_up(rs, &u, 0) >= 0);
	running("random", NONE);
	endpoint_t tty = proc_find("tty");
	T_EQ(rs_refresh(rs, "tty"), 0);
	running("tty", tty);
	check_all();
	T_EQ(nr_known, 10);
	t_pass();
	t_finish();
}
