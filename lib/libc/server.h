/* SPDX-License-Identifier: BSD-2-Clause */
/* Finding servers by name (server.c). */
#pragma once

#include "libsys.h"

/* The endpoint of the process called name; *cache starts as NONE. */
endpoint_t libc_server(const char *name, endpoint_t *cache);
