#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests for the standard commands (commands/NAME/).

    sh tests/host/build_commands.sh /tmp/bin
    python3 tests/host/test_commands.py /tmp/bin

Each case runs one host-built command in a scratch directory and checks
its exact standard output, its standard error where the wording matters,
and its exit status.  Where a command's output is meant to agree with
the host's GNU tools (cksum above all, also sort, grep, cmp, head, tail,
dd, uname, date) the expectation is taken from the host tool when it is
installed.  Prints "PASS: cmd/NAME" or "FAIL: cmd/NAME: why" per case and
exits 1 if any case failed.
"""
import grp
import hashlib
import os
import pwd
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tally  # noqa: E402

BIN = None
TALLY = tally.Tally("cmd")
report = TALLY.report


def run(cmd, args, stdin=b"", env=None, cwd=None, timeout=20):
    """Run BIN/cmd with args; returns (status, stdout, stderr) as bytes."""
    p = subprocess.run([os.path.join(BIN, cmd)] + list(args), input=stdin,
                       capture_output=True, env=env, cwd=cwd,
                       timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def host(args, stdin=b"", env=None):
    """Run a host tool; None if it is not installed."""
    if not shutil.which(args[0]):
        return None
    p = subprocess.run(args, input=stdin, capture_output=True, env=env)
    return p.returncode, p.stdout, p.stderr


def b(x):
    return x.encode() if isinstance(x, str) else x


def case(name, cmd, args, out=None, err=None, rc=0, stdin=b"",
         err_has=None, env=None):
    """One case: out/err exact when given, err_has a substring of err."""
    try:
        st, o, e = run(cmd, args, b(stdin), env=env)
    except subprocess.TimeoutExpired:
        report(name, False, "timed out")
        return
    why = []
    if st != rc:
        why.append(f"status {st}, want {rc}")
    if out is not None and o != b(out):
        why.append(f"stdout {o[:200]!r}, want {b(out)[:200]!r}")
    if err is not None and e != b(err):
        why.append(f"stderr {e[:200]!r}, want {b(err)!r}")
    if err_has is not None and b(err_has) not in e:
        why.append(f"stderr {e[:200]!r} lacks {err_has!r}")
    report(name, not why, "; ".join(why))


def usage_case(cmd, args=("-Z",), rc=2):
    case(f"{cmd}-badopt", cmd, list(args), out="", rc=rc,
         err_has=f"usage: {cmd}")


def write(path, data):
    with open(path, "wb") as f:
        f.write(b(data))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def nums(n):
    return "".join(f"{i}\n" for i in range(1, n + 1))


# ---------------------------------------------------------------- simple


def test_echo_true_false():
    case("echo-words", "echo", ["a", "b  c"], out="a b  c\n")
    case("echo-n", "echo", ["-n", "x", "y"], out="x y")
    case("echo-empty", "echo", [], out="\n")
    case("echo-not-options", "echo", ["-x", "--"], out="-x --\n")
    case("true", "true", [], out="")
    case("true-ignores-args", "true", ["-x", "y"], out="")
    case("false", "false", [], out="", rc=1)


def test_cat():
    write("c1", "one\n")
    write("c2", "two\nthree")
    case("cat-files", "cat", ["c1", "c2"], out="one\ntwo\nthree")
    case("cat-stdin", "cat", [], stdin="in\n", out="in\n")
    case("cat-dash", "cat", ["c1", "-", "c2"], stdin="mid\n",
         out="one\nmid\ntwo\nthree")
    case("cat-missing", "cat", ["/nope", "c1"], out="one\n",
         err="cat: /nope: No such file or directory\n", rc=1)
    case("cat-dir", "cat", ["."], err_has="cat: .: Is a directory", rc=1)
    big = os.urandom(1 << 20)
    write("big.bin", big)
    case("cat-large", "cat", ["big.bin"], out=big)
    case("cat-u", "cat", ["-u", "c1"], out="one\n")
    usage_case("cat")


def test_sync():
    case("sync", "sync", [], out="", err="")
    usage_case("sync")


def test_test():
    """/bin/test and /bin/[: the shell's evaluator (tests/host/test_sh.py
    covers the operators); here the program around it."""
    write("tf", "x")
    os.mkdir("td")
    case("test-true", "test", ["3", "-gt", "2"], out="")
    case("test-false", "test", ["a", "=", "b"], out="", rc=1)
    case("test-empty", "test", [], out="", rc=1)
    case("test-files", "test", ["-f", "tf", "-a", "-d", "td", "-a", "!",
                                "-e", "nope"], out="")
    case("test-error", "test", ["abc", "-eq", "1"], out="", rc=2,
         err="test: abc: integer expression expected\n")
    case("bracket-true", "[", ["x", "=", "x", "]"], out="")
    case("bracket-false", "[", ["-d", "tf", "]"], out="", rc=1)
    case("bracket-paren", "[", ["(", "1", "-eq", "2", ")", "-o", "y", "]"],
         out="")
    case("bracket-unclosed", "[", ["x", "=", "x"], out="", rc=2,
         err="[: missing ']'\n")
    case("bracket-alone", "[", [], out="", rc=2, err="[: missing ']'\n")


# ---------------------------------------------------------------- cksum


def test_cksum():
    # The POSIX CRC check value of "123456789".
    case("cksum-check-value", "cksum", [], stdin="123456789",
         out="930766865 9\n")
    case("cksum-empty", "cksum", [], stdin="", out="4294967295 0\n")
    files = {"k0": b"", "k1": b"a", "k255": bytes(range(255)),
             "k256": bytes(range(256)), "kzero": bytes(65536),
             "krand": os.urandom(300001), "ktext": b"hello world\n" * 999}
    for name, data in files.items():
        write(name, data)
    names = sorted(files)
    gnu = host(["cksum"] + names)
    if gnu is None:
        report("cksum-vs-gnu", True)
    else:
        case("cksum-vs-gnu", "cksum", names, out=gnu[1])
    g = host(["cksum"], stdin=files["krand"])
    if g is not None:
        case("cksum-stdin-vs-gnu", "cksum", [], stdin=files["krand"],
             out=g[1])
    case("cksum-dash", "cksum", ["-"], stdin="123456789",
         out="930766865 9 -\n")
    case("cksum-missing", "cksum", ["/nope", "k1"],
         out=host(["cksum", "k1"])[1] if shutil.which("cksum")
         else "1220704766 1 k1\n",
         err="cksum: /nope: No such file or directory\n", rc=1)


# ---------------------------------------------------------------- sha256sum


def test_sha256sum():
    # Sizes around the 55/56/64-byte padding edges, and a long random file.
    sizes = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 16384,
             300001]
    names = []
    for n in sizes:
        name = "s%d" % n
        write(name, os.urandom(n) if n > 100 else bytes(range(n % 256)) *
              (n // 256) + bytes(range(n % 256)))
        names.append(name)
    want = "".join("%s  %s\n" % (hashlib.sha256(read(n)).hexdigest(), n)
                   for n in names)
    case("sha256sum-files", "sha256sum", names, out=want)
    case("sha256sum-abc", "sha256sum", [], stdin="abc",
         out="ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
         "  -\n")
    case("sha256sum-missing", "sha256sum", ["/nope", "s1"],
         out="%s  s1\n" % hashlib.sha256(read("s1")).hexdigest(),
         err="sha256sum: /nope: No such file or directory\n", rc=1)
    write("sums", want)
    case("sha256sum-check-ok", "sha256sum", ["-c", "sums"],
         out="".join("%s: OK\n" % n for n in names))
    write("s3", b"changed")
    write("sums2", want.upper().replace("  S", "  s") + "junk line\n" +
          "%s  /nope\n" % ("0" * 64))
    case("sha256sum-check-bad", "sha256sum", ["-c", "sums2"],
         out="".join("%s: %s\n" % (n, "FAILED" if n == "s3" else "OK")
                     for n in names) +
         "/nope: FAILED open or read (No such file or directory)\n",
         err="sha256sum: sums2: %d: not a line of the form HEX  NAME\n"
         "sha256sum: WARNING: 1 lines are improperly formatted\n"
         "sha256sum: WARNING: 1 listed files could not be read\n"
         "sha256sum: WARNING: 1 computed checksums did NOT match\n"
         % (len(names) + 1), rc=1)
    case("sha256sum-check-empty", "sha256sum", ["-c"], stdin="",
         err="sha256sum: -: no checksum lines found\n", rc=1)
    case("sha256sum-check-two", "sha256sum", ["-c", "a", "b"], rc=2,
         err_has="usage: sha256sum")
    usage_case("sha256sum")


# ---------------------------------------------------------------- wc


def test_wc():
    write("w1", "one two\nthree\n")
    write("w2", "  a b c  \n\n\tx")
    case("wc-default", "wc", ["w1"], out="      2       3      14 w1\n")
    case("wc-l-stdin", "wc", ["-l"], stdin="a\nb\nc\n", out="3\n")
    case("wc-w", "wc", ["-w", "w2"], out="4 w2\n")
    case("wc-c", "wc", ["-c", "w2"], out="13 w2\n")
    case("wc-lw", "wc", ["-lw", "w1"], out="      2       3 w1\n")
    case("wc-total", "wc", ["-l", "w1", "w2"], out="2 w1\n2 w2\n4 total\n")
    case("wc-missing", "wc", ["-l", "/nope", "w1"], out="2 w1\n2 total\n",
         err="wc: /nope: No such file or directory\n", rc=1)
    usage_case("wc")
    data = b"".join(b"%d words\t and  more \n" % i for i in range(50000))
    write("wbig", data)
    g = host(["wc", "wbig"])
    if g is not None:
        st, o, _ = run("wc", ["wbig"])
        ok = st == 0 and o.split() == g[1].split()
        report("wc-vs-gnu", ok, f"{o!r} vs {g[1]!r}")


# ---------------------------------------------------------------- head/tail


def test_head():
    write("h20", nums(20))
    write("hnonl", "a\nb\nc")
    case("head-default", "head", ["h20"], out=nums(10))
    case("head-n", "head", ["-n", "3", "h20"], out=nums(3))
    case("head-old-form", "head", ["-2", "h20"], out=nums(2))
    case("head-stdin", "head", ["-n", "2"], stdin=nums(5), out=nums(2))
    case("head-n0", "head", ["-n", "0", "h20"], out="")
    case("head-multi", "head", ["-n", "1", "h20", "hnonl"],
         out="==> h20 <==\n1\n\n==> hnonl <==\na\n")
    case("head-missing", "head", ["/nope", "hnonl"],
         out="==> hnonl <==\na\nb\nc",
         err="head: /nope: No such file or directory\n", rc=1)
    case("head-badcount", "head", ["-n", "x", "h20"], out="", rc=2,
         err_has="usage: head")
    usage_case("head")


def test_tail():
    big = nums(100000)
    write("t100k", big)
    case("tail-default", "tail", ["h20"], out="".join(
        f"{i}\n" for i in range(11, 21)))
    case("tail-n", "tail", ["-n", "3", "h20"], out="18\n19\n20\n")
    case("tail-stdin", "tail", ["-n", "3"], stdin=nums(20),
         out="18\n19\n20\n")
    case("tail-plus", "tail", ["-n", "+18", "h20"], out="18\n19\n20\n")
    case("tail-plus-stdin", "tail", ["-n", "+4"], stdin=nums(5),
         out="4\n5\n")
    case("tail-no-newline", "tail", ["-n", "2", "hnonl"], out="b\nc")
    case("tail-no-newline-stdin", "tail", ["-n", "2"], stdin="a\nb\nc",
         out="b\nc")
    case("tail-n0", "tail", ["-n", "0", "h20"], out="")
    case("tail-more-than-file", "tail", ["-n", "50", "hnonl"],
         out="a\nb\nc")
    last = "".join(f"{i}\n" for i in range(99001, 100001))
    case("tail-big-file", "tail", ["-n", "1000", "t100k"], out=last)
    case("tail-big-stdin", "tail", ["-n", "1000"], stdin=big, out=last)
    case("tail-old-form", "tail", ["-1", "h20"], out="20\n")
    case("tail-multi", "tail", ["-n", "1", "h20", "hnonl"],
         out="==> h20 <==\n20\n\n==> hnonl <==\nc")
    case("tail-missing", "tail", ["/nope"], out="",
         err="tail: /nope: No such file or directory\n", rc=1)
    usage_case("tail")


# ---------------------------------------------------------------- sort


def test_sort():
    write("s1", "pear\napple\nfig\napple\n")
    write("s2", "10\n9\n-3\n1.5\n01\n1\nabc\n\n-0\n0.0\nb\na\n  7\n"
          "-1.25\n-1.3\n100\n")
    case("sort-basic", "sort", ["s1"], out="apple\napple\nfig\npear\n")
    case("sort-r", "sort", ["-r", "s1"], out="pear\nfig\napple\napple\n")
    case("sort-u", "sort", ["-u", "s1"], out="apple\nfig\npear\n")
    case("sort-n", "sort", ["-n"], stdin="10\n9\n100\n-2\n",
         out="-2\n9\n10\n100\n")
    case("sort-stdin-nonl", "sort", [], stdin="b\na", out="a\nb\n")
    case("sort-multi", "sort", ["s1", "-"], stdin="banana\n",
         out="apple\napple\nbanana\nfig\npear\n")
    for opts in ([], ["-n"], ["-r"], ["-n", "-r"], ["-u"], ["-n", "-u"],
                 ["-n", "-r", "-u"]):
        g = host(["sort"] + opts + ["s2"], env=dict(os.environ, LC_ALL="C"))
        if g is not None:
            case("sort-vs-gnu" + "".join(opts), "sort", opts + ["s2"],
                 out=g[1])
    case("sort-missing", "sort", ["/nope"], out="",
         err="sort: /nope: No such file or directory\n", rc=2)
    usage_case("sort")


# ---------------------------------------------------------------- grep


GREP_TEXT = """hello world
Hello World
foo.bar
fooxbar
a*b
aaab
line with $ dollar
^caret
tab\there
123 numbers
[bracket]
back\\slash
"""


def test_grep():
    write("g1", GREP_TEXT)
    write("g2", "another hello\nnothing\n")
    case("grep-literal", "grep", ["hello", "g1"], out="hello world\n")
    case("grep-i", "grep", ["-i", "HELLO", "g1"],
         out="hello world\nHello World\n")
    case("grep-v", "grep", ["-v", "o", "g1"],
         out="a*b\naaab\n^caret\ntab\there\n123 numbers\n[bracket]\n"
         "back\\slash\n")
    case("grep-c", "grep", ["-c", "o", "g1"], out="5\n")
    case("grep-n", "grep", ["-n", "bar", "g1"],
         out="3:foo.bar\n4:fooxbar\n")
    case("grep-l", "grep", ["-l", "hello", "g1", "g2"], out="g1\ng2\n")
    case("grep-q", "grep", ["-q", "hello", "g1"], out="")
    case("grep-nomatch", "grep", ["zzz", "g1"], out="", rc=1)
    case("grep-missing", "grep", ["x", "/nope"], out="",
         err="grep: /nope: No such file or directory\n", rc=2)
    case("grep-s", "grep", ["-s", "x", "/nope"], out="", err="", rc=2)
    case("grep-dot", "grep", ["foo.bar", "g1"], out="foo.bar\nfooxbar\n")
    case("grep-escape", "grep", ["foo\\.bar", "g1"], out="foo.bar\n")
    case("grep-star", "grep", ["^a*b$", "g1"], out="aaab\n")
    case("grep-star-literal", "grep", ["a\\*b", "g1"], out="a*b\n")
    case("grep-leading-star", "grep", ["*b", "g1"], out="a*b\n")
    case("grep-anchors", "grep", ["^Hello World$", "g1"],
         out="Hello World\n")
    case("grep-dollar-mid", "grep", ["$ d", "g1"],
         out="line with $ dollar\n")
    case("grep-caret-literal", "grep", ["^^", "g1"], out="^caret\n")
    case("grep-bracket", "grep", ["[xy]bar", "g1"], out="fooxbar\n")
    case("grep-negated", "grep", ["^[^a-z]", "g1"],
         out="Hello World\n^caret\n123 numbers\n[bracket]\n")
    case("grep-range-star", "grep", ["[0-9][0-9]*", "g1"],
         out="123 numbers\n")
    case("grep-class", "grep", ["[[:digit:]]", "g1"], out="123 numbers\n")
    case("grep-bracket-close", "grep", ["[]]", "g1"], out="[bracket]\n")
    case("grep-backslash", "grep", ["\\\\", "g1"], out="back\\slash\n")
    case("grep-multi-prefix", "grep", ["-n", "hello", "g1", "g2"],
         out="g1:1:hello world\ng2:1:another hello\n")
    case("grep-h", "grep", ["-h", "hello", "g1", "g2"],
         out="hello world\nanother hello\n")
    case("grep-stdin", "grep", ["b"], stdin="abc\nxyz\n", out="abc\n")
    case("grep-e", "grep", ["-e", "foo", "-e", "123", "g1"],
         out="foo.bar\nfooxbar\n123 numbers\n")
    case("grep-empty-pattern", "grep", ["-c", "", "g2"], out="2\n")
    case("grep-bad-bracket", "grep", ["[a", "g1"], out="", rc=2,
         err_has="unmatched [")
    case("grep-unsupported", "grep", ["a\\(b", "g1"], out="", rc=2,
         err_has="unsupported")
    case("grep-no-pattern", "grep", [], out="", rc=2,
         err_has="usage: grep")
    usage_case("grep")
    pats = ["o", "^h", "d$", "a*b", "[A-Z]", "[^a-z ]", "l*o w", "h.*d",
            "x*", "^$", "[0-9]", "\\$", "b*", "o.b", "^[a-f]*$"]
    bad = []
    for p in pats:
        for opts in ([], ["-i"], ["-v"], ["-c"], ["-n"]):
            g = host(["grep"] + opts + [p, "g1"],
                     env=dict(os.environ, LC_ALL="C"))
            if g is None:
                continue
            st, o, _ = run("grep", opts + [p, "g1"])
            if (st, o) != (g[0], g[1]):
                bad.append(" ".join(opts + [p]))
    report("grep-vs-gnu", not bad, "differs for " + ", ".join(bad))


# ---------------------------------------------------------------- cmp


def test_cmp():
    write("m1", "abc\nd")
    write("m2", "abc\nx")
    write("m3", "abc")
    write("m4", "abc\n")
    write("m5", "")
    case("cmp-same", "cmp", ["m1", "m1"], out="")
    case("cmp-differ", "cmp", ["m1", "m2"],
         out="m1 m2 differ: byte 5, line 2\n", rc=1)
    case("cmp-eof", "cmp", ["m1", "m3"],
         err="cmp: EOF on m3 after byte 3, in line 1\n", rc=1)
    case("cmp-eof-newline", "cmp", ["m4", "m1"],
         err="cmp: EOF on m4 after byte 4, line 1\n", rc=1)
    case("cmp-eof-empty", "cmp", ["m5", "m1"],
         err="cmp: EOF on m5 which is empty\n", rc=1)
    case("cmp-s", "cmp", ["-s", "m1", "m2"], out="", err="", rc=1)
    case("cmp-l", "cmp", ["-l", "m1", "m2"], out="5 144 170\n", rc=1)
    case("cmp-stdin", "cmp", ["-", "m1"], stdin="abc\nd", out="")
    case("cmp-missing", "cmp", ["m1", "/nope"],
         err="cmp: /nope: No such file or directory\n", rc=2)
    case("cmp-one-operand", "cmp", ["m1"], rc=2, err_has="usage: cmp")
    usage_case("cmp")
    for pair in (["m1", "m2"], ["m1", "m3"], ["m4", "m1"]):
        g = host(["cmp"] + pair)
        if g is not None:
            case("cmp-vs-gnu-" + "-".join(pair), "cmp", pair, out=g[1],
                 err=g[2], rc=g[0])


# ---------------------------------------------------------------- tee


def test_tee():
    case("tee-basic", "tee", ["e1", "e2"], stdin="data\n", out="data\n")
    ok = read("e1") == b"data\n" and read("e2") == b"data\n"
    report("tee-files", ok, "file contents")
    case("tee-append", "tee", ["-a", "e1"], stdin="more\n", out="more\n")
    report("tee-append-content", read("e1") == b"data\nmore\n",
           repr(read("e1")))
    case("tee-bad-file", "tee", ["/nope/x", "e3"], stdin="z\n", out="z\n",
         err="tee: /nope/x: No such file or directory\n", rc=1)
    report("tee-bad-file-others", read("e3") == b"z\n", repr(read("e3")))
    usage_case("tee")


# ---------------------------------------------------------------- dd


def test_dd():
    data = os.urandom(10000)
    write("dsrc", data)
    case("dd-full", "dd", ["if=dsrc", "of=dout", "bs=1000", "count=2"],
         out="", err="2+0 records in\n2+0 records out\n")
    report("dd-full-data", read("dout") == data[:2000], "content")
    case("dd-partial", "dd", ["if=dsrc", "of=dout", "bs=3000"], out="",
         err="3+1 records in\n3+1 records out\n")
    report("dd-partial-data", read("dout") == data, "content")
    case("dd-skip", "dd", ["if=dsrc", "bs=100", "skip=5", "count=3"],
         out=data[500:800], err="3+0 records in\n3+0 records out\n")
    case("dd-stdin-skip", "dd", ["bs=1k", "skip=9"], stdin=data,
         out=data[9216:], err="0+1 records in\n0+1 records out\n")
    write("dseek", b"x" * 50)
    case("dd-seek", "dd", ["of=dseek", "bs=10", "seek=2"], stdin="hello",
         out="", err="0+1 records in\n0+1 records out\n")
    report("dd-seek-data", read("dseek") == b"x" * 20 + b"hello" + b"x" * 25,
           repr(read("dseek")))
    case("dd-default-bs", "dd", ["if=dsrc", "of=dout"],
         err="19+1 records in\n19+1 records out\n")
    g = host(["dd", "if=dsrc", "of=/dev/null", "bs=777", "skip=3"])
    if g is not None:
        case("dd-vs-gnu", "dd", ["if=dsrc", "of=/dev/null", "bs=777",
                                 "skip=3"],
             err=b"".join(g[2].splitlines(True)[:2]))
    case("dd-bad-operand", "dd", ["foo=1"], rc=2, err_has="usage: dd")
    case("dd-bad-number", "dd", ["bs=x"], rc=2, err_has="bad number")
    case("dd-missing", "dd", ["if=/nope"],
         err="dd: /nope: No such file or directory\n", rc=1)


# ---------------------------------------------------------------- ls


def long_line(path, name, widths=None):
    st = os.lstat(path)
    try:
        user = pwd.getpwuid(st.st_uid).pw_name
    except KeyError:
        user = str(st.st_uid)
    try:
        group = grp.getgrgid(st.st_gid).gr_name
    except KeyError:
        group = str(st.st_gid)
    age = time.time() - st.st_mtime
    fmt = "%b %e %H:%M" if 0 <= age <= 183 * 86400 else "%b %e  %Y"
    when = time.strftime(fmt, time.localtime(st.st_mtime))
    line = (f"{stat.filemode(st.st_mode)} {st.st_nlink} {user} {group} "
            f"{st.st_size} {when} {name}")
    if stat.S_ISLNK(st.st_mode):
        line += " -> " + os.readlink(path)
    return line + "\n"


def test_ls():
    os.makedirs("ld/sub")
    for n in ("b", "a", ".hidden", "C"):
        write(os.path.join("ld", n), "")
    os.makedirs("ld2")
    write("ld2/z", "")
    case("ls-sorted", "ls", ["ld"], out="C\na\nb\nsub\n")
    case("ls-a", "ls", ["-a", "ld"], out=".\n..\n.hidden\nC\na\nb\nsub\n")
    case("ls-1", "ls", ["-1", "ld2"], out="z\n")
    case("ls-several", "ls", ["ld2", "c1", "ld/sub"],
         out="c1\n\nld/sub:\n\nld2:\nz\n")
    case("ls-d", "ls", ["-d", "ld", "ld2"], out="ld\nld2\n")
    case("ls-file", "ls", ["c1"], out="c1\n")
    case("ls-missing", "ls", ["/nope", "c1"], out="c1\n",
         err="ls: /nope: No such file or directory\n", rc=1)
    write("lf", "12345")
    os.chmod("lf", 0o640)
    case("ls-l-file", "ls", ["-l", "lf"], out=long_line("lf", "lf"))
    os.symlink("lf", "llink")
    case("ls-l-symlink", "ls", ["-l", "llink"],
         out=long_line("llink", "llink"))
    os.utime("lf", (1000000000, 1000000000))
    case("ls-l-old", "ls", ["-l", "lf"], out=long_line("lf", "lf"))
    case("ls-l-dir", "ls", ["-l", "ld2"],
         out=long_line("ld2/z", "z"))
    usage_case("ls")
    test_ls_columns()


def run_on_pty(argv, env):
    """Run argv with a pseudo-terminal as its output; what it printed."""
    import pty
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return out.replace(b"\r\n", b"\n")


def test_ls_columns():
    """On a terminal ls lays names out in columns, like GNU ls -C."""
    os.makedirs("lcol")
    names = [f"name{i}" for i in range(1, 26)] + ["a_rather_long_file_name"]
    for n in names:
        write(os.path.join("lcol", n), "")
    env = dict(os.environ, COLUMNS="80", LC_ALL="C")
    got = run_on_pty([os.path.join(BIN, "ls"), "lcol"], env)
    g = host(["ls", "-C", "-T", "0", "lcol"], env=env)
    if g is not None:
        report("ls-columns", got == g[1], f"{got!r} vs {g[1]!r}")
        return
    words = got.split()
    ok = sorted(words) == sorted(n.encode() for n in names) and \
        got.count(b"\n") < len(names)
    report("ls-columns", ok, repr(got))


# ---------------------------------------------------------------- cp/mv


def test_cp():
    write("p1", "copy me\n")
    os.chmod("p1", 0o751)
    case("cp-file", "cp", ["p1", "p2"], out="")
    report("cp-file-data", read("p2") == b"copy me\n", "content")
    report("cp-file-mode",
           stat.S_IMODE(os.stat("p2").st_mode) == 0o751 & ~0o022 or
           stat.S_IMODE(os.stat("p2").st_mode) == 0o751,
           oct(os.stat("p2").st_mode))
    write("p3", "old contents that are longer\n")
    case("cp-overwrite", "cp", ["p1", "p3"], out="")
    report("cp-overwrite-data", read("p3") == b"copy me\n", repr(read("p3")))
    os.makedirs("pd")
    case("cp-into-dir", "cp", ["p1", "c1", "pd"], out="")
    report("cp-into-dir-data", read("pd/p1") == b"copy me\n" and
           read("pd/c1") == b"one\n", "content")
    case("cp-dir-no-r", "cp", ["ld", "pcopy"], rc=1,
         err="cp: ld: is a directory (not copied)\n")
    case("cp-r", "cp", ["-r", "ld", "pcopy"], out="")
    ok = (sorted(os.listdir("pcopy")) == sorted(os.listdir("ld")) and
          os.path.isdir("pcopy/sub"))
    report("cp-r-tree", ok, repr(os.listdir("pcopy")))
    case("cp-r-into-itself", "cp", ["-r", "ld2", "ld2"], rc=1,
         err_has="into itself")
    case("cp-same", "cp", ["p1", "./p1"], rc=1, err_has="same file")
    case("cp-missing", "cp", ["/nope", "pd"],
         err="cp: /nope: No such file or directory\n", rc=1)
    case("cp-not-dir", "cp", ["p1", "c1", "p3"], rc=1,
         err="cp: p3: not a directory\n")
    case("cp-one-operand", "cp", ["p1"], rc=2, err_has="usage: cp")
    write("pbig", os.urandom(3 << 20))
    case("cp-large", "cp", ["pbig", "pbig2"], out="")
    report("cp-large-data", read("pbig") == read("pbig2"), "content")


def test_mv():
    write("v1", "move\n")
    case("mv-rename", "mv", ["v1", "v2"], out="")
    report("mv-rename-result",
           not os.path.exists("v1") and read("v2") == b"move\n", "files")
    os.makedirs("vd/inner")
    case("mv-into-dir", "mv", ["v2", "vd"], out="")
    report("mv-into-dir-result", read("vd/v2") == b"move\n", "files")
    case("mv-across-dirs", "mv", ["vd/v2", "vd/inner/v3"], out="")
    report("mv-across-dirs-result", read("vd/inner/v3") == b"move\n",
           "files")
    write("v4", "new\n")
    write("v5", "old\n")
    ino = os.stat("v4").st_ino
    case("mv-onto-existing", "mv", ["v4", "v5"], out="")
    report("mv-onto-existing-result", read("v5") == b"new\n" and
           os.stat("v5").st_ino == ino and not os.path.exists("v4"),
           "files")
    case("mv-dir", "mv", ["vd", "vd2"], out="")
    report("mv-dir-result", os.path.isdir("vd2/inner"), "files")
    case("mv-missing", "mv", ["/nope", "v6"], rc=1,
         err="mv: cannot move /nope to v6: No such file or directory\n")
    case("mv-not-dir", "mv", ["v5", "c1", "c2"], rc=1,
         err="mv: c2: not a directory\n")
    usage_case("mv")


# ---------------------------------------------------------------- rm etc.


def test_rm():
    write("r1", "x")
    case("rm-file", "rm", ["r1"], out="")
    report("rm-file-gone", not os.path.exists("r1"), "still there")
    case("rm-missing", "rm", ["/nope/r"], rc=1,
         err="rm: /nope/r: No such file or directory\n")
    case("rm-f-missing", "rm", ["-f", "/nope/r"], out="", err="")
    case("rm-f-no-operands", "rm", ["-f"], out="", err="")
    os.makedirs("rd/a/b")
    write("rd/a/b/f", "x")
    os.symlink("/", "rd/link")
    case("rm-dir-no-r", "rm", ["rd"], rc=1, err="rm: rd: is a directory\n")
    case("rm-r", "rm", ["-r", "rd"], out="")
    report("rm-r-gone", not os.path.exists("rd"), "still there")
    case("rm-dot", "rm", ["-rf", "."], rc=1, err_has="refusing")
    case("rm-no-operands", "rm", [], rc=2, err_has="usage: rm")
    usage_case("rm")


def test_mkdir_rmdir():
    case("mkdir", "mkdir", ["mk1"], out="")
    report("mkdir-made", os.path.isdir("mk1"), "missing")
    case("mkdir-exists", "mkdir", ["mk1"], rc=1,
         err="mkdir: mk1: File exists\n")
    case("mkdir-p", "mkdir", ["-p", "mk2/x/y", "mk1"], out="")
    report("mkdir-p-made", os.path.isdir("mk2/x/y"), "missing")
    case("mkdir-m", "mkdir", ["-m", "700", "mk3"], out="")
    report("mkdir-m-mode", stat.S_IMODE(os.stat("mk3").st_mode) == 0o700,
           oct(os.stat("mk3").st_mode))
    case("mkdir-no-parent", "mkdir", ["mk4/x"], rc=1,
         err="mkdir: mk4/x: No such file or directory\n")
    usage_case("mkdir")
    case("rmdir", "rmdir", ["mk3"], out="")
    report("rmdir-gone", not os.path.exists("mk3"), "still there")
    case("rmdir-not-empty", "rmdir", ["mk2"], rc=1,
         err="rmdir: mk2: Directory not empty\n")
    case("rmdir-p", "rmdir", ["-p", "mk2/x/y"], out="")
    report("rmdir-p-gone", not os.path.exists("mk2"), "still there")
    case("rmdir-missing", "rmdir", ["mk9"], rc=1,
         err="rmdir: mk9: No such file or directory\n")
    usage_case("rmdir")


def test_ln():
    write("n1", "link\n")
    case("ln-hard", "ln", ["n1", "n2"], out="")
    report("ln-hard-same", os.stat("n1").st_ino == os.stat("n2").st_ino and
           os.stat("n1").st_nlink == 2, "not linked")
    case("ln-s", "ln", ["-s", "n1", "n3"], out="")
    report("ln-s-target", os.readlink("n3") == "n1", "readlink")
    case("ln-exists", "ln", ["n1", "n2"], rc=1,
         err="ln: n2 -> n1: File exists\n")
    case("ln-f", "ln", ["-sf", "c1", "n2"], out="")
    report("ln-f-replaced", os.readlink("n2") == "c1", "readlink")
    case("ln-f-fails-keeps", "ln", ["-f", "nosuch", "n2"], rc=1,
         err="ln: n2 -> nosuch: No such file or directory\n")
    report("ln-f-kept", os.readlink("n2") == "c1", "readlink")
    os.makedirs("nd")
    case("ln-into-dir", "ln", ["-s", "../n1", "nd"], out="")
    report("ln-into-dir-target", read("nd/n1") == b"link\n", "content")
    case("ln-missing", "ln", ["/nope", "n5"], rc=1,
         err="ln: n5 -> /nope: No such file or directory\n")
    usage_case("ln")


def test_pwd():
    real = os.path.realpath(os.getcwd())
    case("pwd-P", "pwd", ["-P"], out=real + "\n")
    env = dict(os.environ, PWD="/nonexistent")
    case("pwd-L-bad-PWD", "pwd", [], out=real + "\n", env=env)
    env = dict(os.environ, PWD=real + "/.")
    case("pwd-L-dot-PWD", "pwd", ["-L"], out=real + "\n", env=env)
    os.symlink(real, "pwlink")
    env = dict(os.environ, PWD=real + "/pwlink")
    case("pwd-L-symlink", "pwd", [], out=real + "/pwlink\n", env=env)
    case("pwd-operand", "pwd", ["x"], rc=2, err_has="usage: pwd")
    usage_case("pwd")


# ---------------------------------------------------------------- kill


def signalled(args):
    """Run kill ARGS... PID against a fresh sleeper; its exit signal."""
    p = subprocess.Popen(["sleep", "30"])
    st, _, e = run("kill", args + [str(p.pid)])
    try:
        p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        return st, None
    return st, -p.returncode


def test_kill():
    names = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "FPE", "KILL",
             "SEGV", "PIPE", "ALRM", "TERM", "USR1", "USR2", "CHLD", "CONT",
             "STOP", "TSTP", "TTIN", "TTOU"]
    want = " ".join(sorted(names, key=lambda n: getattr(signal, "SIG" + n)))
    case("kill-l", "kill", ["-l"], out=want + "\n")
    case("kill-l-status", "kill", ["-l", "143"], out="TERM\n")
    case("kill-l-name", "kill", ["-l", "kill"], out="9\n")
    for args, sig in ((["-s", "TERM"], signal.SIGTERM), ([], signal.SIGTERM),
                      (["-9"], signal.SIGKILL), (["-USR1"], signal.SIGUSR1),
                      (["-SIGHUP"], signal.SIGHUP),
                      (["-s", "int", "--"], signal.SIGINT)):
        st, got = signalled(args)
        report("kill" + "".join(args), st == 0 and got == sig,
               f"status {st}, signal {got}")
    case("kill-0", "kill", ["-0", str(os.getpid())], out="")
    case("kill-no-such", "kill", ["999999"], rc=1,
         err="kill: 999999: No such process\n")
    case("kill-bad-signal", "kill", ["-FOO", "1"], rc=2,
         err_has="unknown signal: FOO")
    case("kill-bad-pid", "kill", ["abc"], rc=1, err_has="not a process id")
    case("kill-no-operand", "kill", [], rc=2, err_has="usage: kill")


# ---------------------------------------------------------------- misc


def test_sleep():
    t = time.time()
    case("sleep-1", "sleep", ["1"], out="")
    took = time.time() - t
    report("sleep-1-time", 0.9 <= took < 3, f"took {took:.2f}s")
    case("sleep-0", "sleep", ["0"], out="")
    case("sleep-bad", "sleep", ["1.5"], rc=2,
         err_has="invalid time interval")
    case("sleep-none", "sleep", [], rc=2, err_has="usage: sleep")


def test_touch():
    case("touch-create", "touch", ["u1"], out="")
    report("touch-created", os.path.isfile("u1") and
           os.path.getsize("u1") == 0, "missing")
    os.utime("u1", (1000, 2000))
    case("touch-update", "touch", ["u1"], out="")
    st = os.stat("u1")
    report("touch-updated", time.time() - st.st_mtime < 60 and
           time.time() - st.st_atime < 60, f"{st.st_atime} {st.st_mtime}")
    os.utime("u1", (1000, 2000))
    case("touch-m", "touch", ["-m", "u1"], out="")
    st = os.stat("u1")
    report("touch-m-only", st.st_atime == 1000 and st.st_mtime > 2000,
           f"{st.st_atime} {st.st_mtime}")
    os.utime("u1", (3000, 4000))
    case("touch-r", "touch", ["-r", "u1", "u2"], out="")
    st = os.stat("u2")
    report("touch-r-times", (st.st_atime, st.st_mtime) == (3000, 4000),
           f"{st.st_atime} {st.st_mtime}")
    case("touch-c", "touch", ["-c", "u3"], out="", err="")
    report("touch-c-not-created", not os.path.exists("u3"), "created")
    case("touch-bad-dir", "touch", ["/nope/u"], rc=1,
         err="touch: /nope/u: No such file or directory\n")
    usage_case("touch")


def test_chmod():
    write("h1", "")
    for mode, start, want in (("755", 0o600, 0o755), ("u+x", 0o600, 0o700),
                              ("go-w", 0o666, 0o644), ("a=r", 0o777, 0o444),
                              ("u=rw,go=r", 0o000, 0o644),
                              ("u+x-w", 0o644, 0o544), ("g=u", 0o640, 0o660),
                              ("o+t", 0o755, 0o1755), ("4755", 0o644, 0o4755),
                              ("-w", 0o666, 0o466)):
        os.chmod("h1", start)
        st, _, e = run("chmod", [mode, "h1"])
        got = stat.S_IMODE(os.stat("h1").st_mode)
        report(f"chmod-{mode}", st == 0 and got == want,
               f"status {st}, mode {oct(got)}, want {oct(want)} {e!r}")
    os.makedirs("hd")
    os.chmod("hd", 0o600)
    st, _, _ = run("chmod", ["a+X", "hd"])
    report("chmod-X-dir", stat.S_IMODE(os.stat("hd").st_mode) == 0o711,
           oct(os.stat("hd").st_mode))
    case("chmod-invalid", "chmod", ["u+q", "h1"], rc=1,
         err="chmod: invalid mode: u+q\n")
    case("chmod-missing", "chmod", ["644", "/nope", "h1"], rc=1,
         err="chmod: /nope: No such file or directory\n")
    case("chmod-no-file", "chmod", ["644"], rc=2, err_has="usage: chmod")
    usage_case("chmod")


def test_date():
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    pat = re.compile(rb"^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d "
                     rb"\d\d:\d\d:\d\d UTC \d{4}\n$")
    for attempt in range(3):
        st, o, _ = run("date", [], env=env)
        g = host(["date", "-u"])
        if g is None or g[1] == o:
            break
    ok = st == 0 and pat.match(o) and (g is None or g[1] == o)
    report("date-default", bool(ok), repr(o))
    want = time.strftime("%Y-%m-%d", time.gmtime()) + "\n"
    case("date-format", "date", ["+%Y-%m-%d"], out=want, env=env)
    case("date-u-Z", "date", ["-u", "+%Z %% x"], out="UTC % x\n")
    case("date-empty-format", "date", ["+"], out="\n")
    case("date-operand", "date", ["1200"], rc=2, err_has="usage: date")
    usage_case("date")


def test_uname():
    u = os.uname()
    case("uname", "uname", [], out=u.sysname + "\n")
    for flag, val in (("-s", u.sysname), ("-n", u.nodename),
                      ("-r", u.release), ("-v", u.version),
                      ("-m", u.machine)):
        case("uname" + flag, "uname", [flag], out=val + "\n")
    case("uname-a", "uname", ["-a"], out=" ".join(
        [u.sysname, u.nodename, u.release, u.version, u.machine]) + "\n")
    case("uname-order", "uname", ["-m", "-s"],
         out=f"{u.sysname} {u.machine}\n")
    usage_case("uname")


def test_env():
    case("env-i", "env", ["-i", "A=1", "B=2", "A=3"], out="A=3\nB=2\n")
    case("env-print", "env", [], out="X=y\n", env={"X": "y"})
    case("env-u", "env", ["-u", "X"], out="Z=1\n", env={"X": "y", "Z": "1"})
    case("env-run-path", "env", ["-i", f"PATH=/nope:{BIN}", "echo", "-n",
                                 "hi"], out="hi")
    case("env-run-abs", "env", ["-i", os.path.join(BIN, "echo"), "x"],
         out="x\n")
    case("env-passes-env", "env", ["-i", "Q=5", os.path.join(BIN, "env")],
         out="Q=5\n")
    write("script.sh", "echo from-script \"$1\"\n")
    os.chmod("script.sh", 0o755)
    case("env-script", "env", ["./script.sh", "arg"], out="from-script arg\n")
    case("env-not-found", "env", ["-i", "PATH=/nope", "nosuchcmd"], rc=127,
         err="env: nosuchcmd: No such file or directory\n")
    os.chmod("script.sh", 0o644)
    case("env-not-executable", "env", ["./script.sh"], rc=126,
         err="env: ./script.sh: Permission denied\n")
    case("env-badopt", "env", ["-Z"], rc=125, err_has="usage: env")


def test_more():
    case("more-copy-file", "more", ["h20"], out=nums(20))
    case("more-copy-stdin", "more", [], stdin=nums(30), out=nums(30))
    case("more-several", "more", ["c1", "hnonl"],
         out="::::::::::::::\nc1\n::::::::::::::\none\n"
             "::::::::::::::\nhnonl\n::::::::::::::\na\nb\nc")
    case("more-missing", "more", ["/nope"], rc=1,
         err="more: /nope: No such file or directory\n")
    usage_case("more")
    test_more_tty()


def pty_read(fd, secs):
    import select
    out = b""
    end = time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if out.endswith(b"%)") or out.endswith(b"--More--"):
                break
    return out


def test_more_tty():
    """Page through a file on a pseudo-terminal: 23 lines, then a key."""
    import pty
    try:
        pid, fd = pty.fork()
    except OSError as e:
        report("more-tty", True, f"no pty ({e})")
        return
    if pid == 0:
        os.environ.pop("LINES", None)
        os.environ.pop("COLUMNS", None)
        os.execv(os.path.join(BIN, "more"), ["more", "t100k"])
    first = pty_read(fd, 3).replace(b"\r\n", b"\n")
    os.write(fd, b" ")
    second = pty_read(fd, 3).replace(b"\r\n", b"\n")
    os.write(fd, b"\n")
    third = pty_read(fd, 3).replace(b"\r\n", b"\n")
    os.write(fd, b"q")
    pty_read(fd, 1)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    prompt = b"--More--(0%)"
    want1 = nums(23).encode() + prompt
    ok1 = first == want1
    ok2 = second.endswith("".join(f"{i}\n" for i in range(24, 47)).encode()
                          + prompt)
    ok3 = b"47\n" in third and b"48\n" not in third
    report("more-tty-page", ok1, repr(first[-80:]))
    report("more-tty-space", ok2, repr(second[-80:]))
    report("more-tty-return", ok3, repr(third))
    report("more-tty-quit", os.WIFEXITED(status) and
           os.WEXITSTATUS(status) == 0, f"status {status}")


TESTS = [test_echo_true_false, test_cat, test_sync, test_test, test_cksum,
         test_wc, test_head, test_tail, test_sort, test_grep, test_cmp,
         test_tee, test_dd, test_ls, test_cp, test_mv, test_rm,
         test_mkdir_rmdir, test_ln, test_pwd, test_kill, test_sleep,
         test_sha256sum, test_touch, test_chmod, test_date, test_uname, test_env, test_more]


def main():
    global BIN
    if len(sys.argv) != 2:
        print("usage: test_commands.py BINDIR", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    old = os.getcwd()
    tmp = tempfile.mkdtemp(prefix="samsara-cmds-")
    os.umask(0o022)
    try:
        os.chdir(tmp)
        for t in TESTS:
            try:
                t()
            except Exception as e:  # a broken case must not hide the rest
                report(t.__name__, False, f"{type(e).__name__}: {e}")
    finally:
        os.chdir(old)
        shutil.rmtree(tmp, ignore_errors=True)
    return TALLY.summary()


if __name__ == "__main__":
    sys.exit(main())
