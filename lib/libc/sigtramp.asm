; SPDX-License-Identifier: BSD-2-Clause
;
; The way back from a signal handler.  PM starts a handler as if it had
; been called from here, on a frame it built below the interrupted stack:
;
;     [esp] -> return address (this code), the signal number,
;              then the saved context (struct sigcontext in signal.c):
;              eax ebx ecx edx esi edi ebp esp eip eflags mask
;
; When the handler returns, __sigreturn (C) gives PM the saved signal
; mask back; then every register is restored from the context, the last
; ones by pushing them on the interrupted stack, which PM left 128 bytes
; clear of the frame, and popping them.

section .text
global __sigtramp_return
extern __sigreturn
__sigtramp_return:
	add esp, 4			; past the signal number: esp = context
	push esp
	call __sigreturn
	add esp, 4
	mov ebp, esp
	mov esp, [ebp + 28]		; the interrupted stack
	push dword [ebp + 32]		; eip, for ret
	push dword [ebp + 36]		; eflags, for popfd
	push dword [ebp + 0]		; eax
	push dword [ebp + 4]		; ebx
	push dword [ebp + 8]		; ecx
	push dword [ebp + 12]		; edx
	push dword [ebp + 16]		; esi
	push dword [ebp + 20]		; edi
	push dword [ebp + 24]		; ebp
	pop ebp
	pop edi
	pop esi
	pop edx
	pop ecx
	pop ebx
	pop eax
	popfd
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
