# SPDX-License-Identifier: BSD-2-Clause
# Drivers: drivers/NAME/*.c -> build/bin/NAME.elf
DRIVERS := memory tty

$(foreach d,$(DRIVERS),$(eval $(call program_rule,$(d),drivers/$(d))))
