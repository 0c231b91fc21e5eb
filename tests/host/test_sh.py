#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests for Samsara's /bin/sh (commands/sh).

Usage: test_sh.py PATH_TO_SH

Each case runs the shell in a fresh temporary directory (also $HOME),
with a script given by -c, on stdin, or as a script file, and compares
stdout, stderr and the exit status exactly.  Prints "PASS: sh/NAME" or
"FAIL: sh/NAME: why" per case and exits non-zero if any failed.

In the expected texts, {sh} is the shell under test, {d} the temporary
directory and {prompt} the default PS1 ("# " for root, else "$ ").
$SH in the environment also names the shell under test.
"""
import os
import subprocess
import sys
import tempfile


class Case:
    def __init__(self, name, script, out="", err="", status=0, how="c",
                 args=(), stdin=None, files=None, timeout=20):
        self.name, self.script = name, script
        self.out, self.err, self.status = out, err, status
        self.how, self.args, self.stdin = how, list(args), stdin
        self.files, self.timeout = files or {}, timeout


CASES = []


def t(*args, **kw):
    CASES.append(Case(*args, **kw))


# ---- simple commands, quoting, comments --------------------------------
t("echo", "echo hello   world", "hello world\n")
t("echo_n", "echo -n abc; echo def", "abcdef\n")
t("comment", "echo a # not this\n# nor this\necho b#c", "a\nb#c\n")
t("single_quotes", "echo 'a  $HOME \"x\" \\n'", 'a  $HOME "x" \\n\n')
t("double_quotes", 'x=1; echo "v=$x \\$x \\"q\\" \\\\ \\` \\a \'s\'"',
  'v=1 $x "q" \\ ` \\a \'s\'\n')
t("backslash", "echo a\\ b \\$x \\\\ \\'", "a b $x \\ '\n")
t("line_continuation", "echo ab\\\ncd \\\n  ef", "abcd ef\n")
t("empty_fields", "set -- \"\" a ''; echo $#", "3\n")
t("semicolons_newlines", "echo 1; echo 2\n\n\necho 3;", "1\n2\n3\n")
t("long_line", "x=" + "a" * 100000 + "; echo ${#x}", "100000\n")

# ---- variables and parameters ------------------------------------------
t("assign", 'A=1; B="$A 2"; echo "$B"', "1 2\n")
t("prefix_assign", 'A=5 env | grep "^A="; echo "[$A]"', "A=5\n[]\n")
t("export", "export X=7; env | grep '^X='; Y=8; env | grep -c '^Y=';"
  " export Y; env | grep '^Y='", "X=7\n0\nY=8\n")
t("unset", 'x=1; unset x; echo "[${x-unset}]"', "[unset]\n")
t("args_c", "echo $0 $1 $2 $#", "name a b 2\n", args=("name", "a", "b"))
t("pid", 'a=$$; b=$(echo $$); [ "$a" = "$b" ] && echo same', "same\n")
t("param_default", 'x=; echo ${u:-d1} ${u-d2} ${x:-d3} "[${x-d4}]"',
  "d1 d2 d3 []\n")
t("param_assign", "echo ${u:=new} $u; v=; echo ${v=no}[$v]", "new new\n[]\n")
t("param_plus", "x=1; echo ${x:+set} [${u:+set}]", "set []\n")
t("param_length", "v=hello; echo ${#v} ${#u}; set -- a b c; echo ${#}",
  "5 0\n3\n")
t("param_trim", "v=dir/a.tar.gz; echo ${v%.*} ${v%%.*} ${v#*.} ${v##*/}",
  "dir/a.tar dir/a tar.gz a.tar.gz\n")
t("param_error", "echo ${u?custom msg}; echo not", "", "sh: u: custom msg\n",
  2)
t("param_error_null", "x=; echo ${x:?}", "",
  "sh: x: parameter null or not set\n", 2)
t("nounset", "set -u; echo $nosuch", "", "sh: nosuch: parameter not set\n", 2)
t("positional_10", "set -- a b c d e f g h i j k; echo ${10} ${11} $10",
  "j k a0\n")
t("shift", "set -- a b c; shift; echo $@; shift 2; echo $#", "b c\n0\n")
t("shift_too_far", "set -- a; shift 2; echo no", "",
  "sh: shift: can't shift that many\n", 2)
t("set_list", "foo='a b'\"'\"c; set | grep '^foo='", "foo='a b'\\''c'\n")
t("options_var", "set -e; echo $-; set +e; echo \"[$-]\"", "e\n[]\n")
t("default_ifs", 'echo ${#IFS}; x="a\tb\nc"; set -- $x; echo $#;'
  ' [ "$PPID" -gt 0 ] && echo ppid', "3\n3\nppid\n")

# ---- field splitting ----------------------------------------------------
t("split_default", 'x="  a  b  "; set -- $x; echo $#:$1:$2', "2:a:b\n")
t("split_custom", "IFS=:; x=a::b:; set -- $x; echo $#; x=' :b'; set -- $x;"
  " echo $#", "3\n2\n")
t("split_mixed", 'IFS=" :"; x="a : :b"; set -- $x; echo $#:$2', "3:\n")
t("quoted_at", 'set -- "a b" c; for i in "$@"; do echo "[$i]"; done',
  "[a b]\n[c]\n")
t("quoted_star", 'set -- a b c; IFS=-; echo "$*"; IFS=; echo "$*"',
  "a-b-c\nabc\n")
t("at_empty", 'set --; for i in "$@"; do echo x; done; echo "[$@]";'
  ' set -- "$@"; echo $#', "[]\n0\n")
t("unquoted_at", 'set -- "a b" "" c; set -- $@; echo $#', "3\n")
t("split_in_default", 'set -- ${u:-a b}; echo $#; set -- "${u:-a b}";'
  " echo $#", "2\n1\n")
t("no_split_assign", 'x="a   b"; y=$x; echo "$y"', "a   b\n")

# ---- command substitution and arithmetic ---------------------------------
t("cmdsub", 'echo "[$(echo a; echo b; echo)]"', "[a\nb]\n")
t("cmdsub_nested", "echo $(echo $(echo deep) er)", "deep er\n")
t("cmdsub_case", "echo $(case x in x) echo matched;; esac)", "matched\n")
t("cmdsub_paren_comment", "echo $(echo a # ) not the end\n)", "a\n")
t("backquote", "echo `echo hi \\`echo there\\``", "hi there\n")
t("cmdsub_status", "x=$(exit 3); echo $?", "3\n")
t("cmdsub_split", 'set -- $(echo "a b  c"); echo $#', "3\n")
t("arith_ops", "echo $((2+3*4)) $(((2+3)*4)) $((10/3)) $((10%3)) $((-5+2))"
  " $((1<2)) $((2==3)) $((1&&0)) $((1||0)) $((5>3?7:8)) $((0x10))",
  "14 20 3 1 -3 1 0 0 1 7 16\n")
t("arith_vars", "x=5; y=$((x*2)); echo $y $((x+=1)) $x $(($x+1))",
  "10 6 6 7\n")
t("arith_div0", "echo $((1/0)); echo no", "",
  "sh: arithmetic: division by zero\n", 2)
t("arith_syntax", "echo $((1+))", "", "sh: arithmetic: syntax error\n", 2)

# ---- pathname expansion -------------------------------------------------
GLOBFILES = {"a.c": "", "b.c": "", "c.h": "", ".hidden": "",
             "d/x.txt": "", "d/y.txt": ""}
t("glob_star", "echo *.c", "a.c b.c\n", files=GLOBFILES)
t("glob_nomatch", "echo *.zz n?pe", "*.zz n?pe\n", files=GLOBFILES)
t("glob_quoted", "x='*'; echo \"*.c\" '*'.c \\*.c \"$x\"",
  "*.c *.c *.c *\n", files=GLOBFILES)
t("glob_expanded_var", "x='*.c'; echo $x", "a.c b.c\n", files=GLOBFILES)
t("glob_classes", "echo ?.h [ab].c [!a].c [[:alpha:]].h", "c.h a.c b.c b.c c.h\n",
  files=GLOBFILES)
t("glob_dotfiles", "echo *; echo .h*", "a.c b.c c.h d\n.hidden\n",
  files=GLOBFILES)
t("glob_dirs", "echo d/*.txt */x.txt *.c/ */", "d/x.txt d/y.txt d/x.txt *.c/ d/\n",
  files=GLOBFILES)
t("noglob", "set -f; echo *.c", "*.c\n", files=GLOBFILES)

# ---- redirections -------------------------------------------------------
t("redir_out_append", "echo a > f; echo b >> f; cat f", "a\nb\n")
t("redir_in", "printf 'x\\ny\\n' > f; wc -l < f", "2\n")
t("redir_stderr", "ls /nonexistent 2> e; [ -s e ] && echo has_err",
  "has_err\n")
t("redir_2to1", "{ echo err >&2; } 2>&1 | cat; ls /nonexistent >f 2>&1;"
  " [ -s f ] && echo yes", "err\nyes\n")
t("redir_close", "echo x >&-; echo $?", "1\n")
t("redir_fd3", "exec 3>f; echo hi >&3; exec 3>&-; cat f; echo x >&3",
  "hi\n", "sh: 3: bad file descriptor\n", 1)
t("redir_read_fd", "echo data > f; exec 4<f; read x <&4; echo $x", "data\n")
t("redir_missing", "cat < nofile; echo $?", "1\n",
  "sh: cannot open nofile: No such file or directory\n")
t("redir_builtin_restored", "echo a > f; echo b; cat f", "b\na\n")
t("redir_group", "{ echo 1; echo 2; } > f; cat f", "1\n2\n")
t("redir_loop", "for i in 1 2; do echo $i; done > f; cat f;"
  " while read l; do echo \"<$l>\"; done < f", "1\n2\n<1>\n<2>\n")
t("redir_rdwr", "echo abc > f; exec 5<>f; read x <&5; echo $x", "abc\n")
t("heredoc", "x=world\ncat <<EOF\nhello $x\n$(echo sub) \\$x\nEOF\necho after",
  "hello world\nsub $x\nafter\n")
t("heredoc_quoted", "cat <<'EOF'\n$HOME `x` \\$\nEOF", "$HOME `x` \\$\n")
t("heredoc_strip", "cat <<-EOF\n\t\tindented\n\tEOF\necho ok", "indented\nok\n")
t("heredoc_two", "cat <<A; cat <<B\none\nA\ntwo\nB", "one\ntwo\n")
t("heredoc_large", "cat <<EOF | wc -l\n" + "line of text\n" * 5000 + "EOF",
  "5000\n")
t("heredoc_in_cmdsub", "x=$(cat <<EOF\ninside\nEOF\n)\necho $x", "inside\n")
t("heredoc_loop", "while read a b; do echo \"$b$a\"; done <<EOF\n1 x\n2 y\nEOF",
  "x1\ny2\n")

# ---- pipelines and lists -------------------------------------------------
t("pipeline", "echo abc | tr a-z A-Z | cat", "ABC\n")
t("pipeline_status", "false | true; echo $?; true | false; echo $?", "0\n1\n")
t("negation", "! false; echo $?; ! true; echo $?", "0\n1\n")
t("and_or", "true && echo a || echo b; false && echo c || echo d", "a\nd\n")
t("and_or_newline", "true &&\necho a ||\necho b", "a\n")
t("background", "echo bg > f & wait; cat f", "bg\n")
t("background_pid", "sleep 0.1 & [ \"$!\" -gt 0 ] && echo bg; wait $!;"
  " echo $?", "bg\n0\n")
t("wait_status", "(exit 5) & wait $!; echo $?; wait 99999; echo $?",
  "5\n127\n")
t("wait_all", "(sleep 0.2; echo one) & (sleep 0.1; echo two) & wait;"
  " echo done", "two\none\ndone\n")
t("background_sigint_ignored", "sleep 5 & p=$!; kill -INT $p; sleep 0.3;"
  " kill -0 $p && echo alive; kill $p", "alive\n")
t("background_stdin_null", "echo data | { cat & wait; }; echo end",
  "end\n")

# ---- compound commands ---------------------------------------------------
t("if", "for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x = 2 ];"
  " then echo two; else echo other; fi; done", "one\ntwo\nother\n")
t("if_status", "if false; then :; fi; echo $?", "0\n")
t("while", "i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done",
  "1\n2\n3\n")
t("until", "i=0; until [ $i -ge 3 ]; do i=$((i+1)); done; echo $i", "3\n")
t("for_args", "set -- x 'y z'; for a; do echo \"$a\"; done", "x\ny z\n")
t("for_empty", "for a in; do echo no; done; echo ok", "ok\n")
t("for_multiline", "for a in 1 2\ndo\n  echo $a\ndone", "1\n2\n")
t("case", "for w in apple banana cherry x; do case $w in a*|b*) echo ab;;"
  " c????y) echo c;; *) echo other;; esac; done", "ab\nab\nc\nother\n")
t("case_quoted", "x='*'; case abc in \"$x\") echo lit;; *) echo glob;; esac;"
  " case '*' in \"$x\") echo lit;; esac; case a in (a) echo paren; esac",
  "glob\nlit\nparen\n")
t("case_multiline", "case x in\n  y) echo y\n  ;;\n  x)\n    echo x\n"
  "    ;;\nesac", "x\n")
t("subshell", "x=1; (x=2; echo $x; cd /); echo $x; pwd >/dev/null", "2\n1\n")
t("group", "{ echo a; echo b; }; { echo c; }", "a\nb\nc\n")
t("function", "f() { echo \"f:$#:$1\"; return 3; }; f a 'b c'; echo $?",
  "f:2:a\n3\n")
t("function_newline_body", "f()\n{\n  echo body\n}\nf", "body\n")
t("function_recursion",
  "fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 6",
  "720\n")
t("function_positional", "set -- a b; f() { echo $#; }; f x; echo $# $1",
  "1\n2 a\n")
t("function_local", "x=0; f() { local x=1; echo $x; }; f; echo $x", "1\n0\n")
t("function_redefine", "f() { echo 1; f() { echo 2; }; }; f; f", "1\n2\n")
t("break_continue", "for i in 1 2 3; do for j in a b; do"
  " [ $j = b ] && continue 2; [ $i = 3 ] && break 2; echo $i$j; done; done;"
  " echo end", "1a\n2a\nend\n")
t("break_while", "i=0; while true; do i=$((i+1)); [ $i = 5 ] && break; done;"
  " echo $i", "5\n")
t("return_in_loop", "f() { for i in 1 2 3; do [ $i = 2 ] && return 7;"
  " done; }; f; echo $?", "7\n")

# ---- built-ins ----------------------------------------------------------
t("true_false", "true; echo $?; false; echo $?; :; echo $?", "0\n1\n0\n")
t("cd_pwd", "mkdir sub; cd sub; pwd; echo $PWD; cd ..; cd -; cd; pwd",
  "{d}/sub\n{d}/sub\n{d}/sub\n{d}\n")
t("cd_bad", "cd /nonexistent; echo $?", "1\n",
  "sh: cd: /nonexistent: No such file or directory\n")
t("exit", "echo a; exit 3; echo b", "a\n", "", 3)
t("exit_subshell", "(exit 4); echo $?; exit 300", "4\n", "", 44)
t("test_strings", "[ abc = abc ] && echo 1; [ a != b ] && echo 2;"
  " [ -z '' ] && echo 3; [ -n x ] && echo 4; test x && echo 5;"
  " [ '' ] || echo 6; [ ! -n '' ] && echo 7", "1\n2\n3\n4\n5\n6\n7\n")
t("test_ints", "[ 3 -gt 2 ] && echo 1; [ 2 -le 2 ] && echo 2;"
  " [ -1 -lt 0 ] && echo 3; [ 5 -eq 05 ] && echo 4; [ 1 -ne 1 ] || echo 5;"
  " [ 4 -ge 5 ] || echo 6", "1\n2\n3\n4\n5\n6\n")
t("test_files", "mkdir d; echo x > f; : > e; chmod 700 f;"
  " [ -e f ] && echo e; [ -f f ] && echo f; [ -d d ] && echo d;"
  " [ -s f ] && echo s; [ -s e ] || echo ns; [ -r f ] && echo r;"
  " [ -w f ] && echo w; [ -x f ] && echo x; [ -f d ] || echo nf;"
  " [ -e nope ] || echo ne", "e\nf\nd\ns\nns\nr\nw\nx\nnf\nne\n")
t("test_logic", "[ 1 -eq 1 -a 2 -gt 1 ] && echo and; [ 1 -eq 2 -o a = a ]"
  " && echo or; [ \\( 1 -eq 2 \\) -o \\( x = x \\) ] && echo paren;"
  " [ ! 1 -eq 2 ] && echo not; [ ! = x ] || echo three",
  "and\nor\nparen\nnot\nthree\n")
t("test_errors", "[ abc -eq 1 ]; echo $?; [ a; echo $?; test 1 2 3 4 5;"
  " echo $?", "2\n2\n2\n",
  "[: abc: integer expression expected\n[: missing ']'\n"
  "test: 2: unexpected operand\n")
t("read", "printf 'a b c\\nsecond\\n' > f; { read x y; read z; } < f;"
  " echo \"$x|$y|$z\"", "a|b c|second\n")
t("read_backslash", "printf 'a\\\\ b c\\\\\\nd\\n' > f; read x y < f;"
  " echo \"[$x][$y]\"; read -r x < f; echo \"[$x]\"",
  "[a b][cd]\n[a\\ b c\\]\n")
t("read_eof", "printf 'last' | { read x; echo $? $x; }; read y < /dev/null;"
  " echo $? \"[$y]\"", "1 last\n1 []\n")
t("read_reply_ifs", "echo '  x:y  ' | { IFS=: read a b; echo \"[$a][$b]\"; };"
  " echo ' r ' | { read; echo \"[$REPLY]\"; }", "[  x][y  ]\n[r]\n")
t("trap_exit", "trap 'echo bye $?' EXIT; echo hi; exit 3", "hi\nbye 3\n", "",
  3)
t("trap_signal", "trap 'echo caught' TERM; kill -TERM $$; echo after",
  "caught\nafter\n")
t("trap_ignore_reset", "trap '' TERM; kill -TERM $$; echo survived;"
  " trap - TERM; kill -TERM $$; echo not", "survived\n", "", -15)
t("trap_list", "trap 'echo x' INT; trap 'echo y' 0; trap; trap - INT 0;"
  " trap", "trap -- 'echo y' EXIT\ntrap -- 'echo x' INT\n")
t("trap_numbers", "trap 'echo hup' 1; trap 'echo term' SIGTERM;"
  " kill -HUP $$; kill -TERM $$; echo end", "hup\nterm\nend\n")
t("trap_wait_interrupted", "trap 'echo trapped' USR1; sleep 2 & p=$!;"
  " (sleep 0.2; kill -USR1 $$) & wait $p; echo $?; kill $p",
  "trapped\n138\n")
t("eval", "x=1; eval 'x=2; echo $x'; eval echo '$x' '$((x+1))'", "2\n2 3\n")
t("dot", ". ./lib.sh; echo $libvar; . ./lib.sh arg; echo $? $1",
  "lib\n0\n", "lib\nlib arg\n",
  files={"lib.sh": "libvar=lib\necho lib $1 >&2\n"})
t("dot_return", ". ./r.sh; echo $?", "in\n4\n",
  files={"r.sh": "echo in\nreturn 4\necho not\n"})
t("dot_missing", ". ./nope.sh; echo no", "",
  "sh: .: cannot open ./nope.sh: No such file or directory\n", 2)
t("exec_replace", "exec echo replaced; echo not", "replaced\n")
t("exec_redirect", "exec 3>&1; exec > f; echo into; exec 1>&3; cat f",
  "into\n")
t("set_x", "set -x; x=1 echo a \"$HOME\"; set +x; echo b",
  "a {d}\nb\n", "+ x=1 echo a {d}\n+ set +x\n")
t("set_e", "set -e; echo a; false; echo b", "a\n", "", 1)
t("set_e_exempt", "set -e; false || true; if false; then :; fi;"
  " ! true; while false; do :; done; false && true; echo ok", "ok\n")
t("set_e_subshell", "set -e; (false); echo no", "", "", 1)
t("set_e_eval_tested", "set -e; if eval false; then :; else echo e; fi;"
  " eval false; echo no", "e\n", "", 1)
t("assign_special_builtin", "x=1 :; echo $x; y=2 true; echo \"[$y]\";"
  " f() { echo $z; }; z=3 f; echo \"[$z]\"", "1\n[]\n3\n[]\n")
t("deep_recursion", "f() { [ $1 -eq 0 ] && return; f $(( $1 - 1 )); };"
  " f 300; echo ok", "ok\n")
t("pipeline_subshell", "echo x | read v; echo \"[$v]\"; printf '1\\n2\\n' |"
  " while read n; do s=$((s+n)); done; echo \"[$s][$!]\"", "[]\n[][]\n")
t("nested_quotes", "echo \"${u:-\"a  b\"}\" $(( (1+2) * (3+(4-1)) ))",
  "a  b 18\n")
t("trap_exit_subshell", "(trap 'echo sub' EXIT; echo in); echo out",
  "in\nsub\nout\n")
t("exec_not_found", "exec nosuch_xyz; echo no", "",
  "sh: nosuch_xyz: not found\n", 127)
t("exit_bad_number", "exit abc", "", "sh: exit: abc: bad number\n", 2)
t("bad_substitution", "echo ${x!}; echo no", "", "sh: bad substitution\n", 2)
t("syntax_error_for", "for 1 in a; do :; done", "",
  "sh: line 1: syntax error near '1'\n", 2)
t("syntax_error_case", "case x in\nx) echo x;;\n", "",
  "sh: line 3: syntax error near 'end of file'\n", 2)
t("umask", "umask 027; umask; umask 0022; umask", "0027\n0022\n")
t("readonly", "readonly r=1; echo $r; r=2; echo no", "1\n",
  "sh: r: is read only\n", 2)
t("unset_function", "f() { echo f; }; unset -f f; f", "",
  "sh: f: not found\n", 127)

# ---- errors and exit statuses -------------------------------------------
t("not_found", "nosuch_cmd_xyz a; echo $?", "127\n",
  "sh: nosuch_cmd_xyz: not found\n")
t("not_executable", "./f; echo $?", "126\n", "sh: ./f: Permission denied\n",
  files={"f": "echo hi\n"})
t("path_search", "mkdir bin; printf '#!/bin/sh\\necho mine $1\\n' > bin/mycmd;"
  " chmod +x bin/mycmd; PATH=$PWD/bin:$PATH; mycmd arg", "mine arg\n")
t("default_path", "unset PATH; cat /dev/null && echo found", "found\n")
t("enoexec_script", "printf 'echo \"script $0 $1\"\\n' > s; chmod +x s;"
  " ./s arg", "script ./s arg\n")
t("syntax_error", "if true; then", "",
  "sh: line 1: syntax error near 'end of file'\n", 2)
t("syntax_error_line", "echo a\necho b\nfi\necho c", "a\nb\n",
  "sh: line 3: syntax error near 'fi'\n", 2)
t("syntax_error_token", "echo a | ;", "",
  "sh: line 1: syntax error near ';'\n", 2)
t("syntax_error_paren", "echo )", "", "sh: line 1: syntax error near ')'\n", 2)
t("syntax_error_quote", "echo 'abc", "",
  "sh: line 1: syntax error: unterminated quoted string\n", 2)
t("signal_status", "$SH -c 'kill -KILL $$'; echo $?; $SH -c 'kill $$'; echo $?",
  "137\n143\n")
t("eval_syntax_error", "eval 'if'; echo no", "",
  "sh: line 1: syntax error near 'end of file'\n", 2)

# ---- invocation ----------------------------------------------------------
t("script_file", "echo $0 $1 $#", "script.sh x 2\n", how="file",
  args=("x", "y"))
t("script_stdin", "echo from stdin\nexit 5\necho no", "from stdin\n", "", 5,
  how="stdin")
t("stdin_shared_pipe", "read line\nshared line\necho \"got $line\"\n",
  "got shared line\n", how="stdin")
t("stdin_shared_file", "$SH < s.sh", "got shared\nfor head\nend\n",
  files={"s.sh": "read x\nshared\necho \"got $x\"\nhead -n 1\n"
         "for head\necho end\n"})
t("name_default", "echo $0", "{sh}\n")
t("opt_s", "echo $1 $#", "a 2\n", how="stdin", args=("-s", "a", "b"))
t("opt_n", "", "", "", 0, how="argv", args=("-n", "-c", "echo hi"))
t("stdin_long_script", "i=0\nwhile [ $i -lt 3 ]; do\n" +
  "  : " + "x" * 5000 + "\n  i=$((i+1))\ndone\nread l\nafter loop\n"
  "echo \"$i $l\"\n", "3 after loop\n", how="stdin")
t("cannot_open", "", "", "sh: cannot open nofile: No such file or directory\n",
  127, how="argv", args=("nofile",))
t("bad_option", "", "",
  "usage: sh [-eifnux] [-c command [name [arg...]]] [file [arg...]]\n", 2,
  how="argv", args=("-Z",))
t("interactive", "echo hi\nPS1='my> '\nkill -INT $$\nkill -TERM $$\n"
  "echo alive\nfi\necho after\nexit 3\n", "hi\nalive\nafter\n",
  "{prompt}{prompt}my> \nmy> my> my> "
  "sh: line 6: syntax error near 'fi'\nmy> my> ", 3, how="stdin",
  args=("-i",))
t("interactive_ps2_eof", "if true\nthen echo yes\nfi\n", "yes\n",
  "{prompt}> > {prompt}\n", how="stdin", args=("-i",))


def expect(text, d, sh):
    if text is None:
        return None
    prompt = "# " if os.getuid() == 0 else "$ "
    return (text.replace("{sh}", sh).replace("{d}", d)
            .replace("{prompt}", prompt))


def make_files(d, files):
    for name, content in files.items():
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(content)


def argv_and_input(c, d, sh):
    if c.how == "c":
        return [sh, "-c", c.script] + c.args, c.stdin
    if c.how == "stdin":
        return [sh] + c.args, c.script
    if c.how == "file":
        with open(os.path.join(d, "script.sh"), "w") as f:
            f.write(c.script)
        return [sh, "script.sh"] + c.args, c.stdin
    return [sh] + c.args, c.script if c.stdin == "STDIN" else c.stdin


def run_case(sh, c):
    with tempfile.TemporaryDirectory() as d:
        d = os.path.realpath(d)
        make_files(d, c.files)
        argv, stdin = argv_and_input(c, d, sh)
        env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "HOME": d,
               "SH": sh, "LC_ALL": "C"}
        try:
            p = subprocess.run(argv, input=(stdin or "").encode(), cwd=d,
                               env=env, capture_output=True,
                               timeout=c.timeout)
        except subprocess.TimeoutExpired:
            return "timed out"
        out, err = p.stdout.decode(errors="replace"), \
            p.stderr.decode(errors="replace")
        want_out, want_err = expect(c.out, d, sh), expect(c.err, d, sh)
        if out != want_out:
            return "stdout %r, expected %r" % (out[:300], want_out[:300])
        if want_err is not None and err != want_err:
            return "stderr %r, expected %r" % (err[:300], want_err[:300])
        if p.returncode != c.status:
            return "status %d, expected %d" % (p.returncode, c.status)
    return None


def main():
    if len(sys.argv) != 2:
        print("usage: test_sh.py PATH_TO_SH", file=sys.stderr)
        return 2
    sh = os.path.abspath(sys.argv[1])
    failed = 0
    for c in CASES:
        why = run_case(sh, c)
        if why:
            failed += 1
            print("FAIL: sh/%s: %s" % (c.name, why))
        else:
            print("PASS: sh/%s" % c.name)
    print("%d passed, %d failed" % (len(CASES) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
