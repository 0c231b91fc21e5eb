# SPDX-License-Identifier: BSD-2-Clause
# Servers: servers/NAME/*.c -> build/bin/NAME.elf
SERVERS := fs vfs pm rs ds

$(BUILD)/bin/fs.elf: $(patsubst %.c,$(BUILD)/%.o,$(LIBMFS_SRC))
$(BUILD)/bin/rs.elf: $(LIBPOLICY)
$(BUILD)/bin/rs.elf: USER_LIBS += $(LIBPOLICY)
$(foreach s,$(SERVERS),$(eval $(call program_rule,$(s),servers/$(s))))

# lwIP, INET's TCP/IP core (servers/inet/lwip/README.md).
include servers/inet/lwip/lwip.mk
