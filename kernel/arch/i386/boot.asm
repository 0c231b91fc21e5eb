; SPDX-License-Identifier: BSD-2-Clause
;
; Multiboot entry.  GRUB (or QEMU's -kernel loader) loads the kernel at
; 1 MiB physical and jumps to _start with paging off, eax = the multiboot
; magic and ebx = the physical address of the boot information.
;
; The kernel is linked to run at KERNEL_BASE + 1 MiB (the higher half), so
; before calling any C we turn on paging with a boot page directory that
; maps the first 16 MiB twice: at 0 (so the next instruction still works)
; and at KERNEL_BASE.  It uses 4 MiB pages (PSE), so it needs no page
; tables.  kmain() later builds the real kernel directory and drops the
; low mapping.

KERNEL_BASE	equ 0xC0000000
MB_MAGIC	equ 0x1BADB002
MB_FLAGS	equ 0x00000003	; page-aligned modules, memory map
PDE_4M		equ 0x83	; present, writable, 4 MiB page
BOOT_MAP_MB	equ 16

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .data
align 4096
boot_pd:
%assign i 0
%rep 1024
%if i < BOOT_MAP_MB / 4
	dd (i << 22) | PDE_4M
%elif i >= 768 && i < 768 + BOOT_MAP_MB / 4
	dd ((i - 768) << 22) | PDE_4M
%else
	dd 0
%endif
%assign i i + 1
%endrep

section .bss
align 16
global kstack_top
kstack:	resb 16384
kstack_top:

; _start runs at its load address (1 MiB), before paging: it sits in
; .boot, which is linked there, so the entry point is the same physical
; and virtual address for every boot loader.
section .boot
global _start
extern kmain
_start:
	mov ecx, boot_pd - KERNEL_BASE
	mov cr3, ecx
	mov ecx, cr4
	or ecx, 0x10			; PSE: 4 MiB pages
	mov cr4, ecx
	mov ecx, cr0
	or ecx, 0x80010000		; PG, and WP so the kernel honours r/o
	mov cr0, ecx
	lea ecx, [higher_half]
	jmp ecx

section .text
higher_half:
	mov esp, kstack_top
	xor ebp, ebp
	push ebx			; multiboot info (physical)
	push eax			; multiboot magic
	call kmain
.hang:
	cli
	hlt
	jmp .hang

section .note.GNU-stack noalloc noexec nowrite progbits
