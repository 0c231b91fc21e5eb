#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests for tools/mkdisk, the partitioned disk-image builder.

Usage: test_mkdisk.py MKDISK MKROOTFS

A small MINIX v3 image is made with MKROOTFS from a few files, then
MKDISK builds a 48 MiB disk with that image in a 32 MiB type-81
partition and an empty 8 MiB one.  The MBR is decoded with struct and
every field compared with the expected value (signature, status, CHS,
type, LBA start, size); the first partition must hold the image byte
for byte and pass util-linux's `fsck.minix -f`; the rest of the disk
must be zero and the file sparse.  Partitions past cylinder 1023 must
get the CHS marker fe ff ff.  MKROOTFS must take boot/devices and refuse
a device line whose major include/devnum.h lacks, or whose name the
header gives another type, major or minor, saying "DEVTAB:LINE:".  Bad command lines (image too big, five
partitions, partitions past the disk's end, bad type, bad size, missing
image, no arguments, DISK a directory) must fail with a one-line
"mkdisk: " message and leave no DISK nor DISK.tmp behind; --keep must
leave an existing disk of the same size untouched and remake one of
another size.  Prints
"PASS: mkdisk/NAME" or "FAIL: mkdisk/NAME: why" per case and exits 1 if
any failed.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

MIB = 1024 * 1024
SECTOR = 512
MKDISK = MKROOTFS = None
FSCK = shutil.which("fsck.minix") or "/usr/sbin/fsck.minix"
failures = 0


def report(name, ok, why=""):
    global failures
    if ok:
        print(f"PASS: mkdisk/{name}")
    else:
        failures += 1
        print(f"FAIL: mkdisk/{name}: {why}")


def run(args):
    return subprocess.run([MKDISK] + args, capture_output=True, text=True,
                          timeout=60)


def chs(lba):
    """The MBR's 3-byte CHS address for 255 heads, 63 sectors."""
    cyl, rest = divmod(lba, 255 * 63)
    if cyl > 1023:
        return (0xfe, 0xff, 0xff)
    head, sec = divmod(rest, 63)
    return (head, (sec + 1) | (cyl >> 2 & 0xc0), cyl & 0xff)


def entry(status, ptype, start, count):
    """An MBR entry as the tuple struct.unpack gives for "<B3sB3sII"."""
    return (status, bytes(chs(start)), ptype, bytes(chs(start + count - 1)),
            start, count)


def check_mbr(name, path, want):
    """want: (status, type, LBA start, sectors) per used entry."""
    with open(path, "rb") as f:
        mbr = f.read(SECTOR)
    why = []
    if mbr[510:512] != b"\x55\xaa":
        why.append(f"signature {mbr[510:512].hex()}, want 55aa")
    for i in range(4):
        got = struct.unpack_from("<B3sB3sII", mbr, 446 + 16 * i)
        exp = entry(*want[i]) if i < len(want) else (0, bytes(3), 0,
                                                     bytes(3), 0, 0)
        if got != exp:
            why.append(f"entry {i + 1} is {got}, want {exp}")
    if any(mbr[:446]):
        why.append("boot code area is not zero")
    report(name, not why, "; ".join(why))


def make_root(tmp):
    tree = os.path.join(tmp, "tree")
    os.makedirs(os.path.join(tree, "etc"))
    with open(os.path.join(tree, "etc", "motd"), "w") as f:
        f.write("Welcome to Samsara\n")
    with open(os.path.join(tree, "big"), "wb") as f:
        f.write(bytes(range(256)) * 1000)
    os.symlink("etc/motd", os.path.join(tree, "motd"))
    image = os.path.join(tmp, "root.img")
    p = subprocess.run([MKROOTFS, image, "4096", tree], capture_output=True,
                       text=True)
    if p.returncode != 0:
        report("mkrootfs", False, p.stderr.strip())
        return None
    return image


def good_disk(tmp, image):
    disk = os.path.join(tmp, "disk.img")
    p = run([disk, "48", f"81:32:{image}", "81:8"])
    report("make", p.returncode == 0 and os.path.exists(disk)
           and not os.path.exists(disk + ".tmp"),
           f"status {p.returncode}: {p.stderr.strip()}")
    if p.returncode != 0:
        return None
    size = os.path.getsize(disk)
    report("size", size == 48 * MIB, f"{size} bytes, want {48 * MIB}")
    check_mbr("mbr", disk, [(0x80, 0x81, 2048, 32 * 2048),
                            (0, 0x81, 2048 + 32 * 2048, 8 * 2048)])
    with open(disk, "rb") as f:
        data = f.read()
    with open(image, "rb") as f:
        img = f.read()
    part1 = data[1 * MIB:33 * MIB]
    report("image-copied", part1[:len(img)] == img,
           "partition 1 does not start with the image")
    report("rest-zero", not any(data[SECTOR:MIB]) and
           not any(part1[len(img):]) and not any(data[33 * MIB:]),
           "non-zero bytes outside the MBR and the image")
    # The 4 MiB image holds under 400 KiB of data: a disk that wrote its
    # zeros, or the image's, would take at least 4 MiB.
    used = os.stat(disk).st_blocks * 512
    report("sparse", used <= MIB,
           f"{used} bytes allocated, want at most {MIB}")
    fsck(tmp, part1)
    return disk


def fsck(tmp, part1):
    """Partition 1, extracted, must pass fsck.minix -f."""
    path = os.path.join(tmp, "part1.img")
    with open(path, "wb") as f:
        f.write(part1)
    p = subprocess.run([FSCK, "-f", path], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    report("fsck", p.returncode == 0,
           f"fsck.minix -f exit {p.returncode}: {(p.stdout + p.stderr)!r}")


def large_disk(tmp):
    """Past cylinder 1023 the CHS fields are fe ff ff (sparse 8200 MiB)."""
    disk = os.path.join(tmp, "large.img")
    p = run([disk, "8200", "83:8100", "0c:16"])
    if p.returncode != 0:
        report("chs-large", False, f"status {p.returncode}: {p.stderr}")
        return
    start2 = 2048 + 8100 * 2048
    check_mbr("chs-large", disk, [(0x80, 0x83, 2048, 8100 * 2048),
                                  (0, 0x0c, start2, 16 * 2048)])
    os.unlink(disk)


def bad_cases(tmp, image):
    disk = os.path.join(tmp, "bad.img")
    cases = {
        "image-too-big": ["48", f"81:2:{image}"],
        "five-partitions": ["48"] + ["81:1"] * 5,
        "past-disk-end": ["48", "81:40", "81:8"],
        "bad-type": ["48", "8g:8"],
        "type-zero": ["48", "0:8"],
        "bad-size": ["48", "81:12x"],
        "zero-size": ["48", "81:0"],
        "bad-disk-size": ["-3", "81:8"],
        "missing-image": ["48", f"81:8:{tmp}/none.img"],
        "no-size": ["48", "81"],
    }
    for name, args in cases.items():
        p = run([disk] + args)
        why = []
        if p.returncode != 1:
            why.append(f"status {p.returncode}, want 1")
        lines = p.stderr.splitlines()
        if len(lines) != 1 or not lines[0].startswith("mkdisk: "):
            why.append(f"stderr {p.stderr!r}, want one 'mkdisk: ' line")
        for f in (disk, disk + ".tmp"):
            if os.path.exists(f):
                why.append(f"{f} was left behind")
                os.unlink(f)
        report(name, not why, "; ".join(why))
    # DISK is a directory: the rename fails after DISK.tmp was written.
    os.mkdir(disk)
    p = run([disk, "8", "81:1"])
    report("disk-is-directory", p.returncode == 1
           and p.stderr.startswith("mkdisk: ")
           and not os.path.exists(disk + ".tmp"),
           f"status {p.returncode}, stderr {p.stderr!r}, "
           f"DISK.tmp left: {os.path.exists(disk + '.tmp')}")
    os.rmdir(disk)
    p = run([])
    report("usage", p.returncode == 2 and p.stderr.startswith("usage: "),
           f"status {p.returncode}, stderr {p.stderr!r}")


def keep(tmp, disk, image):
    """--keep leaves a same-size disk alone, remakes one of another size."""
    with open(disk, "r+b") as f:
        f.seek(40 * MIB)
        f.write(b"file written by the guest")
    with open(disk, "rb") as f:
        before = f.read()
    p = run(["--keep", disk, "48", f"81:32:{image}", "81:8"])
    with open(disk, "rb") as f:
        after = f.read()
    report("keep", p.returncode == 0 and after == before
           and "kept" in p.stdout,
           f"status {p.returncode}, stdout {p.stdout!r}, "
           f"unchanged {after == before}")
    p = run(["--keep", disk, "40", f"81:32:{image}"])
    size = os.path.getsize(disk)
    report("keep-other-size", p.returncode == 0 and size == 40 * MIB,
           f"status {p.returncode}, size {size}, want {40 * MIB}")


BOOT_DEVICES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "..", "boot", "devices")


def devtab_cases(tmp):
    """MKROOTFS checks each device line against include/devnum.h: the
    real boot/devices passes; a major the header lacks, or a name it
    gives another type, major or minor, fails with "DEVTAB:LINE:"."""
    tree = os.path.join(tmp, "devtree")
    os.makedirs(os.path.join(tree, "dev"), exist_ok=True)
    image = os.path.join(tmp, "dev.img")

    def build(tab):
        return subprocess.run([MKROOTFS, image, "1024", tree, tab],
                              capture_output=True, text=True, timeout=60)

    p = build(BOOT_DEVICES)
    report("devtab-boot-devices", p.returncode == 0,
           f"status {p.returncode}, stderr {p.stderr!r}")
    good = "# a comment\n/dev/null c 1 1 0666\n"
    cases = [
        ("devtab-unnamed-known-major", "/dev/extra c 16 5 0600\n", None),
        ("devtab-unknown-major", "/dev/foo c 9 0 0600\n", "no such major"),
        ("devtab-name-major", "/dev/ttyS0 c 1 2 0620\n", "ttyS0 is c 4 2"),
        ("devtab-name-minor", "/dev/urandom c 16 0 0644\n",
         "urandom is c 16 1"),
        ("devtab-name-type", "/dev/c0d0p1 c 3 1 0600\n", "c#d#p# is b 3"),
        ("devtab-pattern-major", "/dev/ram2 b 3 2 0600\n", "ram# is b 1"),
    ]
    for name, line, why in cases:
        tab = os.path.join(tmp, name)
        with open(tab, "w") as f:
            f.write(good + line)
        p = build(tab)
        if why is None:
            report(name, p.returncode == 0,
                   f"status {p.returncode}, stderr {p.stderr!r}")
            continue
        lines = p.stderr.splitlines()
        report(name, p.returncode != 0 and len(lines) == 1
               and lines[0].startswith(f"mkrootfs: {tab}:3: ")
               and why in lines[0],
               f"status {p.returncode}, stderr {p.stderr!r}, want "
               f"'{tab}:3: ... {why}'")


def main():
    global MKDISK, MKROOTFS
    if len(sys.argv) != 3:
        print("usage: test_mkdisk.py MKDISK MKROOTFS", file=sys.stderr)
        return 2
    MKDISK, MKROOTFS = (os.path.abspath(a) for a in sys.argv[1:])
    tmp = tempfile.mkdtemp(prefix="samsara-mkdisk-")
    try:
        devtab_cases(tmp)
        image = make_root(tmp)
        if image:
            disk = good_disk(tmp, image)
            large_disk(tmp)
            bad_cases(tmp, image)
            if disk:
                keep(tmp, disk, image)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
