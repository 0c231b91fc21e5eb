# SPDX-License-Identifier: BSD-2-Clause
# Servers: servers/NAME/*.c -> build/bin/NAME.elf
SERVERS := fs vfs pm ds

$(BUILD)/bin/fs.elf: $(patsubst %.c,$(BUILD)/%.o,$(LIBMFS_SRC))
$(foreach s,$(SERVERS),$(eval $(call program_rule,$(s),servers/$(s))))
