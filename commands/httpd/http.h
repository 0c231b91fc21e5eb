/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * HTTP for httpd: a request's head parsed and judged (http.c), with no
 * I/O, so every rule is in one place.
 *
 *   http_head_end  where the head ends (after its blank line), or 0
 *   http_parse     the request line: method, target, version; returns
 *                  0, or the status to answer instead (400 malformed,
 *                  403 a path with "..", 405 not GET or HEAD, 414 a
 *                  target longer than HTTP_URI_MAX)
 *   http_reason    "Not Found" for 404 ...
 *   http_type      the Content-Type for a file name's extension
 *
 * A target is "/" and a path, with an optional "?query" (dropped); its
 * %XX escapes are decoded (a bad one, or %00, is 400); "." components
 * and repeated slashes are dropped; any ".." is refused with 403, so
 * no path can leave the root.  The decoded path starts with "/".
 */
#pragma once

#include <stddef.h>

#define HTTP_HEAD_MAX 8192 /* a request head's bytes, at most */
#define HTTP_URI_MAX 1024  /* a request target's bytes, at most */

struct http_req {
	char method[8];		       /* GET or HEAD; "" if unknown */
	char target[HTTP_URI_MAX + 1]; /* as sent, for the log; "-" if none */
	char path[HTTP_URI_MAX + 1];   /* decoded and cleaned */
	int minor;		       /* HTTP/1.minor: 0 or 1 */
};

size_t http_head_end(const char *buf, size_t len);
int http_parse(const char *head, size_t len, struct http_req *r);
const char *http_reason(int status);
const char *http_type(const char *name);
