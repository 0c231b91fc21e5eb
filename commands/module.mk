# SPDX-License-Identifier: BSD-2-Clause
# User programs: commands/NAME/*.c -> build/bin/NAME.elf
COMMANDS := cat chmod cksum cmp cp date dd df dmesg echo env false grep halt \
	head httpd ifconfig init kill ln login ls lspci mkdir more mount \
	mv nc netstart netstat ping ps pwd rm rmdir sh sha256sum sleep \
	service sort sync tail tee test touch true umount uname wc

# Second names, PROG:NAME: the root image holds a copy of PROG as
# /bin/NAME, and the program looks at argv[0] (boot/module.mk).
COMMAND_COPIES := test:[ halt:reboot

# cmdlib (commands/lib): the helpers every command may use, in
# build/commands/libcmd.a, linked into each command before libc.
CMDLIB := $(BUILD)/commands/libcmd.a
$(CMDLIB): $(patsubst %.c,$(BUILD)/%.o,$(wildcard commands/lib/*.c))
	@rm -f $@
	$(AR) rcs $@ $^
$(BUILD)/commands/%.o: TARGET_CFLAGS += -Icommands/lib

# netstart reads the drivers' policy files with RS's parser.
$(BUILD)/bin/netstart.elf: $(LIBPOLICY)
$(BUILD)/bin/netstart.elf: USER_LIBS += $(LIBPOLICY)

# test is the shell's test built-in with a main of its own.
$(BUILD)/bin/test.elf: $(BUILD)/commands/sh/testcmd.o

# program_rule NAME, DIR: build/bin/NAME.elf from DIR/*.c and cmdlib
define program_rule
$(BUILD)/bin/$(1).elf: USER_LIBS := $(CMDLIB) $$(USER_LIBS)
$(BUILD)/bin/$(1).elf: $(patsubst %.c,$(BUILD)/%.o,$(wildcard $(2)/*.c)) $(CMDLIB) $$(USER_DEPS)
	@mkdir -p $$(@D)
	$$(USER_LINK)
ALL_PROGS += $(BUILD)/bin/$(1).elf
endef
$(foreach c,$(COMMANDS),$(eval $(call program_rule,$(c),commands/$(c))))
