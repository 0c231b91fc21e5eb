# SPDX-License-Identifier: BSD-2-Clause
# The kernel: every .c under kernel/ and the arch assembly.
KERNEL := $(BUILD)/kernel.elf
KERNEL_C := $(wildcard kernel/*.c kernel/call/*.c kernel/arch/i386/*.c)
KERNEL_ASM := $(wildcard kernel/arch/i386/*.asm)
KERNEL_OBJS := $(KERNEL_C:%.c=$(BUILD)/%.o) $(KERNEL_ASM:%.asm=$(BUILD)/%.o)

$(KERNEL): $(KERNEL_OBJS) kernel/arch/i386/kernel.ld
	$(LD) -m elf_i386 -T kernel/arch/i386/kernel.ld --build-id=none \
		-z noexecstack -o $@ $(KERNEL_OBJS) $(LIBGCC)
