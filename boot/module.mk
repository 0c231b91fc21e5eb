# SPDX-License-Identifier: BSD-2-Clause
# The bootable ISO: GRUB, the kernel and the boot processes as modules.
ISO := $(BUILD)/samsara.iso
ISO_DIR := $(BUILD)/iso
BOOT_PROGS := $(BUILD)/bin/init.elf

$(ISO): $(KERNEL) $(BOOT_PROGS) boot/grub.cfg
	@rm -rf $(ISO_DIR)
	@mkdir -p $(ISO_DIR)/boot/grub
	cp $(KERNEL) $(BOOT_PROGS) $(ISO_DIR)/boot/
	cp boot/grub.cfg $(ISO_DIR)/boot/grub/grub.cfg
	grub-file --is-x86-multiboot $(KERNEL)
	grub-mkrescue -o $@ $(ISO_DIR) \
		--install-modules="multiboot normal iso9660 biosdisk serial terminal" \
		--locales= --fonts= --themes= >$(BUILD)/grub-mkrescue.log 2>&1 \
		|| { cat $(BUILD)/grub-mkrescue.log; exit 1; }
