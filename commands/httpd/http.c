// SPDX-License-Identifier: BSD-2-Clause
/*
 * The request rules of httpd (http.h): finding the end of a head,
 * parsing and judging the request line, decoding and cleaning the
 * path, and the names that go into a reply.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "http.h"

size_t http_head_end(const char *buf, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (buf[i] != '\n')
			continue;
		if (buf[i + 1] == '\n')
			return i + 2;
		if (buf[i + 1] == '\r' && i + 2 < len && buf[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One component of n bytes onto out (at *o), "." dropped, ".." 403. */
static int add_component(const char *c, size_t n, char *out, size_t *o)
{
	if (n == 0 || (n == 1 && c[0] == '.'))
		return 0;
	if (n == 2 && c[0] == '.' && c[1] == '.')
		return 403;
	out[(*o)++] = '/';
	memcpy(out + *o, c, n);
	*o += n;
	return 0;
}

/*
 * The target's path (up to '?' or '#'), %-decoded, into out, one '/'
 * before each component.  A trailing '/' is kept: it asks for a
 * directory.  The result is never longer than the target.
 */
static int clean_path(const char *t, size_t len, char *out)
{
	char dec[HTTP_URI_MAX + 1];
	size_t n = 0, o = 0;
	for (size_t i = 0; i < len && t[i] != '?' && t[i] != '#'; i++) {
		char c = t[i];
		if (c == '%') {
			int h = i + 2 < len ? hex(t[i + 1]) : -1;
			int l = h >= 0 ? hex(t[i + 2]) : -1;
			if (l < 0 || (h == 0 && l == 0))
				return 400;
			c = (char)(h << 4 | l);
			i += 2;
		}
		dec[n++] = c;
	}
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && dec[i] != '/')
			continue;
		int r = add_component(dec + start, i - start, out, &o);
		if (r)
			return r;
		start = i + 1;
	}
	if (o == 0 || (n > 0 && dec[n - 1] == '/'))
		out[o++] = '/';
	out[o] = 0;
	return 0;
}

/* The log's copy of n bytes of s: printable, without spaces. */
static void log_copy(char *to, size_t room, const char *s, size_t n)
{
	if (n >= room)
		n = room - 1;
	for (size_t i = 0; i < n; i++)
		to[i] = s[i] > ' ' && s[i] < 0x7f ? s[i] : '?';
	to[n] = 0;
}

static bool is_token(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return false;
	return n > 0;
}

int http_parse(const char *head, size_t len, struct http_req *r)
{
	memset(r, 0, sizeof(*r));
	strcpy(r->method, "-");
	strcpy(r->target, "-");
	const char *nl = memchr(head, '\n', len);
	size_t line = nl ? (size_t)(nl - head) : len;
	if (line > 0 && head[line - 1] == '\r')
		line--;
	const char *sp1 = memchr(head, ' ', line);
	if (!sp1)
		return 400;
	size_t mlen = (size_t)(sp1 - head);
	log_copy(r->method, sizeof(r->method), head, mlen);
	const char *t = sp1 + 1;
	const char *sp2 = memchr(t, ' ', line - (size_t)(t - head));
	size_t tlen = sp2 ? (size_t)(sp2 - t) : line - (size_t)(t - head);
	log_copy(r->target, sizeof(r->target), t, tlen);
	if (tlen > HTTP_URI_MAX)
		return 414;
	if (!sp2 || !is_token(head, mlen))
		return 400;
	const char *v = sp2 + 1;
	size_t vlen = line - (size_t)(v - head);
	if (vlen != 8 || strncmp(v, "HTTP/1.", 7) ||
	    (v[7] != '0' && v[7] != '1'))
		return 400;
	r->minor = v[7] - '0';
	if (tlen == 0 || t[0] != '/')
		return 400;
	bool known = (mlen == 3 && !strncmp(head, "GET", 3)) ||
		     (mlen == 4 && !strncmp(head, "HEAD", 4));
	if (!known)
		return 405;
	return clean_path(t, tlen, r->path);
}

const char *http_reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 400:
		return "Bad Request";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 408:
		return "Request Timeout";
	case 414:
		return "URI Too Long";
	case 503:
		return "Service Unavailable";
	default:
		return "Internal Server Error";
	}
}

const char *http_type(const char *name)
{
	static const char *const types[][2] = {
		{"html", "text/html"},	    {"htm", "text/html"},
		{"txt", "text/plain"},	    {"css", "text/css"},
		{"js", "text/javascript"},  {"json", "application/json"},
		{"xml", "application/xml"}, {"png", "image/png"},
		{"jpg", "image/jpeg"},	    {"jpeg", "image/jpeg"},
		{"gif", "image/gif"},	    {"svg", "image/svg+xml"},
		{"ico", "image/x-icon"},    {"pdf", "application/pdf"},
	};
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash : name, '.');
	for (unsigned i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcasecmp(dot + 1, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}
