#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Run every Samsara test; print one PASS/FAIL line per test and, last,
"N passed, N failed".  Exits non-zero if anything failed.

  style      every C file is clang-formatted
  unit/...   host unit tests (build/tests/unit/test_*), one line per case
  guest/...  boots of the kernel with test programs as boot modules; a
             test passes when QEMU leaves through isa-debug-exit with the
             pass code, the program printed "PASS: CASE", and every
             expected kernel-log line is there
  host/...   the shell and the commands built for the host, through
             their test scripts in tests/host (host/sh, host/commands;
             host/netcmds: nc, httpd and ping over the host's
             127.0.0.1, test_netcmds.py)
  host/policycheck  the build's policy-file checker on the drivers'
             policy files (they pass) and on malformed ones (each refused
             with its FILE:LINE message); the root image holds them all
             in /etc/system.d
  host/boot_tables  the kernel of build/samsara.iso has a boot-table
             entry for every boot process's policy file and none for a
             test program; build/tests/kernel.elf has both
  host/lwip_unit  lwIP's own unit suite (test/unit of the tarball
             tools/fetch-lwip.sh unpacked), built for this host with
             Debian's Check (tests/host/lwip): Check's closing line must
             count at least 100 checks, 0 failures and 0 errors
  host/proto_senders  no request type of include/proto/ is named outside
             its header, its client library and its server (the
             programs that forge requests on purpose aside)
  host/mkdisk  the disk-image builder: a disk with an MBR whose fields
             are checked byte by byte, the first partition holding a
             mkrootfs image that passes `fsck.minix -f`; bad command
             lines fail and leave no file; --keep keeps a disk;
             mkrootfs takes boot/devices and refuses a device line
             that disagrees with include/devnum.h
  guest/lwip_loopback  lwIP as INET builds it (build/lib/liblwip.a)
             inside t_lwip: lo0 at 127.0.0.1, a sys_timeout, UDP there
             and back, a ping answered through a raw PCB, 256 KiB echoed
             over TCP with half-closes, every byte checked; lwIP's heap
             empty and its counters right afterwards
  guest/lwip_assert  an lwIP assertion in a child ends it with RS's
             panic status and one "panic: ... lwIP assertion" line
  guest/fs_peers  FS and MEMORY serve only their clients: a test
             program not named with clients= gets EPERM, logged
  guest/policy_records  every process's privileges (GETINFO GI_PRIV)
             are exactly what its policy file grants
  iso/socket_api  the socket-API suite (tests/guest/t_sock.c) on the
             booted system over 127.0.0.1 (tests/net.py)
  iso/net_commands  ifconfig, ping, nc, httpd, netstat at the shell
             over 127.0.0.1 with no card (tests/net.py): lo listed,
             each ifconfig error with its message and status; ping -c 3
             3/3 with its summary; 1 MiB through nc by cksum, a UDP line
             each way; httpd's GET, HEAD, 404, 403 for "..", 405, 400,
             two clients at once, its log; netstat's LISTEN; "user" may
             neither ping nor change an interface
  iso/nic_ne2k_isa, iso/nic_ne2k_pci, iso/nic_rtl8139  each card on
             -netdev user,restrict=on: netstart starts its driver, the
             MAC is QEMU's mac=, DHCP gives 10.0.2.15/24, ping -c 3
             10.0.2.2 answers, curl through a forward gets httpd's
             files (length, sha256), nc moves 4 MiB each way with the
             same sha256 on both ends (tests/net.py)
  iso/wire_ne2k_isa, iso/wire_ne2k_pci, iso/wire_rtl8139  each card on
             a socket netdev to tests/ethpeer.py: ping and UDP echo
             both ways, then hostile frames (runts, bad lengths and
             checksums, oversized frames, bad fragments, a SYN flood):
             none answered, netstat -s counts the drops, ordinary TCP,
             UDP and ping work afterwards
  iso/rogue_driver  INET against a network driver that answers wrongly
             on purpose (tests/guest/p_rogue_nic.c): every bad reply
             refused and counted, an endless "more" cut short, INET
             still works through it and on 127.0.0.1
  iso/two_guests  two Samsara guests (RTL8139, NE2000 PCI) on a dgram
             netdev over 127.0.0.1 ping each other and move 4 MiB over
             TCP with the same sha256 on both ends
  iso/user_attack  uid 100 sends every protocol's requests, then
             100,000 random messages, to every process: all refused,
             nothing changed (tests/attack.py)
  guest/core_death  a core server (p_crash booted as "ds") faults and
             the kernel reports it in one line
  guest/ds   the data store: t_ds boots as "rs" (DS trusts that name)
             and plays RS for the children it forks
  guest/pci  the PCI driver with QEMU's RTL8139 and NE2000 (no network):
             the device list; test drivers started through RS claim only
             what their policies' pci lines allow and get exactly that
             card's ports; EBUSY for a second claimant; a crashed
             claimant's card is freed with bus mastering off; ACLs and
             FORGETs from anybody but RS ignored; PRIVADD's errors; the
             DMA quarantine: a dead bus master's DMA memory is handed to
             nobody while PCI (hung) has not turned mastering off, and
             is after; the pool bounds it; a crash loop leaves nothing;
             DMARELEASE's errors
  guest/ndev_isa, guest/ndev_pci, guest/ndev_rtl8139  t_ndev plays
             INET against the NE2000 or RTL8139 driver started through
             RS, on QEMU's ne2k_isa (0x300, IRQ 9), ne2k_pci (slot 3,
             IRQ 11) or rtl8139 (slot 5, IRQ 10) with -netdev
             user,restrict=on: the MAC equals mac=; ESTALE, EINVAL,
             EAGAIN, EPERM from a second process; ARP and ICMP echo with
             slirp's 10.0.2.2; 80 echoes of 1400 bytes (round the
             ring); after RS_FI_CRASH a new instance announces
             drv.net.LABEL and serves a new session; the RTL8139's
             loopback self-test at start, and its DMA memory
             quarantined at the crash and released
  guest/ata  t_ata against two IDE disks (48 MiB with two partitions,
             and 200 GiB sparse): sizes, partitions as minors, multi-
             command transfers, LBA48 at 150 GiB (checked in the image
             file afterwards), errors at and past the end, bad grants
  guest/ata_denied  the same against the driver's test build, which
             first reaches for ports next to its own, PCI's configuration
             ports, COM1, port 0x80, the keyboard and IRQ 1: each is
             refused, logged and counted, and the driver still works
  guest/mount  t_mount mounts an empty mkfs.minix -3 volume (ram1) and
             a broken one (ram2); then the harness saves both RAM disks
             it wrote from QEMU's memory and `fsck.minix -f` must find
             them clean
  iso/boot   the real ISO through GRUB reaches the first process
  iso/login_session  the ISO boots to login:, root logs in, and a shell
             session (directories, a pipeline, a background job, a
             script with a loop and a trap) gives the right output
  iso/commands_session  ps lists the boot servers and drivers, init, the
             shell and itself; dmesg shows the boot lines; sync works; the
             drivers' policy files are in /etc/system.d; /bin/test
             and /bin/[ work; halt and reboot refuse "user"; root's halt
             ends QEMU
  iso/mount_session  root mounts the ISO's spare volume (/dev/ram1),
             writes on it, sees it in mount and df, cannot unmount it
             while in use, remounts it read-only; mount's error messages
  iso/service_session  /etc/rc started RANDOM under RS; `service` lists,
             crashes, stops and restarts it, /dev/urandom works after
             each restart; bad requests and non-root users are refused;
             `service fi tty` under the root session: a new login comes
             up on the new TTY instance
  iso/memory_recovery  MEMORY, the driver under the root file system,
             crashed 20 times and killed once while files are copied on
             two of its volumes: no copy fails or differs (FS repeats
             the requests on the new instance)
  iso/disk_root  root on an IDE disk (root=c0d0p1): files of 0 B to
             16 MiB checksummed, sync, the same image booted again: the
             files are intact; a full partition gives ENOSPC and stays
             usable; fsck.minix -f finds both partitions clean
  iso/ata_recovery_dma, iso/ata_recovery_pio  the root disk's driver
             ended 54 times at random moments (22 crashes, 22 kill -9,
             10 hangs) while a writer and a reader move >= 20 MiB of
             checksummed files: no error, no bad checksum, fsck.minix -f
             clean (the seed is printed on failure); once with every
             instance using bus-master DMA, once booted with ata=pio
  iso/disk_bad  a corrupt superblock, a bad partition table and no disk:
             each says so on the console and boots from the RAM disk
  iso/fork_bomb  "user" forks sleeps in a loop up to the per-user limit
             (48): the shell reports each failed fork, ^C stops the
             loop, the shell answers, and root finds and kills the rest
  iso/vga_login  root logs in on the VGA console through keys pressed
             with QEMU's monitor, and a command's output is read back
             from screen memory

Usage: run.py [--build DIR] [--only SUBSTRING] [--jobs N]
"""
import argparse
import concurrent.futures
import glob
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attack  # noqa: E402
import disk  # noqa: E402
import net  # noqa: E402
import qemu  # noqa: E402
import session  # noqa: E402
import vga  # noqa: E402


class Guest:
    """extra: more QEMU arguments (devices) for this boot."""

    def __init__(self, name, modules, case, expect=(), timeout=120,
                 extra=()):
        self.name, self.modules, self.case = name, modules, case
        self.expect, self.timeout = list(expect), timeout
        self.extra = list(extra)


def t(prog, args=""):
    return (prog, args)


IPC_CASES = ["pingpong", "specific", "any", "notify", "sendnb", "dead",
             "cycle", "badptr"]
FAULT_LINES = [
    r"fault: t_fault \(ep \d+\) vector 0 \(#DE",
    r"fault: t_fault \(ep \d+\) vector 6 \(#UD",
    r"fault: t_fault \(ep \d+\) vector 13 \(#GP",
    r"fault: t_fault \(ep \d+\) vector 14 \(#PF page fault\) eip 0x[0-9a-f]+ "
    r"addr 0x00000000",
    r"fault: t_fault \(ep \d+\) vector 14 \(#PF page fault\) eip 0x[0-9a-f]+ "
    r"addr 0xc0100000",
]
GUEST = (
    [Guest("ipc_" + c, [t("t_ipc", c)], c) for c in IPC_CASES]
    + [Guest("faults", [t("t_fault")], "faults", FAULT_LINES)]
    + [Guest("sched_" + c, [t("t_sched", c)], c)
       for c in ["preempt", "alarm", "newlib", "klog", "fpu"]]
    + [Guest("lwip_loopback", [t("t_lwip", "loopback")], "loopback",
             [r"^t_lwip: tcp echo of 262144 bytes in \d+ ms"])]
    + [Guest("lwip_assert", [t("t_lwip", "assert")], "assert",
             [r'^panic: t_lwip: lwIP assertion "p != NULL" failed at '
              r'core/pbuf\.c:\d+$'])]
    + [Guest("grants", [t("t_grant")], "grant",
             [r"denied: t_grant \(ep \d+\) grant 0x"])]
    + [Guest("devio", [t("t_devio")], "devio",
             [r"denied: t_devio \(ep 0\) I/O port 0xf4 \(error -1\)"])]
    + [Guest("irq", [t("t_irq")], "irq",
             [r"denied: t_irq \(ep 0\) IRQ line 0x4 \(error -1\)"])]
    + [Guest("privileges", [t("t_priv")], "priv",
             [r"denied: t_priv \(ep \d+\) IPC target 0x"])]
    + [Guest("memory", [t("t_mem")], "mem",
             [r"denied: t_mem \(ep 0\) memory range 0xa0000"])]
    + [Guest("trace", [t("t_trace")], "trace")]
    + [Guest("bdev_memory", [("../bin/memory", "clients=t_bdev"), t("t_bdev"),
                              ("root.img", "")], "bdev")]
    + [Guest("fs_server", [("../bin/memory", ""),
                           ("../bin/fs", "clients=t_fs"),
                           t("t_fs"), ("root.img", "")], "fs",
             [r"fs: mounted device 1,0: 2048 blocks"])]
    + [Guest("fs_bad_superblock", [("../bin/memory", ""),
                                    ("../bin/fs", "clients=t_fs"),
                                    t("t_fs", "badsb"), ("bad/root.img", "")],
             "badsb", [r"fs: cannot mount device 1,0: not a MINIX v3 "
                       r"file system \(bad magic\)"])]
    + [Guest("fs_peers", [("../bin/memory", ""), ("../bin/fs", ""),
                           t("t_fs", "peers"), ("root.img", "")], "peers",
             [r"^fs: refused request 0xa11 from t_fs \(ep \d+\): not a "
              r"client of its file-server requests$",
              r"^fs: refused request 0xa02 from t_fs",
              r"^memory: refused request 0x501 from t_fs \(ep \d+\): not "
              r"a client of its block requests$"])]
    + [Guest("vfs_files", [("../bin/memory", ""), ("../bin/fs", ""),
                            ("../bin/vfs", ""), t("t_vfs"),
                            ("root.img", "")], "vfs")]
    + [Guest("pm_processes", [("../bin/pm", ""), t("t_pm")], "pm")]
    + [Guest("posix", [("../bin/memory", ""), ("../bin/fs", ""),
                        ("../bin/vfs", ""), ("../bin/pm", ""), t("t_posix"),
                        ("root.img", "")], "posix",
             [r"\d+ tests, 0 failed"], timeout=400)]
    + [Guest("rs", [("../bin/memory", ""), ("../bin/fs", ""),
                     ("../bin/vfs", ""), ("../bin/pm", ""), ("../bin/ds", ""),
                     ("../bin/rs", ""), t("t_rs"), ("rs/root.img", "")],
             "down", [r"rs: broken: policy refused: broken.conf:4: "],
             timeout=300)]
    + [Guest("pci", [("../bin/memory", ""), ("../bin/fs", ""),
                      ("../bin/vfs", ""), ("../bin/pm", ""), ("../bin/ds", ""),
                      ("../bin/pci", ""), ("../bin/rs", ""), t("t_pci"),
                      ("pci/root.img", "")], "pci",
             [r"^pci: 7 devices$",
              r"denied: pcitest \(ep \d+\) I/O port 0x",
              r"pci: ACL from ep \d+ ignored: only RS may send it",
              r"pci: FORGET from ep \d+ ignored: only RS may send it",
              r"pci: \S+ for ep \d+: the kernel refused its resources "
              r"\(error -28\)",
              r"^dma: \d+ pages of pcitwo \(ep \d+\) held until PCI has "
              r"turned its devices' bus mastering off$",
              r"^rs: pci failed: no-heartbeat$",
              r"^dma: \d+ pages of ep \d+ released$"],
             extra=["-device", "rtl8139", "-device", "ne2k_pci"])]
    + [Guest("ndev_" + board,
             [("../bin/memory", ""), ("../bin/fs", ""), ("../bin/vfs", ""),
              ("../bin/pm", ""), ("../bin/ds", ""), ("../bin/pci", ""),
              ("../bin/rs", ""), t("t_ndev", board + " " + mac),
              ("ndev/root.img", "")], "ndev",
             lines + [r"^%s: refused request 0xb0[0-9a-f] from t_ndev"
                      % label],
             timeout=180,
             extra=["-netdev", "user,id=n0,restrict=on", "-device", dev
                    + ",netdev=n0,mac=" + mac])
       for board, label, mac, dev, lines in [
           ("isa", "ne2000", "52:54:00:12:34:56",
            "ne2k_isa,iobase=0x300,irq=9",
            [r"^ne2000: ne2000 isa at 0x[0-9a-f]+ irq 9, 32 KiB, MAC "
             r"52:54:00:12:34:56$"]),
           ("pci", "ne2000pci", "52:54:00:12:34:57", "ne2k_pci,addr=03",
            [r"^ne2000: ne2000 pci at 0x[0-9a-f]+ irq 11, 32 KiB, MAC "
             r"52:54:00:12:34:57$"]),
           ("rtl8139", "rtl8139", "52:54:00:12:34:58", "rtl8139,addr=05",
            [r"^rtl8139: 52:54:00:12:34:58, ports 0x[0-9a-f]+, irq 10, "
             r"loopback ok$",
             r"^dma: \d+ pages of rtl8139 \(ep \d+\) held until PCI has "
             r"turned its devices' bus mastering off$",
             r"^dma: \d+ pages of ep \d+ released$"])]]
    + [Guest("policy_records",
             [("../bin/" + p, "") for p in
              ("memory", "pci", "ata", "tty", "fs", "vfs", "pm", "ds", "rs")]
             + [t("t_policy"), ("../root.img", "")], "policy",
             [r"t_policy: random \(ep \d+\) against random\.conf"],
             timeout=300)]
    + [Guest("exec", [("../bin/memory", ""), ("../bin/fs", ""),
                       ("../bin/vfs", ""), ("../bin/pm", ""), t("t_exec"),
                       ("root.img", "")], "exec",
             [r"args: /bin/args one two \[SAMSARA=yes\] \[HOME=/\]"])]
    + [Guest("ds", [("../bin/ds", ""), ("ds/rs", ""), t("t_exit")], "ds",
             [r"denied: ds \(ep \d+\) grant 0x"], timeout=300)]
    + [Guest("core_death", [("core/ds", ""), t("t_core")], "core",
             [r"^fault: ds \(ep \d+\) vector 14",
              r"^kernel: core server ds has died \(status 142\); the "
              r"system cannot recover it$"])]
    + [Guest("denials", [t("t_deny")], "deny",
             [r"denied: t_deny \(ep 0\) kernel call EXIT \(error -210\)",
              r"denied: t_deny \(ep 0\) IPC primitive 0x1 \(error -211\)"])]
    + [Guest("fuzz" + ("" if mode == "ipc" else "_kcall_" + mode),
             [t("t_fuzzctl", mode), t("t_fuzz", mode)], "fuzz", timeout=600)
       for mode in ["ipc", "user", "driver"]]
    + [Guest("malformed_modules",
             [("bad/notelf", ""), ("bad/truncated", ""), ("bad/overlap", ""),
              t("t_boot", "alpha beta")], "boot",
             [r"boot: module 'notelf': not an ELF file; not started",
              r"boot: module 'truncated': truncated: .*; not started",
              r"boot: module 'overlap': overlapping segments; not started"])]
)


REPORT_LOCK = threading.Lock()


def report(name, ok, detail=""):
    """One test's line (and on failure its detail, indented), printed in
    one piece even when tests run side by side (--jobs)."""
    text = ("PASS: " if ok else "FAIL: ") + name + "\n"
    if not ok and detail:
        text += "".join("    " + line + "\n"
                        for line in detail.rstrip().splitlines())
    with REPORT_LOCK:
        sys.stdout.write(text)
        sys.stdout.flush()
    return ok


def run_style():
    files = subprocess.run(["git", "ls-files", "--cached", "--others",
                            "--exclude-standard", "*.c", "*.h"],
                           capture_output=True, text=True).stdout.split()
    files = [f for f in files if os.path.exists(f)]  # deleted, not staged
    r = subprocess.run(["clang-format", "--dry-run", "-Werror"] + files,
                       capture_output=True, text=True)
    return [report("style", r.returncode == 0, r.stderr[-3000:])]


def run_unit(build):
    results = []
    d = os.path.join(build, "tests", "unit")
    for exe in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        path = os.path.join(d, exe)
        if not (exe.startswith("test_") and os.access(path, os.X_OK)):
            continue
        r = subprocess.run([path], capture_output=True, text=True,
                           timeout=120)
        cases = re.findall(r"^(PASS|FAIL): (.*)$", r.stdout, re.M)
        for verdict, case in cases:
            results.append(report("unit/%s" % case, verdict == "PASS",
                                  r.stdout[-2000:]))
        if r.returncode != 0 and all(v == "PASS" for v, _ in cases):
            results.append(report("unit/%s" % exe, False,
                                  "exit status %d\n%s" % (r.returncode,
                                                          r.stdout[-2000:])))
    return results


def run_guest(build, g):
    mods = []
    for prog, args in g.modules:
        name = prog if prog.endswith(".img") else prog + ".elf"
        path = os.path.join(build, "tests", name)
        mods.append(path + (" " + args if args else ""))
    run = qemu.boot(qemu.qemu_cmd(build, modules=mods, extra=g.extra),
                    g.timeout)
    problems = []
    if run.timed_out:
        problems.append("timed out after %d s" % g.timeout)
    elif run.status != qemu.DEBUG_EXIT_PASS:
        problems.append("QEMU exit status %s, not %d (pass)"
                        % (run.status, qemu.DEBUG_EXIT_PASS))
    if not re.search(r"^PASS: %s$" % re.escape(g.case), run.log, re.M):
        problems.append("no 'PASS: %s' line" % g.case)
    for pattern in g.expect:
        if not re.search(pattern, run.log, re.M):
            problems.append("expected log line missing: " + pattern)
    detail = "\n".join(problems)
    failures = [l for l in run.log.splitlines()
                if re.search(r"not ok |: \S+\.c:\d+: ", l)]
    if problems and failures:  # a suite's failed checks, wherever they are
        detail += "\n--- failed checks ---\n" + "\n".join(failures[:40])
    detail += "\n--- serial log (tail) ---\n" + run.tail()
    return report("guest/" + g.name, not problems, detail)


def fsck_ram_disks(build, log, mon_path, which, tmp):
    """Save RAM disks `which` (minors) from QEMU's memory, as the memory
    driver logged them, and check each with fsck.minix -f."""
    mon = qemu.Monitor(mon_path)
    problems = []
    try:
        for minor in which:
            m = re.search(r"memory: ram%d is \S+: (\d+) bytes at physical "
                          r"(0x[0-9a-f]+)" % minor, log)
            if not m:
                problems.append("no address logged for ram%d" % minor)
                continue
            out = os.path.join(tmp, "ram%d.img" % minor)
            mon.cmd('pmemsave %s %s "%s"' % (m.group(2), m.group(1), out))
            r = subprocess.run(["fsck.minix", "-f", out],
                               stdin=subprocess.DEVNULL, capture_output=True,
                               text=True)
            if r.returncode != 0 or not os.path.exists(out):
                problems.append("fsck.minix -f of ram%d: status %d\n%s"
                                % (minor, r.returncode,
                                   (r.stdout + r.stderr)[-1500:]))
    finally:
        mon.close()
    return problems


def run_ata(build, deny=False):
    """t_ata against two IDE disks: a 48 MiB primary master with two
    partitions (32 and 8 MiB) and a sparse 200 GiB primary slave; then
    the pattern t_ata wrote at 150 GiB must be in the slave's file.
    deny: the same with the driver's test build, which first tries 15
    accesses its policy forbids; each must be refused and logged."""
    case = "ata_denied" if deny else "ata"
    mods = [(os.path.join(build, "tests", "deny", "ata.elf") if deny
             else os.path.join(build, "bin", "ata.elf")) + " clients=t_ata",
            os.path.join(build, "tests", "t_ata.elf")
            + (" deny" if deny else "")]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        master = os.path.join(tmp, "master.img")
        slave = os.path.join(tmp, "slave.img")
        with open(master, "wb") as f:
            f.write(disk.mbr([(0x81, 2048, 65536), (0x81, 67584, 16384)]))
            f.truncate(48 << 20)
        with open(slave, "wb") as f:
            f.truncate(200 << 30)
        extra = ["-drive", "file=%s,format=raw,if=ide,index=0" % master,
                 "-drive", "file=%s,format=raw,if=ide,index=1" % slave]
        run = qemu.boot(qemu.qemu_cmd(build, modules=mods, extra=extra), 300)
        if run.timed_out:
            problems.append("timed out after 300 s")
        elif run.status != qemu.DEBUG_EXIT_PASS:
            problems.append("QEMU exit status %s, not %d (pass)"
                            % (run.status, qemu.DEBUG_EXIT_PASS))
        if not re.search(r"^PASS: %s$" % case, run.log, re.M):
            problems.append("no 'PASS: %s' line" % case)
        expect = [r"^ata: disk 0: .*, 98304 sectors \(48 MiB\), LBA48$",
                  r"^ata: disk 1: .*, 419430400 sectors \(204800 MiB\), "
                  r"LBA48$"]
        if deny:
            expect += [r"^ata: test build: 0 of 15 foreign accesses allowed$",
                       r"denied: ata \(ep 0\) I/O port 0x1f8 ",
                       r"denied: ata \(ep 0\) I/O port 0xcf8 ",
                       r"denied: ata \(ep 0\) IRQ line 0x1 "]
        for pattern in expect:
            if not re.search(pattern, run.log, re.M):
                problems.append("expected log line missing: " + pattern)
        with open(slave, "rb") as f:
            f.seek(150 << 30)
            if f.read(1024) != b"SAMSARA-LBA48-OK" * 64:
                problems.append("the slave's image has not the pattern "
                                "at 150 GiB")
    failures = [l for l in run.log.splitlines()
                if re.search(r": \S+\.c:\d+: ", l)]
    detail = "\n".join(problems + failures[:20])
    return report("guest/" + case, not problems,
                  detail + "\n--- serial log (tail) ---\n" + run.tail())


def run_mount(build):
    t = os.path.join(build, "tests")
    mods = [os.path.join(build, "bin", p + ".elf")
            for p in ("memory", "fs", "vfs", "pm")]
    mods += [os.path.join(t, "t_mount.elf") + " mount",
             os.path.join(t, "root.img"), os.path.join(t, "ram1.img"),
             os.path.join(t, "ram2.img")]
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "monitor")
        c = session.Console(qemu.qemu_cmd(build, modules=mods,
                                          monitor=sock))
        try:
            done = c.expect(r"^t_mount: volumes written back", 300)
            problems = [] if done else ["never saw the end of t_mount"]
            if done:
                problems += fsck_ram_disks(build, c.log, sock, (0, 1), tmp)
        finally:
            c.close()
    log = c.log.replace("\r", "")
    for pattern in [r"^PASS: mount$",
                    r"fs: mounted device 1,1: \d+ blocks",
                    r"fs: cannot mount device 1,2: not a MINIX v3 file "
                    r"system \(bad magic\)",
                    r"fs: unmounted device 1,1"]:
        if not re.search(pattern, log, re.M):
            problems.append("expected log line missing: " + pattern)
    tail = "\n".join(log.splitlines()[-30:])
    return report("guest/mount", not problems,
                  "\n".join(problems) + "\n--- serial log (tail) ---\n"
                  + tail)


def run_iso(build):
    iso = os.path.join(build, "samsara.iso")
    pattern = r"init: Samsara is running"
    run = qemu.boot(qemu.qemu_cmd(build, iso=iso), 120, until=pattern)
    ok = run.seen_at is not None and "kernel panic" not in run.log
    return report("iso/boot", ok, "--- serial log (tail) ---\n" + run.tail())


# The tests that talk to the booted ISO: name -> (ok, why, log).
SESSIONS = [
    ("iso/login_session", session.login_session),
    ("iso/commands_session", session.commands_session),
    ("iso/mount_session", session.mount_session),
    ("iso/service_session", session.service_session),
    ("iso/memory_recovery", session.memory_recovery),
    ("iso/disk_root", disk.disk_root),
    ("iso/disk_bad", disk.disk_bad),
    ("iso/ata_recovery_dma", disk.ata_recovery),
    ("iso/ata_recovery_pio", lambda b: disk.ata_recovery(b, mode="pio")),
    ("iso/fork_bomb", session.fork_bomb),
    ("iso/vga_login", vga.vga_login),
    ("iso/user_attack", attack.user_attack),
    ("iso/socket_api", net.socket_api),
    ("iso/net_commands", net.net_commands),
    ("iso/nic_ne2k_isa", lambda b: net.card_session(b, "ne2k_isa")),
    ("iso/nic_ne2k_pci", lambda b: net.card_session(b, "ne2k_pci")),
    ("iso/nic_rtl8139", lambda b: net.card_session(b, "rtl8139")),
    ("iso/wire_ne2k_isa", lambda b: net.card_peer_session(b, "ne2k_isa")),
    ("iso/wire_ne2k_pci", lambda b: net.card_peer_session(b, "ne2k_pci")),
    ("iso/wire_rtl8139", lambda b: net.card_peer_session(b, "rtl8139")),
    ("iso/two_guests", net.two_guests),
    ("iso/rogue_driver", net.rogue_driver),
]


def run_session(build, name, test):
    ok, why, log = test(build)
    tail = "\n".join(log.splitlines()[-30:])
    return report(name, ok, why + "\n--- serial log (tail) ---\n" + tail)


def default_signals():
    """For the host tests, which signal the programs they start: what
    nohup or a background `&` ignored would stay ignored in them."""
    for s in (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT):
        signal.signal(s, signal.SIG_DFL)


def run_host(build):
    """The shell and the commands, built for this host and run through
    their host test scripts (tests/host)."""
    out = os.path.join(build, "host")
    os.makedirs(out, exist_ok=True)
    results = []
    cc = ["gcc", "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-Wall",
          "-Wextra", "-Werror", "-O2"]
    srcs = sorted(os.path.join("commands/sh", f)
                  for f in os.listdir("commands/sh") if f.endswith(".c"))
    r = subprocess.run(cc + ["-o", os.path.join(out, "sh")] + srcs,
                       capture_output=True, text=True)
    if r.returncode == 0:
        r = subprocess.run(["python3", "tests/host/test_sh.py",
                            os.path.join(out, "sh")],
                           capture_output=True, text=True,
                           preexec_fn=default_signals)
    results.append(report("host/sh", r.returncode == 0,
                          (r.stdout + r.stderr)[-3000:]))
    bindir = os.path.join(out, "bin")
    r = subprocess.run(["sh", "tests/host/build_commands.sh", bindir],
                       capture_output=True, text=True)
    built = r.returncode == 0
    if built:
        r = subprocess.run(["python3", "tests/host/test_commands.py",
                            bindir], capture_output=True, text=True,
                           preexec_fn=default_signals)
    results.append(report("host/commands", r.returncode == 0,
                          (r.stdout + r.stderr)[-3000:]))
    if built:
        r = subprocess.run(["python3", "tests/host/test_netcmds.py",
                            bindir], capture_output=True, text=True,
                           preexec_fn=default_signals)
    results.append(report("host/netcmds", r.returncode == 0,
                          (r.stdout + r.stderr)[-3000:]))
    return results


def run_policycheck(build):
    """tools/policycheck through tests/host/test_policycheck.py."""
    r = subprocess.run(["python3", "tests/host/test_policycheck.py",
                        os.path.join(build, "tools", "policycheck"),
                        os.path.join(build, "root.img")],
                       capture_output=True, text=True)
    return report("host/policycheck", r.returncode == 0,
                  (r.stdout + r.stderr)[-3000:])


def holds_names(kernel, names):
    """The names whose NUL-terminated string is in the kernel's image
    (the linker may keep "fs" only as the tail of "vfs", so a name is
    looked for as a string's end)."""
    with open(kernel, "rb") as f:
        data = f.read()
    return {n for n in names if n.encode() + b"\0" in data}


def run_boot_tables(build):
    """The kernel of build/samsara.iso has an entry for each boot
    process's policy file and none for a test program; the test build's
    kernel has both (so the check can tell them apart)."""
    tests = {os.path.basename(f)[:-5].replace("_any", "_*")
             for f in glob.glob("tests/guest/policy/*.conf")}
    boot = {"memory", "pci", "ata", "tty", "fs", "vfs", "pm", "ds", "rs",
            "init"}
    product = holds_names(os.path.join(build, "kernel.elf"), boot | tests)
    test = holds_names(os.path.join(build, "tests", "kernel.elf"),
                       boot | tests)
    problems = []
    if not boot <= product:
        problems.append("product kernel lacks %s" % sorted(boot - product))
    if product & tests:
        problems.append("product kernel has test records %s"
                        % sorted(product & tests))
    if not (boot | tests) <= test:
        problems.append("test kernel lacks %s"
                        % sorted((boot | tests) - test))
    with open(os.path.join(build, "iso", "boot", "kernel.elf"), "rb") as a, \
            open(os.path.join(build, "kernel.elf"), "rb") as b:
        if a.read() != b.read():
            problems.append("the ISO's kernel is not build/kernel.elf")
    return report("host/boot_tables", not problems, "\n".join(problems))


def run_mkdisk(build):
    """tools/mkdisk through tests/host/test_mkdisk.py."""
    r = subprocess.run(["python3", "tests/host/test_mkdisk.py",
                        os.path.join(build, "tools", "mkdisk"),
                        os.path.join(build, "tools", "mkrootfs")],
                       capture_output=True, text=True)
    return report("host/mkdisk", r.returncode == 0,
                  (r.stdout + r.stderr)[-3000:])


def run_lwip_unit(build):
    """lwIP's own unit suite (test/unit of the fetched tree), built for
    this host with Check by tests/host/lwip/Makefile and run: it passes
    when Check's closing line counts at least 100 checks, no failure and
    no error, and the program exits with 0."""
    name = "host/lwip_unit"
    tree = os.path.join(build, "lwip", "lwip-2.1.3")
    out = os.path.join(build, "host", "lwip")
    if not os.path.exists(os.path.join(tree, "stamp")):
        return report(name, False, "no lwIP tree in %s (make fetches it)"
                      % tree)
    r = subprocess.run(["make", "-s", "-j2", "-f", "tests/host/lwip/Makefile",
                        "LWIP=" + tree, "OUT=" + out],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return report(name, False, "the build failed\n"
                      + (r.stdout + r.stderr)[-3000:])
    # (run in OUT: it writes lwip_unittests.xml where it runs)
    r = subprocess.run([os.path.abspath(os.path.join(out, "lwip_unittests"))],
                       cwd=out, capture_output=True, text=True, timeout=300)
    ends = re.findall(r"^\d+%: Checks: (\d+), Failures: (\d+), "
                      r"Errors: (\d+)$", r.stdout, re.M)
    problems = []
    if not ends:
        problems.append("no closing Check line")
    else:
        checks, failures, errors = (int(n) for n in ends[-1])
        if checks < 100:
            problems.append("only %d checks ran (at least 100 expected)"
                            % checks)
        if failures or errors:
            problems.append("%d failures, %d errors" % (failures, errors))
    if r.returncode != 0:
        problems.append("exit status %d" % r.returncode)
    problems += re.findall(r"^.*:[FE]:.*$", r.stdout, re.M)[:20]
    return report(name, not problems, "\n".join(problems) + "\n"
                  + (r.stdout + r.stderr)[-3000:])


def run_proto_senders():
    """tests/host/test_proto_senders.py: no request type is named
    outside its header, client library and server."""
    r = subprocess.run(["python3", "tests/host/test_proto_senders.py", "."],
                       capture_output=True, text=True)
    return report("host/proto_senders", r.returncode == 0,
                  (r.stdout + r.stderr)[-3000:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", "-j", type=int, default=1,
                    help="tests run at once (each QEMU test takes a core)")
    a = ap.parse_args()
    b = a.build
    # Each task returns a list of results; they are independent (each
    # boots its own QEMU on its own copies of the images, in its own
    # temporary directory), so --jobs may run them side by side.
    tasks = []
    if a.only in "style":
        tasks.append(run_style)
    if a.only in "unit/" or a.only.startswith("unit/"):
        tasks.append(lambda: run_unit(b))
    for g in GUEST:
        if a.only in "guest/" + g.name:
            tasks.append(lambda g=g: [run_guest(b, g)])
    if a.only in "guest/mount":
        tasks.append(lambda: [run_mount(b)])
    if a.only in "guest/ata":
        tasks.append(lambda: [run_ata(b)])
    if a.only in "guest/ata_denied":
        tasks.append(lambda: [run_ata(b, deny=True)])
    if (a.only in "host/sh" or a.only in "host/commands" or
            a.only in "host/netcmds"):
        tasks.append(lambda: run_host(b))
    if a.only in "host/policycheck":
        tasks.append(lambda: [run_policycheck(b)])
    if a.only in "host/boot_tables":
        tasks.append(lambda: [run_boot_tables(b)])
    if a.only in "host/mkdisk":
        tasks.append(lambda: [run_mkdisk(b)])
    if a.only in "host/proto_senders":
        tasks.append(lambda: [run_proto_senders()])
    if a.only in "host/lwip_unit":
        tasks.append(lambda: [run_lwip_unit(b)])
    if a.only in "iso/boot":
        tasks.append(lambda: [run_iso(b)])
    for name, test in SESSIONS:
        if a.only in name:
            tasks.append(lambda name=name, test=test:
                         [run_session(b, name, test)])
    results = []
    if a.jobs <= 1:
        for t in tasks:
            results += t()
    else:
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
            for r in pool.map(lambda t: t(), tasks):
                results += r
    passed = sum(1 for r in results if r)
    failed = len(results) - passed
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed or not results else 0)


if __name__ == "__main__":
    main()
