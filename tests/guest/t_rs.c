// SPDX-License-Identifier: BSD-2-Clause
/*
 * RS, the reincarnation server, from the outside (guest test "rs").
 * Booted with memory, fs, vfs, pm, ds and rs, and a RAM disk holding
 * the test service /bin/svc (p_svc.c), the RANDOM driver, sh and
 * service, and the policies and script of tests/guest/rs/.
 * t_rs speaks RS's protocol as `service` does (it is root) and the test
 * protocol of svc.h to the services.
 *
 *   fi100       a service crashed on purpose 100 times comes back each
 *               time, with a new endpoint, knowing it was restarted
 *               and how often; RS's restart count reaches 100, and DS
 *               names the new endpoint each time
 *   state       a restarted service finds the state blob its
 *               predecessor saved; another process can neither
 *               overwrite nor delete it
 *   killed      root's kill -9 (through PM) ends it; RS restarts it
 *   hang        a service stuck in a loop (its own, then one RS_FI_HANG
 *               injects) misses its heartbeat and is ended within two
 *               periods (+ RS's tick, a quarter period), then restarted;
 *               an unknown kind of fault is refused
 *   backoff     a service that exits at once is restarted further and
 *               further apart, then left failed at its limit
 *   deny        a service is refused the port, IRQ, kernel call and
 *               IPC target its policy leaves out, each denial counted
 *               by the kernel, and it keeps running
 *   bad policy  RS refuses a malformed policy and starts nothing
 *   chardev     the RANDOM driver crashed while a file on it is open:
 *               the old descriptor gives EIO, a new open reaches the
 *               new instance
 *   script      the recovery script gets LABEL, REASON and COUNT; it
 *               restarts the service once, then declines, and RS leaves
 *               the service failed
 *   down        `down` stops a service for good; `restart` brings it
 *               back; the label leaves DS with it
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dsclient.h"
#include "rsclient.h"
#include "svc.h"
#include "tlib.h"

static endpoint_t rs;

static int up_path(const char *path, const char *label, const char *args)
{
	static struct rs_up u;
	memset(&u, 0, sizeof(u));
	strcpy(u.path, path);
	strcpy(u.label, label);
	strcpy(u.args, args);
	endpoint_t ep;
	int r = rs_up(rs, &u, &ep);
	return r < 0 ? r : ep;
}

static int up(const char *label, const char *args)
{
	return up_path("/bin/svc", label, args);
}

/* Wait (up to ms) until the service runs an instance other than `old`
 * that has said RS_INIT. */
static struct rs_info wait_running(const char *label, endpoint_t old,
				   uint32_t ms)
{
	struct rs_info i;
	uint64_t end = t_ticks() + ms / 10 + 1;
	while (t_ticks() < end) {
		if (t_rs_info(rs, label, &i) && i.state == RS_STATE_RUNNING &&
		    i.ep != old && i.ep != NONE)
			return i;
		struct timespec t = {0, 5 * 1000 * 1000};
		nanosleep(&t, 0);
	}
	t_log("rs: %s did not come back in %u ms\n", label, ms);
	T_ASSERT(0);
}

/* One call, SENDREC, not SEND then RECEIVE: svc answers by SENDNB, as
 * every server does, and that reaches only a caller already waiting
 * for it.  RS says RUNNING once svc has said RS_INIT, before svc has
 * read its state blob and reached its loop; a SEND then waits in svc's
 * queue, svc takes it when it gets there and answers at once, before
 * t_rs is back in a RECEIVE -- which would then wait for ever (t_ipc's
 * case "reply" shows both ways, deterministically). */
static message_t ping(endpoint_t ep)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = SVC_PING;
	T_ASSERT(ipc_sendrec(ep, &m) == 0 && m.m_type == SVC_REPLY);
	return m;
}

static void t_fi100(void)
{
	t_case = "fi100";
	endpoint_t ep = up("svc", "serve"), seen[101];
	T_ASSERT(ep > 0);
	struct rs_info i = wait_running("svc", NONE, 2000);
	message_t m = ping(i.ep);
	T_ASSERT(m.m_u.u32[0] == RS_FRESH && m.m_u.u32[1] == 0);
	seen[0] = i.ep;
	for (int n = 1; n <= 100; n++) {
		T_ASSERT(rs_fi(rs, "svc", RS_FI_CRASH) == 0);
		i = wait_running("svc", seen[n - 1], 2000);
		seen[n] = i.ep;
		for (int k = 0; k < n; k++)
			T_ASSERT(seen[k] != i.ep);
		m = ping(i.ep);
		T_ASSERT(m.m_u.u32[0] == RS_RESTARTED);
		T_ASSERT(m.m_u.u32[1] == (uint32_t)n);
		T_ASSERT(i.restarts == (uint32_t)n);
		T_ASSERT(!strcmp(i.reason, "crash"));
		endpoint_t named;
		T_ASSERT(ds_retrieve_label("svc", &named) == 0);
		T_ASSERT(named == i.ep);
	}
	t_pass();
}

static void t_state(void)
{
	t_case = "state";
	struct rs_info i;
	T_ASSERT(t_rs_info(rs, "svc", &i));
	T_ASSERT(ping(i.ep).m_u.u32[3] == 0); /* nothing saved yet */
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = SVC_SAVE;
	m.m_u.u32[0] = 0x5eed0001;
	T_ASSERT(ipc_sendrec(i.ep, &m) == 0 && m.m_u.u32[0] == 0);
	/* t_rs has a label (RS publishes the boot processes), but the key
	 * is svc's: no overwrite, no delete. */
	uint32_t mine = 7, got = 0;
	T_ASSERT(ds_publish_blob("state.svc", &mine, 4, DSF_OVERWRITE) ==
		 -EPERM);
	T_ASSERT(ds_delete("state.svc") == -EPERM);
	T_ASSERT(ds_retrieve_blob("state.svc", &got, 4) == 4);
	T_ASSERT(got == 0x5eed0001);
	T_ASSERT(rs_fi(rs, "svc", RS_FI_CRASH) == 0);
	struct rs_info j = wait_running("svc", i.ep, 2000);
	T_ASSERT(ping(j.ep).m_u.u32[3] == 0x5eed0001);
	t_pass();
}

/* A read of n bytes from fd: what read() returned, errno if it failed. */
static int read_n(int fd, void *buf, int n)
{
	int r = (int)read(fd, buf, (size_t)n);
	return r < 0 ? -errno : r;
}

static void t_chardev(void)
{
	t_case = "chardev";
	char a[16], b[16], c[16];
	T_ASSERT(up_path("/sbin/random", "random", "") > 0);
	struct rs_info i = wait_running("random", NONE, 2000);
	int fd = open("/dev/urandom", O_RDONLY);
	T_ASSERT(fd >= 0);
	T_ASSERT(read_n(fd, a, 16) == 16 && read_n(fd, b, 16) == 16);
	T_ASSERT(memcmp(a, b, 16) != 0);
	T_ASSERT(rs_fi(rs, "random", RS_FI_CRASH) == 0);
	struct rs_info j = wait_running("random", i.ep, 2000);
	T_ASSERT(!strcmp(j.reason, "crash"));
	T_ASSERT(read_n(fd, c, 16) == -EIO); /* opened on the dead one */
	T_ASSERT(read_n(fd, c, 16) == -EIO);
	T_ASSERT(close(fd) == 0);
	fd = open("/dev/urandom", O_RDONLY);
	T_ASSERT(fd >= 0);
	T_ASSERT(read_n(fd, c, 16) == 16);
	T_ASSERT(memcmp(c, a, 16) != 0 && memcmp(c, b, 16) != 0);
	T_ASSERT(close(fd) == 0);
	t_pass();
}

/* The script's log, /tmp/scripted.log, into buf. */
static const char *script_log(char *buf, int size)
{
	int fd = open("/tmp/scripted.log", O_RDONLY), n = 0;
	if (fd >= 0) {
		n = (int)read(fd, buf, (size_t)size - 1);
		close(fd);
	}
	buf[n > 0 ? n : 0] = 0;
	return buf;
}

static void t_script(void)
{
	t_case = "script";
	char log[128];
	T_ASSERT(up("scripted", "serve") > 0);
	struct rs_info i = wait_running("scripted", NONE, 2000), j;
	T_ASSERT(rs_fi(rs, "scripted", RS_FI_CRASH) == 0);
	j = wait_running("scripted", i.ep, 5000); /* the script restarted it */
	T_ASSERT(!strcmp(script_log(log, sizeof(log)), "scripted crash 0\n"));
	ping(j.ep);
	T_ASSERT(rs_fi(rs, "scripted", RS_FI_CRASH) == 0);
	uint64_t end = t_ticks() + 500;
	while (t_rs_info(rs, "scripted", &i) && i.state != RS_STATE_FAILED)
		T_ASSERT(t_ticks() < end);
	T_ASSERT(!strcmp(script_log(log, sizeof(log)),
			 "scripted crash 0\nscripted crash 1\n"));
	T_ASSERT(i.ep == NONE && i.restarts == 1);
	t_pass();
}

static void t_killed(void)
{
	t_case = "killed";
	struct rs_info i, j;
	T_ASSERT(t_rs_info(rs, "svc", &i) && i.pid > 0);
	T_ASSERT(kill(i.pid, SIGKILL) == 0);
	j = wait_running("svc", i.ep, 2000);
	T_ASSERT(!strcmp(j.reason, "killed") && j.restarts == i.restarts + 1);
	ping(j.ep);
	t_pass();
}

/* Is ep in the kernel's process table?  (Asked of the kernel, not of
 * RS, so that the answer does not wait behind the spinning service.) */
static bool alive(endpoint_t ep)
{
	static struct kinfo_proc procs[NR_PROCS];
	uint32_t n;
	T_ASSERT(sys_getinfo(GI_PROCTAB, procs, sizeof(procs), &n) == 0);
	for (uint32_t k = 0; k < n / sizeof(procs[0]); k++)
		if (procs[k].ep == ep)
			return true;
	return false;
}

/* The service hangs: by its own doing (SVC_HANG), or by RS's fault
 * injection (RS_FI_HANG, `service hang`). */
static void hang_once(bool injected)
{
	struct rs_info i, j;
	T_ASSERT(t_rs_info(rs, "svc", &i));
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = SVC_HANG;
	uint64_t t0 = t_ticks();
	if (injected)
		T_EQ(rs_fi(rs, "svc", RS_FI_HANG), 0);
	else
		T_ASSERT(ipc_send(i.ep, &m) == 0);
	while (alive(i.ep)) /* until RS has ended the hung instance */
		T_ASSERT(t_ticks() - t0 < 300);
	uint64_t ms = (t_ticks() - t0) * 10;
	t_log("rs: hung service ended after %u ms (period 200)\n",
	      (unsigned)ms);
	/* Two periods without an answer, found on RS's next tick (a
	 * quarter period); 100 ms for two quanta of the spinning service,
	 * which runs at RS's priority. */
	T_ASSERT(ms <= 2 * 200 + 200 / 4 + 100);
	j = wait_running("svc", i.ep, 3000);
	T_ASSERT(!strcmp(j.reason, "no-heartbeat"));
	ping(j.ep);
}

static void t_hang(void)
{
	t_case = "hang";
	hang_once(false);
	hang_once(true);
	T_EQ(rs_fi(rs, "svc", 7), -EINVAL); /* no such kind */
	t_pass();
}

static void t_backoff(void)
{
	t_case = "backoff";
	T_ASSERT(up("quitter", "exit") > 0);
	uint64_t at[8] = {0};
	uint32_t last = 0;
	struct rs_info i;
	uint64_t end = t_ticks() + 1000; /* 10 s */
	while (t_ticks() < end) {
		T_ASSERT(t_rs_info(rs, "quitter", &i));
		if (i.restarts != last && i.restarts < 8)
			at[i.restarts] = t_ticks();
		last = i.restarts;
		if (i.state == RS_STATE_FAILED)
			break;
		struct timespec t = {0, 5 * 1000 * 1000};
		nanosleep(&t, 0);
	}
	t_log("rs: quitter restarted %u times, state %u\n", i.restarts,
	      i.state);
	T_ASSERT(i.state == RS_STATE_FAILED && i.restarts == 5);
	/* Waits of 0, 100, 200, 400, 800 ms: each gap longer than the
	 * one before (ticks are 10 ms). */
	for (int k = 3; k <= 5; k++) {
		uint64_t gap = at[k] - at[k - 1], prev = at[k - 1] - at[k - 2];
		t_log("rs: gap %d: %u ms\n", k, (unsigned)gap * 10);
		T_ASSERT(gap > prev);
	}
	t_pass();
}

static void t_deny(void)
{
	t_case = "deny";
	char args[32];
	snprintf(args, sizeof(args), "deny %d", proc_find("vfs"));
	T_ASSERT(up("denier", args) > 0);
	struct rs_info i = wait_running("denier", NONE, 2000);
	message_t m = ping(i.ep);
	T_ASSERT(m.m_u.u32[2] == SVC_DENIED_ALL);
	static struct kinfo_proc procs[NR_PROCS];
	uint32_t n;
	T_ASSERT(sys_getinfo(GI_PROCTAB, procs, sizeof(procs), &n) == 0);
	bool found = false;
	for (uint32_t k = 0; k < n / sizeof(procs[0]); k++) {
		if (procs[k].ep != i.ep)
			continue;
		found = true;
		T_ASSERT(procs[k].denied[DENY_PORT] >= 1);
		T_ASSERT(procs[k].denied[DENY_IRQ] >= 1);
		T_ASSERT(procs[k].denied[DENY_KCALL] >= 1);
		T_ASSERT(procs[k].denied[DENY_IPC] >= 1);
	}
	T_ASSERT(found);
	ping(i.ep); /* still running */
	T_ASSERT(t_rs_info(rs, "denier", &i) && i.restarts == 0);
	t_pass();
}

static void t_bad_policy(void)
{
	t_case = "bad_policy";
	T_ASSERT(up("broken", "serve") == -EINVAL);
	struct rs_info i;
	T_ASSERT(!t_rs_info(rs, "broken", &i));
	T_ASSERT(up("nopolicy", "serve") == -ENOENT);
	T_ASSERT(up("svc", "serve") == -EEXIST);
	T_ASSERT(rs_fi(rs, "nosuch", RS_FI_CRASH) == -ESRCH);
	t_pass();
}

static void t_down(void)
{
	t_case = "down";
	struct rs_info i;
	endpoint_t named;
	T_ASSERT(rs_down(rs, "svc") == 0);
	T_ASSERT(t_rs_info(rs, "svc", &i) && i.state == RS_STATE_DOWN &&
		 i.ep == NONE);
	T_ASSERT(ds_retrieve_label("svc", &named) == -ENOENT);
	T_ASSERT(rs_restart(rs, "svc") == 0);
	i = wait_running("svc", NONE, 2000);
	ping(i.ep);
	T_ASSERT(rs_refresh(rs, "svc") == 0);
	struct rs_info j = wait_running("svc", i.ep, 2000);
	ping(j.ep);
	t_pass();
}

int main(void)
{
	rs = proc_find("rs");
	T_ASSERT(rs != NONE);
	t_fi100();
	t_state();
	t_chardev();
	t_script();
	t_killed();
	t_hang();
	t_backoff();
	t_deny();
	t_bad_policy();
	t_down();
	t_finish();
}
