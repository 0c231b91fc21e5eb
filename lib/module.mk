# SPDX-License-Identifier: BSD-2-Clause
# libsys (IPC stubs, kernel-call wrappers), libc (crt0, newlib glue),
# libdriver (driver frameworks) and libpolicy (the policy-file parser).
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

# Linked by the programs that read policy files (RS), not by every
# program; tools/module.mk builds the same sources for the host.
LIBPOLICY := $(BUILD)/lib/libpolicy.a
$(LIBPOLICY): $(patsubst %.c,$(BUILD)/%.o,$(LIBPOLICY_SRC))
	@rm -f $@
	$(AR) rcs $@ $^

USER_DEPS := $(BUILD)/lib/libc/crt0.o $(USER_LIBS) $(NEWLIB_STAMP)
