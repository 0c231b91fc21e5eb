// SPDX-License-Identifier: BSD-2-Clause
/*
 * The data store (servers/ds) through its client calls and raw
 * messages.  DS trusts the process called "rs", and this test boots
 * no RS, so this program boots as tests/ds/rs.elf and plays RS: it
 * publishes the labels of the children it forks, which then act as
 * services (or, without a label, as anybody).
 *
 *   types      u32, string, blob (by grant) and label: publish and
 *              retrieve; a too-small buffer is ERANGE, an oversize
 *              value E2BIG, a too-long key ENAMETOOLONG, a wrong type
 *              EINVAL; EEXIST without DSF_OVERWRITE
 *   owners     a service cannot overwrite or delete another's key, nor
 *              publish labels (EPERM); an unlabelled process can only
 *              retrieve; RS can change any key, whose owner stays
 *   news       subscribers are notified of creation, overwrite and
 *              deletion of keys matching any of their patterns, and
 *              of nothing else; changes coalesce; DSF_INITIAL; the
 *              per-process limit; a service subscribing
 *   restart    a new process republished under a label reads and
 *              overwrites the state blob its predecessor saved
 *   ending     a deleted label ends its subscriptions; the table full
 *              of live subscribers is ENOSPC, dead ones free it, and a
 *              new process in a dead subscriber's slot hears nothing
 *   bad        malformed requests (unterminated and bad keys, bad
 *              types, flags and grants) get errors and DS goes on
 */
#include <stdio.h>
#include <string.h>

#include "dsclient.h"
#include "tlib.h"

#define GO 1
#define READY 2
#define NEWS_TICKS 100 /* an expected notification comes at once */
#define QUIET_TICKS 3  /* long enough to see one that should not */

static endpoint_t parent, ds;

/* ---- helpers -------------------------------------------------------- */

static void send_word(endpoint_t to, int word)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = word;
	T_EQ(ipc_send(to, &m), 0);
}

static int get_word(endpoint_t from)
{
	message_t m;
	int status;
	T_EQ(ipc_receive(from, &m, &status), 0);
	T_ASSERT(!IPC_IS_NOTIFY(status));
	return m.m_type;
}

static int (*child_fn)(void);

static int child_main(void *unused)
{
	(void)unused;
	T_EQ(get_word(parent), GO);
	return child_fn();
}

/* A child that waits for GO; it runs fn once it is told. */
static endpoint_t spawn(int (*fn)(void))
{
	child_fn = fn;
	return t_spawn(child_main, 0);
}

/* A child running fn under label (0: none). */
static endpoint_t start(const char *label, int (*fn)(void))
{
	endpoint_t c = spawn(fn);
	if (label)
		T_EQ(ds_publish_label(label, c, DSF_OVERWRITE), 0);
	send_word(c, GO);
	return c;
}

static void reap(endpoint_t c)
{
	struct kc_getksig k = t_reap();
	T_EQ(k.who, c);
	T_EQ(k.kind, KSIG_EXIT);
	T_EQ(k.status, 0);
}

static void run(const char *label, int (*fn)(void))
{
	reap(start(label, fn));
}

/* Is there a notification from DS within `ticks`?  Notifications from
 * SYSTEM (a child's exit; t_reap asks the kernel anyway) are skipped. */
static bool news_within(uint32_t ticks)
{
	T_EQ(sys_setalarm(ticks, 0), 0);
	for (;;) {
		message_t m;
		int status;
		T_EQ(ipc_receive(ANY, &m, &status), 0);
		T_ASSERT(IPC_IS_NOTIFY(status));
		if (m.m_source == CLOCK)
			return false;
		if (m.m_source == ds) {
			T_EQ(sys_setalarm(0, 0), 0);
			return true;
		}
	}
}

static void event_is(const struct ds_event *ev, const char *key, uint32_t type,
		     const char *owner, uint32_t flags)
{
	if (strcmp(ev->key, key) != 0)
		t_log("event for %s, expected %s\n", ev->key, key);
	T_ASSERT(strcmp(ev->key, key) == 0);
	T_EQ(ev->type, type);
	T_ASSERT(strcmp(ev->owner, owner) == 0);
	T_EQ(ev->flags, flags);
}

/* One notification, one change (key), and nothing more. */
static void expect_news(const char *key, uint32_t type, const char *owner,
			uint32_t flags)
{
	struct ds_event ev;
	T_ASSERT(news_within(NEWS_TICKS));
	T_EQ(ds_check(&ev), 0);
	event_is(&ev, key, type, owner, flags);
	T_EQ(ds_check(&ev), -ENOENT);
}

static void no_news(void)
{
	struct ds_event ev;
	T_ASSERT(!news_within(QUIET_TICKS));
	T_EQ(ds_check(&ev), -ENOENT);
}

static void label_is(endpoint_t ep, const char *label)
{
	char buf[DS_KEY_MAX];
	T_EQ(ds_label_of(ep, buf, sizeof(buf)), 0);
	T_ASSERT(strcmp(buf, label) == 0);
}

/* ---- typed values ----------------------------------------------------- */

static void types(void)
{
	uint32_t u;
	T_EQ(ds_publish_u32("t.u32", 42, 0), 0);
	T_EQ(ds_retrieve_u32("t.u32", &u), 0);
	T_EQ(u, 42);

	char s[DS_STR_MAX], longest[DS_STR_MAX + 1];
	T_EQ(ds_publish_str("t.str", "hello, store", 0), 0);
	T_EQ(ds_retrieve_str("t.str", s, sizeof(s)), 0);
	T_ASSERT(strcmp(s, "hello, store") == 0);
	T_EQ(ds_retrieve_str("t.str", s, 5), -ERANGE);
	memset(longest, 's', DS_STR_MAX);
	longest[DS_STR_MAX - 1] = 0; /* 63 characters */
	T_EQ(ds_publish_str("t.str63", longest, 0), 0);
	T_EQ(ds_retrieve_str("t.str63", s, sizeof(s)), 0);
	T_EQ(strlen(s), DS_STR_MAX - 1);
	longest[DS_STR_MAX - 1] = 's';
	longest[DS_STR_MAX] = 0; /* 64 */
	T_EQ(ds_publish_str("t.str64", longest, 0), -E2BIG);

	static uint8_t blob[DS_BLOB_MAX + 1], back[DS_BLOB_MAX + 8];
	for (int i = 0; i < DS_BLOB_MAX + 1; i++)
		blob[i] = (uint8_t)(i * 7 + 3);
	T_EQ(ds_publish_blob("t.blob", blob, DS_BLOB_MAX, 0), 0);
	T_EQ(ds_retrieve_blob("t.blob", back, sizeof(back)), DS_BLOB_MAX);
	T_ASSERT(memcmp(back, blob, DS_BLOB_MAX) == 0);
	T_EQ(ds_retrieve_blob("t.blob", back, DS_BLOB_MAX - 1), -ERANGE);
	T_EQ(ds_publish_blob("t.big", blob, DS_BLOB_MAX + 1, 0), -E2BIG);
	T_EQ(ds_retrieve_blob("t.big", back, sizeof(back)), -ENOENT);
	T_EQ(ds_publish_blob("t.empty", blob, 0, 0), 0);
	T_EQ(ds_retrieve_blob("t.empty", back, sizeof(back)), 0);

	endpoint_t ep;
	T_EQ(ds_publish_label("t.label", ds, 0), 0);
	T_EQ(ds_retrieve_label("t.label", &ep), 0);
	T_EQ(ep, ds);
	label_is(ds, "t.label");
	label_is(parent, "rs"); /* RS without a label entry */
	T_EQ(ds_delete("t.label"), 0);
	char buf[DS_KEY_MAX];
	T_EQ(ds_label_of(ds, buf, sizeof(buf)), -ENOENT);
	T_EQ(ds_label_of(parent, buf, 2), -ERANGE);

	/* Wrong type, no such key, key lengths. */
	T_EQ(ds_retrieve_u32("t.str", &u), -EINVAL);
	T_EQ(ds_retrieve_str("t.u32", s, sizeof(s)), -EINVAL);
	T_EQ(ds_retrieve_u32("t.none", &u), -ENOENT);
	char key[DS_KEY_MAX + 1];
	memset(key, 'k', DS_KEY_MAX);
	key[DS_KEY_MAX - 1] = 0; /* 63 characters */
	T_EQ(ds_publish_u32(key, 63, 0), 0);
	T_EQ(ds_retrieve_u32(key, &u), 0);
	T_EQ(u, 63);
	key[DS_KEY_MAX - 1] = 'k';
	key[DS_KEY_MAX] = 0; /* 64 */
	T_EQ(ds_publish_u32(key, 64, 0), -ENAMETOOLONG);
	T_EQ(ds_publish_u32("", 0, 0), -EINVAL);
	T_EQ(ds_publish_u32("with space", 0, 0), -EINVAL);
	T_EQ(ds_publish_u32("star*", 0, 0), -EINVAL);

	/* EEXIST unless DSF_OVERWRITE; an overwrite may change the type. */
	T_EQ(ds_publish_u32("t.u32", 1, 0), -EEXIST);
	T_EQ(ds_retrieve_u32("t.u32", &u), 0);
	T_EQ(u, 42);
	T_EQ(ds_publish_u32("t.u32", 43, DSF_OVERWRITE), 0);
	T_EQ(ds_retrieve_u32("t.u32", &u), 0);
	T_EQ(u, 43);
	T_EQ(ds_publish_str("t.u32", "a string now", DSF_OVERWRITE), 0);
	T_EQ(ds_retrieve_u32("t.u32", &u), -EINVAL);
	T_EQ(ds_retrieve_str("t.u32", s, sizeof(s)), 0);
	T_EQ(ds_delete("t.u32"), 0);
	T_EQ(ds_delete("t.u32"), -ENOENT);
	t_log("ds: typed values ok\n");
}

/* ---- owners ------------------------------------------------------------ */

static int service_a(void)
{
	label_is(t_self(), "drv.a");
	T_EQ(ds_publish_u32("a.key", 1, 0), 0);
	T_EQ(ds_publish_u32("a.key", 2, DSF_OVERWRITE), 0);
	T_EQ(ds_publish_str("a.name", "service a", 0), 0);
	return 0;
}

static int service_b(void)
{
	uint32_t u;
	T_EQ(ds_publish_u32("a.key", 3, DSF_OVERWRITE), -EPERM);
	T_EQ(ds_publish_u32("a.key", 3, 0), -EEXIST);
	T_EQ(ds_delete("a.key"), -EPERM);
	T_EQ(ds_retrieve_u32("a.key", &u), 0);
	T_EQ(u, 2);
	T_EQ(ds_publish_label("drv.x", t_self(), 0), -EPERM);
	T_EQ(ds_publish_u32("drv.a", 0, DSF_OVERWRITE), -EPERM);
	T_EQ(ds_delete("drv.a"), -EPERM);
	T_EQ(ds_publish_u32("b.key", 1, 0), 0);
	T_EQ(ds_delete("b.key"), 0);
	T_EQ(ds_publish_u32("b.key", 5, 0), 0);
	return 0;
}

static int nobody(void)
{
	uint32_t u;
	char buf[DS_KEY_MAX];
	T_EQ(ds_publish_u32("n.key", 1, 0), -EPERM);
	T_EQ(ds_publish_u32("a.key", 1, DSF_OVERWRITE), -EPERM);
	T_EQ(ds_delete("a.key"), -EPERM);
	T_EQ(ds_subscribe("a.*", 0), -EPERM);
	T_EQ(ds_label_of(t_self(), buf, sizeof(buf)), -ENOENT);
	T_EQ(ds_retrieve_u32("a.key", &u), 0); /* anyone may read */
	T_EQ(u, 2);
	T_EQ(ds_retrieve_str("a.name", buf, sizeof(buf)), 0);
	T_ASSERT(strcmp(buf, "service a") == 0);
	return 0;
}

static void owners(void)
{
	run("drv.a", service_a);
	run("drv.b", service_b);
	run(0, nobody);
	/* RS may change anybody's keys; an overwrite keeps the owner. */
	uint32_t u;
	T_EQ(ds_publish_u32("a.key", 7, DSF_OVERWRITE), 0);
	T_EQ(ds_retrieve_u32("a.key", &u), 0);
	T_EQ(u, 7);
	T_EQ(ds_subscribe("a.key", DSF_INITIAL), 0);
	expect_news("a.key", DS_TYPE_U32, "drv.a", 0);
	T_EQ(ds_unsubscribe("a.key"), 0);
	T_EQ(ds_delete("b.key"), 0);
	/* One label per endpoint; an existing label needs DSF_OVERWRITE. */
	endpoint_t a;
	T_EQ(ds_retrieve_label("drv.a", &a), 0);
	T_EQ(ds_publish_label("drv.a.other", a, 0), -EEXIST);
	T_EQ(ds_publish_label("drv.b", a, 0), -EEXIST);
	t_log("ds: owners ok\n");
}

/* ---- notifications -------------------------------------------------------- */

static int subscriber(void)
{
	T_EQ(ds_subscribe("drv.chr.*", 0), 0);
	send_word(parent, READY);
	expect_news("drv.chr.tty", DS_TYPE_U32, "rs", 0);
	return 0;
}

static int publisher_c(void)
{
	T_EQ(ds_publish_u32("drv.chr.c", 1, 0), 0);
	T_EQ(ds_publish_u32("elsewhere.c", 1, 0), 0);
	return 0;
}

static void news(void)
{
	T_EQ(ds_subscribe("drv.chr.*", 0), 0);
	T_EQ(ds_subscribe("state.*", 0), 0);
	T_EQ(ds_subscribe("state.*", 0), -EEXIST);
	no_news();

	T_EQ(ds_publish_u32("drv.chr.tty", 1, 0), 0);
	expect_news("drv.chr.tty", DS_TYPE_U32, "rs", 0);
	T_EQ(ds_publish_u32("other.key", 1, 0), 0);
	no_news();
	T_EQ(ds_publish_u32("drv.chr.tty", 2, DSF_OVERWRITE), 0);
	expect_news("drv.chr.tty", DS_TYPE_U32, "rs", 0);
	T_EQ(ds_publish_str("state.x", "x", 0), 0); /* the second pattern */
	expect_news("state.x", DS_TYPE_STR, "rs", 0);
	T_EQ(ds_delete("drv.chr.tty"), 0);
	expect_news("drv.chr.tty", DS_TYPE_U32, "rs", DS_EV_DELETED);
	T_EQ(ds_delete("other.key"), 0);
	no_news();

	/* Changes coalesce: one notification, each key once. */
	T_EQ(ds_publish_u32("drv.chr.a", 1, 0), 0);
	T_EQ(ds_publish_u32("drv.chr.b", 1, 0), 0);
	T_EQ(ds_publish_u32("drv.chr.a", 2, DSF_OVERWRITE), 0);
	T_EQ(ds_publish_blob("state.y", "yy", 2, 0), 0);
	T_ASSERT(news_within(NEWS_TICKS));
	int seen = 0;
	struct ds_event ev;
	while (ds_check(&ev) == 0) {
		T_EQ(ev.flags, 0);
		if (strcmp(ev.key, "drv.chr.a") == 0)
			seen |= 1;
		else if (strcmp(ev.key, "drv.chr.b") == 0)
			seen |= 2;
		else if (strcmp(ev.key, "state.y") == 0)
			seen |= 4;
		else
			seen |= 8;
	}
	T_EQ(seen, 7);
	no_news();

	/* A change by a service. */
	run("drv.c", publisher_c);
	expect_news("drv.chr.c", DS_TYPE_U32, "drv.c", 0);

	/* A service subscribing. */
	endpoint_t s = start("drv.sub", subscriber);
	T_EQ(get_word(s), READY);
	T_EQ(ds_publish_u32("drv.chr.tty", 3, 0), 0);
	reap(s);
	expect_news("drv.chr.tty", DS_TYPE_U32, "rs", 0);

	/* DSF_INITIAL reports what already matches; DS_SUBS_PER_PROC
	 * patterns each. */
	T_EQ(ds_publish_u32("init.1", 1, 0), 0);
	T_EQ(ds_publish_u32("init.2", 2, 0), 0);
	no_news();
	T_EQ(ds_subscribe("init.*", DSF_INITIAL), 0);
	T_ASSERT(news_within(NEWS_TICKS));
	T_EQ(ds_check(&ev), 0);
	T_ASSERT(strncmp(ev.key, "init.", 5) == 0);
	T_EQ(ds_check(&ev), 0);
	T_ASSERT(strncmp(ev.key, "init.", 5) == 0);
	T_EQ(ds_check(&ev), -ENOENT);
	T_EQ(ds_subscribe("t.*", 0), 0); /* without: no news of t.str */
	no_news();
	char pad[DS_SUBS_PER_PROC][8]; /* up to the limit, "pad.4" on */
	for (int i = 4; i < DS_SUBS_PER_PROC; i++) {
		snprintf(pad[i], sizeof(pad[i]), "pad.%d", i);
		T_EQ(ds_subscribe(pad[i], 0), 0);
	}
	T_EQ(ds_subscribe("five.*", 0), -ENOSPC);
	for (int i = 4; i < DS_SUBS_PER_PROC; i++)
		T_EQ(ds_unsubscribe(pad[i]), 0);
	T_EQ(ds_unsubscribe("t.*"), 0);
	T_EQ(ds_unsubscribe("t.*"), -ENOENT);
	T_EQ(ds_subscribe("five.*", 0), 0);
	const char *mine[] = {"drv.chr.*", "state.*", "init.*", "five.*"};
	for (int i = 0; i < 4; i++)
		T_EQ(ds_unsubscribe(mine[i]), 0);
	T_EQ(ds_publish_u32("state.after", 1, 0), 0);
	no_news();
	t_log("ds: notifications ok\n");
}

/* ---- a restarted service -------------------------------------------------- */

static const char old_state[] = "state of the first incarnation";
static const char new_state[] = "the second one was here";

static int first_incarnation(void)
{
	T_EQ(ds_publish_blob("state.drv.r", old_state, sizeof(old_state), 0),
	     0);
	return 0;
}

static int second_incarnation(void)
{
	char buf[DS_BLOB_MAX];
	label_is(t_self(), "drv.r");
	T_EQ(ds_retrieve_blob("state.drv.r", buf, sizeof(buf)),
	     sizeof(old_state));
	T_ASSERT(memcmp(buf, old_state, sizeof(old_state)) == 0);
	T_EQ(ds_publish_blob("state.drv.r", new_state, sizeof(new_state),
			     DSF_OVERWRITE),
	     0);
	return 0;
}

static void restart(void)
{
	endpoint_t first = start("drv.r", first_incarnation);
	reap(first);
	endpoint_t second = spawn(second_incarnation);
	T_ASSERT(second != first);
	T_EQ(ds_publish_label("drv.r", second, 0), -EEXIST);
	T_EQ(ds_publish_label("drv.r", second, DSF_OVERWRITE), 0);
	send_word(second, GO);
	reap(second);
	char buf[DS_BLOB_MAX];
	T_EQ(ds_retrieve_blob("state.drv.r", buf, sizeof(buf)),
	     sizeof(new_state));
	T_ASSERT(memcmp(buf, new_state, sizeof(new_state)) == 0);
	endpoint_t ep;
	T_EQ(ds_retrieve_label("drv.r", &ep), 0);
	T_EQ(ep, second);
	/* The service goes for good: its label and its keys go. */
	T_EQ(ds_delete("drv.r"), 0);
	T_EQ(ds_retrieve_blob("state.drv.r", buf, sizeof(buf)), -ENOENT);
	t_log("ds: restart ok\n");
}

/* ---- how subscriptions end ------------------------------------------------ */

static int loses_label(void)
{
	T_EQ(ds_subscribe("lab.*", 0), 0);
	send_word(parent, READY);
	T_EQ(get_word(parent), GO); /* meanwhile: label deleted, lab.1 */
	no_news();
	T_EQ(ds_subscribe("lab.*", 0), -EPERM);
	return 0;
}

static int cap_subscriber(void)
{
	char p[8] = "cap.*";
	for (int i = 0; i < DS_SUBS_PER_PROC; i++) {
		T_EQ(ds_subscribe(p, 0), 0);
		snprintf(p, sizeof(p), "p%d", i + 1);
	}
	send_word(parent, READY);
	T_EQ(get_word(parent), GO);
	return 0;
}

static int newcomer(void)
{
	no_news();
	return 0;
}

static void ending(void)
{
	endpoint_t x = start("drv.x", loses_label);
	T_EQ(get_word(x), READY);
	T_EQ(ds_delete("drv.x"), 0);
	T_EQ(ds_publish_u32("lab.1", 1, 0), 0);
	send_word(x, GO);
	reap(x);

	/* Fill the table with live subscribers. */
	enum { N = DS_NR_SUBS / DS_SUBS_PER_PROC };
	endpoint_t kids[N];
	for (int i = 0; i < N; i++) {
		char label[16] = "cap.";
		label[4] = (char)('a' + i);
		kids[i] = start(label, cap_subscriber);
		T_EQ(get_word(kids[i]), READY);
	}
	T_EQ(ds_subscribe("more.*", 0), -ENOSPC);
	for (int i = 0; i < N; i++) {
		send_word(kids[i], GO);
		reap(kids[i]);
	}
	/* A newcomer in the first one's slot while DS still holds the dead
	 * ones' subscriptions: cap.all must not reach it. */
	endpoint_t n = spawn(newcomer);
	T_EQ(EP_SLOT(n), EP_SLOT(kids[0]));
	T_ASSERT(n != kids[0]);
	T_EQ(ds_publish_label("cap.new", n, 0), 0);
	T_EQ(ds_publish_u32("cap.all", 1, 0), 0);
	send_word(n, GO);
	reap(n);
	/* The dead subscribers' places are free again. */
	T_EQ(ds_subscribe("more.*", 0), 0);
	T_EQ(ds_unsubscribe("more.*"), 0);
	t_log("ds: ending subscriptions ok\n");
}

/* ---- bad requests -------------------------------------------------------- */

static int raw(int type, const union ds_req *q)
{
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	*DS_REQ(&m) = *q;
	T_EQ(ipc_sendrec(ds, &m), 0);
	T_EQ(m.m_type, DS_REPLY);
	return DS_REP(&m)->reply.status;
}

/* A request for key bytes k[0..len) granted to DS: the key's fields
 * come first in every request that has one. */
static int with_key(int type, union ds_req *q, const void *k, uint32_t len)
{
	grant_id_t g = grant_create(ds, k, len, GF_READ);
	T_ASSERT(g >= 0);
	q->delete.key_grant = g;
	q->delete.key_len = len;
	int r = raw(type, q);
	T_EQ(grant_revoke(g), 0);
	return r;
}

static void bad_keys(void)
{
	union ds_req q = {.publish = {.type = DS_TYPE_U32}};
	const char unterminated[5] = {'a', 'b', 'c', 'd', 'e'};
	T_EQ(with_key(DS_PUBLISH, &q, unterminated, 5), -EINVAL);
	T_EQ(with_key(DS_PUBLISH, &q, "abc", 0), -EINVAL);
	static char big[DS_KEY_MAX + 1];
	T_EQ(with_key(DS_PUBLISH, &q, big, DS_KEY_MAX + 1), -ENAMETOOLONG);
	T_EQ(with_key(DS_PUBLISH, &q, "\001ctl", 5), -EINVAL);
	union ds_req sub = {.subscribe = {0}};
	T_EQ(with_key(DS_SUBSCRIBE, &sub, "a b", 4), -EINVAL);
	/* Grants DS cannot use: none, revoked, someone else's, short. */
	q.publish.key_grant = GRANT_INVALID;
	q.publish.key_len = 4;
	T_EQ(raw(DS_PUBLISH, &q), -EFAULT);
	grant_id_t g = grant_create(ds, "key", 4, GF_READ);
	T_EQ(grant_revoke(g), 0);
	q.publish.key_grant = g;
	T_EQ(raw(DS_PUBLISH, &q), -EFAULT);
	g = grant_create(parent, "key", 4, GF_READ);
	union ds_req get = {.retrieve = {.key_grant = g,
					 .key_len = 4,
					 .type = DS_TYPE_U32}};
	T_EQ(raw(DS_RETRIEVE, &get), -EFAULT);
	T_EQ(grant_revoke(g), 0);
	g = grant_create(ds, "key", 2, GF_READ);
	union ds_req del = {.delete = {.key_grant = g, .key_len = 4}};
	T_EQ(raw(DS_DELETE, &del), -EFAULT);
	T_EQ(grant_revoke(g), 0);
}

static void bad_values(void)
{
	union ds_req q = {.publish = {.type = 99}};
	T_EQ(with_key(DS_PUBLISH, &q, "bad.v", 6), -EINVAL);
	union ds_req get = {.retrieve = {.type = 99}};
	T_EQ(with_key(DS_RETRIEVE, &get, "t.str", 6), -EINVAL);
	get.retrieve.type = 0;
	T_EQ(with_key(DS_RETRIEVE, &get, "t.str", 6), -EINVAL);
	q = (union ds_req){.publish = {.type = DS_TYPE_U32, .flags = 0x80}};
	T_EQ(with_key(DS_PUBLISH, &q, "bad.v", 6), -EINVAL);
	union ds_req sub = {.subscribe = {.flags = 0x80}};
	T_EQ(with_key(DS_SUBSCRIBE, &sub, "bad.*", 6), -EINVAL);
	q = (union ds_req){.publish = {.type = DS_TYPE_LABEL, .ep = -5}};
	T_EQ(with_key(DS_PUBLISH, &q, "bad.v", 6), -EINVAL);

	/* A string without its NUL; a blob longer than its grant. */
	static char value[DS_BLOB_MAX];
	memset(value, 'v', sizeof(value));
	grant_id_t g = grant_create(ds, value, 10, GF_READ);
	q = (union ds_req){
		.publish = {.type = DS_TYPE_STR, .grant = g, .len = 10}};
	T_EQ(with_key(DS_PUBLISH, &q, "bad.v", 6), -EINVAL);
	q.publish.type = DS_TYPE_BLOB;
	q.publish.len = 100;
	T_EQ(with_key(DS_PUBLISH, &q, "bad.v", 6), -EFAULT);
	q.publish.len = 10;
	T_EQ(with_key(DS_PUBLISH, &q, "bad.v", 6), 0);
	/* RETRIEVE into a grant DS may only read. */
	get = (union ds_req){
		.retrieve = {.type = DS_TYPE_BLOB, .grant = g, .len = 10}};
	T_EQ(with_key(DS_RETRIEVE, &get, "bad.v", 6), -EFAULT);
	T_EQ(grant_revoke(g), 0);
	union ds_req d = {.delete = {0}};
	T_EQ(with_key(DS_DELETE, &d, "bad.v", 6), 0);
}

static void bad_checks(void)
{
	T_EQ(ds_subscribe("bad.*", 0), 0);
	T_EQ(ds_publish_u32("bad.1", 1, 0), 0);
	T_ASSERT(news_within(NEWS_TICKS));
	union ds_req q = {.check = {.grant = GRANT_INVALID,
				    .len = sizeof(struct ds_event)}};
	T_EQ(raw(DS_CHECK, &q), -EFAULT);
	struct ds_event ev;
	grant_id_t g = grant_create(ds, &ev, sizeof(ev), GF_WRITE);
	q = (union ds_req){.check = {.grant = g, .len = sizeof(ev) - 1}};
	T_EQ(raw(DS_CHECK, &q), -EINVAL);
	T_EQ(grant_revoke(g), 0);
	/* The change was not lost to the failed copies. */
	T_EQ(ds_check(&ev), 0);
	event_is(&ev, "bad.1", DS_TYPE_U32, "rs", 0);
	T_EQ(ds_check(&ev), -ENOENT);
	T_EQ(ds_unsubscribe("bad.*"), 0);
	T_EQ(ds_delete("bad.1"), 0);
}

static void bad(void)
{
	bad_keys();
	bad_values();
	bad_checks();
	union ds_req q = {.check = {0}};
	T_EQ(raw(DS_BASE + 50, &q), -ENOSYS);
	T_EQ(raw(DS_REPLY, &q), -ENOSYS);
	/* A request sent without waiting for the reply, a notification:
	 * DS must not wait for us. */
	message_t m;
	memset(&m, 0, sizeof(m));
	m.m_type = DS_CHECK;
	T_EQ(ipc_send(ds, &m), 0);
	T_EQ(ipc_notify(ds), 0);
	/* DS still serves. */
	char s[DS_STR_MAX];
	T_EQ(ds_retrieve_str("t.str", s, sizeof(s)), 0);
	T_ASSERT(strcmp(s, "hello, store") == 0);
	t_log("ds: bad requests ok\n");
}

int main(void)
{
	t_case = "ds";
	parent = t_self();
	ds = ds_endpoint();
	T_ASSERT(ds != NONE);
	types();
	owners();
	news();
	restart();
	ending();
	bad();
	t_pass();
	t_finish();
}
