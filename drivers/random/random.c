// SPDX-License-Identifier: BSD-2-Clause
/*
 * The RANDOM driver: /dev/random (minor 0) and /dev/urandom (minor 1),
 * both the same never-blocking generator (chacha.c).  Reads give
 * generator output; writes mix the caller's bytes in.  At every start
 * the generator is seeded from the jitter of the CPU's time-stamp
 * counter around kernel calls and clock ticks, so a restarted instance
 * does not repeat its predecessor's output.
 *
 * It is the first driver RS starts after boot (/etc/rc: `service up
 * /sbin/random`) rather than a boot process, and it needs nothing but
 * grant copies and the clock: a small, safe subject for `service fi`,
 * kill and restart demonstrations.  The character-driver library
 * answers RS's heartbeats and obeys `service fi`.
 */
#include <stdbool.h>
#include <string.h>

#include "chardriver.h"
#include "devnum.h"
#include "libsys.h"
#include "random.h"

#define CHUNK 256
#define SEED_SAMPLES 512

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* The low bits of the time-stamp counter around kernel calls vary with
 * caches, interrupts and the emulator; a few hundred samples, plus the
 * uptime, make the seed. */
static void seed(void)
{
	uint32_t samples[SEED_SAMPLES];
	struct kc_times t;
	for (int i = 0; i < SEED_SAMPLES; i++) {
		uint64_t before = rdtsc();
		sys_times(&t);
		samples[i] = (uint32_t)(rdtsc() - before) ^ (uint32_t)before;
	}
	rng_mix(samples, sizeof(samples));
	rng_mix(&t, sizeof(t));
}

static int check(uint32_t minor)
{
	return minor == MINOR_RANDOM || minor == MINOR_URANDOM ? 0 : -ENXIO;
}

static int rnd_open(endpoint_t caller, uint32_t minor,
		    const struct cdev_open *q)
{
	(void)caller;
	(void)q;
	return check(minor);
}

/* Reads hand out generator output, writes mix the caller's bytes in; a
 * chunk at a time through the caller's grant.  Bytes moved, or the
 * error if none were. */
static int transfer(endpoint_t caller, uint32_t minor, const struct cdev_rw *q,
		    bool reading)
{
	uint8_t chunk[CHUNK];
	int r = check(minor);
	if (r < 0)
		return r;
	uint32_t done = 0;
	while (done < q->len) {
		uint32_t n = q->len - done < CHUNK ? q->len - done : CHUNK;
		if (reading) {
			rng_read(chunk, n);
			r = sys_safecopyto(caller, q->grant, done, chunk, n);
		} else {
			r = sys_safecopyfrom(caller, q->grant, done, chunk, n);
			if (r == 0)
				rng_mix(chunk, n);
		}
		if (r < 0) {
			r = -EFAULT; /* the caller's grant failed */
			break;
		}
		done += n;
	}
	memset(chunk, 0, sizeof(chunk));
	return done ? (int)done : r;
}

static int rnd_read(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	return transfer(caller, minor, q, true);
}

static int rnd_write(endpoint_t caller, uint32_t minor, const struct cdev_rw *q)
{
	return transfer(caller, minor, q, false);
}

static const struct chardriver_ops ops = {
	.open = rnd_open,
	.read = rnd_read,
	.write = rnd_write,
};

int main(void)
{
	seed();
	sef_startup("random");
	chardriver_run(&ops);
}
