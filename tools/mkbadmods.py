#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Make malformed boot modules for the kernel's boot test.

Usage: mkbadmods.py GOOD.elf OUTDIR

Writes, from a valid static ELF32 executable:
  notelf.elf     text that is not ELF at all
  truncated.elf  the good file cut in the middle of a segment's data
  overlap.elf    the good file with its second PT_LOAD moved onto the first
  huge.elf       the good file with 512 MiB more in its last PT_LOAD (bss):
                 valid, but bigger than a program may be (exec: ENOMEM)
"""
import os
import struct
import sys

good_path, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
good = open(good_path, "rb").read()


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


write("notelf.elf", b"#!/bin/sh\necho this is not an executable\n" * 20)
phoff, = struct.unpack_from("<I", good, 28)
phentsize, phnum = struct.unpack_from("<HH", good, 42)
loads = [phoff + i * phentsize for i in range(phnum)
         if struct.unpack_from("<I", good, phoff + i * phentsize)[0] == 1]
if len(loads) < 2:
    sys.exit("mkbadmods: the good module needs two PT_LOAD segments")

# Cut the file in the middle of its largest segment's data.
offset, filesz = max((struct.unpack_from("<I", good, ph + 4)[0],
                      struct.unpack_from("<I", good, ph + 16)[0])
                     for ph in loads)
write("truncated.elf", good[: offset + filesz // 2])
bad = bytearray(good)
first_vaddr, = struct.unpack_from("<I", good, loads[0] + 8)
struct.pack_into("<I", bad, loads[1] + 8, first_vaddr)   # p_vaddr
struct.pack_into("<I", bad, loads[1] + 12, first_vaddr)  # p_paddr
write("overlap.elf", bytes(bad))

huge = bytearray(good)
memsz, = struct.unpack_from("<I", good, loads[-1] + 20)
struct.pack_into("<I", huge, loads[-1] + 20, memsz + (512 << 20))  # p_memsz
write("huge.elf", bytes(huge))
