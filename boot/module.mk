# SPDX-License-Identifier: BSD-2-Clause
# The bootable ISO: GRUB, the kernel, the boot processes as modules and
# the root file system (boot/root plus every command in /bin, with the
# second names of COMMAND_COPIES, the drivers RS starts in /sbin, the
# drivers' checked policy files in /etc/system.d, and the device files
# of boot/devices) as a RAM-disk image.
ISO := $(BUILD)/samsara.iso
ISO_DIR := $(BUILD)/iso
BOOT_PROGS := $(addprefix $(BUILD)/bin/,memory.elf pci.elf ata.elf tty.elf \
	fs.elf vfs.elf pm.elf ds.elf rs.elf init.elf)
ROOT_IMAGE := $(BUILD)/root.img
ROOT_TREE := $(BUILD)/rootfs
ROOT_KIB := 8192
USER_PROGS := $(addprefix $(BUILD)/bin/,$(addsuffix .elf,$(COMMANDS)))
SBIN_PROGS := $(addprefix $(BUILD)/bin/,$(addsuffix .elf,\
	$(RS_DRIVERS) $(RS_SERVERS)))

$(ROOT_IMAGE): $(MKROOTFS) $(USER_PROGS) $(SBIN_PROGS) $(shell find boot/root -type f) \
		boot/devices $(POLICY_FILES) $(POLICY_STAMP)
	@rm -rf $(ROOT_TREE)
	@mkdir -p $(ROOT_TREE)/bin $(ROOT_TREE)/sbin $(ROOT_TREE)/etc/system.d
	cp -r boot/root/. $(ROOT_TREE)/
	cp $(POLICY_FILES) $(ROOT_TREE)/etc/system.d/
	find $(ROOT_TREE) -name .keep -delete
	for p in $(USER_PROGS); do \
		strip -o $(ROOT_TREE)/bin/$$(basename $$p .elf) $$p; done
	for p in $(SBIN_PROGS); do \
		strip -o $(ROOT_TREE)/sbin/$$(basename $$p .elf) $$p; done
	for c in $(COMMAND_COPIES); do \
		cp "$(ROOT_TREE)/bin/$${c%%:*}" "$(ROOT_TREE)/bin/$${c#*:}"; done
	for c in $(DRIVER_COPIES); do \
		cp "$(ROOT_TREE)/sbin/$${c%%:*}" "$(ROOT_TREE)/sbin/$${c#*:}"; done
	$(MKROOTFS) $@ $(ROOT_KIB) $(ROOT_TREE) boot/devices

# The same tree as a volume for a hard disk's first partition: the root
# when GRUB's root=c0d0p1 finds a disk.  DISK is the disk `make run`
# attaches; mkdisk --keep leaves an existing one alone, so its files
# survive a rebuild and a reboot.
DISK_ROOT := $(BUILD)/disk-root.img
DISK_ROOT_MIB := 63
DISK := $(BUILD)/disk.img
DISK_MIB := 64
$(DISK_ROOT): $(ROOT_IMAGE)
	$(MKROOTFS) $@ $$(($(DISK_ROOT_MIB) * 1024)) $(ROOT_TREE) boot/devices

# An empty 1 MiB volume, made by util-linux, for /dev/ram1: something
# to mount.
SPARE_IMAGE := $(BUILD)/ram1.img
$(SPARE_IMAGE):
	rm -f $@
	dd if=/dev/zero of=$@ bs=1024 count=1024 status=none
	mkfs.minix -3 $@ >/dev/null

$(ISO): $(KERNEL) $(BOOT_PROGS) $(ROOT_IMAGE) $(SPARE_IMAGE) boot/grub.cfg
	@rm -rf $(ISO_DIR)
	@mkdir -p $(ISO_DIR)/boot/grub
	cp $(KERNEL) $(BOOT_PROGS) $(ROOT_IMAGE) $(SPARE_IMAGE) $(ISO_DIR)/boot/
	cp boot/grub.cfg $(ISO_DIR)/boot/grub/grub.cfg
	grub-file --is-x86-multiboot $(KERNEL)
	grub-mkrescue -o $@ $(ISO_DIR) \
		--install-modules="multiboot normal iso9660 biosdisk serial terminal" \
		--locales= --fonts= --themes= >$(BUILD)/grub-mkrescue.log 2>&1 \
		|| { cat $(BUILD)/grub-mkrescue.log; exit 1; }
