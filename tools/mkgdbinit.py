#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Write a gdb script that loads the kernel's symbols and every boot
program's, and the `procs` command (gdbprocs.py: who waits for whom).
Usage: mkgdbinit.py OUT KERNEL.elf [PROGRAM.elf ...]

All boot programs are linked at the same address, so gdb is told to
load them with add-symbol-file; `info symbol` then names the likely
one.  Switch programs with `symbol-file` when debugging one process."""
import os
import sys

out, kernel, progs = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(out, "w") as f:
    f.write("set architecture i386\n")
    f.write(f"file {os.path.abspath(kernel)}\n")
    for p in progs:
        f.write(f"add-symbol-file {os.path.abspath(p)}\n")
    here = os.path.dirname(os.path.abspath(__file__))
    f.write(f"source {os.path.join(here, 'gdbprocs.py')}\n")
    f.write("set confirm on\n")
