# SPDX-License-Identifier: BSD-2-Clause
# Servers: servers/NAME/*.c -> build/bin/NAME.elf
SERVERS := fs vfs pm rs ds inet
# Servers RS starts from the root image's /sbin (boot/module.mk).
RS_SERVERS := inet

# lwIP, INET's TCP/IP core (servers/inet/lwip/README.md).
include servers/inet/lwip/lwip.mk

# INET: lwIP compiled in (servers/inet/lwip/lwip.mk), and its policy
# file installed beside the drivers'.
INET_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard servers/inet/*.c))
$(INET_OBJS): TARGET_CFLAGS += $(LWIP_INC)
$(INET_OBJS): $(LWIP_STAMP)
$(BUILD)/bin/inet.elf: $(LWIP_LIB)
$(BUILD)/bin/inet.elf: USER_LIBS += $(LWIP_LIB)
POLICY_FILES += servers/inet/inet.conf
$(POLICY_STAMP): servers/inet/inet.conf

$(BUILD)/bin/fs.elf: $(patsubst %.c,$(BUILD)/%.o,$(LIBMFS_SRC))
$(BUILD)/bin/rs.elf: $(LIBPOLICY)
$(BUILD)/bin/rs.elf: USER_LIBS += $(LIBPOLICY)
$(foreach s,$(SERVERS),$(eval $(call program_rule,$(s),servers/$(s))))
