# SPDX-License-Identifier: BSD-2-Clause
# lwIP 2.1.3 for INET: tools/fetch-lwip.sh unpacks Debian's pristine
# tarball into $(LWIP_DIR) (once: $(LWIP_STAMP)); its IPv4 core, raw API
# and Ethernet layer are compiled for Samsara with our options
# (servers/inet/lwip/lwipopts.h) and port (arch/cc.h, sys_arch.c) into
# $(LWIP_LIB).  A program using it adds $(LWIP_INC) to its objects'
# TARGET_CFLAGS and $(LWIP_LIB) to its USER_LIBS (see tests/module.mk,
# t_lwip).
LWIP_DIR := $(BUILD)/lwip/lwip-2.1.3
LWIP_STAMP := $(LWIP_DIR)/stamp
LWIP_LIB := $(BUILD)/lib/liblwip.a
LWIP_INC := -Iservers/inet/lwip -I$(LWIP_DIR)/src/include

# What a NO_SYS raw-API IPv4 stack needs, and nothing of IPv6, PPP, the
# sequential and socket APIs (src/api) or the applications (src/apps).
# Files whose options are off (dns.c, autoip.c, igmp.c, altcp*.c)
# compile to nothing.
LWIP_FILES := $(addprefix core/,init.c def.c dns.c inet_chksum.c ip.c mem.c \
	memp.c netif.c pbuf.c raw.c stats.c sys.c altcp.c altcp_alloc.c \
	altcp_tcp.c tcp.c tcp_in.c tcp_out.c timeouts.c udp.c) \
	$(addprefix core/ipv4/,autoip.c dhcp.c etharp.c icmp.c igmp.c \
	ip4_frag.c ip4.c ip4_addr.c) \
	netif/ethernet.c
LWIP_SRCS := $(addprefix $(LWIP_DIR)/src/,$(LWIP_FILES))
LWIP_OBJS := $(patsubst %.c,$(BUILD)/lwip/obj/%.o,$(LWIP_FILES))
LWIP_PORT_OBJS := $(BUILD)/servers/inet/lwip/sys_arch.o \
	$(BUILD)/servers/inet/lwip/hooks.o \
	$(BUILD)/servers/inet/lwip/siphash.o

$(LWIP_STAMP): tools/fetch-lwip.sh
	tools/fetch-lwip.sh $(LWIP_DIR)
$(LWIP_SRCS): $(LWIP_STAMP) ;

# lwIP's files get exactly our programs' flags, -Werror included: with
# these options they compile without a warning, so nothing is relaxed.
$(LWIP_OBJS): $(BUILD)/lwip/obj/%.o: $(LWIP_DIR)/src/%.c $(LWIP_STAMP) \
		$(NEWLIB_STAMP)
	@mkdir -p $(@D)
	$(CC) $(TARGET_CFLAGS) $(LWIP_INC) -c -o $@ $<

$(LWIP_PORT_OBJS): TARGET_CFLAGS += $(LWIP_INC)
$(LWIP_PORT_OBJS): $(LWIP_STAMP)

$(LWIP_LIB): $(LWIP_OBJS) $(LWIP_PORT_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $^
