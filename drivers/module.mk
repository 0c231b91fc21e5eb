# SPDX-License-Identifier: BSD-2-Clause
# Drivers: drivers/NAME/*.c -> build/bin/NAME.elf.  The boot processes
# (BOOT_DRIVERS) are multiboot modules; RS_DRIVERS are in the root
# image's /sbin (boot/module.mk), from where RS starts them after boot
# (RANDOM) or restarts them (ATA, MEMORY and TTY, boot processes RS
# adopts).
BOOT_DRIVERS := ata memory pci tty
RS_DRIVERS := ata memory ne2000 pci random rtl8139 tty
DRIVERS := $(sort $(BOOT_DRIVERS) $(RS_DRIVERS))
# Second names, PROG:NAME: the root image holds a copy of /sbin/PROG as
# /sbin/NAME, a service of its own with its own policy (NAME.conf): the
# NE2000 driver as ne2000 for the ISA card and ne2000pci for the PCI one.
DRIVER_COPIES := ne2000:ne2000pci

$(foreach d,$(DRIVERS),$(eval $(call program_rule,$(d),drivers/$(d))))

# Policy files: the drivers' drivers/NAME/NAME.conf and the other boot
# processes' (BOOT_POLICIES, kernel/module.mk), checked by
# tools/policycheck (a bad one stops the build) and installed in the
# root image as /etc/system.d/NAME.conf (boot/module.mk).
POLICY_FILES := $(sort $(wildcard drivers/*/*.conf) $(BOOT_POLICIES))
POLICY_STAMP := $(BUILD)/drivers/policy.stamp
$(POLICY_STAMP): $(POLICYCHECK) $(POLICY_FILES)
	@mkdir -p $(@D)
	$(POLICYCHECK) $(POLICY_FILES)
	@touch $@
