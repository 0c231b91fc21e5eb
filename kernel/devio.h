/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Port I/O on behalf of a driver, shared by DEVIO, VDEVIO and SDEVIO.
 * dio_check() decodes the flags and checks the port against the
 * caller's ranges (a refusal is a counted DENY_PORT); dio_do() performs
 * one access that has been checked.
 */
#pragma once

#include "proc.h"

int dio_check(struct proc *p, uint32_t port, uint32_t flags, uint32_t *size);
uint32_t dio_do(uint32_t port, uint32_t flags, uint32_t value);
