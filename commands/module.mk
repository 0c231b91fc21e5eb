# SPDX-License-Identifier: BSD-2-Clause
# User programs: commands/NAME/*.c -> build/bin/NAME.elf
COMMANDS := cat chmod cksum cmp cp date dd echo env false grep head init kill ln login ls mkdir more mv pwd rm rmdir sleep sort tail tee touch true uname wc mount umount df sh

# program_rule NAME, DIR: build/bin/NAME.elf from DIR/*.c
define program_rule
$(BUILD)/bin/$(1).elf: $(patsubst %.c,$(BUILD)/%.o,$(wildcard $(2)/*.c)) $$(USER_DEPS)
	@mkdir -p $$(@D)
	$$(USER_LINK)
ALL_PROGS += $(BUILD)/bin/$(1).elf
endef
$(foreach c,$(COMMANDS),$(eval $(call program_rule,$(c),commands/$(c))))
