# SPDX-License-Identifier: BSD-2-Clause
#
# Samsara: one non-recursive GNU make.  Each folder's module.mk adds its
# sources; everything is built under build/.
#
#   make            build build/samsara.iso (and the test images)
#   make run        install what is missing, build, boot in QEMU here
#   make test       install, build, run every test ("N passed, N failed"),
#                   TEST_JOBS at once (one per core; TEST_JOBS=1: in turn)
#   make bench      run the benchmarks ("bench: NAME VALUE UNIT"), after
#                   make linux-baseline (the Linux guest of the network ones)
#   make qemu-gdb   boot halted with a gdb stub; prints how to attach
#   make sloc       count the kernel's code lines (C, headers, assembly)
#   make style      check that every C file is clang-formatted
#   make clean      remove build/

BUILD := build
ACCEL ?= tcg
QEMU ?= qemu-system-i386
MEM ?= 128M
TEST_JOBS ?= $(shell nproc 2>/dev/null || echo 1)

.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

# ---- toolchain ---------------------------------------------------------
CC := gcc
LD := ld
NASM := nasm
AR := ar
LIBGCC = $(shell $(CC) -m32 -print-libgcc-file-name)
GCC_INC = $(shell $(CC) -m32 -print-file-name=include)
NEWLIB := $(BUILD)/newlib
SYSROOT := $(NEWLIB)/sysroot
NEWLIB_STAMP := $(NEWLIB)/stamp

WARN := -Wall -Wextra -Werror
COMMON_CFLAGS := -m32 -march=i686 -fno-pie -fno-pic -fno-stack-protector \
	-fno-asynchronous-unwind-tables -O2 -g $(WARN) -Iinclude -MMD -MP

# The kernel: freestanding, no libc.
KERNEL_CFLAGS := $(COMMON_CFLAGS) -std=c11 -ffreestanding -nostdinc \
	-isystem $(GCC_INC) -Ikernel -fno-builtin -mgeneral-regs-only

# Programs: hosted on newlib, with the host's Linux macros removed (see
# tools/build-newlib.sh).  Every program must use exactly these flags.
TARGET_CFLAGS := $(COMMON_CFLAGS) -std=gnu11 -nostdinc \
	-isystem lib/libc/include -isystem $(SYSROOT)/include -isystem $(GCC_INC) \
	-U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix \
	-Uunix -D__samsara__ -Ilib/libmfs

NASMFLAGS := -f elf32 -g

# ---- set-up ------------------------------------------------------------
# Before anything else (and whatever the goal, but clean), make sure the
# Debian packages are there: tools/setup.sh installs them as root, or
# prints the apt-get line and fails.
ifneq ($(filter-out clean,$(or $(MAKECMDGOALS),all)),)
DEPS_OK := $(shell tools/setup.sh >&2 && echo ok)
$(if $(DEPS_OK),,$(error missing packages; see the message above))
endif

$(NEWLIB_STAMP): tools/build-newlib.sh
	tools/build-newlib.sh $(NEWLIB)

# ---- generic rules -----------------------------------------------------
$(BUILD)/kernel/%.o: kernel/%.c
	@mkdir -p $(@D)
	$(CC) $(KERNEL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.asm
	@mkdir -p $(@D)
	$(NASM) $(NASMFLAGS) -o $@ $<

$(BUILD)/%.o: %.c $(NEWLIB_STAMP)
	@mkdir -p $(@D)
	$(CC) $(TARGET_CFLAGS) -c -o $@ $<

# link_prog NAME, objects: build/bin/NAME.elf, a static program.
USER_LIBS = $(BUILD)/lib/libc.a $(BUILD)/lib/libdriver.a $(BUILD)/lib/libsys.a
USER_LINK = $(CC) -m32 -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,noexecstack -o $@ $(BUILD)/lib/libc/crt0.o \
	$(filter-out $(BUILD)/lib/libc/crt0.o,$(filter %.o,$^)) \
	-Wl,--start-group $(USER_LIBS) $(SYSROOT)/lib/libc.a \
	$(SYSROOT)/lib/libm.a -Wl,--end-group $(LIBGCC)

ALL_PROGS :=
include tools/module.mk
include kernel/module.mk
include lib/module.mk
include commands/module.mk
include drivers/module.mk
include servers/module.mk
include tests/module.mk
include boot/module.mk

.PHONY: all
all: $(ISO) $(DISK_ROOT) $(TEST_TARGETS) $(LIBPOLICY) $(LWIP_LIB)

# ---- running -----------------------------------------------------------
QEMU_FLAGS := -accel $(ACCEL) -m $(MEM) -nic none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04

# make run's network: QEMU's user networking with restrict=on (the
# guest reaches nothing outside; DHCP gives it 10.0.2.15), an RTL8139
# for it, and 127.0.0.1:HTTP_PORT on this machine forwarded to the
# guest's port 80 (httpd).
HTTP_PORT ?= 8080
NET_FLAGS := -netdev user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$(HTTP_PORT)-:80 \
	-device rtl8139,netdev=n0,addr=05

.PHONY: run
run: all $(DISK_ROOT)
	$(MKDISK) --keep $(DISK) $(DISK_MIB) 81:$(DISK_ROOT_MIB):$(DISK_ROOT)
	@echo "Samsara: serial console on this terminal. Quit: Ctrl-a x"
	@echo "Root file system: $(DISK) (delete it for a fresh one)"
	@echo "Network: 127.0.0.1:$(HTTP_PORT) here is the guest's port 80"
	$(QEMU) $(QEMU_FLAGS) $(NET_FLAGS) -cdrom $(ISO) -boot d -display none \
		-serial mon:stdio \
		-drive file=$(DISK),format=raw,if=ide,index=0,media=disk

.PHONY: qemu-gdb
qemu-gdb: all
	@port=$$(python3 tools/freeport.py); \
	echo "QEMU is halted with a gdb stub on localhost:$$port."; \
	echo "Attach with:  gdb -x $(BUILD)/gdbinit -ex 'target remote localhost:$$port'"; \
	echo "Quit QEMU: Ctrl-a x"; \
	python3 tools/mkgdbinit.py $(BUILD)/gdbinit $(KERNEL) $(BOOT_PROGS); \
	$(QEMU) $(QEMU_FLAGS) -cdrom $(ISO) -display none -serial mon:stdio \
		-gdb tcp:127.0.0.1:$$port -S

.PHONY: test
test: all
	python3 tests/run.py --build $(BUILD) --jobs $(TEST_JOBS)

# The Linux guest the network figures are compared with is fetched and
# built first; if that fails (no network, a pinned package gone from the
# mirror: tools/fetch-linux-baseline.sh says which), the benchmarks
# still run, without the Linux figures, and bench.py fails at the end.
.PHONY: bench
bench: all
	@$(MAKE) --no-print-directory linux-baseline || \
		echo "bench: no Linux baseline; its figures are left out" >&2
	python3 tests/bench.py --build $(BUILD)

.PHONY: sloc
sloc:
	cloc --quiet --include-lang=C,"C/C++ Header",Assembly kernel/

STYLE_FILES = $(wildcard $(shell git ls-files --cached --others \
	--exclude-standard '*.c' '*.h' 2>/dev/null))
.PHONY: style
style:
	@clang-format --dry-run -Werror $(STYLE_FILES) && echo "style: all files formatted"

.PHONY: format
format:
	clang-format -i $(STYLE_FILES)

.PHONY: clean
clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' -type f 2>/dev/null)
