# SPDX-License-Identifier: BSD-2-Clause
"""Booting Samsara in QEMU for tests and benchmarks.

boot() starts QEMU with the serial line on a pipe and collects what it
prints until QEMU exits (a test program stops it through isa-debug-exit),
an `until` pattern shows up (QEMU is then stopped), or the timeout
passes.  It returns a Run with the log, the exit status and the time at
which the pattern was first seen.
"""
import os
import re
import select
import socket
import subprocess
import time

DEBUG_EXIT_PASS = 33  # the guest wrote 0x10 to port 0xf4: (0x10 << 1) | 1


class Run:
    def __init__(self):
        self.log = ""
        self.status = None  # QEMU's exit status, None if we stopped it
        self.timed_out = False
        self.seen_at = None  # seconds from start to the `until` pattern

    def tail(self, lines=30):
        return "\n".join(self.log.splitlines()[-lines:])


def grub_boot(build):
    """The kernel command line and the modules (with their arguments) of
    boot/grub.cfg, from the build tree, as -append and -initrd take them:
    to boot the ISO's system with another command line (ata=pio)."""
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(top, "boot", "grub.cfg")) as f:
        text = f.read()
    cmdline = re.search(r"^\s*multiboot\s+\S+[ \t]*(.*)$", text, re.M)
    mods = []
    for m in re.finditer(r"^\s*module\s+/boot/(\S+)[ \t]*(.*)$", text, re.M):
        name, args = m.groups()
        path = os.path.join(build, "bin" if name.endswith(".elf") else "",
                            name)
        mods.append(path + (" " + args if args else ""))
    return cmdline.group(1).strip(), mods


def qemu_cmd(build, kernel=None, modules=(), iso=None, extra=(),
             monitor=None, append=None):
    """The QEMU command line; monitor: a Unix socket path for Monitor;
    append: the kernel command line (with kernel and modules).  Without
    an ISO it boots the test build's kernel (build/tests/kernel.elf,
    whose boot table knows the test programs) unless told another."""
    accel = os.environ.get("ACCEL", "tcg")
    mon = "unix:%s,server=on,wait=off" % monitor if monitor else "none"
    cmd = ["qemu-system-i386", "-accel", accel, "-m", "128M", "-nic", "none",
           "-display", "none", "-serial", "stdio", "-monitor", mon,
           "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if iso:  # boot from it even when a hard disk is attached too
        cmd += ["-cdrom", iso, "-boot", "d"]
    else:
        cmd += ["-kernel",
                kernel or os.path.join(build, "tests", "kernel.elf")]
        if modules:
            cmd += ["-initrd", ",".join(modules)]
        if append:
            cmd += ["-append", append]
    return cmd + list(extra)


class Monitor:
    """QEMU's human monitor on a Unix socket: cmd() sends one command and
    returns what QEMU printed before its next prompt.  For tests that
    look at guest memory (pmemsave) or press keys (sendkey)."""

    def __init__(self, path, timeout=10):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        start = time.monotonic()
        while True:
            try:
                self.sock.connect(path)
                break
            except OSError:
                if time.monotonic() - start > timeout:
                    raise
                time.sleep(0.1)
        self._until_prompt()

    def _until_prompt(self):
        out = b""
        self.sock.settimeout(30)
        while not out.endswith(b"(qemu) "):
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            out += chunk
        return out.decode("utf-8", "replace")

    def cmd(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self._until_prompt()

    def close(self):
        self.sock.close()


def boot(cmd, timeout, until=None):
    run = Run()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    buf = b""
    try:
        while True:
            left = timeout - (time.monotonic() - start)
            if left <= 0:
                run.timed_out = True
                break
            ready, _, _ = select.select([proc.stdout], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                buf += chunk
                text = buf.decode("utf-8", "replace")
                if until and run.seen_at is None and re.search(until, text):
                    run.seen_at = time.monotonic() - start
                    break
            elif proc.poll() is not None:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        buf += proc.stdout.read() or b""
    run.log = buf.decode("utf-8", "replace").replace("\r", "")
    if run.seen_at is None and not run.timed_out:
        run.status = proc.returncode
    return run
