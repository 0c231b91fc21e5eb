/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lwIP's unit suite includes <config.h> first (test/unit/lwip_check.h),
 * a header of the build system it was written for; this one has
 * nothing to configure.
 */
#pragma once
