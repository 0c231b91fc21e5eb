// SPDX-License-Identifier: BSD-2-Clause
/*
 * The MEMORY driver, character side (proto/cdev.h):
 *   minor 1  /dev/null  reads end at once, writes vanish
 *   minor 2  /dev/zero  reads give zeros, writes vanish
 *   minor 3  /dev/kmsg  reads give the kernel log from the file
 *                       position; writes go into it (one SYS_DIAG per
 *                       line-sized chunk)
 * Nothing here ever waits.
 */
#include <string.h>

#include "chardriver.h"
#include "devnum.h"
#include "libsys.h"
#include "memory.h"

#define LOG_MAX 16384

static char logbuf[LOG_MAX];

static int check(uint32_t minor)
{
	return minor >= MINOR_NULL && minor <= MINOR_KMSG ? 0 : -ENXIO;
}

static int chr_open(endpoint_t caller, uint32_t minor,
		    const struct cdev_open *q)
{
	(void)caller;
	(void)q;
	return check(minor);
}

static int read_log(endpoint_t caller, const struct cdev_rw *q)
{
	uint32_t n = 0;
	if (sys_getinfo(GI_LOG, logbuf, sizeof(logbuf), &n) < 0)
		return -EIO;
	if (q->pos >= n)
		return 0;
	uint32_t len =
		n - (uint32_t)q->pos < q->len ? n - (uint32_t)q->pos : q->len;
	int r = sys_safecopyto(caller, q->grant, 0, logbuf + q->pos, len);
	return r < 0 ? -EFAULT : (int)len;
}

static int chr_read(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	int r = check(minor);
	if (r < 0 || minor == MINOR_NULL)
		return r;
	if (minor == MINOR_KMSG)
		return read_log(caller, q);
	r = sys_safememset(caller, q->grant, 0, 0, q->len);
	return r < 0 ? -EFAULT : (int)q->len;
}

static int chr_write(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	char chunk[256];
	int r = check(minor);
	if (r < 0 || minor != MINOR_KMSG)
		return r < 0 ? r : (int)q->len;
	for (uint32_t done = 0; done < q->len;) {
		uint32_t n = q->len - done < sizeof(chunk) ? q->len - done
							   : sizeof(chunk);
		r = sys_safecopyfrom(caller, q->grant, done, chunk, n) < 0
			    ? -EFAULT
			    : sys_diag(chunk, n);
		if (r < 0)
			return done ? (int)done : r;
		done += n;
	}
	return (int)q->len;
}

const struct chardriver_ops memory_chr_ops = {
	.open = chr_open,
	.read = chr_read,
	.write = chr_write,
};
