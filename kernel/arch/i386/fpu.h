/* SPDX-License-Identifier: BSD-2-Clause */
/* Saving and restoring the x87 FPU state per process (fpu.c). */
#pragma once

#include "proc.h"

void fpu_init(void);		    /* once, at boot */
void fpu_fresh(struct proc *p);	    /* p starts with a clean FPU */
void fpu_switch(struct proc *next); /* next is about to run */
void fpu_sync(struct proc *p);	    /* p's slot holds its live state */
void fpu_forget(struct proc *p);    /* p is gone */
