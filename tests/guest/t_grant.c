// SPDX-License-Identifier: BSD-2-Clause
/*
 * Memory grants and SAFECOPY.  The parent owns a buffer and makes
 * grants; forked "agents" try to use them on its command (each request
 * is a SENDREC: op, granter, grant id, offset, length, argument; the
 * reply carries the kernel's result and a checksum of what was read).
 * Every refusal the test provokes must come back as EPERM and be
 * counted in the agent's DENY_GRANT counter.
 */
#include <string.h>

#include "tlib.h"

enum { OP_FROM = 1, OP_TO, OP_MEMSET, OP_INDIRECT, OP_DENIED, OP_CHECK };

static endpoint_t parent;
static uint8_t buf[8192]; /* the parent's granted memory */
static uint8_t local[8192];

static uint32_t sum(const uint8_t *p, uint32_t n)
{
	uint32_t s = 0;
	for (uint32_t i = 0; i < n; i++)
		s = s * 31 + p[i];
	return s;
}

/* The agent: carry out requests until told to stop. */
static int agent(void *arg)
{
	(void)arg;
	for (;;) {
		message_t m;
		if (ipc_receive(parent, &m, 0) != 0)
			return 1;
		uint32_t *w = m.m_u.u32;
		endpoint_t granter = (endpoint_t)w[0];
		grant_id_t gid = (grant_id_t)w[1];
		uint32_t off = w[2], len = w[3], arg2 = w[4];
		int r = -EINVAL;
		switch (m.m_type) {
		case OP_FROM:
			r = sys_safecopyfrom(granter, gid, off, local, len);
			w[5] = r == 0 ? sum(local, len) : 0;
			break;
		case OP_TO:
			memset(local, (int)arg2, sizeof(local));
			r = sys_safecopyto(granter, gid, off, local, len);
			break;
		case OP_MEMSET:
			r = sys_safememset(granter, gid, off, (uint8_t)arg2,
					   len);
			break;
		case OP_INDIRECT: /* pass on part of (granter, gid) to arg2 */
			r = grant_create_indirect((endpoint_t)arg2, granter,
						  gid, off, len, w[6]);
			break;
		case OP_DENIED: {
			struct kinfo_proc k;
			r = sys_getinfo(GI_SELF, &k, sizeof(k), 0);
			w[5] = k.denied[DENY_GRANT];
			break;
		}
		default:
			return 0;
		}
		m.m_type = r;
		if (ipc_send(parent, &m) != 0)
			return 2;
	}
}

static int call(endpoint_t a, int op, endpoint_t granter, grant_id_t gid,
		uint32_t off, uint32_t len, uint32_t arg, uint32_t *out)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = op;
	m.m_u.u32[0] = (uint32_t)granter;
	m.m_u.u32[1] = (uint32_t)gid;
	m.m_u.u32[2] = off;
	m.m_u.u32[3] = len;
	m.m_u.u32[4] = arg;
	m.m_u.u32[6] = out ? *out : 0;
	T_EQ(ipc_sendrec(a, &m), 0);
	if (out)
		*out = m.m_u.u32[5];
	return m.m_type;
}

static int from(endpoint_t a, grant_id_t gid, uint32_t off, uint32_t len)
{
	uint32_t s = 0;
	int r = call(a, OP_FROM, parent, gid, off, len, 0, &s);
	if (r == 0)
		T_EQ(s, sum(buf + off, len)); /* the right bytes arrived */
	return r;
}

static uint32_t denied(endpoint_t a)
{
	uint32_t n = 0;
	T_EQ(call(a, OP_DENIED, 0, 0, 0, 0, 0, &n), 0);
	return n;
}

static void stop(endpoint_t a)
{
	message_t m;
	m.m_type = 99;
	T_EQ(ipc_send(a, &m), 0);
	struct kc_getksig k = t_reap();
	T_EQ(k.who, a);
	T_EQ(k.status, 0);
}

int main(void)
{
	t_case = "grant";
	parent = t_self();
	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 7 + 3);
	endpoint_t a = t_spawn(agent, 0), b = t_spawn(agent, 0);
	uint32_t expect_denied_a = 0, expect_denied_b = 0;

	/* The named grantee can copy; another process cannot. */
	grant_id_t g = grant_create(a, buf, 4096, GF_READ);
	T_ASSERT(g >= 0);
	T_EQ(from(a, g, 0, 4096), 0);
	T_EQ(from(a, g, 100, 50), 0);
	T_EQ(from(b, g, 0, 16), -EPERM);
	expect_denied_b++;

	/* Bounds: the last byte yes, one past the end no. */
	T_EQ(from(a, g, 4095, 1), 0);
	T_EQ(from(a, g, 4096, 1), -EPERM);
	T_EQ(from(a, g, 0, 4097), -EPERM);
	T_EQ(from(a, g, 4000, 0xffffffff), -EPERM); /* offset+len wraps */
	T_EQ(from(a, g, 0xffffffff, 2), -EPERM);
	expect_denied_a += 4;

	/* A grant whose base+length wraps around 2^32 is never honoured. */
	grant_id_t wrap = grant_create(a, (void *)0xfffff000, 0x2000, GF_READ);
	T_EQ(from(a, wrap, 0, 16), -EPERM);
	expect_denied_a++;

	/* Read-only means read-only; read-write works both ways. */
	T_EQ(call(a, OP_TO, parent, g, 0, 16, 0x55, 0), -EPERM);
	T_EQ(call(a, OP_MEMSET, parent, g, 0, 16, 0x55, 0), -EPERM);
	expect_denied_a += 2;
	T_EQ(buf[0], 3);
	grant_id_t rw = grant_create(a, buf + 4096, 4096, GF_READ | GF_WRITE);
	T_EQ(call(a, OP_TO, parent, rw, 10, 20, 0x5a, 0), 0);
	T_EQ(buf[4096 + 10], 0x5a);
	T_EQ(buf[4096 + 29], 0x5a);
	T_EQ(buf[4096 + 30], (uint8_t)((4096 + 30) * 7 + 3));
	T_EQ(call(a, OP_MEMSET, parent, rw, 100, 8, 0xee, 0), 0);
	T_EQ(buf[4096 + 107], 0xee);

	/* Revoked: refused.  The slot reused: the old id stays dead. */
	T_EQ(grant_revoke(g), 0);
	T_EQ(from(a, g, 0, 16), -EPERM);
	expect_denied_a++;
	grant_id_t g2 = grant_create(a, buf, 64, GF_READ);
	T_EQ(GRANT_SLOT(g2), GRANT_SLOT(g));
	T_ASSERT(g2 != g);
	T_EQ(from(a, g, 0, 16), -EPERM);
	expect_denied_a++;
	T_EQ(from(a, g2, 0, 16), 0);

	/* Indirect: a passes [100, 150) of its read-write grant `rw` on to
	 * b, read-only.  b can read inside, not outside, and not write. */
	uint32_t access = GF_READ;
	int ind =
		call(a, OP_INDIRECT, parent, rw, 100, 50, (uint32_t)b, &access);
	T_ASSERT(ind >= 0);
	uint32_t s = 0;
	T_EQ(call(b, OP_FROM, a, ind, 0, 50, 0, &s), 0);
	T_EQ(s, sum(buf + 4096 + 100, 50));
	T_EQ(call(b, OP_FROM, a, ind, 40, 11, 0, &s), -EPERM);
	T_EQ(call(b, OP_TO, a, ind, 0, 4, 1, 0), -EPERM);
	expect_denied_b += 2;
	/* Widening: an indirect grant claiming write access, or a range
	 * past the grant it passes on, gains nothing. */
	access = GF_READ | GF_WRITE;
	int wide =
		call(a, OP_INDIRECT, parent, g2, 0, 4096, (uint32_t)b, &access);
	T_ASSERT(wide >= 0);
	T_EQ(call(b, OP_TO, a, wide, 0, 4, 1, 0), -EPERM);     /* g2 is r/o */
	T_EQ(call(b, OP_FROM, a, wide, 60, 8, 0, &s), -EPERM); /* g2: 64 */
	expect_denied_b += 2;
	T_EQ(call(b, OP_FROM, a, wide, 0, 64, 0, &s), 0);
	T_EQ(s, sum(buf, 64));
	/* And only the named grantee may use the indirect grant. */
	T_EQ(call(a, OP_FROM, a, ind, 0, 8, 0, &s), -EPERM);
	expect_denied_a++;
	/* Revoking the original cuts off everything passed on from it. */
	T_EQ(grant_revoke(rw), 0);
	T_EQ(call(b, OP_FROM, a, ind, 0, 8, 0, &s), -EPERM);
	expect_denied_b++;

	/* A grant to a process that died does not pass to the next
	 * process in its slot. */
	grant_id_t gb = grant_create(b, buf, 64, GF_READ);
	T_EQ(from(b, gb, 0, 64), 0);
	T_EQ(denied(b), expect_denied_b);
	stop(b);
	endpoint_t c = t_spawn(agent, 0);
	T_EQ(EP_SLOT(c), EP_SLOT(b));
	T_EQ(from(c, gb, 0, 64), -EPERM);
	T_EQ(denied(c), 1);
	stop(c);

	/* Every refusal was counted. */
	T_EQ(denied(a), expect_denied_a);
	stop(a);
	t_pass();
	t_finish();
}
