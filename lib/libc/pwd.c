// SPDX-License-Identifier: BSD-2-Clause
/*
 * The user and group databases: /etc/passwd ("name:password:uid:gid:
 * gecos:home:shell") and /etc/group ("name:password:gid:members"), read
 * a line at a time.  Results live in static storage, as POSIX allows.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char line[512];
static struct passwd pw;
static struct group gr;
static char *no_members[1];

/* Split line at ':' into at most n fields; the count found. */
static int split(char *s, char **f, int n)
{
	int i = 0;
	s[strcspn(s, "\n")] = 0;
	f[i++] = s;
	while (i < n && (s = strchr(s, ':'))) {
		*s++ = 0;
		f[i++] = s;
	}
	return i;
}

/* The passwd entry matching name (or uid, when name is 0). */
static struct passwd *find_user(const char *name, uid_t uid)
{
	FILE *f = fopen("/etc/passwd", "r");
	char *v[7];
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (split(line, v, 7) != 7)
			continue;
		if (name ? strcmp(v[0], name) != 0
			 : (uid_t)strtoul(v[2], 0, 10) != uid)
			continue;
		fclose(f);
		pw = (struct passwd){.pw_name = v[0],
				     .pw_passwd = v[1],
				     .pw_uid = (uid_t)strtoul(v[2], 0, 10),
				     .pw_gid = (gid_t)strtoul(v[3], 0, 10),
				     .pw_gecos = v[4],
				     .pw_dir = v[5],
				     .pw_shell = v[6]};
		return &pw;
	}
	fclose(f);
	return 0;
}

struct passwd *getpwnam(const char *name)
{
	return name ? find_user(name, 0) : 0;
}

struct passwd *getpwuid(uid_t uid)
{
	return find_user(0, uid);
}

static struct group *find_group(const char *name, gid_t gid)
{
	FILE *f = fopen("/etc/group", "r");
	char *v[4];
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (split(line, v, 4) < 3)
			continue;
		if (name ? strcmp(v[0], name) != 0
			 : (gid_t)strtoul(v[2], 0, 10) != gid)
			continue;
		fclose(f);
		gr = (struct group){.gr_name = v[0],
				    .gr_passwd = v[1],
				    .gr_gid = (gid_t)strtoul(v[2], 0, 10),
				    .gr_mem = no_members};
		return &gr;
	}
	fclose(f);
	return 0;
}

struct group *getgrnam(const char *name)
{
	return name ? find_group(name, 0) : 0;
}

struct group *getgrgid(gid_t gid)
{
	return find_group(0, gid);
}
