# SPDX-License-Identifier: BSD-2-Clause
# Host tools built from C.
MKROOTFS := $(BUILD)/tools/mkrootfs
LIBMFS_SRC := $(wildcard lib/libmfs/*.c)

$(MKROOTFS): tools/mkrootfs.c $(LIBMFS_SRC) $(wildcard lib/libmfs/*.h)
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Werror -std=gnu11 -Ilib/libmfs -o $@ \
		tools/mkrootfs.c $(LIBMFS_SRC)
