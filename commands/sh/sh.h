// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh.h: the parts of Samsara's /bin/sh and how they fit together.
 *
 * A command line travels through the shell in four steps:
 *
 *   input.c   bytes from a string, a script file or the terminal
 *   lex.c     bytes -> tokens; words keep their quotes ("raw" text)
 *   parse.c   tokens -> a tree of struct node (tree.c frees it)
 *   exec.c    runs the tree; command.c runs one simple command after
 *             expand.c has turned its raw words into fields
 *
 * Around them: var.c (variables, positional parameters), redir.c
 * (redirections), jobs.c (forking and waiting), path.c (PATH search and
 * execve), trap.c (signals and traps), builtin*.c (the built-in
 * commands), pattern.c and glob.c (* ? [...] for case and file names),
 * arith.c ($((...))), testcmd.c (test and [, usable on its own) and
 * main.c (options and the read-parse-run loop).
 *
 * All that the running shell knows ($?, the options, loop and function
 * depth, a pending break or return) sits in the one struct shell below,
 * so a reader can see the whole state in one place.
 *
 * The shell only uses plain POSIX calls that newlib and Samsara's libc
 * provide: no stdio input, no fnmatch/glob/execvp, no job control.
 */
#pragma once

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Descriptors the shell keeps for itself start here. */
#define SH_FD_MIN 10
/* Signal numbers the shell can trap are below this. */
#define SH_NSIG 65
/* Room for a long long in decimal, sign and NUL. */
#define NUM_BUF 24

/* ---- util.c: memory, growing strings, string arrays, output ---- */

struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

struct strvec {
	char **v; /* NULL-terminated once anything was pushed */
	size_t n;
	size_t cap;
};

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void sb_addc(struct strbuf *b, char c);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_adds(struct strbuf *b, const char *s);
void sb_vfmt(struct strbuf *b, const char *fmt, va_list ap);
void sb_fmt(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_addquoted(struct strbuf *b, const char *value);
const char *sb_str(const struct strbuf *b);
char *sb_take(struct strbuf *b);
void sb_free(struct strbuf *b);
void sv_push(struct strvec *v, char *s);
void sv_free(struct strvec *v);
int out_n(int fd, const char *s, size_t n);
int out_s(int fd, const char *s);
void sh_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *fmt_num(char *buf, long long v);
bool parse_num(const char *s, long long *v);
char *get_cwd(void);
size_t name_len(const char *s);
bool is_name(const char *s);

/* ---- input.c: where commands are read from ---- */

#define IN_INTR (-2) /* in_getc(): ^C at an interactive prompt */
#define IN_BACK 8    /* bytes in_ungetc() can push back */

#define IN_OWNFD 1  /* in_free() closes the descriptor */
#define IN_STDIN 2  /* fd 0 shared with the commands: see in_sync() */
#define IN_PROMPT 4 /* interactive: show PS1/PS2 before reading */

struct input {
	int fd; /* -1: read `data` as a string */
	const char *data;
	char *buf;
	size_t len, pos;
	int back[IN_BACK];
	int nback;
	int line;
	int ps; /* prompt shown by the next read: 1 or 2 */
	bool eof, sync, one_byte, prompt, own_fd, interrupted;
	bool line_start; /* the next byte starts a line */
	struct strbuf *capture;
	struct input *next_fd;
};

struct input *in_string(const char *s, size_t n);
struct input *in_fd(int fd, int flags);
void in_free(struct input *in);
int in_getc(struct input *in);
void in_ungetc(struct input *in, int c);
void in_sync(struct input *in);
void in_flush(struct input *in);
size_t in_used(const struct input *in);
void in_avoid_fd(int fd);

/* ---- tree.c: the parsed form of commands ---- */

enum node_type {
	N_CMD,	    /* simple command: assigns, words, redirs */
	N_PIPE,	    /* left | right (right may be another N_PIPE) */
	N_AND,	    /* left && right */
	N_OR,	    /* left || right */
	N_SEQ,	    /* left ; right (right may be another N_SEQ) */
	N_BG,	    /* left & */
	N_NOT,	    /* ! left */
	N_SUBSHELL, /* ( left ) */
	N_GROUP,    /* { left; } */
	N_IF,	    /* if left then right else third */
	N_WHILE,    /* while left do right done */
	N_UNTIL,    /* until left do right done */
	N_FOR,	    /* for name [in words] do right done */
	N_CASE,	    /* case words in items esac */
	N_FUNC,	    /* name() left */
};

enum redir_type {
	R_IN,	   /* <  */
	R_OUT,	   /* >  */
	R_APPEND,  /* >> */
	R_CLOBBER, /* >| */
	R_RDWR,	   /* <> */
	R_DUPIN,   /* <& */
	R_DUPOUT,  /* >& */
	R_HEREDOC, /* << and <<- */
};

struct word {
	struct word *next;
	char *text; /* raw: quotes still in */
};

struct redir {
	struct redir *next;
	struct redir *next_hd; /* queue of bodies still to read */
	enum redir_type type;
	int fd;
	char *word;	 /* raw target, or the here-document body */
	bool quoted;	 /* here-document delimiter was quoted */
	bool strip_tabs; /* <<- */
};

struct case_item {
	struct case_item *next;
	struct word *patterns;
	struct node *body;
};

struct node {
	enum node_type type;
	int refs; /* functions hold their body while it may run */
	struct node *left, *right, *third;
	struct word *words, *assigns;
	struct redir *redirs;
	struct case_item *items;
	char *name;
	bool has_in; /* for: "in" was given */
};

struct node *node_new(enum node_type type);
void node_free(struct node *n);
void words_free(struct word *w);
void redirs_free(struct redir *r);

/* ---- lex.c and parse.c: tokens and the grammar ---- */

enum tok {
	T_EOF,
	T_ERR,
	T_WORD,
	T_IONUM,
	T_NL,
	T_SEMI,
	T_DSEMI,
	T_AMP,
	T_ANDAND,
	T_PIPE,
	T_OROR,
	T_LPAR,
	T_RPAR,
	T_LESS,
	T_GREAT,
	T_DLESS,
	T_DLESSDASH,
	T_DGREAT,
	T_LESSAND,
	T_GREATAND,
	T_LESSGREAT,
	T_CLOBBER,
};

struct token {
	enum tok type;
	char *text; /* T_WORD, T_IONUM */
	int line;
};

struct parser {
	struct input *in;
	struct token tok; /* the lookahead, valid when have_tok */
	bool have_tok;
	bool error; /* a syntax error was reported */
	bool eof;   /* parse_line() met the end of the input */
	struct redir *hd_first, *hd_last;
};

void lex_next(struct parser *p, struct token *t);
const char *tok_name(const struct token *t);
char *lex_unquote(const char *raw, bool *quoted);
struct node *parse_line(struct parser *p);
void parse_done(struct parser *p);
bool parse_subst_check(struct input *in);
bool parse_subst_text(const char *s, size_t n, struct node **tree,
		      size_t *used);
bool parse_text(const char *s, size_t n, struct node **tree);

/* ---- expand.c, arith.c, pattern.c, glob.c ---- */

enum expand_how {
	XW_PLAIN,   /* one string: no splitting, no file names */
	XW_ASSIGN,  /* like XW_PLAIN, with ~ at the start */
	XW_PATTERN, /* one pattern: quoted * ? [ are escaped */
	XW_HEREDOC, /* a here-document body: only $, ` and \ matter */
};

int expand_words(struct word *w, struct strvec *out);
char *expand_word(const char *raw, enum expand_how how);
char *expand_prompt(const char *raw);
int arith_eval(const char *expr, long long *value);
bool pattern_match(const char *pat, const char *s, size_t n);
bool pattern_has_magic(const char *pat, size_t n);
size_t glob_expand(const char *pat, struct strvec *out);

/* ---- var.c: variables and positional parameters ---- */

#define V_EXPORT 1
#define V_READONLY 2

struct params {
	int n;
	char **v; /* v[0] is $1 */
};

struct var_save; /* the old state of variables set for one command */

void var_init(char **env);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int flags);
int var_assign(const char *word, int flags);
int var_unset(const char *name);
int var_flag(const char *name, int flags);
char **var_environ(void);
void var_print(int flags, const char *prefix);
void var_keep_exported(void);
struct var_save *var_save(struct var_save *list, const char *name);
void var_restore(struct var_save *list);
void params_set(struct params *pp, int n, char **v);
void params_free(struct params *pp);

/* ---- exec.c and command.c: running the tree ---- */

#define EV_EXIT 1   /* the process exits after this: exec, don't fork */
#define EV_TESTED 2 /* the status is tested: set -e does not apply */

int exec_node(struct node *n, int flags);
int exec_simple(struct node *n, int flags);
int exec_string(const char *s);
void func_define(const char *name, struct node *body);
bool func_unset(const char *name);
void func_clear(void);
int expand_failed(void);

/* ---- redir.c ---- */

struct fd_save; /* what redir_apply() changed, for redir_restore() */

int redir_apply(struct redir *r, struct fd_save **save);
void redir_restore(struct fd_save *save);
int fd_cloexec_dup(int fd);

/* ---- jobs.c: children ---- */

#define FORK_FG 0 /* a child the shell waits for */
#define FORK_BG 1 /* an asynchronous list (&) */

pid_t sh_fork(int mode);
int wait_child(pid_t pid);
int wait_pipeline(pid_t *pids, size_t n);
int wait_status(int raw);
void job_add(pid_t pid);
void jobs_reap(void);
int jobs_wait(pid_t pid);
char *cmdsub_run(struct node *tree);

/* ---- path.c ---- */

void shell_execve(char **argv) __attribute__((noreturn));
char *path_find(const char *name, const char *path);

/* ---- trap.c ---- */

extern volatile sig_atomic_t trap_any_pending;

void trap_init(void);
void trap_run_pending(void);
int trap_pending_signal(void);
bool trap_take_sigint(void);
void trap_child(bool background);
void trap_run_exit(void);
bool trap_exit_set(void);
int builtin_trap(int argc, char **argv);

/* ---- builtin.c, builtin_var.c, builtin_io.c ---- */

struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
	bool special; /* POSIX special built-in: errors end a script */
};

const struct builtin *builtin_find(const char *name);
bool sh_set_option(char c, bool on);
int bi_cd(int argc, char **argv);
int bi_echo(int argc, char **argv);
int bi_export(int argc, char **argv);
int bi_local(int argc, char **argv);
int bi_pwd(int argc, char **argv);
int bi_read(int argc, char **argv);
int bi_readonly(int argc, char **argv);
int bi_set(int argc, char **argv);
int bi_umask(int argc, char **argv);
int bi_unset(int argc, char **argv);
int bi_wait(int argc, char **argv);

/* ---- testcmd.c: depends on nothing else in the shell ---- */

int sh_test(int argc, char **argv);

/* ---- main.c: the shell's state and its main loop ---- */

enum skip {
	SKIP_NONE,
	SKIP_BREAK,
	SKIP_CONTINUE,
	SKIP_RETURN,
	SKIP_ABORT, /* interactive: drop the rest of the command line */
};

struct shell {
	bool interactive;
	bool opt_e, opt_f, opt_n, opt_u, opt_x;
	int status;	  /* $? */
	int subst_status; /* status of the last $(...) */
	pid_t pid;	  /* $$ */
	pid_t last_bg;	  /* $! (0: none yet) */
	char *arg0;	  /* $0 */
	struct params pos;
	enum skip skip; /* a break, continue or return on its way out */
	int skip_n;	/* levels left for break and continue */
	int loop_depth;
	int func_depth;
	int dot_depth;
	bool fatal;		 /* a special built-in failed */
	int tested;		 /* eval or "." runs where set -e is off */
	int fd0_redirected;	 /* depth of redirections of stdin */
	struct var_save *locals; /* `local` in the running function */
};

extern struct shell sh;

#define RUN_TOP 0  /* the shell's own input */
#define RUN_EVAL 1 /* eval and traps */
#define RUN_DOT 2  /* a file read by "." */

int run_input(struct input *in, int mode);
void sh_exit(int status) __attribute__((noreturn));
void sh_run_script(const char *path, char **argv) __attribute__((noreturn));
