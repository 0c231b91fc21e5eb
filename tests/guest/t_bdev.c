// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block protocol against the MEMORY driver's RAM disk (a MINIX v3
 * image built by tools/mkrootfs from tests/guest/tree, loaded as the
 * data module root.img).  Reads see the file system; writes stick;
 * transfers past the end, unaligned ones, bad grants and unknown
 * requests get errors and the driver keeps serving.
 */
#include <string.h>

#include "bdevclient.h"
#include "tlib.h"

static uint8_t buf[4096];

int main(void)
{
	t_case = "bdev";
	endpoint_t drv = proc_find("memory");
	T_ASSERT(drv != NONE);
	struct bdev_client c;
	bdev_client_init(&c, drv, 0, buf, sizeof(buf));
	uint64_t size = 0;
	T_EQ(bdev_req_open(&c), 0);
	T_EQ(bdev_req_size(&c, &size), 0);
	T_EQ(size, 2048 * 1024);
	T_EQ(bdev_client_grant(&c), 0);
	grant_id_t g = c.grant;

	/* The superblock of the MINIX v3 image. */
	T_EQ(bdev_req_read(&c, 1024, 1024), 1024);
	T_EQ(buf[24] | buf[25] << 8, 0x4d5a);

	/* A write sticks. */
	memset(buf, 0xab, 512);
	T_EQ(bdev_req_write(&c, size - 512, 512), 512);
	memset(buf, 0, 512);
	T_EQ(bdev_req_read(&c, size - 512, 512), 512);
	T_EQ(buf[0], 0xab);
	T_EQ(buf[511], 0xab);

	/* Past the end, across the end, unaligned, bad grant, nonsense. */
	T_EQ(bdev_req_read(&c, size, 512), -EIO);
	T_EQ(bdev_req_read(&c, size - 512, 1024), 512);
	T_EQ(bdev_req_read(&c, 100, 512), -EINVAL);
	T_EQ(bdev_req_read(&c, 0, 100), -EINVAL);
	T_EQ(bdev_req_read(&c, 0, 8192), -EPERM); /* beyond the grant */
	c.grant = g + 1;
	T_EQ(bdev_req_read(&c, 0, 512), -EPERM);
	grant_id_t ro = grant_create(drv, buf, sizeof(buf), GF_READ);
	c.grant = ro;
	T_EQ(bdev_req_read(&c, 0, 512), -EPERM); /* driver can't write */
	message_t m;				 /* no such request type */
	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_BASE + 77;
	T_EQ(ipc_sendrec(drv, &m), 0);
	T_EQ(m.m_type, BDEV_REPLY);
	T_EQ(BDEV_REP(&m)->reply.status, -ENOSYS);
	T_EQ(bdev_req_write(&c, 0, 512), 512); /* it may read it */
	struct bdev_client five;
	bdev_client_init(&five, drv, 5, buf, sizeof(buf));
	T_EQ(bdev_req_read(&five, 0, 512), -ENXIO);

	/* Still serving. */
	c.grant = g;
	T_EQ(bdev_req_read(&c, 1024, 1024), 1024);
	T_EQ(bdev_req_close(&c), 0);
	t_pass();
	t_finish();
}
