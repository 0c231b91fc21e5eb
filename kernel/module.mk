# SPDX-License-Identifier: BSD-2-Clause
# The kernel: every .c under kernel/ and the arch assembly, and the
# boot-image table generated from the boot processes' policy files
# (tools/boottable.c).  The same objects make two kernels that differ
# only in that table: build/kernel.elf (in build/samsara.iso) knows the
# boot processes of the product; build/tests/kernel.elf, which the guest
# tests and benchmarks boot, also the test programs of
# tests/guest/policy/.
KERNEL := $(BUILD)/kernel.elf
TEST_KERNEL := $(BUILD)/tests/kernel.elf
KERNEL_C := $(wildcard kernel/*.c kernel/call/*.c kernel/arch/i386/*.c)
KERNEL_ASM := $(wildcard kernel/arch/i386/*.asm)
KERNEL_OBJS := $(KERNEL_C:%.c=$(BUILD)/%.o) $(KERNEL_ASM:%.asm=$(BUILD)/%.o)

BOOT_POLICIES := drivers/memory/memory.conf drivers/pci/pci.conf \
	drivers/ata/ata.conf drivers/tty/tty.conf servers/fs/fs.conf \
	servers/vfs/vfs.conf servers/pm/pm.conf servers/ds/ds.conf \
	servers/rs/rs.conf commands/init/init.conf
# Specific test programs first, then the patterns for the others.
TEST_POLICY_DIR := tests/guest/policy
TEST_BOOT_POLICIES := $(filter-out %/t_any.conf %/b_any.conf,\
	$(wildcard $(TEST_POLICY_DIR)/*.conf)) \
	t_*=$(TEST_POLICY_DIR)/t_any.conf b_*=$(TEST_POLICY_DIR)/b_any.conf

$(BUILD)/kernel/boot_table.c: $(POLICYCHECK) $(BOOT_POLICIES)
	@mkdir -p $(@D)
	$(POLICYCHECK) -t $@ $(BOOT_POLICIES)
$(BUILD)/tests/boot_table.c: $(POLICYCHECK) $(BOOT_POLICIES) \
		$(wildcard $(TEST_POLICY_DIR)/*.conf)
	@mkdir -p $(@D)
	$(POLICYCHECK) -t $@ $(BOOT_POLICIES) $(TEST_BOOT_POLICIES)
$(BUILD)/kernel/boot_table.o $(BUILD)/tests/boot_table.o: %.o: %.c \
		kernel/table.h
	$(CC) $(KERNEL_CFLAGS) -c -o $@ $<

$(KERNEL): $(KERNEL_OBJS) $(BUILD)/kernel/boot_table.o kernel/arch/i386/kernel.ld
	$(LD) -m elf_i386 -T kernel/arch/i386/kernel.ld --build-id=none \
		-z noexecstack -o $@ $(filter %.o,$^) $(LIBGCC)
$(TEST_KERNEL): $(KERNEL_OBJS) $(BUILD)/tests/boot_table.o kernel/arch/i386/kernel.ld
	$(LD) -m elf_i386 -T kernel/arch/i386/kernel.ld --build-id=none \
		-z noexecstack -o $@ $(filter %.o,$^) $(LIBGCC)
