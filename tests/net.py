# SPDX-License-Identifier: BSD-2-Clause
"""The network, through the booted ISO with the test disk root
build/tests/net-root.img (the product's root plus the test programs in
/test): INET started by /etc/rc, sockets as VFS descriptors.

  socket_api  /test/t_sock, the socket-API suite (tests/guest/t_sock.c)
              over 127.0.0.1: every test passes, and INET still
              answers afterwards
  nic_CARD    for ne2k_isa, ne2k_pci, rtl8139: QEMU's card on
              -netdev user,restrict=on with a forward on 127.0.0.1:
              netstart starts its
              driver, whose MAC is QEMU's mac=; DHCP gives eth0
              10.0.2.15/24; 10.0.2.2 answers 3 echo requests; 4 MiB
              echoed over TCP through the forward arrive with the same
              sha256 both ways
"""
import hashlib
import os
import socket
import tempfile
import threading

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


CARDS = {
    "ne2k_isa": ("ne2k_isa,iobase=0x300,irq=9", "ne2000"),
    "ne2k_pci": ("ne2k_pci,addr=03", "ne2000"),
    "rtl8139": ("rtl8139,addr=05", "rtl8139"),
}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tcp_echo(port, size, timeout=120):
    """size random bytes to the guest's echo server through the forward,
    and back: "" when both directions hash alike, else why not."""
    data = os.urandom(size)
    back = hashlib.sha256()
    got = [0]
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)

    def reader():
        while True:
            b = s.recv(65536)
            if not b:
                return
            got[0] += len(b)
            back.update(b)
    t = threading.Thread(target=reader)
    t.start()
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)
    t.join(timeout)
    s.close()
    if got[0] != size:
        return "echoed %d of %d bytes" % (got[0], size)
    if back.hexdigest() != hashlib.sha256(data).hexdigest():
        return "the echo differs (sha256)"
    return ""


def card_session(build, card):
    """One network card under restrict=on: its driver found by netstart,
    the MAC QEMU was given, DHCP's 10.0.2.15/24, echo replies from
    10.0.2.2, 4 MiB echoed over TCP through a host forward (sha256 both
    ways).  UDP is not echoed here: a UDP forward reaches the guest, but
    slirp under restrict=on drops the guest's answer (a filter-dump
    capture shows it leave the card), so UDP through a card needs a
    socket netdev instead."""
    device, driver = CARDS[card]
    mac = "52:54:00:12:34:5a"
    tport = free_port()
    extra = ["-netdev", "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:%d-"
             ":7000" % tport,
             "-device", "%s,netdev=n0,mac=%s" % (device, mac)]
    with tempfile.TemporaryDirectory() as tmp:
        c = boot_net(build, tmp, extra)
        try:
            why = session.run_steps(c, [
                (r"%s: .*%s" % (driver, mac), None),
                (r"inet: eth0: address 10\.0\.2\.15 netmask 255\.255\.255\.0"
                 r" gateway 0\.0\.0\.0 \(DHCP\)", None),
                (r"login: ", "root"),
                (r"# $", "/test/t_sock icmp 10.0.2.2 3"),
                (r"icmp: 3/3 replies", None),
                (r"# $", "/test/t_sock tcpecho 7000 &"),
                (r"tcpecho: listening on 7000", None)], 120)
            why = why or tcp_echo(tport, 4 << 20)
            why = why or session.run_steps(c, [
                (r"tcpecho: 4194304 bytes", "halt")], 120)
            if not why:
                c.wait_exit(60)
        finally:
            c.close()
        return not why, why, c.log
