; SPDX-License-Identifier: BSD-2-Clause
;
; Every way into the kernel: CPU exceptions (0-31), hardware interrupts
; (32-47, after the 8259s are remapped), the IPC trap (0x30) and the
; kernel-call trap (0x31).  Each stub pushes an error code (0 where the
; CPU pushes none) and its vector, then trap_common saves the rest of the
; registers so that the stack holds a struct trapframe (arch.h), and calls
; trap_dispatch(frame).
;
; From user mode the frame sits at the very top of the kernel stack (the
; TSS sends the CPU there).  trap_dispatch may pick another process to
; run; it then copies that process's saved registers into the frame, so
; the common exit path below always "returns" to whoever runs next.
;
; All gates are interrupt gates: the kernel runs with interrupts off,
; except while idle (see sched.c).

KDATA	equ 0x10

%macro NOERR 1
global trap_%1
trap_%1:
	push dword 0
	push dword %1
	jmp trap_common
%endmacro

%macro HASERR 1
global trap_%1
trap_%1:
	push dword %1
	jmp trap_common
%endmacro

section .text
extern trap_dispatch

NOERR 0
NOERR 1
NOERR 2
NOERR 3
NOERR 4
NOERR 5
NOERR 6
NOERR 7
HASERR 8
NOERR 9
HASERR 10
HASERR 11
HASERR 12
HASERR 13
HASERR 14
NOERR 15
NOERR 16
HASERR 17
NOERR 18
NOERR 19
%assign v 20
%rep 12
NOERR v
%assign v v + 1
%endrep
%assign v 32
%rep 16
NOERR v
%assign v v + 1
%endrep
NOERR 48
NOERR 49

trap_common:
	pushad
	push ds
	push es
	push fs
	push gs
	mov ax, KDATA
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
	cld
	push esp
	call trap_dispatch
	add esp, 4
global trap_exit
trap_exit:
	pop gs
	pop fs
	pop es
	pop ds
	popad
	add esp, 8
	iretd

; enter_frame(frame): start running the process whose registers are in
; frame (at the top of the kernel stack).  Used once, to start the first.
global enter_frame
enter_frame:
	mov esp, [esp + 4]
	jmp trap_exit

; The address of each stub, in vector order, for idt_init().
section .rodata
global trap_stubs
trap_stubs:
%assign v 0
%rep 50
	dd trap_ %+ v
%assign v v + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
