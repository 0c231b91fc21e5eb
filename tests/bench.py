#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Samsara's benchmarks.  Each figure is printed on its own line as
"bench: NAME VALUE UNIT".

  ipc_roundtrip          tests/bench/b_ipc.c, run as a boot module: median
                         SENDREC round trip in cycles and in ns
  safecopy_4k            tests/bench/b_safecopy.c: median ns per 4 KiB
                         SAFECOPYFROM between two address spaces
  devio                  tests/bench/b_devio.c: median ns per DEVIO
  restart_latency        tests/bench/b_restart.c, booted with the servers
                         and the RS test's RAM disk: ms from `service fi`
                         of a service to its new instance answering its
                         first request (median, and _max), 100 restarts
  kernel_sloc            code lines of kernel/ (C, headers, assembly)
  boot_to_first_process  wall-clock ms from starting QEMU on the ISO to
                         init's first line on the serial console (median
                         of BOOT_RUNS boots; includes GRUB, under TCG)
  boot_to_login          the same, to the first "login:" prompt on the
                         serial console (median, and the slowest boot)

Usage: bench.py [--build DIR]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

BOOT_RUNS = 5
BENCH_PROGS = ["b_ipc", "b_safecopy", "b_devio"]
# Benchmarks that need the servers: program -> the boot modules before it
# and after it (paths under build/).
SERVERS = ["bin/memory.elf", "bin/fs.elf", "bin/vfs.elf", "bin/pm.elf",
           "bin/ds.elf", "bin/rs.elf"]
SYSTEM_BENCH = {"b_restart": (SERVERS, ["tests/rs/root.img"])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    a = ap.parse_args()
    ok = True

    for prog in BENCH_PROGS + list(SYSTEM_BENCH):
        before, after = SYSTEM_BENCH.get(prog, ([], []))
        mods = before + ["tests/" + prog + ".elf"] + after
        run = qemu.boot(qemu.qemu_cmd(a.build, modules=[
            os.path.join(a.build, m) for m in mods]), 300)
        lines = re.findall(r"^bench: .*$", run.log, re.M)
        for line in lines:
            print(line, flush=True)
        if run.status != qemu.DEBUG_EXIT_PASS or not lines:
            ok = False
            print("bench: %s failed\n%s" % (prog, run.tail()),
                  file=sys.stderr)

    cloc = subprocess.run(["cloc", "--quiet", "--csv", "--include-lang=C,"
                           "C/C++ Header,Assembly", "kernel/"],
                          capture_output=True, text=True).stdout
    total = [line.split(",")[4] for line in cloc.splitlines()
             if line.split(",")[1:2] == ["SUM"]]
    if total:
        print("bench: kernel_sloc %s lines" % total[0], flush=True)
    else:
        ok = False

    iso = os.path.join(a.build, "samsara.iso")
    for name, pattern in [("boot_to_first_process", r"init: Samsara is running"),
                          ("boot_to_login", r"login: ")]:
        times = []
        for _ in range(BOOT_RUNS):
            run = qemu.boot(qemu.qemu_cmd(a.build, iso=iso), 120,
                            until=pattern)
            if run.seen_at is None:
                ok = False
                print("bench: boot failed\n" + run.tail(), file=sys.stderr)
                break
            times.append(run.seen_at * 1000)
        if times:
            print("bench: %s %d ms" % (name, statistics.median(times)),
                  flush=True)
        if times and name == "boot_to_login":
            print("bench: boot_to_login_max %d ms" % max(times), flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
