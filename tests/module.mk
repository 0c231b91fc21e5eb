# SPDX-License-Identifier: BSD-2-Clause
# Guest test programs (tests/guest/t_*.c), benchmark programs
# (tests/bench/b_*.c) and host unit tests (tests/unit/*.c).
GUEST_TESTS := $(patsubst tests/guest/%.c,%,$(wildcard tests/guest/t_*.c))
EXEC_PROGS := $(patsubst tests/guest/%.c,%,$(wildcard tests/guest/p_*.c))
BENCH_PROGS := $(patsubst tests/bench/%.c,%,$(wildcard tests/bench/b_*.c))
UNIT_TESTS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

define guest_rule
$(BUILD)/tests/$(2).elf: $(BUILD)/tests/$(1)/$(2).o $(BUILD)/tests/guest/tlib.o $$(USER_DEPS)
	@mkdir -p $$(@D)
	$$(USER_LINK)
ALL_PROGS += $(BUILD)/tests/$(2).elf
endef
$(foreach t,$(GUEST_TESTS),$(eval $(call guest_rule,guest,$(t))))
$(foreach t,$(BENCH_PROGS),$(eval $(call guest_rule,bench,$(t))))
$(foreach t,$(EXEC_PROGS),$(eval $(call guest_rule,guest,$(t))))

# t_policy holds the kernel's records against the policy files, with
# the parser RS uses.
$(BUILD)/tests/t_policy.elf: $(LIBPOLICY)
$(BUILD)/tests/t_policy.elf: USER_LIBS += $(LIBPOLICY)

# t_lwip runs lwIP as INET builds it (servers/inet/lwip/lwip.mk).
$(BUILD)/tests/guest/t_lwip.o: TARGET_CFLAGS += $(LWIP_INC)
$(BUILD)/tests/guest/t_lwip.o: $(LWIP_STAMP)
$(BUILD)/tests/t_lwip.elf: $(LWIP_LIB)
$(BUILD)/tests/t_lwip.elf: USER_LIBS += $(LWIP_LIB)

# The POSIX suite is t_posix.c plus its areas in tests/guest/posix/.
POSIX_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(wildcard tests/guest/posix/*.c))
$(BUILD)/tests/t_posix.elf: $(POSIX_OBJS)

# t_ds plays RS, and DS trusts the process called "rs": the same program
# boots as tests/ds/rs.elf.
$(BUILD)/tests/ds/rs.elf: $(BUILD)/tests/t_ds.elf
	@mkdir -p $(@D)
	cp $< $@

# p_crash plays a core server that dies (guest test core_death).
$(BUILD)/tests/core/ds.elf: $(BUILD)/tests/p_crash.elf
	@mkdir -p $(@D)
	cp $< $@

# The ATA driver's test build: ata.c again with ATA_DENIAL_TEST, and
# tests/guest/ata_deny.c, which tries what the policy forbids; named
# ata.elf so that it boots as "ata" (guest test ata_denied).
ATA_DENY := $(BUILD)/tests/deny/ata.elf
$(BUILD)/tests/deny/ata.o: drivers/ata/ata.c $(NEWLIB_STAMP)
	@mkdir -p $(@D)
	$(CC) $(TARGET_CFLAGS) -DATA_DENIAL_TEST -Idrivers/ata -c -o $@ $<
$(BUILD)/tests/guest/ata_deny.o: TARGET_CFLAGS += -Idrivers/ata
$(ATA_DENY): $(BUILD)/tests/deny/ata.o $(BUILD)/tests/guest/ata_deny.o \
		$(patsubst %.c,$(BUILD)/%.o,$(filter-out drivers/ata/ata.c,\
		$(wildcard drivers/ata/*.c))) $(USER_DEPS)
	@mkdir -p $(@D)
	$(USER_LINK)

# Host unit tests are built 32-bit, like the kernel code they test, and
# link the source files under test (UNIT_SRCS_name), with
# UNIT_CFLAGS_name added.  test_policy reads the boot policy files
# from this tree (TOP_DIR).
HOSTCFLAGS := -m32 -O2 -g -Wall -Wextra -Werror -std=gnu11 -Iinclude -Ikernel \
	-Ilib/libmfs
UNIT_SRCS_test_elf := kernel/elf.c
UNIT_SRCS_test_sched := kernel/sched.c
UNIT_SRCS_test_log := kernel/log.c
UNIT_SRCS_test_dma := kernel/dma.c
UNIT_SRCS_test_siphash := servers/inet/lwip/siphash.c
UNIT_CFLAGS_test_siphash := -Iservers/inet/lwip
UNIT_SRCS_test_rtl8139 := drivers/rtl8139/rxring.c
UNIT_CFLAGS_test_rtl8139 := -Idrivers/rtl8139
UNIT_SRCS_test_mfs := $(wildcard lib/libmfs/*.c)
UNIT_SRCS_test_policy := $(LIBPOLICY_SRC)
UNIT_CFLAGS_test_policy := -DTOP_DIR='"$(CURDIR)"'
$(BUILD)/tests/unit/test_policy: include/policy.h lib/libpolicy/parser.h \
	$(BOOT_POLICIES)
UNIT_SRCS_test_ds := servers/ds/key.c servers/ds/store.c servers/ds/labels.c \
	servers/ds/subs.c
UNIT_CFLAGS_test_ds := -Iservers/ds
UNIT_SRCS_test_chardriver := lib/libdriver/chardriver.c drivers/tty/line.c \
	lib/libsys/reply.c
UNIT_SRCS_test_bdev := lib/libsys/bdev.c
UNIT_SRCS_test_pci := lib/libsys/pci.c
UNIT_CFLAGS_test_chardriver := -Idrivers/tty
UNIT_SRCS_test_fsclient := lib/libsys/fs.c
# test_inet builds the C library's network code against Samsara's
# headers (lib/libc/include before the host's), and inet_linux.o, the
# same ABI names against the host's headers, to compare the two; it
# also reads the root image's /etc/hosts and /etc/services (TOP_DIR).
INET_LIBC_SRCS := $(addprefix lib/libc/,inet_addr.c byteorder.c \
	netdb_line.c hosts.c services.c getaddrinfo.c getnameinfo.c \
	gethostbyname.c gai_strerror.c protocols.c)
UNIT_SRCS_test_inet := $(INET_LIBC_SRCS) $(BUILD)/tests/unit/inet_linux.o
UNIT_CFLAGS_test_inet := -isystem lib/libc/include -Ilib/libc \
	-DTOP_DIR='"$(CURDIR)"'
$(BUILD)/tests/unit/inet_linux.o: tests/unit/inet_linux.c tests/unit/inet_abi.h
	@mkdir -p $(@D)
	$(CC) $(HOSTCFLAGS) -c -o $@ $<
$(BUILD)/tests/unit/test_inet: tests/unit/inet_abi.h lib/libc/netdb_files.h \
	include/abi/socket.h boot/root/etc/hosts boot/root/etc/services $(wildcard lib/libc/include/*.h \
	lib/libc/include/*/*.h)
UNIT_SRCS_test_netdriver := lib/libdriver/netqueue.c lib/libsys/reply.c \
	lib/libsys/ndev.c
UNIT_CFLAGS_test_netdriver := -Ilib/libdriver
UNIT_SRCS_test_dp8390 := drivers/ne2000/dp8390.c drivers/ne2000/ring.c
UNIT_CFLAGS_test_dp8390 := -Idrivers/ne2000
.SECONDEXPANSION:
$(BUILD)/tests/unit/%: tests/unit/%.c tests/unit/unit.h $$(UNIT_SRCS_%)
	@mkdir -p $(@D)
	$(CC) $(HOSTCFLAGS) $(UNIT_CFLAGS_$*) -o $@ $< $(UNIT_SRCS_$*)

BAD_MODULES := $(BUILD)/tests/bad/notelf.elf $(BUILD)/tests/bad/truncated.elf \
	$(BUILD)/tests/bad/overlap.elf $(BUILD)/tests/bad/huge.elf
$(BAD_MODULES): tools/mkbadmods.py $(BUILD)/tests/t_boot.elf
	python3 tools/mkbadmods.py $(BUILD)/tests/t_boot.elf $(BUILD)/tests/bad

# The RAM disk of guest tests: a MINIX v3 image of tests/guest/tree,
# plus programs for exec tests in /bin (and a truncated one); the POSIX
# suite's (p_probe, p_brk) stripped, to leave room on the disk; and the
# root image's /etc/hosts and /etc/services for its netdb tests.
TEST_IMAGE := $(BUILD)/tests/root.img
TEST_TREE := $(BUILD)/tests/tree
$(TEST_IMAGE): $(MKROOTFS) $(shell find tests/guest/tree -type f) boot/devices \
		boot/root/etc/hosts boot/root/etc/services \
		$(BUILD)/tests/p_args.elf $(BUILD)/tests/p_probe.elf \
		$(BUILD)/tests/p_brk.elf $(BUILD)/tests/t_boot.elf tools/mkbadmods.py
	rm -rf $(TEST_TREE)
	mkdir -p $(TEST_TREE)/bin $(TEST_TREE)/dev $(TEST_TREE)/tmp $(TEST_TREE)/mnt \
		$(BUILD)/tests/small
	cp -R tests/guest/tree/. $(TEST_TREE)/
	cp boot/root/etc/hosts boot/root/etc/services $(TEST_TREE)/etc/
	strip -o $(TEST_TREE)/bin/args $(BUILD)/tests/p_args.elf
	strip -o $(TEST_TREE)/bin/probe $(BUILD)/tests/p_probe.elf
	strip -o $(TEST_TREE)/bin/brk $(BUILD)/tests/p_brk.elf
	head -c 3000 $(BUILD)/tests/p_args.elf >$(TEST_TREE)/bin/trunc
	strip -o $(BUILD)/tests/small/t_boot.elf $(BUILD)/tests/t_boot.elf
	python3 tools/mkbadmods.py $(BUILD)/tests/small/t_boot.elf $(BUILD)/tests/small
	cp $(BUILD)/tests/small/huge.elf $(TEST_TREE)/bin/huge
	chmod 755 $(TEST_TREE)/bin/trunc $(TEST_TREE)/bin/huge
	$(MKROOTFS) $@ 2048 $(TEST_TREE) boot/devices

# The RS test's RAM disk (t_rs): the test service as /bin/svc, the
# RANDOM driver and its policy, sh and service for the recovery script,
# and the policies and script of tests/guest/rs/etc.
RS_IMAGE := $(BUILD)/tests/rs/root.img
RS_TREE := $(BUILD)/tests/rs/tree
$(RS_IMAGE): $(MKROOTFS) $(shell find tests/guest/rs -type f) boot/devices \
		$(BUILD)/tests/p_svc.elf $(BUILD)/bin/random.elf \
		$(BUILD)/bin/sh.elf $(BUILD)/bin/service.elf $(POLICY_STAMP)
	rm -rf $(RS_TREE)
	mkdir -p $(RS_TREE)/bin $(RS_TREE)/sbin $(RS_TREE)/dev $(RS_TREE)/tmp
	cp -R tests/guest/rs/. $(RS_TREE)/
	cp drivers/random/random.conf $(RS_TREE)/etc/system.d/
	strip -o $(RS_TREE)/bin/svc $(BUILD)/tests/p_svc.elf
	strip -o $(RS_TREE)/sbin/random $(BUILD)/bin/random.elf
	strip -o $(RS_TREE)/bin/sh $(BUILD)/bin/sh.elf
	strip -o $(RS_TREE)/bin/service $(BUILD)/bin/service.elf
	$(MKROOTFS) $@ 2048 $(RS_TREE) boot/devices

# The PCI test's RAM disk (t_pci): the PCI driver and its policy, from
# which RS adopts the boot instance, and the test driver p_pci as
# /bin/pcidrv with its policies from tests/guest/pci/etc (checked here,
# as the drivers' are).
PCI_IMAGE := $(BUILD)/tests/pci/root.img
PCI_TREE := $(BUILD)/tests/pci/tree
$(PCI_IMAGE): $(MKROOTFS) $(POLICYCHECK) $(shell find tests/guest/pci -type f) \
		boot/devices $(BUILD)/tests/p_pci.elf $(BUILD)/bin/pci.elf \
		drivers/pci/pci.conf $(POLICY_STAMP)
	$(POLICYCHECK) $(wildcard tests/guest/pci/etc/system.d/*.conf)
	rm -rf $(PCI_TREE)
	mkdir -p $(PCI_TREE)/bin $(PCI_TREE)/sbin $(PCI_TREE)/dev $(PCI_TREE)/tmp
	cp -R tests/guest/pci/. $(PCI_TREE)/
	cp drivers/pci/pci.conf $(PCI_TREE)/etc/system.d/
	strip -o $(PCI_TREE)/bin/pcidrv $(BUILD)/tests/p_pci.elf
	strip -o $(PCI_TREE)/sbin/pci $(BUILD)/bin/pci.elf
	$(MKROOTFS) $@ 2048 $(PCI_TREE) boot/devices

# The network-driver test's RAM disk (t_ndev): the NE2000 and RTL8139
# drivers as /sbin/ne2000 and /sbin/rtl8139, each with its own policy,
# t_ndev added to its ipc line (the test plays INET, named with
# clients=), and PCI's policy, from which RS adopts the boot instance.
NDEV_IMAGE := $(BUILD)/tests/ndev/root.img
NDEV_TREE := $(BUILD)/tests/ndev/tree
$(NDEV_IMAGE): $(MKROOTFS) $(POLICYCHECK) boot/devices $(BUILD)/bin/ne2000.elf \
		$(BUILD)/bin/rtl8139.elf $(BUILD)/bin/pci.elf \
		drivers/ne2000/ne2000.conf drivers/ne2000/ne2000pci.conf \
		drivers/rtl8139/rtl8139.conf \
		drivers/pci/pci.conf $(POLICY_STAMP)
	rm -rf $(NDEV_TREE)
	mkdir -p $(NDEV_TREE)/etc/system.d $(NDEV_TREE)/sbin $(NDEV_TREE)/dev \
		$(NDEV_TREE)/tmp
	for lp in ne2000:ne2000 ne2000pci:ne2000 rtl8139:rtl8139; do \
		l=$${lp%%:*}; p=$${lp#*:}; \
		sed 's/^\( *ipc  *inet[^;]*\);/\1 t_ndev;/' drivers/$$p/$$l.conf \
			>$(NDEV_TREE)/etc/system.d/$$l.conf && \
		grep -q 'ipc  *inet.* t_ndev;' \
			$(NDEV_TREE)/etc/system.d/$$l.conf && \
		$(POLICYCHECK) $(NDEV_TREE)/etc/system.d/$$l.conf && \
		strip -o $(NDEV_TREE)/sbin/$$l $(BUILD)/bin/$$p.elf || exit 1; \
	done
	cp drivers/pci/pci.conf $(NDEV_TREE)/etc/system.d/
	strip -o $(NDEV_TREE)/sbin/pci $(BUILD)/bin/pci.elf
	$(MKROOTFS) $@ 2048 $(NDEV_TREE) boot/devices

# The same image with its superblock's magic number broken.
BAD_IMAGE := $(BUILD)/tests/bad/root.img
$(BAD_IMAGE): $(TEST_IMAGE)
	@mkdir -p $(@D)
	cp $< $@
	printf '\000\000' | dd of=$@ bs=1 seek=1048 conv=notrunc status=none

# Volumes to mount (t_mount): an empty one made by util-linux, and one
# with its superblock's magic number broken.
MKFS_IMAGE := $(BUILD)/tests/ram1.img
MKFS_BAD_IMAGE := $(BUILD)/tests/ram2.img
$(MKFS_IMAGE):
	@mkdir -p $(@D)
	rm -f $@
	dd if=/dev/zero of=$@ bs=1024 count=256 status=none
	mkfs.minix -3 $@ >/dev/null
$(MKFS_BAD_IMAGE): $(MKFS_IMAGE)
	cp $< $@
	printf '\000\000' | dd of=$@ bs=1 seek=1048 conv=notrunc status=none

# The disk root of iso/user_attack (tests/attack.py): the product's,
# with p_attack in /test (mkrootfs --add adds new folders only).
ATTACK_ROOT := $(BUILD)/tests/attack-root.img
$(ATTACK_ROOT): $(BUILD)/disk-root.img $(BUILD)/tests/p_attack.elf $(MKROOTFS)
	@rm -rf $(BUILD)/tests/attack-tree
	@mkdir -p $(BUILD)/tests/attack-tree/test
	strip -o $(BUILD)/tests/attack-tree/test/p_attack $(BUILD)/tests/p_attack.elf
	cp $(DISK_ROOT) $@.tmp
	$(MKROOTFS) --add $@.tmp $(BUILD)/tests/attack-tree
	mv $@.tmp $@

# The disk root of the network tests (tests/net.py): the product's, with
# the socket-API suite, the rogue network driver (p_rogue_nic.c) and the
# network benchmarks' guest program (tests/bench/b_net.c, for
# tests/bench.py) in /test, and the HTTP requests of the commands'
# session in /test/http (tests/http_requests.sh).
NET_ROOT := $(BUILD)/tests/net-root.img
$(NET_ROOT): $(BUILD)/disk-root.img $(BUILD)/tests/t_sock.elf \
		$(BUILD)/tests/p_rogue_nic.elf $(BUILD)/tests/b_net.elf \
		$(MKROOTFS) tests/http_requests.sh
	@rm -rf $(BUILD)/tests/net-tree
	@mkdir -p $(BUILD)/tests/net-tree/test
	strip -o $(BUILD)/tests/net-tree/test/t_sock $(BUILD)/tests/t_sock.elf
	strip -o $(BUILD)/tests/net-tree/test/rogue_nic \
		$(BUILD)/tests/p_rogue_nic.elf
	strip -o $(BUILD)/tests/net-tree/test/b_net $(BUILD)/tests/b_net.elf
	sh tests/http_requests.sh $(BUILD)/tests/net-tree/test/http
	cp $(DISK_ROOT) $@.tmp
	$(MKROOTFS) --add $@.tmp $(BUILD)/tests/net-tree
	mv $@.tmp $@

# The Linux guest of the network benchmarks (tests/bench.py, linux_net_*;
# made for `make bench` only): Debian's kernel, busybox and NIC modules
# from tools/fetch-linux-baseline.sh, and an initramfs of busybox (each
# applet a link), the modules, tests/bench/linux-init.sh as /init, the
# same b_net as Samsara's built static for Linux as /test/b_net, and the
# root image's /var/www/index.html for busybox httpd.
LINUX_DIR := $(BUILD)/linux
LINUX_STAMP := $(LINUX_DIR)/stamp
LINUX_INITRAMFS := $(LINUX_DIR)/initramfs.cpio.gz
LINUX_TREE := $(LINUX_DIR)/tree
$(LINUX_STAMP): tools/fetch-linux-baseline.sh
	sh tools/fetch-linux-baseline.sh $(LINUX_DIR)
$(LINUX_DIR)/b_net: tests/bench/b_net.c
	@mkdir -p $(@D)
	$(CC) -m32 -static -O2 $(WARN) -std=gnu11 -o $@ $<
$(LINUX_INITRAMFS): $(LINUX_STAMP) $(LINUX_DIR)/b_net tests/bench/linux-init.sh \
		boot/root/var/www/index.html
	rm -rf $(LINUX_TREE)
	mkdir -p $(LINUX_TREE)/bin $(LINUX_TREE)/sbin $(LINUX_TREE)/proc \
		$(LINUX_TREE)/sys $(LINUX_TREE)/dev $(LINUX_TREE)/tmp \
		$(LINUX_TREE)/test $(LINUX_TREE)/var/www $(LINUX_TREE)/lib/modules
	cp $(LINUX_DIR)/busybox $(LINUX_TREE)/bin/busybox
	for a in $$($(LINUX_DIR)/busybox --list); do \
		[ "$$a" = busybox ] || ln -s busybox $(LINUX_TREE)/bin/$$a; done
	cp $(LINUX_DIR)/modules/* $(LINUX_TREE)/lib/modules/
	cp tests/bench/linux-init.sh $(LINUX_TREE)/init
	chmod 755 $(LINUX_TREE)/init
	strip -o $(LINUX_TREE)/test/b_net $(LINUX_DIR)/b_net
	cp boot/root/var/www/index.html $(LINUX_TREE)/var/www/
	(cd $(LINUX_TREE) && find . | LC_ALL=C sort | \
		cpio --quiet -o -H newc -R 0:0) | gzip -9 >$@.tmp
	mv $@.tmp $@
.PHONY: linux-baseline
linux-baseline: $(LINUX_INITRAMFS)

TEST_TARGETS := $(TEST_KERNEL) $(ATTACK_ROOT) $(NET_ROOT) $(ATA_DENY) $(TEST_IMAGE) $(RS_IMAGE) $(PCI_IMAGE) $(NDEV_IMAGE) $(BAD_IMAGE) $(MKFS_IMAGE) $(MKFS_BAD_IMAGE) $(BUILD)/bin/memory.elf $(BUILD)/bin/fs.elf \
	$(BUILD)/bin/vfs.elf $(BUILD)/bin/pm.elf $(BUILD)/bin/rs.elf \
	$(BUILD)/bin/ds.elf $(BUILD)/tests/ds/rs.elf $(BUILD)/tests/core/ds.elf \
	$(MKROOTFS) $(MKDISK) $(GUEST_TESTS:%=$(BUILD)/tests/%.elf) \
	$(BENCH_PROGS:%=$(BUILD)/tests/%.elf) \
	$(UNIT_TESTS:%=$(BUILD)/tests/unit/%) $(BAD_MODULES)
