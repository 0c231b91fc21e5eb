# SPDX-License-Identifier: BSD-2-Clause
"""The root file system on an IDE disk, through the booted ISO (GRUB's
root=c0d0p1): disk images made with tools/mkdisk, sessions on the
serial console, and `fsck.minix -f` of a partition afterwards.

  disk_root     files of 0 B to 16 MiB written and checksummed, sync
                (which ends with the drive flushing its write cache, as
                QEMU's trace of IDE commands shows), a second boot of the same image finds them intact; a
                small second partition filled up gives ENOSPC and stays
                usable; both partitions pass fsck.minix -f
  ata_recovery  the disk driver crashed, killed and hung 54 times under
                a checksummed workload: nobody notices
  disk_bad      a corrupt superblock, a bad partition table and no disk
                at all: each boot says what is wrong and comes up on
                the RAM disk
"""
import os
import random
import re
import struct
import subprocess
import tempfile
import time

import qemu
import session

SECTOR = 512
FIRST = 2048  # mkdisk's first partition starts at 1 MiB
ROOT_MIB = 63  # boot/module.mk's DISK_ROOT_MIB

# name, dd block size, count: 0 B, 1 B, 1 KiB, 4 KiB, 1 MiB, 16 MiB.
FILES = [("f0", 1, 0), ("f1", 1, 1), ("f1k", 1024, 1), ("f4k", 4096, 1),
         ("f1m", 1024, 1024), ("f16m", 1024, 16384)]


def mbr(parts):
    """A sector 0 with an MBR partition table: parts are (type, first
    sector, sectors), the first marked active."""
    sector = bytearray(SECTOR)
    for i, (kind, first, count) in enumerate(parts):
        e = 446 + 16 * i
        sector[e] = 0x80 if i == 0 else 0
        sector[e + 1:e + 4] = b"\xfe\xff\xff"  # CHS: use the LBA
        sector[e + 4] = kind
        sector[e + 5:e + 8] = b"\xfe\xff\xff"
        sector[e + 8:e + 16] = struct.pack("<II", first, count)
    sector[510:512] = b"\x55\xaa"
    return bytes(sector)


def make_disk(build, path, parts, size_mib):
    """mkdisk PATH SIZE_MIB with parts as "TYPE:MIB[:IMAGE]" strings."""
    subprocess.run([os.path.join(build, "tools", "mkdisk"), path,
                    str(size_mib)] + parts, check=True)


def empty_volume(path, mib):
    """A MINIX v3 volume made by util-linux, to fill up."""
    with open(path, "wb") as f:
        f.truncate(mib << 20)
    subprocess.run(["mkfs.minix", "-3", path], check=True,
                   capture_output=True)


def fsck_partition(disk, first, mib, tmp):
    """fsck.minix -f of the partition at sector first; '' when clean."""
    part = os.path.join(tmp, "part.img")
    with open(disk, "rb") as src, open(part, "wb") as dst:
        src.seek(first * SECTOR)
        dst.write(src.read(mib << 20))
    r = subprocess.run(["fsck.minix", "-f", part], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    os.remove(part)
    if r.returncode == 0:
        return ""
    return "fsck.minix -f of the partition at sector %d: status %d\n%s" % (
        first, r.returncode, (r.stdout + r.stderr)[-1500:])


def boot(build, disk, mode="dma", trace=None, extra=None):
    """The ISO's system with `disk` as the first IDE disk.  mode "pio":
    the same kernel and modules, booted without GRUB so that the kernel
    command line can say ata=pio.  trace: a file for QEMU's log of the
    commands the IDE drives execute.  extra: more QEMU arguments."""
    extra = list(extra or [])
    if disk:
        extra += ["-drive", "file=%s,format=raw,if=ide,index=0,media=disk"
                 % disk]
    if trace:
        extra += ["-trace", "enable=ide_exec_cmd,file=" + trace]
    if mode == "pio":
        cmdline, mods = qemu.grub_boot(build)
        return session.Console(qemu.qemu_cmd(
            build, kernel=os.path.join(build, "kernel.elf"), modules=mods,
            append=cmdline + " ata=pio", extra=extra))
    iso = os.path.join(build, "samsara.iso")
    return session.Console(qemu.qemu_cmd(build, iso=iso, extra=extra))


def wait_dma(c):
    """At a shell prompt: wait until lspci shows the boot instance of ata
    with the IDE controller claimed and bus mastering on (it gets them
    at RS's first heartbeats).  Returns what went wrong, or ""."""
    for _ in range(30):
        c.send("lspci | grep IDE")
        m = c.expect(r"^(.*)\r?\n# $", 30)
        if m and re.search(r"owner ata +master", m.group(1)):
            return ""
        time.sleep(1)
    return "the boot instance of ata never had DMA"


# ATA opcodes: the writes (PIO, DMA; LBA28, LBA48) and the cache flushes.
ATA_WRITES = (0x30, 0x34, 0xca, 0x35)
ATA_FLUSHES = (0xe7, 0xea)


def flushed_last(trace):
    """What is wrong if the drive's last write in QEMU's trace is not
    followed by a cache flush, or "" (sync must end with one)."""
    with open(trace) as f:
        cmds = [int(m.group(1), 16) for m in
                re.finditer(r"ide_exec_cmd .*cmd (0x[0-9a-f]+)", f.read())]
    writes = [i for i, c in enumerate(cmds) if c in ATA_WRITES]
    flushes = [i for i, c in enumerate(cmds) if c in ATA_FLUSHES]
    if not writes:
        return "QEMU's trace shows no write command at all"
    if not flushes or flushes[-1] < writes[-1]:
        return ("sync did not flush the drive's write cache (no FLUSH "
                "CACHE after the last write in QEMU's trace)")
    return ""


def sums(log):
    """name -> "crc size" from lines "crc size /d/name" of cksum."""
    return {m.group(3): m.group(1) + " " + m.group(2)
            for m in re.finditer(r"^(\d+) (\d+) /d/(\w+)\r?$", log, re.M)}


def disk_root(build):
    with tempfile.TemporaryDirectory() as tmp:
        small = os.path.join(tmp, "small.img")
        empty_volume(small, 4)
        disk = os.path.join(tmp, "disk.img")
        make_disk(build, disk, ["81:%d:%s" % (ROOT_MIB,
                                              os.path.join(build,
                                                           "disk-root.img")),
                                "81:4:" + small], ROOT_MIB + 6)
        # First boot: write each file through tee, so cksum sees what
        # was written, then read it back from the file.
        trace = os.path.join(tmp, "ide.trace")
        c = boot(build, disk, trace=trace)
        try:
            steps = [(r"login: ", "root"),
                     (r"# $", "mount; mkdir /d; bad=0"),
                     (r"^/dev/c0d0p1 on / \(rw\)", None),
                     (r"# $", "w() { dd if=/dev/urandom bs=$2 count=$3 "
                      "2>/dev/null | tee /d/$1 | cksum; cksum </d/$1; }")]
            for name, bs, count in FILES:
                steps.append((r"# $", "w %s %d %d" % (name, bs, count)))
                steps.append((r"^(\d+ %d)\r?\n\1\r?\n" % (bs * count), None))
            steps += [(r"# $", "cksum /d/*; sync; echo written"),
                      (r"^written\r?\n# $", None)]
            why = session.run_steps(c, steps, timeout=300)
        finally:
            c.close()
        log = "--- first boot ---\n" + c.log
        before = sums(c.log)
        if not why and len(before) != len(FILES):
            why = "cksum listed %d files, not %d" % (len(before), len(FILES))
        if not why:
            why = flushed_last(trace)
        if not why:
            why = fsck_partition(disk, FIRST, ROOT_MIB, tmp)
        if why:
            return False, why, log
        # Second boot, same image: the files are there, unchanged.  The
        # small partition fills up: ENOSPC, and the volume stays usable.
        c = boot(build, disk)
        try:
            why = session.run_steps(c, [
                (r"login: ", "root"),
                (r"# $", "cksum /d/*; echo listed"),
                (r"^listed\r?\n# $", "mount /dev/c0d0p2 /mnt; "
                 "dd if=/dev/urandom of=/mnt/big bs=1024 count=8192"),
                (r"No space left on device", None),
                (r"# $", "df /mnt"),
                (r"/dev/c0d0p2 +\d+ +\d+ +0 +100% /mnt", None),
                (r"# $", "echo more >/mnt/more; rm /mnt/big; "
                 "echo after >/mnt/after; cat /mnt/after"),
                (r"^after\r?\n# $", "umount /mnt; sync; echo synced"),
                (r"^synced\r?\n# $", None),
            ], timeout=300)
        finally:
            c.close()
        log += "\n--- second boot ---\n" + c.log
        after = sums(c.log[c.log.find("cksum /d/*"):])
        if not why and after != before:
            why = "after the reboot cksum says %s, before %s" % (after,
                                                                 before)
        if not why and "vfs: cannot mount" in log:
            why = "the root was not mounted from the disk"
        for first, mib in ((FIRST, ROOT_MIB),
                           (FIRST + ROOT_MIB * 2048, 4)):
            if not why:
                why = fsck_partition(disk, first, mib, tmp)
        return not why, why, log


def bad_boot(build, disk, lines):
    """Boot with disk (or none); the lines must show, then root logs in
    on the RAM disk.  Returns what went wrong, or '', and the log."""
    c = boot(build, disk)
    try:
        steps = [(re.escape(l), None) for l in lines]
        steps += [(r"login: ", "root"), (r"# $", "mount"),
                  (r"^rootdev on / \(rw\)|/dev/ram0 on / \(rw\)", None)]
        return session.run_steps(c, steps, timeout=120), c.log
    finally:
        c.close()


def disk_bad(build):
    fallback = "vfs: cannot mount root=c0d0p1: "
    ram = "; the root is the RAM disk"
    log = ""
    with tempfile.TemporaryDirectory() as tmp:
        # A root partition whose superblock has lost its magic number.
        broken = os.path.join(tmp, "broken.img")
        with open(os.path.join(build, "disk-root.img"), "rb") as f:
            data = bytearray(f.read(2 << 20))
        data[1024 + 24:1024 + 26] = b"\0\0"
        with open(broken, "wb") as f:
            f.write(data)
        disk = os.path.join(tmp, "sb.img")
        make_disk(build, disk, ["81:2:" + broken], 4)
        cases = [
            ("a corrupt superblock", disk,
             ["fs: cannot mount device 3,1: not a MINIX v3 file system "
              "(bad magic)", fallback + "no MINIX v3 file system on it" + ram]),
        ]
        # Partitions 1 and 2 overlap.
        disk = os.path.join(tmp, "overlap.img")
        with open(disk, "wb") as f:
            f.write(mbr([(0x81, 2048, 4096), (0x81, 4096, 2048)]))
            f.truncate(4 << 20)
        cases.append(("a bad partition table", disk,
                      ["ata: disk 0: bad partition table: ",
                       fallback + "no such disk or partition" + ram]))
        cases.append(("no disk", None,
                      [fallback + "no such disk or partition" + ram]))
        for what, disk, lines in cases:
            why, out = bad_boot(build, disk, lines)
            log += "\n--- %s ---\n" % what + out
            if why:
                return False, "%s: %s" % (what, why), log
    return True, "", log


# The workload of ata_recovery, as shell functions (a line of the shell
# holds at most 255 characters).  wr writes 512 KiB files of random
# bytes, each with its checksum as tee saw the bytes go by, until told
# to stop (and at least MIN_FILES); rd checks each finished file against
# its checksum, then removes it.  Any difference prints "BAD".  The
# writer keeps at most AHEAD files the reader has not checked (pace), so
# a reader that stops makes the writer stop too, and the disk never
# fills up.
MIN_FILES = 40  # 20 MiB
AHEAD = 8
WORKLOAD = [
    "mkdir /w; pace() { while [ -f /w/d$(($1-%d)) ]; do sleep 1; done; }"
    % AHEAD,
    "wr() { i=0; while [ $i -lt %d ] || [ ! -f /w/stop ]; do "
    "i=$((i+1)); pace $i; dd if=/dev/urandom bs=4096 count=128 2>/dev/null | "
    "tee /w/f$i | cksum >/w/s$i; touch /w/d$i; done; echo WDONE $i; "
    "touch /w/wdone; }" % MIN_FILES,
    "rd() { k=1; while [ ! -f /w/wdone ] || [ -f /w/d$k ]; do "
    "if [ -f /w/d$k ]; then a=$(cksum </w/f$k); "
    "[ \"$a\" = \"$(cat /w/s$k)\" ] || echo BAD $k; "
    "rm /w/f$k /w/s$k /w/d$k; k=$((k+1)); else sleep 1; fi; "
    "done; echo RDONE $((k-1)); }",
]

# How the driver is ended: the command, and RS's word for it.
KILLS = {
    "fi": ("service fi ata", "crash"),
    "kill": ("service list | grep '^ata ' | while read l e pid rest; do "
             "kill -9 $pid; done", "killed"),
    "hang": ("service hang ata", "no-heartbeat"),
}


def ata_recovery(build, seed=None, mode="dma"):
    """The root file system's disk driver is ended 54 times at random
    moments -- 22 crashes, 22 kill -9s, 10 hangs, in a random order and
    after random pauses -- while a writer and a reader move at least
    20 MiB of checksummed files: no error, no bad checksum, every end
    seen by RS, and fsck.minix -f finds the disk clean afterwards.
    mode "dma": lspci shows the boot instance with the IDE controller
    claimed and bus mastering on (it gets them at RS's first heartbeat)
    before the workload starts, and every restarted instance says DMA
    in its disk line; "pio": none does (ata=pio)."""
    seed = seed if seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    plan = ["fi"] * 22 + ["kill"] * 22 + ["hang"] * 10
    rng.shuffle(plan)
    note = "seed %d; " % seed
    with tempfile.TemporaryDirectory() as tmp:
        disk = os.path.join(tmp, "disk.img")
        make_disk(build, disk, ["81:%d:%s" % (
            ROOT_MIB, os.path.join(build, "disk-root.img"))], ROOT_MIB + 1)
        c = boot(build, disk, mode)
        try:
            # The root must be the disk (not the RAM disk VFS falls back
            # to, which the writer would soon fill).
            why = session.run_steps(c, [(r"login: ", "root"),
                                        (r"# $", "mount"),
                                        (r"^/dev/c0d0p1 on / ", None),
                                        (r"# $", None)], timeout=120)
            if mode == "dma" and not why:
                why = wait_dma(c)
            steps = [(r"", line) for line in WORKLOAD[:1]]
            steps += [(r"# $", line) for line in WORKLOAD[1:]]
            steps += [(r"# $", "wr & rd &"), (r"# $", None)]
            why = why or session.run_steps(c, steps, timeout=120)
            disk_line = r"ata: disk 0: " + (r".*, DMA\r?$" if mode == "dma"
                                           else r"")
            for n, kind in enumerate(plan):
                if why:
                    break
                time.sleep(rng.uniform(0, 1.5))
                command, reason = KILLS[kind]
                c.send(command)
                for pattern in (r"rs: ata failed: %s" % reason, disk_line):
                    if not c.expect(pattern, 60):
                        why = "end %d (%s): never saw %r" % (n + 1, kind,
                                                            pattern)
                        break
            if not why:
                c.send("touch /w/stop")
                why = session.run_steps(c, [
                    (r"WDONE (\d+)", None), (r"RDONE (\d+)", None),
                    (r"", "sync; service list"),
                    (r"^ata +\d+ +\d+ running +%d " % len(plan), None),
                ], timeout=300)
            if why:  # what is still running, for the report's tail
                c.send("ps -l; df /; ls /w; echo shown")
                c.expect(r"^shown\r?$", 30)
        finally:
            c.close()
        log = c.log
        if not why:
            w = re.search(r"WDONE (\d+)", log).group(1)
            r = re.search(r"RDONE (\d+)", log).group(1)
            if w != r or int(w) < MIN_FILES:
                why = "%s files written, %s checked (at least %d)" % (
                    w, r, MIN_FILES)
        if not why and re.search(r"^BAD \d+", log, re.M):
            why = "a file read back differs: " + re.search(
                r"^BAD \d+", log, re.M).group(0)
        for bad in ("tee:", "cksum:", "cmp:", "dd:", "rm:", "sh:",
                    "I/O error", "did not come back", "kernel panic"):
            if not why and bad in log:
                why = "the log says %r" % bad
        for kind, (_, reason) in KILLS.items():
            seen = log.count("rs: ata failed: %s" % reason)
            if not why and seen != plan.count(kind):
                why = "RS saw %d ends of kind %s, not %d" % (
                    seen, reason, plan.count(kind))
        # (a line may begin after a prompt: no ^)
        dma = len(re.findall(r"ata: disk 0: .*, DMA\r?$", log, re.M))
        want = len(plan) if mode == "dma" else 0
        if not why and dma != want:
            why = "%d instances of ata said they use DMA, not %d" % (dma, want)
        if not why:
            why = fsck_partition(disk, FIRST, ROOT_MIB, tmp)
        if why:  # the first trouble, with what came just before it
            lines = log.splitlines()
            for i, line in enumerate(lines):
                if re.search(r"^(tee|sh|touch|rm|cksum|cat|dd): |^BAD |"
                             r"I/O error|did not come back", line):
                    why += "\n--- the first error ---\n" + "\n".join(
                        lines[max(0, i - 12):i + 3])
                    break
        return not why, note + why if why else "", log
