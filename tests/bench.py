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
  disk_seq_write_dma     MB/s writing a 16 MiB file of zeros with dd
                         (4 KiB blocks) and sync, on the ISO's root on an
                         IDE disk, timed from the host: ATA by bus-master
                         DMA
  disk_seq_read_dma      the same file read back (it does not fit FS's
                         cache: every block comes from the disk)
  disk_seq_write_pio, disk_seq_read_pio
                         the same, booted with ata=pio
  disk_recovery          ms from the disk driver's death (`service fi
                         ata`, under a reader, DMA mode) to the request
                         FS then re-issued being done, as FS logs it:
                         median and _max of RECOVERY_RUNS
  net_rx_CARD, net_tx_CARD, net_rtt_CARD, net_http_CARD
                         for CARD ne2k_isa, ne2k_pci, rtl8139 (the cards
                         of tests/net.py) on QEMU's restricted user
                         network with a forward on 127.0.0.1
                         (tests/netbench.py, guest program
                         tests/bench/b_net.c): MB/s host->guest (16 MiB,
                         timed by the guest's receiver), MB/s
                         guest->host (16 MiB, timed by the host's
                         receiver), us per 1-byte TCP echo (median of
                         300), req/s of HTTP GETs of /index.html from
                         httpd (4 concurrent host clients, 200 requests)
  linux_net_rx_CARD ...  the same four on Debian 12's Linux 686 guest
                         in the same QEMU with the same card and forward
                         (tools/fetch-linux-baseline.sh)
  net_rx_CARD_vs_linux ...
                         Samsara / Linux (for rtt Linux / Samsara): above
                         1 means Samsara is ahead; every net figure is
                         the median of NET_RUNS runs, Samsara's and
                         Linux's interleaved

Usage: bench.py [--build DIR] [--only NAME[,NAME...]] [--net-runs N]
  --only    run only the benchmarks whose names contain one of the
            NAMEs (e.g. --only net_ or --only net_rx_rtl8139,disk_); the
            network ones go by card: naming one figure of a card measures
            all four of it (one boot gives them all)
  --net-runs  runs of each system per card (NET_RUNS)
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import disk  # noqa: E402
import netbench  # noqa: E402
import qemu  # noqa: E402
import session  # noqa: E402

BOOT_RUNS = 5
RECOVERY_RUNS = 20
FILE_MIB = 16
NET_RUNS = 2
BENCH_PROGS = ["b_ipc", "b_safecopy", "b_devio"]
# The figures each program prints, for --only.
PROG_NAMES = {"b_ipc": ["ipc_roundtrip"], "b_safecopy": ["safecopy_4k"],
              "b_devio": ["devio"], "b_restart": ["restart_latency",
                                                  "restart_latency_max"]}
# Benchmarks that need the servers: program -> the boot modules before it
# and after it (paths under build/).
SERVERS = ["bin/memory.elf", "bin/fs.elf", "bin/vfs.elf", "bin/pm.elf",
           "bin/ds.elf", "bin/rs.elf"]
SYSTEM_BENCH = {"b_restart": (SERVERS, ["tests/rs/root.img"])}


def timed(c, line, pattern, timeout=600):
    """Seconds from typing line to pattern on the console, or None."""
    start = time.monotonic()
    c.send(line)
    if not c.expect(pattern, timeout):
        return None
    return time.monotonic() - start


def disk_benches(build, mode):
    """The disk figures, from one boot with root on a disk, the driver
    in `mode` (dma or pio); the recovery figures in DMA mode only.
    Returns the lines, or None and the log if something went wrong."""
    mib = float(FILE_MIB * 1024 * 1024) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "disk.img")
        disk.make_disk(build, image, ["81:%d:%s" % (
            disk.ROOT_MIB, os.path.join(build, "disk-root.img"))],
            disk.ROOT_MIB + 1)
        c = disk.boot(build, image, mode)
        try:
            lines = []
            if not c.expect(r"login: ", 120):
                return None, c.log
            c.send("root")
            c.expect(r"# $", 60)
            c.send("mount")  # the disk, not the RAM disk VFS falls back to
            if not c.expect(r"^/dev/c0d0p1 on / ", 60):
                return None, c.log
            c.expect(r"# $", 60)
            # DMA from RS's first heartbeat on: wait for it.
            if mode == "dma" and disk.wait_dma(c):
                return None, c.log
            w = timed(c, "dd if=/dev/zero of=/b bs=4096 count=%d "
                      "2>/dev/null; sync; echo wrote" % (FILE_MIB * 256),
                      r"^wrote\r?\n# $")
            r = timed(c, "dd if=/b of=/dev/null bs=4096 2>/dev/null; "
                      "echo read", r"^read\r?\n# $")
            if w is None or r is None:
                return None, c.log
            lines.append("bench: disk_seq_write_%s %.2f MB/s"
                         % (mode, mib / w))
            lines.append("bench: disk_seq_read_%s %.2f MB/s"
                         % (mode, mib / r))
            if mode != "dma":
                return lines, c.log
            c.send("while true; do dd if=/b of=/dev/null bs=4096 "
                   "2>/dev/null; done &")
            c.expect(r"# $", 60)
            us = []
            for _ in range(RECOVERY_RUNS):
                # Past ata.conf's longest back-off (1 s): a restart
                # in a row would be held back on purpose.
                time.sleep(1.5)
                c.send("service fi ata")
                m = c.expect(r"request done again on the driver's new "
                             r"instance, (\d+) us after", 60)
                if not m:
                    return None, c.log
                us.append(int(m.group(1)))
            lines.append("bench: disk_recovery %.1f ms"
                         % (statistics.median(us) / 1000))
            lines.append("bench: disk_recovery_max %.1f ms"
                         % (max(us) / 1000))
            return lines, c.log
        finally:
            c.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", default="")
    ap.add_argument("--net-runs", type=int, default=NET_RUNS)
    a = ap.parse_args()
    only = [w for w in a.only.split(",") if w]
    ok = True

    def wanted(*names):
        return not only or any(w in n for w in only for n in names)

    for prog in BENCH_PROGS + list(SYSTEM_BENCH):
        if not wanted(*PROG_NAMES[prog]):
            continue
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

    ok = (not wanted("kernel_sloc") or kernel_sloc()) and ok
    ok = boot_benches(a.build, wanted) and ok
    for mode in ("dma", "pio"):
        if not wanted(*["disk_seq_%s_%s" % (d, mode) for d in
                        ("write", "read")] + (["disk_recovery",
                                                "disk_recovery_max"]
                                               if mode == "dma" else [])):
            continue
        lines, log = disk_benches(a.build, mode)
        for line in lines or []:
            print(line, flush=True)
        if not lines:
            ok = False
            print("bench: disk (%s) failed\n" % mode
                  + "\n".join(log.splitlines()[-30:]), file=sys.stderr)
    cards = [c for c in netbench.net.CARDS if wanted(*[
        "%snet_%s_%s%s" % (p, n, c, v) for p in ("", "linux_")
        for n in netbench.NAMES for v in ("", "_vs_linux")])]
    if cards:
        ok = netbench.run(a.build, cards, a.net_runs,
                          lambda line: print(line, flush=True),
                          lambda text: print("net: " + text, flush=True)) \
            and ok
    sys.exit(0 if ok else 1)


def kernel_sloc():
    """The kernel_sloc line; False if cloc gave no total."""
    cloc = subprocess.run(["cloc", "--quiet", "--csv", "--include-lang=C,"
                           "C/C++ Header,Assembly", "kernel/"],
                          capture_output=True, text=True).stdout
    total = [line.split(",")[4] for line in cloc.splitlines()
             if line.split(",")[1:2] == ["SUM"]]
    if total:
        print("bench: kernel_sloc %s lines" % total[0], flush=True)
    return bool(total)


def boot_benches(build, wanted):
    """The boot_to_* lines; False if a boot failed."""
    ok = True
    iso = os.path.join(build, "samsara.iso")
    for name, pattern in [("boot_to_first_process", r"init: Samsara is running"),
                          ("boot_to_login", r"login: ")]:
        if not wanted(name, name + "_max"):
            continue
        times = []
        for _ in range(BOOT_RUNS):
            run = qemu.boot(qemu.qemu_cmd(build, iso=iso), 120,
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
    return ok


if __name__ == "__main__":
    main()
