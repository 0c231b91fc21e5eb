// SPDX-License-Identifier: BSD-2-Clause
/*
 * The block protocol against the MEMORY driver's RAM disk (a MINIX v3
 * image built by tools/mkrootfs from tests/guest/tree, loaded as the
 * data module root.img).  Reads see the file system; writes stick;
 * transfers past the end, unaligned ones, bad grants and unknown
 * requests get errors and the driver keeps serving.
 */
#include <string.h>

#include "proto/bdev.h"
#include "tlib.h"

static endpoint_t drv;
static uint8_t buf[4096];

static int call(int type, uint64_t pos, grant_id_t g, uint32_t len,
		uint64_t *size)
{
	return t_bdev(drv, type, 0, pos, g, len, size);
}

int main(void)
{
	t_case = "bdev";
	drv = proc_find("memory");
	T_ASSERT(drv != NONE);
	uint64_t size = 0;
	T_EQ(call(BDEV_OPEN, 0, 0, 0, 0), 0);
	T_EQ(call(BDEV_SIZE, 0, 0, 0, &size), 0);
	T_EQ(size, 2048 * 1024);
	grant_id_t g = grant_create(drv, buf, sizeof(buf), GF_READ | GF_WRITE);
	T_ASSERT(g >= 0);

	/* The superblock of the MINIX v3 image. */
	T_EQ(call(BDEV_READ, 1024, g, 1024, 0), 1024);
	T_EQ(buf[24] | buf[25] << 8, 0x4d5a);

	/* A write sticks. */
	memset(buf, 0xab, 512);
	T_EQ(call(BDEV_WRITE, size - 512, g, 512, 0), 512);
	memset(buf, 0, 512);
	T_EQ(call(BDEV_READ, size - 512, g, 512, 0), 512);
	T_EQ(buf[0], 0xab);
	T_EQ(buf[511], 0xab);

	/* Past the end, across the end, unaligned, bad grant, nonsense. */
	T_EQ(call(BDEV_READ, size, g, 512, 0), -EIO);
	T_EQ(call(BDEV_READ, size - 512, g, 1024, 0), 512);
	T_EQ(call(BDEV_READ, 100, g, 512, 0), -EINVAL);
	T_EQ(call(BDEV_READ, 0, g, 100, 0), -EINVAL);
	T_EQ(call(BDEV_READ, 0, g, 8192, 0), -EPERM); /* beyond the grant */
	T_EQ(call(BDEV_READ, 0, g + 1, 512, 0), -EPERM);
	grant_id_t ro = grant_create(drv, buf, sizeof(buf), GF_READ);
	T_EQ(call(BDEV_READ, 0, ro, 512, 0), -EPERM); /* driver can't write */
	T_EQ(call(BDEV_BASE + 77, 0, g, 512, 0), -ENOSYS);
	T_EQ(call(BDEV_WRITE, 0, ro, 512, 0), 512); /* it may read it */
	message_t m;
	m.m_type = BDEV_READ;
	BDEV_REQ(&m)->minor = 5;
	BDEV_REQ(&m)->len = 512;
	T_EQ(ipc_sendrec(drv, &m), 0);
	T_EQ(BDEV_REP(&m)->status, -ENXIO);

	/* Still serving. */
	T_EQ(call(BDEV_READ, 1024, g, 1024, 0), 1024);
	T_EQ(call(BDEV_CLOSE, 0, 0, 0, 0), 0);
	t_pass();
	t_finish();
}
