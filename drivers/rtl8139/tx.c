// SPDX-License-Identifier: BSD-2-Clause
/*
 * Transmitting (see rtl8139.h).  The card has four descriptors, each a
 * buffer address (TSAD) and a status (TSD), and sends only from the
 * one it is at: a reset puts it at descriptor 0, and each write of a
 * TSD that starts a frame moves it on to the next, modulo 4.  So the
 * driver uses them strictly in turn, from 0 after every reset, and a
 * buffer is free again only once its descriptor says the frame is done
 * (TOK, or an underrun or abort, which count as errors).  A frame
 * shorter than the Ethernet minimum is padded with zeros to 60 bytes,
 * which the card does not do itself.
 */
#include <string.h>

#include "netdriver.h"
#include "rtl8139.h"

void tx_reset(void)
{
	rl.tx_head = rl.tx_tail = rl.tx_busy = 0;
}

int tx_reclaim(void)
{
	int done = 0;
	while (rl.tx_busy > 0) {
		uint32_t tsd = rl_in32(RL_TSD0 + 4u * (uint32_t)rl.tx_tail);
		if (!(tsd & (TSD_TOK | TSD_TUN | TSD_TABT)))
			break;
		if (!(tsd & TSD_TOK)) {
			netdriver_count_tx_error();
			if (tsd & TSD_TABT) /* the card waits until told */
				rl_out32(RL_TCR, rl_in32(RL_TCR) | TCR_CLRABT);
		}
		rl.tx_tail = (rl.tx_tail + 1) % NR_TX;
		rl.tx_busy--;
		done++;
	}
	return done;
}

uint8_t *tx_slot(void)
{
	if (rl.tx_busy == NR_TX)
		tx_reclaim();
	return rl.tx_busy < NR_TX ? rl.tx[rl.tx_head] : 0;
}

void tx_start(uint32_t len)
{
	if (len < NDEV_PAD_FRAME) {
		memset(rl.tx[rl.tx_head] + len, 0, NDEV_PAD_FRAME - len);
		len = NDEV_PAD_FRAME;
	}
	rl_out32(RL_TSD0 + 4u * (uint32_t)rl.tx_head,
		 TSD_EARLY_256 | (len & TSD_SIZE));
	rl.tx_head = (rl.tx_head + 1) % NR_TX;
	rl.tx_busy++;
}
