// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests for lib/libpolicy, the policy-file parser: a file using
 * every keyword gives exactly the expected struct; the recovery
 * defaults; lists that add up and limits met exactly; each kind of
 * malformed file refused with its line and message, *out untouched;
 * block kinds and priorities; and the boot processes' real policy files
 * (the kernel's boot table is made from them) saying what each is.
 */
#include <stdio.h>
#include <string.h>

#include "policy.h"
#include "unit.h"

static struct policy pol;
static char err[256];

static int parse(const char *text)
{
	return policy_parse("x.conf", text, strlen(text), &pol, err,
			    sizeof(err));
}

static const char full_text[] =
	"# every keyword\n"
	"driver net_0-b {\n"
	"\tipc pm vfs\n"
	"\t    ds;\n"
	"\tkernel DEVIO IRQCTL SAFECOPYFROM;  # a comment\n"
	"\tio 0x300:0x20 0x3f6;\n"
	"\tirq 9 0xf;\n"
	"\tmemory 0xa0000:0x20000 16777216:4096;\n"
	"\tpci device 10ec:8029 10EC:8139;\n"
	"\tpci class 02 01/01 0c/03/30;\n"
	"\theartbeat 500;\n"
	"\trestart never;\n"
	"\tbackoff 0x10 2000;\n"
	"\tlimit 5 30;\n"
	"\tscript /etc/rs.net;\n"
	"\tcopy yes;\n"
	"\treset pci;\n"
	"\tipc rs pm;\n"
	"};\n";

static void full_file(void)
{
	CHECK(parse(full_text) == 0);
	CHECK(err[0] == 0);
	CHECK(strcmp(pol.label, "net_0-b") == 0);
	CHECK(pol.line == 2);
	CHECK(pol.nr_ipc == 4);
	CHECK(strcmp(pol.ipc[0], "pm") == 0 && strcmp(pol.ipc[1], "vfs") == 0 &&
	      strcmp(pol.ipc[2], "ds") == 0 && strcmp(pol.ipc[3], "rs") == 0);
	CHECK(pol.calls == (KCALL_BIT(SYS_DEVIO) | KCALL_BIT(SYS_IRQCTL) |
			    KCALL_BIT(SYS_SAFECOPYFROM)));
	CHECK(pol.nr_io == 2);
	CHECK(pol.io[0].first == 0x300 && pol.io[0].last == 0x31f);
	CHECK(pol.io[1].first == 0x3f6 && pol.io[1].last == 0x3f6);
	CHECK(pol.irqs == ((1u << 9) | (1u << 15)));
	CHECK(pol.nr_mem == 2);
	CHECK(pol.mem[0].base == 0xa0000 && pol.mem[0].len == 0x20000);
	CHECK(pol.mem[1].base == 0x1000000 && pol.mem[1].len == 0x1000);
	CHECK(pol.nr_pci_dev == 2);
	CHECK(pol.pci_dev[0].vendor == 0x10ec &&
	      pol.pci_dev[0].device == 0x8029);
	CHECK(pol.pci_dev[1].vendor == 0x10ec &&
	      pol.pci_dev[1].device == 0x8139);
	CHECK(pol.nr_pci_class == 3);
	CHECK(pol.pci_class[0].class == 2 &&
	      pol.pci_class[0].mask == POLICY_PCI_CLASS);
	CHECK(pol.pci_class[1].class == 1 && pol.pci_class[1].subclass == 1 &&
	      pol.pci_class[1].mask ==
		      (POLICY_PCI_CLASS | POLICY_PCI_SUBCLASS));
	CHECK(pol.pci_class[2].class == 0xc && pol.pci_class[2].subclass == 3 &&
	      pol.pci_class[2].progif == 0x30 && pol.pci_class[2].mask == 7);
	CHECK(pol.heartbeat_ms == 500);
	CHECK(pol.restart == POLICY_RESTART_NEVER);
	CHECK(pol.backoff_first_ms == 16 && pol.backoff_max_ms == 2000);
	CHECK(pol.limit_count == 5 && pol.limit_window_s == 30);
	CHECK(strcmp(pol.script, "/etc/rs.net") == 0);
	CHECK(pol.copy);
	CHECK(pol.reset == POLICY_RESET_PCI);
}

static void defaults(void)
{
	memset(&pol, 0xa5, sizeof(pol));
	CHECK(parse("driver x{};") == 0);
	CHECK(strcmp(pol.label, "x") == 0 && pol.line == 1);
	CHECK(pol.nr_ipc == 0 && pol.calls == 0 && pol.nr_io == 0 &&
	      pol.irqs == 0 && pol.nr_mem == 0 && pol.nr_pci_dev == 0 &&
	      pol.nr_pci_class == 0 && !pol.boot_data);
	CHECK(pol.heartbeat_ms == 0);
	CHECK(pol.restart == POLICY_RESTART_ALWAYS);
	CHECK(pol.backoff_first_ms == 100 && pol.backoff_max_ms == 10000);
	CHECK(pol.limit_count == 0 && pol.limit_window_s == 0);
	CHECK(pol.script[0] == 0);
	CHECK(!pol.copy);
	CHECK(pol.reset == POLICY_RESET_DRIVER);
	CHECK(parse("driver x {\n restart always; copy no; reset none;\n};") ==
	      0);
	CHECK(pol.restart == POLICY_RESTART_ALWAYS && !pol.copy &&
	      pol.reset == POLICY_RESET_NONE);
}

/* Lists add up; a name given twice counts once; each limit can be met
 * exactly. */
static void lists_and_limits(void)
{
	CHECK(parse("driver abcdefghijklmno {\n"
		    " ipc a b c d e f g h; ipc i j k l m n o p a;\n"
		    " kernel DIAG; kernel EXEC DIAG;\n"
		    " io 0 1 2 3; io 4 5 6 0xffff:1;\n"
		    " irq 0 15; irq 15;\n"
		    " memory 0:1 1:1; memory 2:1 0xfffff000:0x1000;\n"
		    " pci device 1:2 3:4 5:6 7:8; pci device a:b c:d e:f "
		    "ffff:ffff;\n"
		    " pci class 1 2; pci class 3/4 ff/ff/ff;\n"
		    "};") == 0);
	CHECK(strlen(pol.label) == POLICY_LABEL_MAX - 1);
	CHECK(pol.nr_ipc == POLICY_MAX_IPC && strcmp(pol.ipc[15], "p") == 0);
	CHECK(pol.calls == (KCALL_BIT(SYS_DIAG) | KCALL_BIT(SYS_EXEC)));
	CHECK(pol.nr_io == POLICY_MAX_IO && pol.io[7].first == 0xffff &&
	      pol.io[7].last == 0xffff);
	CHECK(pol.irqs == 0x8001);
	CHECK(pol.nr_mem == POLICY_MAX_MEM && pol.mem[3].base == 0xfffff000);
	CHECK(pol.nr_pci_dev == POLICY_MAX_PCI_DEV &&
	      pol.pci_dev[7].vendor == 0xffff);
	CHECK(pol.nr_pci_class == POLICY_MAX_PCI_CLASS &&
	      pol.pci_class[3].progif == 0xff);
	CHECK(parse("driver x { io 0:0x10000; memory 0:0xffffffff; };") == 0);
	CHECK(pol.io[0].first == 0 && pol.io[0].last == 0xffff);
	CHECK(pol.mem[0].len == 0xffffffffu);
	CHECK(parse("driver x { memory 0:1 boot 2:1; };") == 0);
	CHECK(pol.boot_data && pol.nr_mem == 2 && pol.mem[1].base == 2);
	CHECK(parse("driver x { memory boots; };") < 0);
	char text[300];
	snprintf(text, sizeof(text), "driver x { script /%0126d; };", 0);
	CHECK(parse(text) == 0);
	CHECK(strlen(pol.script) == POLICY_SCRIPT_MAX - 1);
}

struct bad {
	const char *text;
	const char *error; /* what policy_parse says, after "x.conf:" */
};

static const struct bad bad_files[] = {
	/* the kinds of error named in issue 5 */
	{"driver x {\n io 0x60;\n iox 1;\n};", "3: unknown keyword \"iox\""},
	{"driver x {\n\n io 0x3g8:8;\n};", "3: bad number \"0x3g8\""},
	{"driver x {\n io 0x60;\n};\n", 0},
	{"driver x\n io 0x60;\n};", "1: missing \"{\" after \"driver x\""},
	{"driver x {\n io 0x60;\n\n", "3: missing \"}\" before end of file"},
	{"driver x {\n io 0x60\n irq 1;\n};", "2: missing \";\""},
	{"driver x {\n io 0x60 }", "2: missing \";\""},
	{"driver x {\n kernel DIAG\n};", "2: missing \";\""},
	{"driver x {\n heartbeat 10\n};", "2: missing \";\""},
	{"driver x {\n io 0x60;\n}\n", "3: missing \";\" after \"}\""},
	{"driver x {\n io 0xfff0:0x20;\n};",
	 "2: port range \"0xfff0:0x20\" passes 0xffff"},
	{"driver x {\n io 0x10000;\n};",
	 "2: port range \"0x10000\" passes 0xffff"},
	{"driver x {\n io 0x60:0;\n};", "2: empty port range \"0x60:0\""},
	{"driver x {\n irq 3 16;\n};", "2: irq 16 out of range 0..15"},
	{"driver x {\n kernel DIAG\n   FOO;\n};",
	 "3: unknown kernel call \"FOO\""},
	{"driver x {\n kernel diag;\n};", "2: unknown kernel call \"diag\""},
	{"driver x {\n heartbeat 10;\n restart always;\n heartbeat 20;\n};",
	 "4: \"heartbeat\" given twice"},
	{"driver x {\n io 1 2 3 4 5 6 7 8\n    9;\n};",
	 "3: more than 8 io ranges"},
	{"driver abcdefghijklmnop {\n};",
	 "1: label \"abcdefghijklmnop\" is longer than 15 characters"},
	{"driver x {\n pci device 10ec:81z9;\n};",
	 "2: bad pci device \"10ec:81z9\" (VVVV:DDDD in hex)"},
	{"driver x {\n pci device 10ec8139;\n};",
	 "2: bad pci device \"10ec8139\" (VVVV:DDDD in hex)"},
	{"driver x {\n pci device 10ec0:8139;\n};",
	 "2: bad pci device \"10ec0:8139\" (VVVV:DDDD in hex)"},
	{"driver x {\n script rs.x;\n};",
	 "2: script path \"rs.x\" is not absolute"},
	{"", "1: empty file: no \"driver\" block"},
	{"# nothing\n\n", "2: empty file: no \"driver\" block"},
	{"driver x {\n};\nio 0x60;\n",
	 "3: unexpected \"io\" after \"};\" (one block per file)"},
	{"driver x {\n};\ndriver y {\n};\n",
	 "3: unexpected \"driver\" after \"};\" (one block per file)"},
	/* the rest of the checks */
	{"drive x {};",
	 "1: expected \"driver\", \"server\" or \"program\", found \"drive\""},
	{"driver {};", "1: expected a label after \"driver\", found \"{\""},
	{"driver", "1: expected a label after \"driver\", found end of file"},
	{"driver Tty {};", "1: bad label \"Tty\" (use a-z, 0-9, _ and -)"},
	{"driver x {\n ipc vfs;\n ipc fs.1;\n};",
	 "3: bad ipc name \"fs.1\" (use a-z, 0-9, _ and -)"},
	{"driver x {\n ipc a b c d e f g h i j k l m n o p q;\n};",
	 "2: more than 16 ipc names"},
	{"driver x {\n ipc;\n};", "2: \"ipc\" needs a value"},
	{"driver x {\n pci device;\n};", "2: \"pci device\" needs a value"},
	{"driver x {\n pci bus 1;\n};",
	 "2: expected \"device\" or \"class\" after \"pci\", found \"bus\""},
	{"driver x {\n pci class 1/2/3/4;\n};",
	 "2: bad pci class \"1/2/3/4\" (CC[/SS[/PP]] in hex)"},
	{"driver x {\n pci class 100;\n};",
	 "2: bad pci class \"100\" (CC[/SS[/PP]] in hex)"},
	{"driver x {\n pci class 1 2 3 4 5;\n};", "2: more than 4 pci classes"},
	{"driver x {\n pci device 1:1 2:2 3:3 4:4 5:5 6:6 7:7 8:8 9:9;\n};",
	 "2: more than 8 pci devices"},
	{"driver x {\n memory 0xa0000;\n};",
	 "2: memory range \"0xa0000\" is not BASE:LENGTH"},
	{"driver x {\n memory 0xa0000:0;\n};",
	 "2: empty memory range \"0xa0000:0\""},
	{"driver x {\n memory 0xfffff000:0x1001;\n};",
	 "2: memory range \"0xfffff000:0x1001\" passes 4 GiB"},
	{"driver x {\n memory 1:1 2:1 3:1 4:1 5:1;\n};",
	 "2: more than 4 memory ranges"},
	{"driver x {\n irq 0x;\n};", "2: bad number \"0x\""},
	{"driver x {\n irq -1;\n};", "2: bad number \"-1\""},
	{"driver x {\n irq 4294967296;\n};",
	 "2: number \"4294967296\" is too big"},
	{"driver x {\n heartbeat;\n};", "2: \"heartbeat\" takes 1 value"},
	{"driver x {\n heartbeat 1 2;\n};", "2: \"heartbeat\" takes 1 value"},
	{"driver x {\n heartbeat 0;\n};",
	 "2: heartbeat period must be at least 1 ms"},
	{"driver x {\n restart sometimes;\n};",
	 "2: \"restart\" takes always or never, not \"sometimes\""},
	{"driver x {\n backoff 100;\n};", "2: \"backoff\" takes 2 values"},
	{"driver x {\n backoff 200 100;\n};",
	 "2: backoff: the first wait (200 ms) is longer than the longest (100 "
	 "ms)"},
	{"driver x {\n limit 0 60;\n};",
	 "2: limit: both the count and the seconds must be at least 1"},
	{"driver x {\n copy maybe;\n};",
	 "2: \"copy\" takes yes or no, not \"maybe\""},
	{"driver x {\n reset bus;\n};",
	 "2: \"reset\" takes none, driver or pci, not \"bus\""},
	{"driver x {\n ;\n};", "2: unexpected \";\""},
	{"driver x {\n {\n};", "2: unexpected \"{\""},
	{"driver x {\n io 1\001;\n};", "2: bad character (byte 0x1)"},
	{"driver x {\n kernel "
	 "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ;\n};",
	 "2: unknown kernel call "
	 "\"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN...\""},
};

static void malformed_files(void)
{
	for (size_t i = 0; i < sizeof(bad_files) / sizeof(bad_files[0]); i++) {
		const struct bad *b = &bad_files[i];
		memset(&pol, 0x5a, sizeof(pol));
		int r = parse(b->text);
		char want[256] = "";
		if (b->error)
			snprintf(want, sizeof(want), "x.conf:%s", b->error);
		bool ok = b->error ? r == -1 && strcmp(err, want) == 0
				   : r == 0 && err[0] == 0;
		if (b->error && r == -1) { /* nothing partial comes out */
			const unsigned char *p = (const void *)&pol;
			for (size_t j = 0; j < sizeof(pol); j++)
				ok = ok && p[j] == 0x5a;
		}
		if (!ok)
			printf("    case %zu: got %d \"%s\", want \"%s\"\n", i,
			       r, err, want);
		CHECK(ok);
	}
}

/* Messages are cut to fit the caller's buffer, and a zero-sized or
 * missing buffer is allowed. */
static void short_error_buffer(void)
{
	char small[12];
	const char *text = "driver x { iox; };";
	CHECK(policy_parse("x.conf", text, strlen(text), &pol, small,
			   sizeof(small)) == -1);
	CHECK(strcmp(small, "x.conf:1: u") == 0);
	CHECK(policy_parse("x.conf", text, strlen(text), &pol, 0, 0) == -1);
	CHECK(policy_parse(0, text, 6, &pol, err, sizeof(err)) == -1);
	CHECK(strcmp(err, "policy:1: expected a label after \"driver\", "
			  "found end of file") == 0);
}

static void to_priv(void)
{
	struct priv_desc d;
	memset(&d, 0xff, sizeof(d));
	CHECK(parse(full_text) == 0);
	policy_to_priv(&pol, &d);
	CHECK(d.flags == 0 && d.traps == IPC_TRAPS_ALL && d.nr_targets == 0);
	CHECK(d.calls == (pol.calls | POLICY_EVERY_CALL) && d.irqs == pol.irqs);
	CHECK(d.nr_io == 2 && d.io[0].first == 0x300 && d.io[0].last == 0x31f &&
	      d.io[1].first == 0x3f6 && d.io[1].last == 0x3f6);
	CHECK(d.nr_mem == 2 && d.mem[0].base == 0xa0000 &&
	      d.mem[0].len == 0x20000 && d.mem[1].base == 0x1000000);
	CHECK(d.io[2].first == 0 && d.mem[2].len == 0 && d.targets[0] == 0);
}

/* Read DIR/NAME/NAME.conf of this source tree into pol. */
static int parse_tree_file(const char *dir, const char *name)
{
	static char text[65536];
	char path[512];
	snprintf(path, sizeof(path), "%s/%s/%s/%s.conf", TOP_DIR, dir, name,
		 name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("    cannot open %s\n", path);
		return -1;
	}
	size_t n = fread(text, 1, sizeof(text), f);
	fclose(f);
	if (policy_parse(path, text, n, &pol, err, sizeof(err)) < 0) {
		printf("    %s\n", err);
		return -1;
	}
	return strcmp(pol.label, name) == 0 ? 0 : -1;
}

/* The boot processes' files say what each is: the boot table's core
 * and manager fields come from that (tools/boottable.c). */
static void boot_files_kinds(void)
{
	static const char *const servers[] = {"pm", "vfs", "fs", "rs", "ds"};
	static const char *const drivers[] = {"memory", "tty", "ata", "pci"};
	for (int i = 0; i < 5; i++) {
		CHECK(parse_tree_file("servers", servers[i]) == 0);
		CHECK(pol.kind == POLICY_SERVER);
	}
	for (int i = 0; i < 4; i++) {
		CHECK(parse_tree_file("drivers", drivers[i]) == 0);
		CHECK(pol.kind == POLICY_DRIVER && pol.heartbeat_ms > 0 &&
		      pol.copy && pol.priority < POLICY_PRIORITY_DEFAULT);
	}
	CHECK(parse_tree_file("commands", "init") == 0);
	CHECK(pol.kind == POLICY_PROGRAM && !pol.users);
	/* Only the user-facing servers take calls from user processes. */
	CHECK(parse_tree_file("drivers", "memory") == 0 && !pol.users);
	CHECK(parse_tree_file("drivers", "pci") == 0 && !pol.users); /* DS */
	CHECK(parse_tree_file("servers", "fs") == 0 && !pol.users);
	CHECK(parse_tree_file("servers", "vfs") == 0 && pol.users);
}

/* Block kinds and the priority keyword. */
static void kinds_and_priority(void)
{
	static const char text[] = "server x { priority 7; };";
	CHECK(policy_parse("p", text, sizeof(text) - 1, &pol, err,
			   sizeof(err)) == 0);
	CHECK(pol.kind == POLICY_SERVER && pol.priority == 7);
	static const char prog[] = "program t_any { };";
	CHECK(policy_parse("p", prog, sizeof(prog) - 1, &pol, err,
			   sizeof(err)) == 0);
	CHECK(pol.kind == POLICY_PROGRAM &&
	      pol.priority == POLICY_PRIORITY_DEFAULT);
	static const char bad[] = "driver x { priority 8; };";
	CHECK(policy_parse("p", bad, sizeof(bad) - 1, &pol, err, sizeof(err)) <
	      0);
	CHECK(strcmp(err, "p:1: priority 8 is not 0 to 7") == 0);
}

int main(void)
{
	unit_file = "policy";
	RUN(full_file);
	RUN(defaults);
	RUN(lists_and_limits);
	RUN(malformed_files);
	RUN(short_error_buffer);
	RUN(to_priv);
	RUN(kinds_and_priority);
	RUN(boot_files_kinds);
	return unit_done();
}
