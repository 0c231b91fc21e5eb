# SPDX-License-Identifier: BSD-2-Clause
"""The root file system on an IDE disk, through the booted ISO (GRUB's
root=c0d0p1): disk images made with tools/mkdisk, sessions on the
serial console, and `fsck.minix -f` of a partition afterwards.

  disk_root     files of 0 B to 16 MiB written and checksummed, sync,
                a second boot of the same image finds them intact; a
                small second partition filled up gives ENOSPC and stays
                usable; both partitions pass fsck.minix -f
  disk_bad      a corrupt superblock, a bad partition table and no disk
                at all: each boot says what is wrong and comes up on
                the RAM disk
"""
import os
import re
import struct
import subprocess
import tempfile

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


def boot(build, disk):
    iso = os.path.join(build, "samsara.iso")
    extra = []
    if disk:
        extra = ["-drive", "file=%s,format=raw,if=ide,index=0,media=disk"
                 % disk]
    return session.Console(qemu.qemu_cmd(build, iso=iso, extra=extra))


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
        c = boot(build, disk)
        try:
            steps = [(r"login: ", "root"),
                     (r"# $", "mount; mkdir /d; bad=0"),
                     (r"^/dev/c0d0p1 on / \(rw\)", None),
                     (r"# $", "w() { dd if=/dev/urandom bs=$2 count=$3 "
                      "2>/dev/null | tee /d/$1 | cksum; cksum </d/$1; }")]
            for name, bs, count in FILES:
                steps.append((r"# $", "w %s %d %d" % (name, bs, count)))
                steps.append((r"^(\d+ %d)\r?\n\1\r?\n" % (bs * count), None))
            steps += [(r"# $", "sync; cksum /d/*; echo written"),
                      (r"^written\r?\n# $", None)]
            why = session.run_steps(c, steps, timeout=300)
        finally:
            c.close()
        log = "--- first boot ---\n" + c.log
        before = sums(c.log)
        if not why and len(before) != len(FILES):
            why = "cksum listed %d files, not %d" % (len(before), len(FILES))
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
