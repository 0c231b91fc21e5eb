# SPDX-License-Identifier: BSD-2-Clause
"""The network, through the booted ISO with the test disk root
build/tests/net-root.img (the product's root plus the test programs in
/test): INET started by /etc/rc, sockets as VFS descriptors.

  socket_api  /test/t_sock, the socket-API suite (tests/guest/t_sock.c)
              over 127.0.0.1: every test passes, and INET still
              answers afterwards
"""
import os
import tempfile

import disk
import session


def boot_net(build, tmp, extra=()):
    """The system on a copy of the network test root; extra: QEMU
    arguments for the network cards."""
    img = os.path.join(tmp, "disk.img")
    disk.make_disk(build, img, [
        "81:%d:%s" % (disk.ROOT_MIB, os.path.join(
            build, "tests", "net-root.img"))], disk.ROOT_MIB + 2)
    c = disk.boot(build, img, extra=list(extra))
    return c


def socket_api(build):
    with tempfile.TemporaryDirectory() as tmp:
        c = boot_net(build, tmp)
        try:
            why = session.run_steps(c, [
                (r"login: ", "root"),
                (r"# $", "/test/t_sock; echo rc=$?"),
                (r"t_sock: \d+ tests, 0 failed", None),
                (r"rc=0", "/test/t_sock udp; echo rc=$?"),
                (r"t_sock: 1 tests, 0 failed", None),
                (r"rc=0", "halt")], 300)
            if not why:
                c.wait_exit(60)
        finally:
            c.close()
        return not why, why, c.log
