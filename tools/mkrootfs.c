// SPDX-License-Identifier: BSD-2-Clause
/*
 * mkrootfs: build a MINIX v3 file-system image from a directory tree,
 * with the same library the FS server uses (lib/libmfs).
 *
 *   mkrootfs IMAGE SIZE_KIB DIR [DEVTAB]  make a new image of that size
 *   mkrootfs --add IMAGE DIR              copy DIR into an existing image
 *
 * DEVTAB lists device files to make (a plain user cannot make them in
 * DIR), one per line: "PATH c|b MAJOR MINOR MODE", e.g.
 * "/dev/console c 4 0 0600"; and directories whose mode the tree cannot
 * carry (git keeps no directory modes, so a checkout's /tmp is 0755):
 * "PATH d MODE", e.g. "/tmp d 1777", made if missing, given MODE if
 * copied from DIR.  '#' starts a comment.  Each device line is checked
 * against include/devnum.h: its major must be one of DEV_MAJORS, and a
 * name DEV_FILES lists must have the type, major and minor it gives there;
 * otherwise mkrootfs stops with "DEVTAB:LINE: why".
 *
 * Directories, regular files and symbolic links are copied with their
 * permission bits; everything is owned by root.  The result passes
 * util-linux's `fsck.minix -f`.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "devnum.h"
#include "mfs.h"

static int img_fd;
static const char *img_name;

static int dev_read(void *ctx, uint32_t b, void *buf)
{
	(void)ctx;
	return pread(img_fd, buf, MFS_BLOCK, (off_t)b * MFS_BLOCK) == MFS_BLOCK
		       ? 0
		       : -1;
}

static int dev_write(void *ctx, uint32_t b, const void *buf)
{
	(void)ctx;
	return pwrite(img_fd, buf, MFS_BLOCK, (off_t)b * MFS_BLOCK) == MFS_BLOCK
		       ? 0
		       : -1;
}

static uint32_t now(void)
{
	return (uint32_t)time(0);
}

static void fail(const char *what, const char *path, int err)
{
	fprintf(stderr, "mkrootfs: %s: %s: %s\n", img_name, path ? path : what,
		strerror(err));
	exit(1);
}

static int copy_file(struct mfs *fs, const char *src, uint32_t ino)
{
	char buf[65536];
	int fd = open(src, O_RDONLY);
	if (fd < 0)
		return -errno;
	uint32_t off = 0;
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		int r = mfs_write(fs, ino, off, buf, (uint32_t)n);
		if (r != n) {
			close(fd);
			return r < 0 ? r : -ENOSPC;
		}
		off += (uint32_t)n;
	}
	close(fd);
	return n < 0 ? -errno : 0;
}

static void copy_tree(struct mfs *fs, const char *src, uint32_t dir)
{
	DIR *d = opendir(src);
	if (!d)
		fail("opendir", src, errno);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char path[4096];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", src, e->d_name);
		if (lstat(path, &st) < 0)
			fail("lstat", path, errno);
		uint16_t perm = st.st_mode & 07777, type;
		if (S_ISDIR(st.st_mode))
			type = MFS_IFDIR;
		else if (S_ISREG(st.st_mode))
			type = MFS_IFREG;
		else if (S_ISLNK(st.st_mode))
			type = MFS_IFLNK;
		else
			continue; /* devices and sockets are made at run time */
		uint32_t ino;
		int r = mfs_create(fs, dir, e->d_name, type | perm, 0, 0, &ino);
		if (r < 0)
			fail("create", path, -r);
		if (type == MFS_IFDIR) {
			copy_tree(fs, path, ino);
		} else if (type == MFS_IFREG) {
			if ((r = copy_file(fs, path, ino)) < 0)
				fail("write", path, -r);
		} else {
			char target[4096];
			ssize_t n = readlink(path, target, sizeof(target));
			if (n < 0)
				fail("readlink", path, errno);
			if ((r = mfs_write(fs, ino, 0, target, (uint32_t)n)) !=
			    n)
				fail("write", path, r < 0 ? -r : ENOSPC);
		}
	}
	closedir(d);
}

static void bad_line(const char *tab, int lineno)
{
	fprintf(stderr,
		"mkrootfs: %s:%d: expected PATH c|b MAJOR MINOR MODE or "
		"PATH d MODE\n",
		tab, lineno);
	exit(1);
}

/* The directory of path (cut at its last '/') -> its inode in *dir, and
 * the last name in *name. */
static int parent_of(struct mfs *fs, char *path, uint32_t *dir, char **name)
{
	char *slash = strrchr(path, '/');
	*slash = 0;
	int r = mfs_namei(fs, path[0] ? path : "/", dir);
	*slash = '/';
	*name = slash + 1;
	return r;
}

/* "PATH d MODE": the directory, made or given its mode. */
static void make_dir(struct mfs *fs, char *path, unsigned mode)
{
	uint32_t dir, ino;
	char *name;
	struct mfs_inode in;
	int r = mfs_namei(fs, path, &ino);
	if (r == -ENOENT && (r = parent_of(fs, path, &dir, &name)) == 0)
		r = mfs_create(fs, dir, name, (uint16_t)(MFS_IFDIR | mode), 0,
			       0, &ino);
	if (r == 0)
		r = mfs_iget(fs, ino, &in);
	if (r == 0 && (in.mode & MFS_IFMT) != MFS_IFDIR)
		r = -ENOTDIR;
	if (r == 0) {
		in.mode = (uint16_t)(MFS_IFDIR | mode);
		r = mfs_iput(fs, ino, &in);
	}
	if (r < 0)
		fail("mkdir", path, -r);
}

/* "PATH c|b MAJOR MINOR MODE": the device file. */
static void make_dev(struct mfs *fs, char *path, char type, unsigned major,
		     unsigned minor, unsigned mode)
{
	uint32_t dir, ino;
	char *name;
	struct mfs_inode in;
	int r = parent_of(fs, path, &dir, &name);
	if (r == 0)
		r = mfs_create(
			fs, dir, name,
			(uint16_t)((type == 'c' ? MFS_IFCHR : MFS_IFBLK) |
				   mode),
			0, 0, &ino);
	if (r == 0)
		r = mfs_iget(fs, ino, &in);
	if (r == 0) {
		in.zone[0] = DEV_MAKE(major, minor);
		r = mfs_iput(fs, ino, &in);
	}
	if (r < 0)
		fail("mknod", path, -r);
}

static void devnum_error(const char *tab, int lineno, const char *path,
			 const char *why)
{
	fprintf(stderr, "mkrootfs: %s:%d: %s: %s (include/devnum.h)\n", tab,
		lineno, path, why);
	exit(1);
}

/* Whether name matches pattern, where '#' stands for one or more digits. */
static bool name_matches(const char *pattern, const char *name)
{
	for (; *pattern; pattern++) {
		if (*pattern != '#') {
			if (*name++ != *pattern)
				return false;
			continue;
		}
		if (*name < '0' || *name > '9')
			return false;
		while (*name >= '0' && *name <= '9')
			name++;
	}
	return !*name;
}

struct dev_file {
	const char *name;
	char type;
	unsigned major;
	int minor;
};

#define DEV_FILE_ENTRY(name, type, major, minor) {name, type, major, minor},
static const struct dev_file dev_files[] = {DEV_FILES(DEV_FILE_ENTRY)};
#define MAJOR_NUMBER(major, label) major,
static const unsigned dev_majors[] = {DEV_MAJORS(MAJOR_NUMBER)};

/* A device line whose name matches f: the type, major and minor of f. */
static void check_file(const char *tab, int lineno, const char *path,
		       const struct dev_file *f, char type, unsigned major,
		       unsigned minor)
{
	if (f->type == type && f->major == major &&
	    (f->minor == DEV_ANY_MINOR || (unsigned)f->minor == minor))
		return;
	char why[128], want[16] = "any minor";
	if (f->minor != DEV_ANY_MINOR)
		snprintf(want, sizeof(want), "%d", f->minor);
	snprintf(why, sizeof(why), "%s is %c %u %s, not %c %u %u", f->name,
		 f->type, f->major, want, type, major, minor);
	devnum_error(tab, lineno, path, why);
}

/* A device line against include/devnum.h: a known major, and the type,
 * major and minor the header gives the name, if it names it. */
static void check_dev(const char *tab, int lineno, const char *path, char type,
		      unsigned major, unsigned minor)
{
	size_t n = sizeof(dev_majors) / sizeof(dev_majors[0]), i;
	for (i = 0; i < n && dev_majors[i] != major; i++)
		;
	if (i == n)
		devnum_error(tab, lineno, path, "no such major");
	const char *name = strrchr(path, '/') + 1;
	for (i = 0; i < sizeof(dev_files) / sizeof(dev_files[0]); i++)
		if (name_matches(dev_files[i].name, name))
			check_file(tab, lineno, path, &dev_files[i], type,
				   major, minor);
}

/* One DEVTAB line: make the device file or directory it names. */
static void make_node(struct mfs *fs, const char *tab, int lineno, char *line)
{
	char path[256], type;
	unsigned major, minor, mode;
	line[strcspn(line, "#\n")] = 0;
	if (strspn(line, " \t") == strlen(line))
		return;
	if (sscanf(line, "%255s %c", path, &type) != 2 || path[0] != '/')
		bad_line(tab, lineno);
	if (type == 'd') {
		if (sscanf(line, "%*s %*c %o", &mode) != 1 || mode > 07777)
			bad_line(tab, lineno);
		make_dir(fs, path, mode);
		return;
	}
	if (sscanf(line, "%*s %*c %u %u %o", &major, &minor, &mode) != 3 ||
	    (type != 'c' && type != 'b') || major > DEV_MAJOR_MAX ||
	    minor > DEV_MINOR_MAX || mode > 07777)
		bad_line(tab, lineno);
	check_dev(tab, lineno, path, type, major, minor);
	make_dev(fs, path, type, major, minor, mode);
}

static void make_nodes(struct mfs *fs, const char *tab)
{
	char line[512];
	FILE *f = fopen(tab, "r");
	if (!f)
		fail("open", tab, errno);
	for (int n = 1; fgets(line, sizeof(line), f); n++)
		make_node(fs, tab, n, line);
	fclose(f);
}

int main(int argc, char **argv)
{
	int add = argc == 4 && !strcmp(argv[1], "--add");
	if (argc != 4 && !(argc == 5 && strcmp(argv[1], "--add"))) {
		fprintf(stderr, "usage: mkrootfs IMAGE SIZE_KIB DIR [DEVTAB]\n"
				"       mkrootfs --add IMAGE DIR\n");
		return 2;
	}
	img_name = argv[1 + add];
	const char *src = argv[3];
	img_fd =
		open(img_name, add ? O_RDWR : O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (img_fd < 0)
		fail("open", 0, errno);
	struct mfs_dev dev = {dev_read, dev_write, 0, 0};
	if (add) {
		struct stat st;
		fstat(img_fd, &st);
		dev.nblocks = (uint32_t)(st.st_size / MFS_BLOCK);
	} else {
		char *end;
		unsigned long kib = strtoul(argv[2], &end, 10);
		if (*end || kib < 64 || kib > 4u << 20) {
			fprintf(stderr,
				"mkrootfs: bad size '%s' (KiB, 64 .. "
				"4194304)\n",
				argv[2]);
			return 2;
		}
		dev.nblocks = (uint32_t)kib;
		if (ftruncate(img_fd, (off_t)kib * MFS_BLOCK) < 0)
			fail("truncate", 0, errno);
		int r = mfs_format(&dev, 0);
		if (r < 0)
			fail("format", 0, -r);
	}
	struct mfs fs;
	const char *why;
	if (mfs_mount(&fs, &dev, &why) < 0) {
		fprintf(stderr, "mkrootfs: %s: %s\n", img_name, why);
		return 1;
	}
	fs.now = now;
	copy_tree(&fs, src, MFS_ROOT);
	if (argc == 5)
		make_nodes(&fs, argv[4]);
	if (close(img_fd) < 0)
		fail("close", 0, errno);
	return 0;
}
