// SPDX-License-Identifier: BSD-2-Clause
/* gai_strerror (<netdb.h>): what each EAI_ code of getaddrinfo and
 * getnameinfo means, in one line. */
#include <netdb.h>

static const struct {
	int code;
	const char *text;
} gai_texts[] = {
	{0, "Success"},
	{EAI_BADFLAGS, "Bad value for ai_flags or flags"},
	{EAI_NONAME, "Name or service not known"},
	{EAI_AGAIN, "Temporary failure in name resolution"},
	{EAI_FAIL, "Non-recoverable failure in name resolution"},
	{EAI_FAMILY, "Address family not supported"},
	{EAI_SOCKTYPE, "Socket type not supported"},
	{EAI_SERVICE, "Service not supported for this socket type"},
	{EAI_MEMORY, "Out of memory"},
	{EAI_SYSTEM, "System error (see errno)"},
	{EAI_OVERFLOW, "Argument buffer too small"},
};

const char *gai_strerror(int code)
{
	for (size_t i = 0; i < sizeof(gai_texts) / sizeof(gai_texts[0]); i++)
		if (gai_texts[i].code == code)
			return gai_texts[i].text;
	return "Unknown getaddrinfo error";
}
