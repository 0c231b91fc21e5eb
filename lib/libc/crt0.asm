; SPDX-License-Identifier: BSD-2-Clause
;
; Process entry.  The kernel (or later exec) leaves on the stack:
;     [esp] argc, [esp+4] argv[0] ... argv[argc-1], 0, envp ..., 0
; _start calls __libc_start(argc, argv, envp), which never returns.

section .text
global _start
extern __libc_start
_start:
	xor ebp, ebp
	mov eax, [esp]			; argc
	lea ebx, [esp + 4]		; argv
	lea ecx, [ebx + eax * 4 + 4]	; envp
	and esp, -16
	sub esp, 4
	push ecx
	push ebx
	push eax
	call __libc_start
.hang:
	jmp .hang

section .note.GNU-stack noalloc noexec nowrite progbits
