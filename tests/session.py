# SPDX-License-Identifier: BSD-2-Clause
"""A conversation with the booted ISO on its serial console: wait for a
pattern, type a line, wait again.  For the login harness test."""
import os
import re
import select
import subprocess
import time

import qemu


class Console:
    def __init__(self, cmd):
        self.log = ""
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)

    def expect(self, pattern, timeout):
        """Wait for pattern in what came after the last match."""
        start = time.monotonic()
        while True:
            m = re.search(pattern, self.log[self.mark:], re.M)
            if m:
                self.mark += m.end()
                return True
            left = timeout - (time.monotonic() - start)
            if left <= 0 or self.proc.poll() is not None:
                return False
            ready, _, _ = select.select([self.proc.stdout], [], [],
                                        min(left, 0.5))
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                self.log += chunk.decode("utf-8", "replace")

    mark = 0

    def send(self, line):
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def close(self):
        self.proc.kill()
        self.proc.wait()


def login_session(build):
    """Boot the ISO, log in as root, run a small shell session; returns
    (ok, what went wrong, the console log)."""
    iso = os.path.join(build, "samsara.iso")
    c = Console(qemu.qemu_cmd(build, iso=iso))
    steps = [
        (r"login: ", "root"),
        (r"# $", "mkdir -p /tmp/s/a/b /tmp/s/c && ls -1 /tmp/s"),
        (r"^a\r?\nc\r?\n# $",
         "echo alpha > /tmp/s/f; echo beta >> /tmp/s/f; "
         "echo gamma >> /tmp/s/f"),
        (r"# $", "cat /tmp/s/f | grep a | wc -l"),
        (r"^3\r?\n# $", "sleep 1 & echo started $!; wait $!; echo waited $?"),
        (r"started \d+\r?\nwaited 0\r?\n# $",
         "echo 'trap \"echo trapped\" EXIT; for i in 1 2 3; do "
         "echo loop $i; done' > /tmp/s/t.sh; sh /tmp/s/t.sh"),
        (r"loop 1\r?\nloop 2\r?\nloop 3\r?\ntrapped\r?\n# $",
         "false || echo status $?"),
        (r"status 1\r?\n# $", None),
    ]
    try:
        for pattern, line in steps:
            if not c.expect(pattern, 120):
                return False, "never saw %r" % pattern, c.log
            if line is not None:
                c.send(line)
        return True, "", c.log
    finally:
        c.close()
