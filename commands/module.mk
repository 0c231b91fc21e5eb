# SPDX-License-Identifier: BSD-2-Clause
# User programs: commands/NAME/*.c -> build/bin/NAME.elf
COMMANDS := init

define command_rule
$(BUILD)/bin/$(1).elf: $(patsubst %.c,$(BUILD)/%.o,$(wildcard commands/$(1)/*.c)) $$(USER_DEPS)
	@mkdir -p $$(@D)
	$$(USER_LINK)
ALL_PROGS += $(BUILD)/bin/$(1).elf
endef
$(foreach c,$(COMMANDS),$(eval $(call command_rule,$(c))))
