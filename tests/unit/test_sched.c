// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for kernel/sched.c: the most urgent runnable process runs,
 * blocking and unblocking keep the queues right, a used-up quantum
 * sends a process to the back of the next queue down, and blocking
 * brings it back to its own.
 */
#include <string.h>

#include "sched.h"
#include "unit.h"

static struct proc p[4];

static void setup(void)
{
	for (int i = 0; i < 4; i++) /* empty the queues of the last test */
		sched_remove(&p[i]);
	memset(p, 0, sizeof(p));
	for (int i = 0; i < 4; i++) {
		p[i].rts = RTS_INIT;
		p[i].prio = p[i].base_prio = i < 2 ? 3 : 5;
		p[i].quantum = p[i].ticks_left = 2;
	}
}

static void picks_most_urgent(void)
{
	setup();
	CHECK(sched_pick() == 0);
	sched_unblock(&p[2], RTS_INIT);
	CHECK(sched_pick() == &p[2]);
	sched_unblock(&p[0], RTS_INIT);
	CHECK(sched_pick() == &p[0]); /* queue 3 before queue 5 */
	sched_block(&p[0], RTS_RECEIVING);
	CHECK(sched_pick() == &p[2]);
	sched_block(&p[2], RTS_SENDING);
	CHECK(sched_pick() == 0);
}

static void unblock_needs_all_bits_clear(void)
{
	setup();
	sched_unblock(&p[0], RTS_INIT);
	sched_block(&p[0], RTS_SENDING | RTS_RECEIVING); /* SENDREC */
	sched_unblock(&p[0], RTS_SENDING);
	CHECK(sched_pick() == 0); /* still waiting for the reply */
	sched_unblock(&p[0], RTS_RECEIVING);
	CHECK(sched_pick() == &p[0]);
	sched_unblock(&p[0], RTS_RECEIVING); /* twice: no double entry */
	sched_block(&p[0], RTS_STOPPED);
	CHECK(sched_pick() == 0);
}

static void round_robin(void)
{
	setup();
	sched_unblock(&p[0], RTS_INIT);
	sched_unblock(&p[1], RTS_INIT);
	CHECK(sched_pick() == &p[0]);
	sched_tick(&p[0]);
	CHECK(sched_pick() == &p[0]); /* one tick of two used */
	sched_tick(&p[0]);
	CHECK(sched_pick() == &p[1]); /* quantum over: p[0] a queue down */
	CHECK(p[0].ticks_left == 2 && p[0].prio == 4);
	sched_tick(&p[1]);
	sched_tick(&p[1]);
	CHECK(sched_pick() == &p[0]); /* both in queue 4, p[0] first */
}

/* A process that spins sinks below one that waits, down to the last
 * queue; once it blocks it is back at its own priority. */
static void hog_sinks(void)
{
	setup();
	sched_unblock(&p[0], RTS_INIT); /* queue 3 */
	sched_unblock(&p[2], RTS_INIT); /* queue 5 */
	for (int t = 0; t < 2 * 2; t++)
		sched_tick(&p[0]);
	CHECK(p[0].prio == 5);
	CHECK(sched_pick() == &p[2]); /* ahead of p[0] in queue 5 */
	for (int t = 0; t < 2 * NR_QUEUES; t++)
		sched_tick(&p[0]);
	CHECK(p[0].prio == NR_QUEUES - 1);
	CHECK(sched_pick() == &p[2]);
	sched_block(&p[0], RTS_RECEIVING);
	CHECK(p[0].prio == 3);
	sched_unblock(&p[0], RTS_RECEIVING);
	CHECK(sched_pick() == &p[0]);
}

static void remove_from_middle(void)
{
	setup();
	p[2].prio = p[3].prio = p[2].base_prio = p[3].base_prio = 3;
	for (int i = 0; i < 4; i++)
		sched_unblock(&p[i], RTS_INIT);
	sched_block(&p[1], RTS_RECEIVING);
	sched_block(&p[0], RTS_RECEIVING);
	CHECK(sched_pick() == &p[2]);
	sched_block(&p[2], RTS_RECEIVING);
	CHECK(sched_pick() == &p[3]);
	sched_block(&p[3], RTS_RECEIVING);
	CHECK(sched_pick() == 0);
	sched_unblock(&p[1], RTS_RECEIVING); /* the tail was reset right */
	CHECK(sched_pick() == &p[1]);
}

int main(void)
{
	unit_file = "sched";
	RUN(picks_most_urgent);
	RUN(unblock_needs_all_bits_clear);
	RUN(round_robin);
	RUN(hog_sinks);
	RUN(remove_from_middle);
	return unit_done();
}
