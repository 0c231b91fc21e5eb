// SPDX-License-Identifier: BSD-2-Clause
/*
 * The program's own pointers, touched with the kernel's check.
 *
 * A system call's pointer argument may be bad: NULL, unmapped, or in the
 * kernel's half of the address space.  Where a server copies through a
 * grant, the kernel refuses the copy and the call fails with EFAULT.
 * But the C library itself reads some arguments (a path, a struct
 * sigaction, the fd_sets of select ...) and writes some results (a
 * struct stat built from VFS's reply, the two descriptors of pipe ...).
 * Doing that with plain loads and stores would turn a bad pointer into
 * SIGSEGV; instead the library copies through a self grant (abi/grant.h)
 * with SAFECOPY, so the kernel walks the page tables and says EFAULT.
 *
 * A string has no length until its NUL is found, and the NUL may sit
 * just before an unmapped page, so strings are fetched one page at a
 * time and the search stops at the first NUL.
 */
#include <string.h>

#include "libc.h"

#define PAGE 4096u

/* Does [p, p+n) lie below the kernel?  (Beyond it no grant is made:
 * the kernel would refuse and log it.) */
static bool below_kernel(const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	return a < GRANT_USER_TOP && n <= GRANT_USER_TOP - a;
}

grant_id_t libc_grant(endpoint_t to, const void *p, size_t n, uint32_t access)
{
	if (!below_kernel(p, n))
		return -EFAULT;
	return grant_create(to, p, (uint32_t)n, access);
}

static int self_copy(bool out, void *user, void *mine, size_t n)
{
	if (n == 0)
		return 0;
	grant_id_t g = libc_grant(SELF, user, n, out ? GF_WRITE : GF_READ);
	if (g < 0)
		return g == -ENOMEM ? -ENOMEM : -EFAULT;
	int r = out ? sys_safecopyto(SELF, g, 0, mine, (uint32_t)n)
		    : sys_safecopyfrom(SELF, g, 0, mine, (uint32_t)n);
	grant_revoke(g);
	return r < 0 ? -EFAULT : 0;
}

int libc_in(void *to, const void *user, size_t n)
{
	return self_copy(false, (void *)(uintptr_t)user, to, n);
}

int libc_out(void *user, const void *from, size_t n)
{
	return self_copy(true, user, (void *)(uintptr_t)from, n);
}

/* For calls whose work cannot be undone (pipe makes descriptors, waitpid
 * reaps a child): make sure the result can be stored before asking. */
int libc_writable(void *user, size_t n)
{
	char old[64];
	if (n > sizeof(old))
		return -EINVAL;
	int r = libc_in(old, user, n);
	return r < 0 ? r : libc_out(user, old, n);
}

int libc_str_in(char *to, const char *user, size_t max)
{
	size_t done = 0;
	while (done < max) {
		uintptr_t at = (uintptr_t)user + done;
		size_t n = PAGE - (at & (PAGE - 1));
		if (n > max - done)
			n = max - done;
		int r = libc_in(to + done, user + done, n);
		if (r < 0)
			return r;
		const char *nul = memchr(to + done, 0, n);
		if (nul)
			return (int)(nul - to);
		done += n;
	}
	return -ENAMETOOLONG;
}

int libc_path_in(char path[VFS_PATH_MAX], const char *user)
{
	int n = libc_str_in(path, user, VFS_PATH_MAX);
	return n == 0 ? -ENOENT : n;
}
