# SPDX-License-Identifier: BSD-2-Clause
"""iso/user_attack: an ordinary user talks to every process in its own
protocols (tests/guest/p_attack.c) on the booted ISO, with the root file
system on a disk.  Every message must be refused, nothing may change: /
and a set of checksummed files are the same afterwards, every service
still works, the kernel logged the denials (and RS its refusals of
the user's control requests), and the disk passes
`fsck.minix -f` on the host."""
import os
import re
import tempfile

import disk
import session

# Checksummed before and after: the password file, the shell, a driver,
# a policy file.
WATCHED = "/etc/passwd /bin/sh /sbin/ata /etc/system.d/fs.conf"
RANDOM_MESSAGES = 100000


def snapshot(c, tag):
    """`ls -ld / /tmp` and the cksums of WATCHED, as a string, or None."""
    c.send("echo %s-begin; ls -ld / /tmp; cksum %s; echo %s-done"
           % (tag, WATCHED, tag))
    if not c.expect(r"^%s-done\r?$" % tag, 60):
        return None
    text = c.log[:c.log.rfind("%s-done" % tag)]
    text = text[text.rfind("%s-begin" % tag):]
    return "\n".join(l.strip() for l in text.splitlines()[1:])


def phase(c, args, timeout):
    """Run p_attack ARGS; its "ok" line and exit status 0, or why not."""
    name = args.split()[0]
    c.send("/test/p_attack %s; echo rc=$?" % args)
    if not c.expect(r"^p_attack: %s (ok|FAILED)" % name, timeout):
        return "p_attack %s did not finish in %d s" % (args, timeout)
    if not c.expect(r"^rc=(\d+)\r?$", 30) or \
            not re.search(r"p_attack: %s ok" % name, c.log):
        return "p_attack %s failed" % args
    return ""


def user_attack(build):
    with tempfile.TemporaryDirectory() as tmp:
        img = os.path.join(tmp, "disk.img")
        disk.make_disk(build, img, [
            "81:%d:%s" % (disk.ROOT_MIB, os.path.join(
                build, "tests", "attack-root.img"))], disk.ROOT_MIB + 2)
        c = disk.boot(build, img)
        why = ""
        try:
            why = session.run_steps(c, [
                (r"login: ", "root"), (r"# $", "mount"),
                (r"^/dev/c0d0p1 on / \(rw\)", None)], 120)
            before = None if why else snapshot(c, "before")
            if not why and not before:
                why = "no snapshot before"
            for args, t in (("regress", 120), ("formed", 600),
                            ("random %d" % RANDOM_MESSAGES, 1200)):
                why = why or phase(c, args, t)
            after = None if why else snapshot(c, "after")
            if not why and after != before:
                why = "changed:\n%s\n--- now ---\n%s" % (before, after)
            if not why:  # every service still works, denials were logged
                why = session.run_steps(c, [
                    (r"# $", "dmesg | grep -c 'denied: p_attack'"),
                    (r"(^|# )[1-9]\d*\r?$", "dmesg | grep -c '^rs: refused "
                     "request 0x8.. from p_attack'"),
                    (r"(^|# )[1-9]\d*\r?$", "echo hi > /tmp/x; cat /tmp/x; "
                     "service list | grep -c running; lspci | grep -c ."),
                    (r"hi\r?\n[1-9]\d*\r?\n[1-9]\d*\r?$", "sync; halt")], 120)
            if not why:
                c.wait_exit(60)
        finally:
            c.close()
        if not why:
            why = disk.fsck_partition(img, disk.FIRST, disk.ROOT_MIB, tmp)
        return not why, why, c.log
