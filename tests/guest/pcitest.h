/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PCI test t_pci and its test driver p_pci talk with these messages
 * (a private test protocol, not a system one).  Each request makes p_pci
 * do one thing as itself -- one PCI client call (include/pciclient.h)
 * or one DEVIO -- and answer PT_REPLY with what came back:
 *
 *   PT_FIND    u32[0] index -> pci_find: u32[1] bdf, u32[2] vendor << 16
 *              | device, u32[3] class << 16 | subclass << 8 | progif,
 *              u32[4] irq
 *   PT_CLAIM   u32[0] bdf -> pci_claim: u32[1] irq
 *   PT_BAR     u32[0] bdf, u32[1] index -> pci_bar: u32[1] base,
 *              u32[2] size, u32[3] flags
 *   PT_READ    u32[0] bdf, u32[1] off, u32[2] size -> pci_read: u32[1]
 *              the value
 *   PT_WRITE   u32[0] bdf, u32[1] off, u32[2] size, u32[3] value ->
 *              pci_write
 *   PT_MASTER  u32[0] bdf, u32[1] on -> pci_master
 *   PT_IN      u32[0] port, u32[1] DIO_BYTE/WORD/LONG -> sys_devio in:
 *              u32[1] the value
 *   PT_DMA     u32[0] bytes -> sys_dmaalloc: u32[1] the physical address
 *
 * PT_REPLY's i32[0] is the call's status (0 or a negative errno); the
 * other words are set only when it is 0.
 */
#pragma once

#define PT_FIND 0x7e11
#define PT_CLAIM 0x7e12
#define PT_BAR 0x7e13
#define PT_READ 0x7e14
#define PT_WRITE 0x7e15
#define PT_MASTER 0x7e16
#define PT_IN 0x7e17
#define PT_DMA 0x7e18
#define PT_REPLY 0x7e90
