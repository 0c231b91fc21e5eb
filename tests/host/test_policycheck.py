#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests for tools/policycheck, the build's policy-file checker.

Usage: test_policycheck.py POLICYCHECK [ROOT_IMAGE]

The drivers' own policy files (drivers/NAME/NAME.conf) must pass;
malformed files, a label that is not the file's name, a missing file
and a bad command line must fail with exit status 1 (2 for usage) and
exactly the expected "FILE:LINE: what is wrong" lines on standard
error.  With ROOT_IMAGE, util-linux's `fsck.minix -l` must list every
policy file in the image's /etc/system.d.  Run from the top of the
tree.  Prints "PASS: policycheck/NAME" or "FAIL: policycheck/NAME: why"
per case and exits 1 if any failed.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

TOOL = None
failures = 0


def report(name, ok, why=""):
    global failures
    if ok:
        print(f"PASS: policycheck/{name}")
    else:
        failures += 1
        print(f"FAIL: policycheck/{name}: {why}")


def case(name, args, rc, err="", out=""):
    p = subprocess.run([TOOL] + args, capture_output=True, text=True,
                       timeout=20)
    why = []
    if p.returncode != rc:
        why.append(f"status {p.returncode}, want {rc}")
    if p.stderr != err:
        why.append(f"stderr {p.stderr!r}, want {err!r}")
    if p.stdout != out:
        why.append(f"stdout {p.stdout!r}, want {out!r}")
    report(name, not why, "; ".join(why))


# name -> (file name, text, expected message after "PATH:")
BAD = {
    "unknown-keyword": ("bad.conf", "driver bad {\n    iox 0x60;\n};\n",
                        '2: unknown keyword "iox"'),
    "bad-number": ("bad.conf", "# x\ndriver bad {\n    io 0x3g8:8;\n};\n",
                   '3: bad number "0x3g8"'),
    "missing-open-brace": ("bad.conf", "driver bad\n    irq 4;\n};\n",
                           '1: missing "{" after "driver bad"'),
    "missing-close-brace": ("bad.conf", "driver bad {\n    irq 4;\n\n",
                            '3: missing "}" before end of file'),
    "missing-semicolon": ("bad.conf",
                          "driver bad {\n    irq 4\n    io 0x60;\n};\n",
                          '2: missing ";"'),
    "port-range-overflow": ("bad.conf",
                            "driver bad {\n\n    io 0xfff0:0x20;\n};\n",
                            '3: port range "0xfff0:0x20" passes 0xffff'),
    "label-not-file-name": ("tty.conf", "\ndriver memory {\n};\n",
                            '2: label "memory" does not match the file '
                            'name ("tty")'),
    "not-dot-conf": ("tty.txt", "driver tty {\n};\n",
                     '1: file name does not end in ".conf"'),
}


def main():
    global TOOL
    if len(sys.argv) not in (2, 3):
        print("usage: test_policycheck.py POLICYCHECK [ROOT_IMAGE]",
              file=sys.stderr)
        return 2
    TOOL = os.path.abspath(sys.argv[1])
    real = sorted(glob.glob("drivers/*/*.conf"))
    report("drivers-found", len(real) >= 2, f"only {real}")
    case("drivers-pass", real, 0)
    tmp = tempfile.mkdtemp(prefix="samsara-policy-")
    try:
        paths = {}
        for name, (fname, text, msg) in BAD.items():
            d = os.path.join(tmp, name)
            os.mkdir(d)
            path = os.path.join(d, fname)
            with open(path, "w") as f:
                f.write(text)
            paths[name] = path
            case(name, [path], 1, f"{path}:{msg}\n")
        # All files are checked; only the bad ones are reported.
        bad = [paths["missing-semicolon"], paths["unknown-keyword"]]
        case("good-and-bad", [real[0], bad[0], real[-1], bad[1]], 1,
             f"{bad[0]}:{BAD['missing-semicolon'][2]}\n"
             f"{bad[1]}:{BAD['unknown-keyword'][2]}\n")
        missing = os.path.join(tmp, "none.conf")
        case("missing-file", [missing], 1,
             f"policycheck: {missing}: No such file or directory\n")
        case("usage", [], 2, "usage: policycheck FILE...\n"
             "       policycheck -t OUT [PATTERN=]FILE...\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if len(sys.argv) == 3:
        image_lists(sys.argv[2], real)
    return 1 if failures else 0


def image_lists(image, real):
    """Every policy file is in the root image's /etc/system.d."""
    if not shutil.which("fsck.minix"):
        report("root-image", True, "no fsck.minix")
        return
    p = subprocess.run(["fsck.minix", "-l", image], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL)
    names = set(p.stdout.split())
    want = {"/etc/system.d/" + os.path.basename(f) for f in real}
    report("root-image", want <= names,
           f"status {p.returncode}; missing {sorted(want - names)}")


if __name__ == "__main__":
    sys.exit(main())
