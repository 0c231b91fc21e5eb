# SPDX-License-Identifier: BSD-2-Clause
# libsys (IPC stubs, kernel-call wrappers) and libc (crt0, newlib glue).
LIBSYS_SRC := $(wildcard lib/libsys/*.c) $(wildcard lib/libsys/*.asm)
LIBSYS_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(patsubst %.asm,$(BUILD)/%.o,$(LIBSYS_SRC)))
LIBC_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard lib/libc/*.c)) \
	$(BUILD)/lib/libc/sigtramp.o

$(BUILD)/lib/libsys.a: $(LIBSYS_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

LIBDRIVER_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard lib/libdriver/*.c))
$(BUILD)/lib/libdriver.a: $(LIBDRIVER_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/lib/libc.a: $(LIBC_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

USER_DEPS := $(BUILD)/lib/libc/crt0.o $(USER_LIBS) $(NEWLIB_STAMP)
