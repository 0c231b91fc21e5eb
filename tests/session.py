# SPDX-License-Identifier: BSD-2-Clause
"""A conversation with the booted ISO on its serial console: wait for a
pattern, type a line (or raw bytes such as ^C), wait again.  The login
harness tests: login_session, commands_session, fork_bomb."""
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
        """Wait for pattern in what came after the last match; returns
        the match, or None after the timeout or once QEMU has ended and
        everything it printed has been read."""
        start = time.monotonic()
        while True:
            m = re.search(pattern, self.log[self.mark:], re.M)
            if m:
                self.mark += m.end()
                return m
            left = timeout - (time.monotonic() - start)
            if left <= 0 or self.eof:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [],
                                        min(left, 0.5))
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                self.eof = not chunk
                self.log += chunk.decode("utf-8", "replace")

    mark = 0
    eof = False

    def send(self, line):
        self.send_raw(line.encode() + b"\n")

    def send_raw(self, data):
        """Type bytes as they are: b"\x03" is ^C."""
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def wait_exit(self, timeout):
        """QEMU's exit status once it has ended by itself (everything it
        printed read), or None if it is still running after timeout."""
        self.expect(r"(?!)", timeout)  # read until the end of output
        try:
            return self.proc.wait(1 if self.eof else 0.01)
        except subprocess.TimeoutExpired:
            return None

    def close(self):
        self.proc.kill()
        self.proc.wait()


def run_steps(c, steps, timeout=120):
    """Each step: wait for a pattern, then send a line (str), raw bytes
    or nothing (None).  Returns what went wrong, or ""."""
    for pattern, what in steps:
        if not c.expect(pattern, timeout):
            return "never saw %r" % pattern
        if isinstance(what, bytes):
            c.send_raw(what)
        elif what is not None:
            c.send(what)
    return ""


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
        why = run_steps(c, steps)
        return not why, why, c.log
    finally:
        c.close()


PS_HEAD = r"^  PID +PPID +PGRP +UID +STATE +NAME\r?\n"


def ps_rows(c):
    """Read the listing of a "ps" just typed, up to the next "# "
    prompt: a list of (pid, ppid, pgrp, uid, state, name), or None."""
    m = c.expect(r"(?s)" + PS_HEAD + r"(.*?)^# $", 60)
    if not m:
        return None
    rows = []
    for line in m.group(1).splitlines():
        f = line.split()
        if len(f) == 6 and all(x.isdigit() for x in f[:4]):
            rows.append(tuple(int(x) for x in f[:4]) + (f[4], f[5]))
    return rows


def check_ps(rows):
    """The boot servers and drivers, init (pid 1), the shell, and ps
    itself, running, a child of the shell.  Returns what is wrong."""
    if not rows:
        return "no ps listing"
    names = [r[5] for r in rows]
    missing = [n for n in ("memory", "pci", "tty", "fs", "vfs", "pm", "ds",
                           "rs", "random", "init", "sh", "ps")
               if n not in names]
    if missing:
        return "ps does not list %s: %r" % (", ".join(missing), rows)
    if (1, "init") not in [(r[0], r[5]) for r in rows]:
        return "init is not pid 1: %r" % rows
    me = [r for r in rows if r[5] == "ps"][0]
    parent = [r for r in rows if r[0] == me[1]]
    if me[4] != "R" or not parent or parent[0][5] != "sh":
        return "ps is not a running child of sh: %r" % rows
    return ""


def commands_session(build):
    """As root: ps, dmesg, sync, the drivers' policy files in
    /etc/system.d, /bin/test and /bin/[, lspci with the PCI driver down
    and a program called pci running, then up again; as "user" (no
    password): a relative path from the shell's directory runs (`cd
    /bin; ./echo`), /tmp is drwxrwxrwt and takes the user's files, halt
    and reboot refused; as root again: halt ends QEMU.
    Returns (ok, what went wrong, the console log)."""
    iso = os.path.join(build, "samsara.iso")
    c = Console(qemu.qemu_cmd(build, iso=iso))
    tests = ("/bin/test 3 -gt 2; echo t=$?; /bin/[ abc = abc ]; echo b=$?; "
             "/bin/[ x = y ]; echo f=$?; /bin/[ x = x; echo m=$?; "
             "/bin/test -d /bin -a ! -f /bin; echo d=$?")
    refused = r"^%s: Operation not permitted.*\r?\n%s=1\r?\n\$ $"
    try:
        why = run_steps(c, [(r"login: ", "root"), (r"# $", "ps")])
        why = why or check_ps(ps_rows(c))
        if why:
            return False, why, c.log
        c.send("dmesg")
        steps = [
            (r"^Samsara kernel booting\r?$", None),
            (r"^boot: started pm \(ep \d+", None),
            (r"# $", "sync; echo sync=$?"),
            (r"^sync=0\r?\n# $", "ls -1 /etc/system.d; "
             "grep '^driver' /etc/system.d/tty.conf"),
            (r"^ata\.conf\r?\nds\.conf\r?\nfs\.conf\r?\ninet\.conf\r?\n"
             r"init\.conf\r?\n"
             r"memory\.conf\r?\nne2000\.conf\r?\nne2000pci\.conf\r?\npci\.conf"
             r"\r?\npm\.conf"
             r"\r?\nrandom\.conf"
             r"\r?\nrs\.conf\r?\nrtl8139\.conf\r?\ntty\.conf\r?\n"
             r"vfs\.conf\r?\n"
             r"driver tty \{\r?\n# $",
             tests),
            (r"^t=0\r?\nb=0\r?\nf=1\r?\n\[: missing '\]'\r?\nm=2\r?\n"
             r"d=0\r?\n# $", "cp /bin/sleep /tmp/pci; /tmp/pci 60 & "
             "service down pci; lspci"),
            # lspci does not take a user's program called pci for the
            # driver.
            (r"^lspci: the PCI driver is not running\r?\n# $",
             "service restart pci; sleep 1; lspci | grep -c 'IDE'"),
            (r"^1\r?\n# $", "exit"),
            (r"login: ", "user"),
            (r"\$ $", "cd /bin; ./echo hi; ls -ld /tmp; echo u >/tmp/u; "
             "cat /tmp/u; cd /"),
            (r"^hi\r?\ndrwxrwxrwt .*/tmp\r?\nu\r?\n\$ $", "halt; echo h=$?"),
            (refused % ("halt", "h"), "reboot; echo r=$?"),
            (refused % ("reboot", "r"), "exit"),
            (r"login: ", "root"),
            (r"# $", "halt"),
        ]
        why = run_steps(c, steps)
        if why:
            return False, why, c.log
        status = c.wait_exit(60)
        if status != 0:
            return False, "QEMU still running or status %r after halt" % (
                status,), c.log
        if not re.search(r"^kernel: pm asked to power off", c.log, re.M):
            return False, "no 'kernel: pm asked to power off' line", c.log
        return True, "", c.log
    finally:
        c.close()


def service_session(build):
    """RS at work on the ISO: /etc/rc started the RANDOM driver; as root,
    `service list` shows it running, /dev/urandom gives bytes, `service
    fi random` crashes it and RS brings it back (restart 1, reason
    crash) with /dev/urandom working again; `service down` stops it
    (a read then fails: no such device) and `service restart` brings
    it back; bad requests get clear errors;
    "user" may not use service; last, `service fi tty` crashes the
    console driver under root's own session, which ends, and a new
    login comes up on the new instance.  Returns (ok, why, the log)."""
    iso = os.path.join(build, "samsara.iso")
    c = Console(qemu.qemu_cmd(build, iso=iso))
    row = r"^random +\d+ +\d+ %s +%d +%s +\d+\.\ds\r?\n# $"
    read16 = "dd if=/dev/urandom bs=16 count=1 2>/dev/null | wc -c"
    try:
        steps = [
            (r"login: ", "root"),
            (r"# $", "service list | grep ^random"),
            (row % ("running", 0, "-"), read16),
            (r"^ *16\r?\n# $",
             "service fi random; sleep 1; service list | grep ^random"),
            (row % ("running", 1, "crash"), read16),
            (r"^ *16\r?\n# $",
             "service down random; service list | grep ^random"),
            (r"^random +- +- +down +1 +crash +-\r?\n# $",
             read16 + "; echo r=$?"),
            (r"^ *0\r?\nr=0\r?\n# $",
             "service restart random; sleep 1; " + read16),
            (r"^ *16\r?\n# $", "service fi nosuch; echo s=$?"),
            (r"^service: nosuch: no such service \(or not running\)\r?\n"
             r"s=1\r?\n# $", "service up /sbin/random -colour red; "
             "echo s=$?"),
            (r"^service: -colour: unknown option\r?\n(.*\r?\n)*s=2\r?\n"
             r"# $", "service up /sbin/random; echo s=$?"),
            (r"^service: cannot start /sbin/random: File exists\r?\n"
             r"s=1\r?\n# $", "service up /bin/nothing -label x; echo s=$?"),
            (r"^service: cannot start /bin/nothing: .*\r?\ns=1\r?\n# $",
             "service bogus; echo s=$?"),
            (r"^service: unknown command: bogus\r?\n(.*\r?\n)*s=2\r?\n"
             r"# $", "exit"),
            (r"login: ", "user"),
            (r"\$ $", "service list; echo s=$?"),
            (r"^service: list: permission denied: only root may manage "
             r"services\r?\ns=1\r?\n\$ $", "exit"),
            # The console driver itself: the session on it ends (EIO),
            # init starts a new login on the new instance.
            (r"login: ", "root"),
            (r"# $", "service fi tty"),
            (r"rs: tty failed: crash\r?\n", None),
            (r"login: ", "root"),
            (r"# $", "service list"),
            (r"^tty +\d+ +\d+ running +1 +crash +\d+\.\ds\r?\n", None),
        ]
        why = run_steps(c, steps)
        return not why, why, c.log
    finally:
        c.close()


def memory_recovery(build):
    """The driver under the root file system dies, and nobody notices:
    as root, with /dev/ram1 mounted on /mnt, `service fi memory` 20
    times in a row, each followed by copies of a 300 KiB file on both
    volumes, compared with cmp; then `kill -9` of its pid.  Every copy
    must succeed and match, RS must log each failure and `service list`
    count 21 restarts; /dev/zero (a character device of the same
    driver, opened anew) works after it all.  Returns (ok, why, log)."""
    iso = os.path.join(build, "samsara.iso")
    c = Console(qemu.qemu_cmd(build, iso=iso))
    row = r"^memory +\d+ +\d+ running +%d +%s +\d+\.\ds\r?\n"
    crashes = " ".join(str(i) for i in range(1, 21))
    try:
        why = run_steps(c, [
            (r"login: ", "root"),
            (r"# $", "mount /dev/ram1 /mnt; service list"),
            (row % (0, "-"), "dd if=/dev/urandom of=/tmp/a bs=1024 "
             "count=300 2>/dev/null; bad=0"),
            # A copy on the root volume and one on /mnt, each checked
            # (one line of the shell holds at most 255 characters).
            (r"# $", "cc() { cp /tmp/a $1 && cmp /tmp/a $1 || bad=1; }; "
             "two() { cc /tmp/b; cc /mnt/b; }"),
            (r"# $", "for i in %s; do service fi memory || bad=1; two; "
             "done; echo bad=$bad" % crashes),
            (r"^bad=0\r?\n# $", "service list"),
            (row % (20, "crash"), "service list | grep '^memory' | "
             "while read l e pid rest; do kill -9 $pid; done; two; "
             "echo bad=$bad"),
            (r"rs: memory failed: killed", None),
            (r"^bad=0\r?\n# $", "service list"),
            (row % (21, "killed"),
             "dd if=/dev/zero bs=512 count=3 2>/dev/null | wc -c"),
            (r"\b1536\r?\n# $", None),
        ], timeout=300)
        crashes_seen = c.log.count("rs: memory failed: crash")
        if not why and crashes_seen != 20:
            why = "RS logged %d crashes of memory, not 20" % crashes_seen
        for bad in ("I/O error", "did not come back", "no-heartbeat"):
            if not why and bad in c.log:
                why = "the log says %r" % bad
        return not why, why, c.log
    finally:
        c.close()


def fork_bomb(build):
    """As "user": a loop of background sleeps at the prompt runs into the
    per-user limit (48 processes: fork fails with EAGAIN, "No more
    processes", and the shell says so and goes on); ^C stops the loop
    and the shell answers.  After logging out, root sees the 47 sleeps
    left, kills them, and none remain.  Returns (ok, why, the log)."""
    iso = os.path.join(build, "samsara.iso")
    c = Console(qemu.qemu_cmd(build, iso=iso))
    user = r" 100 [RSTZ] "  # the UID and STATE columns of ps
    try:
        why = run_steps(c, [
            (r"login: ", "user"),
            (r"\$ $", "while :; do sleep 100 & done"),
            (r"(?:^sh: fork: No more processes\r?\n){3}", b"\x03"),
            (r"\$ $", "echo alive"),
            (r"^alive\r?\n\$ $", "exit"),
            (r"login: ", "root"),
            (r"# $", "ps"),
        ])
        if why:
            return False, why, c.log
        rows = ps_rows(c) or []
        left = [r for r in rows if r[3] == 100]
        if len(left) != 47 or any(r[5] != "sleep" for r in left):
            return False, "want 47 sleeps of uid 100 (48 less the shell) " \
                "after the bomb, have %r" % left, c.log
        c.send("ps | grep '%s' | while read pid rest; do kill -9 $pid; "
               "done; ps | grep -c '%s'" % (user, user))
        why = run_steps(c, [(r"^0\r?\n# $", None)])
        return not why, why, c.log
    finally:
        c.close()


def mount_session(build):
    """As root: mount the ISO's empty volume (/dev/ram1) on /mnt, put
    files on it, see it in mount and df, fail to unmount it while the
    shell is in it, unmount it, mount it read-only and find the files;
    read the device with dd, break its superblock with dd, and see
    mount's errors for that, for a device that is no block device and
    for one in use.
    Returns (ok, what went wrong, the console log)."""
    iso = os.path.join(build, "samsara.iso")
    c = Console(qemu.qemu_cmd(build, iso=iso))
    nl = r"\r?\n"
    steps = [
        (r"login: ", "root"),
        (r"# $", "mount /dev/ram1 /mnt && echo m=$?"),
        (r"^m=0" + nl + r"# $",
         "mkdir /mnt/a && echo data > /mnt/a/f && cat /mnt/a/f; mount"),
        (r"^data" + nl + r"/dev/ram0 on / \(rw\)" + nl +
         r"/dev/ram1 on /mnt \(rw\)" + nl + r"# $", "df"),
        (r"^Filesystem +1K-blocks +Used +Available +Use% +Mounted on" + nl +
         r"/dev/ram0 +8192 .* /" + nl + r"/dev/ram1 +1024 .* /mnt" + nl +
         r"# $", "cd /mnt/a && umount /mnt; echo u=$?"),
        (r"^umount: /mnt: busy .*" + nl + r"u=1" + nl + r"# $",
         "cd / && umount /mnt && ls /mnt; echo u=$?"),
        (r"^u=0" + nl + r"# $",
         "mount -r /dev/ram1 /mnt && cat /mnt/a/f && touch /mnt/b"),
        (r"^data" + nl + r"touch: .*/mnt/b.*: Read-only file system" + nl +
         r"# $", "umount /dev/ram1; mount /dev/null /mnt"),
        (r"^mount: /dev/null on /mnt: not a block device" + nl + r"# $",
         "mount /dev/ram0 /mnt"),
        (r"^mount: /dev/ram0 on /mnt: already mounted.*" + nl + r"# $",
         "dd if=/dev/ram1 bs=1024 count=1024 2>/dev/null | cksum; "
         "dd if=/dev/ram1 bs=1000 skip=1 count=1 2>/dev/null | wc -c"),
        (r"^\d+ 1048576" + nl + r"1000" + nl + r"# $",
         "dd if=/dev/zero of=/dev/ram1 bs=1 seek=1048 count=2 conv=notrunc "
         "2>/dev/null; mount /dev/ram1 /mnt"),
        (r"^fs: cannot mount device 1,1: not a MINIX v3 file system "
         r"\(bad magic\)" + nl + r"mount: /dev/ram1 on /mnt: not a MINIX v3 "
         r"file system, or a damaged one" + nl + r"# $", "echo done"),
        (r"^done" + nl + r"# $", None),
    ]
    try:
        why = run_steps(c, steps)
        return not why, why, c.log
    finally:
        c.close()
