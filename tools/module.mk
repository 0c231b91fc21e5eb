# SPDX-License-Identifier: BSD-2-Clause
# Host tools built from C.
MKROOTFS := $(BUILD)/tools/mkrootfs
LIBMFS_SRC := $(wildcard lib/libmfs/*.c)

$(MKROOTFS): tools/mkrootfs.c $(LIBMFS_SRC) $(wildcard lib/libmfs/*.h) \
		include/devnum.h
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Werror -std=gnu11 -Ilib/libmfs \
		-iquote include -o $@ \
		tools/mkrootfs.c $(LIBMFS_SRC)

# policycheck: the policy parser of lib/libpolicy, built for the host;
# with -t it writes the kernel's boot table (tools/boottable.c).
POLICYCHECK := $(BUILD)/tools/policycheck
LIBPOLICY_SRC := $(wildcard lib/libpolicy/*.c)

$(POLICYCHECK): tools/policycheck.c tools/boottable.c tools/policycheck.h \
		$(LIBPOLICY_SRC) $(wildcard lib/libpolicy/*.h) include/policy.h \
		include/abi/kcalls.h include/abi/kcall_msg.h
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Werror -std=c11 -Iinclude -Itools -o $@ \
		tools/policycheck.c tools/boottable.c $(LIBPOLICY_SRC)

# mkdisk: a disk image with an MBR partition table (tools/mkdisk.c).
MKDISK := $(BUILD)/tools/mkdisk

$(MKDISK): tools/mkdisk.c
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Werror -std=gnu11 -o $@ tools/mkdisk.c
