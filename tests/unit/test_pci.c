// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for the PCI client library (lib/libsys/pci.c).  The stubs
 * play the PCI driver and the kernel: proc_find gives the endpoint the
 * test sets, ipc_sendrec records each request and answers as `answer`
 * says, ipc_sendnb records RS's notices, and DS is stubbed out.
 *
 *   requests     each call sends its own request struct, and takes its
 *                answer from its own reply struct
 *   restart      PCI died since the last call: it is looked up again
 *                and sent the same request, once
 *   gives_up     dead again: -ESRCH; no PCI at all: -ESRCH, nothing sent
 *   wrong_reply  a reply of another type is -EIO
 *   rs_notices   pci_send_acl and pci_send_forget go by SENDNB with
 *                their struct, and give back the send's result
 *   listed_key   "pci.dev.N", cut short in a small buffer
 */
#include <string.h>

#include "dsclient.h"
#include "libsys.h"
#include "pciclient.h"
#include "unit.h"

static struct {
	endpoint_t to;
	int type;
	union pci_req q;
} sent[8];
static int nr_sent, nr_finds;
static endpoint_t pci_is = 30;	   /* what proc_find("pci") gives */
static int dead_calls;		   /* so many sendrecs find PCI dead */
static int reply_type = PCI_REPLY; /* what the stub answers */
static union pci_rep reply;	   /* ... and with what */
static int sendnb_result;

endpoint_t proc_find(const char *name)
{
	CHECK(strcmp(name, "pci") == 0);
	nr_finds++;
	return pci_is;
}

static void record(endpoint_t to, const message_t *m)
{
	if (nr_sent < 8)
		sent[nr_sent++] = (typeof(sent[0])){to, m->m_type, *PCI_REQ(m)};
}

int ipc_sendrec(endpoint_t peer, message_t *m)
{
	record(peer, m);
	if (dead_calls > 0) {
		dead_calls--;
		return -EDEADSRCDST;
	}
	memset(&m->m_u, 0, sizeof(m->m_u));
	m->m_type = reply_type;
	*PCI_REP(m) = reply;
	return 0;
}

int ipc_sendnb(endpoint_t peer, message_t *m)
{
	record(peer, m);
	return sendnb_result;
}

int ds_retrieve_u32(const char *key, uint32_t *value)
{
	(void)key, (void)value;
	return -ENOENT;
}

int ds_retrieve_blob(const char *key, void *buf, uint32_t size)
{
	(void)key, (void)buf, (void)size;
	return -ENOENT;
}

static void reset(void)
{
	nr_sent = nr_finds = dead_calls = sendnb_result = 0;
	pci_is = 30;
	reply_type = PCI_REPLY;
	memset(&reply, 0, sizeof(reply));
	pci_set_endpoint(NONE);
}

static void requests(void)
{
	reset();
	reply.find = (struct pci_reply){
		.bdf = 0x18, .vendor = 0x10ec, .device = 0x8139, .irq = 11};
	struct pci_reply d;
	CHECK(pci_find(2, &d) == 0);
	CHECK(sent[0].to == 30 && sent[0].type == PCI_FIND);
	CHECK(sent[0].q.find.index == 2);
	CHECK(d.bdf == 0x18 && d.vendor == 0x10ec && d.irq == 11);
	uint8_t irq = 0;
	CHECK(pci_claim(0x18, &irq) == 0 && irq == 11);
	CHECK(sent[1].type == PCI_CLAIM && sent[1].q.claim.bdf == 0x18);
	reply.bar = (struct pci_bar_reply){
		.base = 0xc000, .size = 256, .flags = PCI_BAR_IO};
	struct pci_bar_info b;
	CHECK(pci_bar(0x18, 1, &b) == 0);
	CHECK(sent[2].type == PCI_BAR && sent[2].q.bar.bdf == 0x18 &&
	      sent[2].q.bar.index == 1);
	CHECK(b.base == 0xc000 && b.size == 256 && b.flags == PCI_BAR_IO);
	reply.read = (struct pci_value_reply){.value = 0x81398029};
	uint32_t v = 0;
	CHECK(pci_read(0x18, 4, 2, &v) == 0 && v == 0x81398029);
	CHECK(sent[3].type == PCI_READ && sent[3].q.read.off == 4 &&
	      sent[3].q.read.size == 2);
	reply.write.status = -EPERM;
	CHECK(pci_write(0x18, 0x40, 4, 7) == -EPERM);
	CHECK(sent[4].type == PCI_WRITE && sent[4].q.write.off == 0x40 &&
	      sent[4].q.write.value == 7);
	reply.master.status = 0;
	CHECK(pci_master(0x18, 5) == 0);
	CHECK(sent[5].type == PCI_MASTER && sent[5].q.master.on == 1);
	CHECK(nr_finds == 1); /* looked up once, kept */
}

static void restart(void)
{
	reset();
	CHECK(pci_master(0x18, 0) == 0); /* finds 30 */
	pci_is = 31;			 /* PCI was restarted */
	dead_calls = 1;
	CHECK(pci_master(0x18, 1) == 0);
	CHECK(nr_sent == 3 && sent[1].to == 30 && sent[2].to == 31);
	CHECK(sent[2].type == PCI_MASTER && sent[2].q.master.on == 1);
	CHECK(nr_finds == 2);
}

static void gives_up(void)
{
	reset();
	dead_calls = 5;
	CHECK(pci_master(0x18, 1) == -ESRCH);
	CHECK(nr_sent == 2);
	reset();
	pci_is = NONE;
	CHECK(pci_master(0x18, 1) == -ESRCH);
	CHECK(nr_sent == 0);
}

static void wrong_reply(void)
{
	reset();
	reply_type = PCI_REPLY + 1;
	uint32_t v = 99;
	CHECK(pci_read(0x18, 0, 4, &v) == -EIO && v == 99);
}

static void rs_notices(void)
{
	reset();
	struct pci_acl a;
	memset(&a, 0, sizeof(a));
	a.ep = 44;
	a.nr_dev = 1;
	a.dev[0].vendor = 0x10ec;
	CHECK(pci_send_acl(30, &a) == 0);
	CHECK(sent[0].to == 30 && sent[0].type == PCI_ACL);
	CHECK(memcmp(&sent[0].q.acl, &a, sizeof(a)) == 0);
	sendnb_result = -ENOTREADY;
	CHECK(pci_send_forget(30, 44) == -ENOTREADY);
	CHECK(sent[1].type == PCI_FORGET && sent[1].q.forget.ep == 44);
	CHECK(nr_finds == 0); /* RS names PCI itself */
}

static void listed_key(void)
{
	char key[DS_KEY_MAX];
	pci_listed_key(12, key, sizeof(key));
	CHECK(strcmp(key, "pci.dev.12") == 0);
	pci_listed_key(0, key, sizeof(key));
	CHECK(strcmp(key, "pci.dev.0") == 0);
	char small[10];
	pci_listed_key(123, small, sizeof(small));
	CHECK(strcmp(small, "pci.dev.1") == 0);
}

int main(void)
{
	unit_file = "pci";
	RUN(requests);
	RUN(restart);
	RUN(gives_up);
	RUN(wrong_reply);
	RUN(rs_notices);
	RUN(listed_key);
	return unit_done();
}
