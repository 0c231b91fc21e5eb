// SPDX-License-Identifier: BSD-2-Clause
/*
 * Files through the whole stack: newlib's stdio and the POSIX calls in
 * lib/libc, VFS (descriptors, paths), FS (MINIX v3) and the MEMORY
 * driver's RAM disk.  Checks contents, positions, stat, directories,
 * and the errors POSIX asks for.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tlib.h"

static char big[20000], back[20000];

int main(void)
{
	t_case = "vfs";
	char line[128];

	/* A file from the image, through stdio. */
	FILE *f = fopen("/etc/motd", "r");
	T_ASSERT(f != NULL);
	T_ASSERT(fgets(line, sizeof(line), f) != NULL);
	T_EQ(strcmp(line, "Samsara test tree\n"), 0);
	T_ASSERT(fgets(line, sizeof(line), f) == NULL); /* end of file */
	T_EQ(fclose(f), 0);

	/* Write with stdio, read back with read(2). */
	f = fopen("/notes.txt", "w");
	T_ASSERT(f != NULL);
	for (int i = 0; i < 1000; i++)
		fprintf(f, "line %04d\n", i);
	T_EQ(fclose(f), 0);
	struct stat st;
	T_EQ(stat("/notes.txt", &st), 0);
	T_EQ(st.st_size, 10000);
	T_ASSERT(S_ISREG(st.st_mode));
	int fd = open("/notes.txt", O_RDONLY);
	T_ASSERT(fd >= 0);
	T_EQ(lseek(fd, 9990, SEEK_SET), 9990);
	memset(line, 0, sizeof(line));
	T_EQ(read(fd, line, sizeof(line)), 10);
	T_EQ(strcmp(line, "line 0999\n"), 0);
	T_EQ(read(fd, line, sizeof(line)), 0);
	T_EQ(lseek(fd, -20, SEEK_END), 9980);
	T_EQ(fstat(fd, &st), 0);
	T_EQ(st.st_size, 10000);
	T_EQ(write(fd, "x", 1), -1); /* opened read-only */
	T_EQ(errno, EBADF);
	T_EQ(close(fd), 0);
	T_EQ(close(fd), -1);
	T_EQ(errno, EBADF);

	/* Binary data, append, truncate. */
	for (unsigned i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 31 + 7);
	fd = open("/bin.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	T_ASSERT(fd >= 0);
	T_EQ(write(fd, big, sizeof(big)), (int)sizeof(big));
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(read(fd, back, sizeof(back)), (int)sizeof(back));
	T_EQ(memcmp(big, back, sizeof(big)), 0);
	T_EQ(ftruncate(fd, 100), 0);
	T_EQ(fstat(fd, &st), 0);
	T_EQ(st.st_size, 100);
	T_EQ(close(fd), 0);
	fd = open("/bin.dat", O_WRONLY | O_APPEND);
	T_EQ(write(fd, "END", 3), 3);
	T_EQ(close(fd), 0);
	T_EQ(stat("/bin.dat", &st), 0);
	T_EQ(st.st_size, 103);
	T_EQ(open("/bin.dat", O_RDWR | O_CREAT | O_EXCL, 0600), -1);
	T_EQ(errno, EEXIST);

	/* Directories. */
	T_EQ(mkdir("/d", 0755), 0);
	T_EQ(mkdir("/d/e", 0755), 0);
	f = fopen("/d/e/f", "w");
	T_ASSERT(f != NULL);
	fputs("deep\n", f);
	fclose(f);
	T_EQ(stat("/d/e", &st), 0);
	T_ASSERT(S_ISDIR(st.st_mode));
	T_EQ(rmdir("/d"), -1);
	T_EQ(errno, ENOTEMPTY);
	T_EQ(unlink("/d/e/f"), 0);
	T_EQ(rmdir("/d/e"), 0);
	T_EQ(rmdir("/d/"), 0);
	T_EQ(stat("/d", &st), -1);
	T_EQ(errno, ENOENT);

	/* Errors. */
	T_EQ(open("/nope", O_RDONLY), -1);
	T_EQ(errno, ENOENT);
	T_EQ(open("/etc/motd/x", O_RDONLY), -1);
	T_EQ(errno, ENOTDIR);
	T_EQ(open("/etc", O_WRONLY), -1);
	T_EQ(errno, EISDIR);
	T_EQ(mkdir("/etc", 0755), -1);
	T_EQ(errno, EEXIST);
	T_EQ(unlink("/etc"), -1);
	T_EQ(errno, EISDIR);
	char longname[80];
	memset(longname, 'x', sizeof(longname));
	longname[0] = '/';
	longname[79] = 0;
	T_EQ(open(longname, O_RDONLY), -1);
	T_EQ(errno, ENAMETOOLONG);
	T_EQ(read(77, line, 4), -1);
	T_EQ(errno, EBADF);
	fd = open("/notes.txt", O_RDONLY);
	T_EQ(read(fd, (void *)0xc0000000, 16), -1); /* a bad buffer */
	T_EQ(errno, EFAULT);
	T_EQ(lseek(fd, -1, SEEK_SET), -1);
	T_EQ(errno, EINVAL);
	T_EQ(close(fd), 0);
	T_EQ(unlink("/notes.txt"), 0);
	T_EQ(unlink("/bin.dat"), 0);
	sync();
	t_pass();
	t_finish();
}
