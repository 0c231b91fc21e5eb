// SPDX-License-Identifier: BSD-2-Clause
/*
 * httpd: a small web server for the files under one directory.
 *
 *	httpd [-p PORT] [-r ROOT] [-n MAXCLIENTS]
 *
 * It listens on PORT (80) at every local address and serves the files
 * under ROOT (/var/www) to GET and HEAD, HTTP/1.0 and 1.1, one request
 * per connection (each reply says Connection: close).  A reply has
 * Content-Type (from the file name's extension, http.c), Content-Length
 * and, for GET, the file; a directory is served as its index.html.
 * Errors have small HTML bodies: 400 (malformed request), 403 (a path
 * with "..", a file that is not a regular file or cannot be read), 404
 * (no such file), 405 (another method), 414 (a target over 1024
 * bytes), 408 (no whole request within 10 s).  http.h has the rules.
 *
 * Each connection is served by a child of its own (fork), so a slow
 * client holds up nobody; at most MAXCLIENTS (16) at once: the server
 * waits for one to finish before it accepts another.  Children that
 * ended are collected before each accept.  After its reply a child
 * shuts down its sending side and reads what the client still sends
 * (up to 2 s) before it closes, so that no reset destroys the reply.
 *
 * One line per request goes to standard output, written at once:
 * "ADDR METHOD TARGET STATUS BYTES": BYTES are the body's, "-" stands
 * for a method or target that could not be read, and a target over 200
 * bytes is cut there and ends in "...".  httpd runs in the foreground until killed;
 * `httpd &` runs it in the background.
 *
 * Exit status: 1 when it cannot start (no such ROOT, port in use), 2
 * for a bad command line; it does not end by itself otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "cmdlib.h"
#include "http.h"

#define BUF_SIZE 16384
#define REQUEST_TIMEOUT 10 /* seconds for a whole request head */
#define LINGER_TIMEOUT 2   /* seconds to read after the reply */
#define LOG_TARGET_MAX 200 /* a longer target is cut in the log */

static struct {
	long port, max_clients;
	const char *root;
} opt = {80, 16, "/var/www"};

static void usage(void)
{
	fprintf(stderr, "usage: httpd [-p PORT] [-r ROOT] [-n MAXCLIENTS]\n");
	exit(2);
}

static void set_timeout(int fd, int seconds)
{
	struct timeval tv = {seconds, 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

/* The request head, into buf (*len bytes of it): 0, or the status to
 * answer. */
static int read_head(int fd, char *buf, size_t *len)
{
	size_t n = 0;
	*len = 0;
	while (!http_head_end(buf, n)) {
		if (n == HTTP_HEAD_MAX) {
			struct http_req r;
			int s = http_parse(buf, n, &r);
			return s == 414 ? 414 : 400;
		}
		ssize_t got = read(fd, buf + n, HTTP_HEAD_MAX - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ||
					       errno == ETIMEDOUT
				       ? 408
				       : 400;
		if (got == 0)
			return 400;
		n += (size_t)got;
		*len = n;
	}
	return 0;
}

static int send_head(int fd, int minor, int status, const char *type,
		     long long length)
{
	char h[512];
	int n = snprintf(h, sizeof(h),
			 "HTTP/1.%d %d %s\r\nServer: samsara-httpd\r\n"
			 "Content-Type: %s\r\nContent-Length: %lld\r\n"
			 "%sConnection: close\r\n\r\n",
			 minor, status, http_reason(status), type, length,
			 status == 405 ? "Allow: GET, HEAD\r\n" : "");
	return write_all(fd, h, (size_t)n);
}

/* An error reply; returns the body's bytes sent. */
static long long send_error(int fd, int minor, int status, int head_only)
{
	char body[256];
	int n = snprintf(body, sizeof(body),
			 "<html><head><title>%d %s</title></head>"
			 "<body><h1>%d %s</h1></body></html>\n",
			 status, http_reason(status), status,
			 http_reason(status));
	if (send_head(fd, minor, status, "text/html", n) < 0 || head_only)
		return 0;
	return write_all(fd, body, (size_t)n) < 0 ? 0 : n;
}

/* The file for path under the root, opened: fd, or -status. */
static int open_file(const char *path, char *name, size_t room, struct stat *st)
{
	snprintf(name, room, "%s%s", opt.root, path);
	int fd = open(name, O_RDONLY);
	if (fd >= 0 && fstat(fd, st) == 0 && S_ISDIR(st->st_mode)) {
		close(fd);
		size_t l = strlen(name);
		snprintf(name + l, room - l, "%sindex.html",
			 l && name[l - 1] == '/' ? "" : "/");
		fd = open(name, O_RDONLY);
		if (fd >= 0 && fstat(fd, st) < 0) {
			close(fd);
			return -500;
		}
	}
	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? -404
		       : errno == EACCES		   ? -403
							   : -500;
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		return -403;
	}
	return fd;
}

/* The file's bytes to the client; returns how many went. */
static long long send_file(int fd, int file)
{
	static char buf[BUF_SIZE];
	long long sent = 0;
	for (;;) {
		ssize_t n = read(file, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || write_all(fd, buf, (size_t)n) < 0)
			return sent;
		sent += n;
	}
}

static void log_line(const char *addr, const struct http_req *r, int status,
		     long long bytes)
{
	char line[LOG_TARGET_MAX + 128];
	int cut = strlen(r->target) > LOG_TARGET_MAX;
	int n = snprintf(line, sizeof(line), "%s %s %.*s%s %d %lld\n", addr,
			 r->method, LOG_TARGET_MAX, r->target, cut ? "..." : "",
			 status, bytes);
	write_all(STDOUT_FILENO, line, (size_t)n);
}

/* One connection: the request, the reply, the log line. */
static void serve(int fd, const char *addr)
{
	static char head[HTTP_HEAD_MAX];
	char name[HTTP_URI_MAX + 512];
	struct http_req r;
	struct stat st;
	size_t len = 0;
	long long bytes = 0;
	set_timeout(fd, REQUEST_TIMEOUT);
	int status = read_head(fd, head, &len);
	if (status == 0)
		status = http_parse(head, len, &r);
	else
		http_parse(head, len, &r);
	int head_only = !strcmp(r.method, "HEAD");
	int file =
		status ? -status : open_file(r.path, name, sizeof(name), &st);
	if (file >= 0) {
		status = 200;
		if (send_head(fd, r.minor, 200, http_type(name),
			      (long long)st.st_size) == 0 &&
		    !head_only)
			bytes = send_file(fd, file);
		close(file);
	} else {
		status = -file;
		bytes = send_error(fd, r.minor, status, head_only);
	}
	log_line(addr, &r, status, bytes);
	shutdown(fd, SHUT_WR);
	set_timeout(fd, LINGER_TIMEOUT);
	while (read(fd, head, sizeof(head)) > 0)
		;
	close(fd);
}

static int listen_on(long port)
{
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		fprintf(stderr, "httpd: socket: %s\n", strerror(errno));
		exit(1);
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(fd, 16) < 0) {
		fprintf(stderr, "httpd: port %ld: %s\n", port, strerror(errno));
		exit(1);
	}
	return fd;
}

/* Children still serving, after collecting those that ended; at
 * max_clients, waits for one. */
static long reap(long children)
{
	while (children > 0 && waitpid(-1, 0, WNOHANG) > 0)
		children--;
	if (children >= opt.max_clients && wait(0) > 0)
		children--;
	return children;
}

static void parse_args(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "p:r:n:")) != -1) {
		if (c == 'p' && parse_num(optarg, 1, 65535, &opt.port) < 0) {
			fprintf(stderr,
				"httpd: -p %s: not a port number "
				"(1-65535)\n",
				optarg);
			exit(2);
		} else if (c == 'n' &&
			   parse_num(optarg, 1, 256, &opt.max_clients) < 0) {
			fprintf(stderr,
				"httpd: -n %s: give a number from 1 to "
				"256\n",
				optarg);
			exit(2);
		} else if (c == 'r')
			opt.root = optarg;
		else if (c != 'p' && c != 'n')
			usage();
	}
	if (optind != argc)
		usage();
	if (strlen(opt.root) > 256) {
		fprintf(stderr, "httpd: %s: root path too long\n", opt.root);
		exit(2);
	}
	struct stat st;
	if (stat(opt.root, &st) < 0) {
		fprintf(stderr, "httpd: %s: %s\n", opt.root, strerror(errno));
		exit(1);
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "httpd: %s: not a directory\n", opt.root);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	int l = listen_on(opt.port);
	fprintf(stderr, "httpd: serving %s on port %ld\n", opt.root, opt.port);
	long children = 0;
	for (;;) {
		children = reap(children);
		struct sockaddr_in from;
		socklen_t flen = sizeof(from);
		int fd = accept(l, (struct sockaddr *)&from, &flen);
		if (fd < 0) {
			if (errno != EINTR) {
				fprintf(stderr, "httpd: accept: %s\n",
					strerror(errno));
				sleep(1);
			}
			continue;
		}
		char addr[16];
		format_ipv4(from.sin_addr.s_addr, addr);
		pid_t pid = fork();
		if (pid == 0) {
			close(l);
			serve(fd, addr);
			_exit(0);
		}
		if (pid < 0) {
			struct http_req r;
			http_parse("", 0, &r);
			log_line(addr, &r, 503, send_error(fd, 0, 503, 0));
		} else
			children++;
		close(fd);
	}
}
