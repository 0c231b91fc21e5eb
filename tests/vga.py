# SPDX-License-Identifier: BSD-2-Clause
"""A login on the VGA console (tty0: VGA text and the PS/2 keyboard),
driven through QEMU's monitor: sendkey presses the keys, pmemsave
copies the text screen (0xb8000: 80 x 25 cells of a character byte and
an attribute byte) to a file we read.  For the iso/vga_login test."""
import os
import re
import shutil
import tempfile
import time

import qemu
import session

COLS, ROWS = 80, 25
KEYS = {" ": "spc", "-": "minus", "\n": "ret", ".": "dot", "/": "slash",
        "=": "equal", ";": "semicolon"}


class Screen:
    """The guest's text screen, read through a Monitor."""

    def __init__(self, monitor, dump):
        self.monitor, self.dump = monitor, dump

    def rows(self):
        self.monitor.cmd('pmemsave 0xb8000 %d "%s"' % (COLS * ROWS * 2,
                                                        self.dump))
        with open(self.dump, "rb") as f:
            data = f.read()
        return [data[r * COLS * 2:(r + 1) * COLS * 2:2].decode("latin-1")
                .rstrip() for r in range(ROWS)]

    def wait_row(self, pattern, timeout):
        """Wait until some row matches pattern (as a whole)."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if any(re.fullmatch(pattern, r) for r in self.rows()):
                return True
            time.sleep(0.5)
        return False

    def type(self, text):
        for ch in text:
            key = KEYS.get(ch) or ("shift-" + ch.lower() if ch.isupper()
                                   else ch)
            self.monitor.cmd("sendkey " + key)


def vga_login(build):
    """Boot the ISO with a monitor; once the serial line shows login:,
    wait for login: on the screen, type root, wait for the "# " prompt
    on the screen, type "echo vga-ok" and find its output on a row of
    its own.  Returns (ok, what went wrong, serial log and screen)."""
    tmp = tempfile.mkdtemp(prefix="samsara-vga-")
    sock = os.path.join(tmp, "monitor")
    iso = os.path.join(build, "samsara.iso")
    c = session.Console(qemu.qemu_cmd(build, iso=iso, monitor=sock))
    mon = None
    try:
        if not c.expect(r"login: ", 120):
            return False, "no login: on the serial line", c.log
        mon = qemu.Monitor(sock)
        s = Screen(mon, os.path.join(tmp, "screen"))
        # Rows lose their trailing blanks: the prompt "# " is "#".
        steps = [(r"login:", "root\n"), (r"#", "echo vga-ok\n"),
                 (r"vga-ok", None)]
        for pattern, keys in steps:
            if not s.wait_row(pattern, 60):
                return False, "no row %r on the screen" % pattern, \
                    c.log + "\n--- screen ---\n" + "\n".join(s.rows())
            if keys:
                s.type(keys)
        return True, "", c.log
    finally:
        if mon:
            mon.close()
        c.close()
        shutil.rmtree(tmp, ignore_errors=True)
