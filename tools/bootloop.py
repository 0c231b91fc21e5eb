#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boot one guest test of tests/run.py again and again, to catch a rare
hang or failure, and say who waited for whom when one hangs.

Usage: bootloop.py [--build DIR] [--stall S] [--out DIR] NAME RUNS

NAME is a guest test's name in run.py's GUEST table ("rs" for
guest/rs).  Each run boots its modules as run_guest does, with QEMU's
gdb stub on a free 127.0.0.1 port.  A run passes when QEMU leaves
through isa-debug-exit with the pass code.  A run that prints nothing
for S seconds (20 unless told) counts as hung: gdb attaches, runs the
`procs` command of tools/gdbprocs.py and `info registers`, and the
serial log plus that dump go to OUT/hang-N.txt (OUT: /tmp/bootloop
unless told); a failing run's log goes to OUT/fail-N.txt.  The last
line counts passes, failures and hangs; the exit status is 0 only if
every run passed.  Load the machine on purpose (a `yes > /dev/null`
beside it) to make races in the guest likelier.
"""
import argparse
import os
import select
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TOP, "tests"))
import qemu  # noqa: E402
import run  # noqa: E402


def free_port():
    out = subprocess.run([sys.executable, os.path.join(HERE, "freeport.py")],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def boot_once(cmd, stall):
    """Run QEMU until it exits or stalls: (log, exit status or None if it
    stalled).  QEMU is left running when it stalls."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    buf, last = b"", time.monotonic()
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                proc.wait()
                break
            buf += chunk
            last = time.monotonic()
        elif proc.poll() is not None:
            break
        elif time.monotonic() - last > stall:
            return proc, buf.decode("utf-8", "replace"), None
    return proc, buf.decode("utf-8", "replace"), proc.returncode


def dump(build, port):
    gdbinit = os.path.join(build, "gdbinit.bootloop")
    subprocess.run([sys.executable, os.path.join(HERE, "mkgdbinit.py"),
                    gdbinit, os.path.join(build, "tests", "kernel.elf")],
                   check=True)
    out = subprocess.run(["gdb", "-batch", "-x", gdbinit,
                          "-ex", "target remote 127.0.0.1:%d" % port,
                          "-ex", "procs", "-ex", "info registers"],
                         capture_output=True, text=True, timeout=120)
    return out.stdout + out.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(TOP, "build"))
    ap.add_argument("--stall", type=float, default=20)
    ap.add_argument("--out", default="/tmp/bootloop")
    ap.add_argument("name")
    ap.add_argument("runs", type=int)
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    found = [g for g in run.GUEST if g.name == a.name]
    if not found:
        sys.exit("bootloop: no guest test named %s" % a.name)
    g = found[0]
    os.makedirs(a.out, exist_ok=True)
    mods = []
    for prog, args in g.modules:
        name = prog if prog.endswith(".img") else prog + ".elf"
        mods.append(os.path.join(build, "tests", name) +
                    (" " + args if args else ""))
    counts = {"passed": 0, "failed": 0, "hung": 0}
    for n in range(a.runs):
        port = free_port()
        cmd = qemu.qemu_cmd(build, modules=mods, extra=g.extra)
        cmd += ["-gdb", "tcp:127.0.0.1:%d" % port]
        start = time.monotonic()
        proc, log, status = boot_once(cmd, a.stall)
        took = time.monotonic() - start
        if status is None:
            text = log + "\n===== procs =====\n" + dump(build, port)
            proc.kill()
            proc.wait()
            path = os.path.join(a.out, "hang-%d.txt" % n)
            with open(path, "w") as f:
                f.write(text.replace("\r", ""))
            counts["hung"] += 1
            print("run %d: HUNG (silent %ds after %.0f s): %s" %
                  (n, a.stall, took, path), flush=True)
        elif status == qemu.DEBUG_EXIT_PASS:
            counts["passed"] += 1
            print("run %d: passed in %.1f s" % (n, took), flush=True)
        else:
            path = os.path.join(a.out, "fail-%d.txt" % n)
            with open(path, "w") as f:
                f.write(log.replace("\r", ""))
            counts["failed"] += 1
            print("run %d: FAILED (exit %s): %s" % (n, status, path),
                  flush=True)
    print("%d passed, %d failed, %d hung" %
          (counts["passed"], counts["failed"], counts["hung"]))
    sys.exit(0 if counts["passed"] == a.runs else 1)


if __name__ == "__main__":
    main()
