; SPDX-License-Identifier: BSD-2-Clause
;
; IPC and kernel-call traps (see include/abi/ipc.h for the registers).
; cdecl: arguments on the stack; eax, ecx, edx are ours to clobber,
; ebx must be preserved.

IPC_VECTOR	equ 0x30
KCALL_VECTOR	equ 0x31
SEND		equ 1
RECEIVE		equ 2
SENDREC		equ 3
NOTIFY		equ 4
SENDNB		equ 5

section .text

; int prim(endpoint_t peer, message_t *m)
%macro SIMPLE 2
global %1
%1:
	push ebx
	mov eax, %2
	mov ebx, [esp + 8]
	mov ecx, [esp + 12]
	int IPC_VECTOR
	pop ebx
	ret
%endmacro

SIMPLE ipc_send, SEND
SIMPLE ipc_sendnb, SENDNB
SIMPLE ipc_notify, NOTIFY

; int ipc_sendrec(endpoint_t peer, message_t *m)
SIMPLE ipc_sendrec, SENDREC

; int ipc_trap_raw(uint32_t prim, uint32_t peer, uint32_t msg, uint32_t *st)
global ipc_trap_raw
ipc_trap_raw:
	push ebx
	mov eax, [esp + 8]
	mov ebx, [esp + 12]
	mov ecx, [esp + 16]
	int IPC_VECTOR
	mov edx, [esp + 20]
	test edx, edx
	jz .out
	mov [edx], ebx
.out:
	pop ebx
	ret

; int kcall_raw(uint32_t nr, uint32_t msg)
global kcall_raw
kcall_raw:
	push ebx
	mov eax, [esp + 8]
	mov ebx, [esp + 12]
	int KCALL_VECTOR
	pop ebx
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
