# SPDX-License-Identifier: BSD-2-Clause
"""The network, through the booted ISO with the test disk root
build/tests/net-root.img (the product's root plus the test programs in
/test): INET started by /etc/rc, sockets as VFS descriptors.

  socket_api  /test/t_sock, the socket-API suite (tests/guest/t_sock.c)
              over 127.0.0.1: every test passes, and INET still
              answers afterwards
  net_commands  ifconfig, ping, nc, httpd and netstat at the shell over
              127.0.0.1 with no network card (net_commands below)
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
import re
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


# A reply as nc prints it on the console: the terminal turns each "\n"
# into "\r\n", so the reply's own "\r\n" arrives as "\r\r\n".
NL = r"\r*\n"


def http_reply(status, reason, length, extra=""):
    """The pattern of a reply's head: status line, Content-Type,
    Content-Length, extra header lines (a pattern), the blank line."""
    return (r"HTTP/1\.[01] %d %s" + NL + r"Server: samsara-httpd" + NL +
            r"Content-Type: text/html" + NL + r"Content-Length: %d" + NL +
            extra + r"Connection: close" + NL + NL) % (status, reason,
                                                      length)


def error_body(status, reason):
    return ("<html><head><title>%d %s</title></head><body><h1>%d %s</h1>"
            "</body></html>\n") % (status, reason, status, reason)


def net_commands(build):
    """The network commands at root's shell, over 127.0.0.1 with no
    network card:
    - ifconfig lists lo alone: UP,LOOPBACK,RUNNING, 127.0.0.1 netmask
      255.0.0.0, no driver; an unknown interface (also after -w 1), a bad
      address, a mask that is not ones-then-zeros, up with down, an
      unknown word, a change INET cannot make to lo: each its message
      and status (1, or 2 for the command line); netstat -i lists lo LRU;
    - ping -c 3 127.0.0.1 answers 3 of 3 (sequence 0-2, ttl, time in ms
      to the microsecond) with the summary and rtt line, status 0;
      localhost through /etc/hosts; an unknown host is status 1; an
      unroutable address is 2 transmitted, 0 received, 100% loss,
      status 1; a bad -c is status 2;
    - a 1 MiB random file through `nc -l -p 5000 > /tmp/out &` and
      `nc -N 127.0.0.1 5000 < /tmp/in`: the same cksum and size;
      `nc -u` carries a line each way (the listener's peer is the first
      datagram's sender); a refused connect and port 0 say so;
    - httpd (defaults: port 80, /var/www) shows in netstat as LISTEN;
      requests from /test/http (tests/http_requests.sh) sent with nc:
      GET /index.html gives 200, text/html, the file's Content-Length and
      exactly its bytes; HEAD the same head and no body; 404 for a
      missing file, 403 for /../etc/passwd and its %2e%2e form (with
      their small bodies), 405 with Allow for DELETE, 400 for garbage;
      while a client that sends nothing holds a connection, another is
      served (two ESTABLISHED sockets in netstat); httpd's log has one
      "ADDR METHOD TARGET STATUS BYTES" line per request, in order;
    - as "user": ping is refused (raw sockets are root's) and so is an
      ifconfig change (INET's EPERM), each with its message, status 1,
      while ifconfig's listing works; root's halt ends QEMU.
    Returns (ok, what went wrong, the console log)."""
    index = open(os.path.join(os.path.dirname(__file__), "..", "boot",
                              "root", "var", "www", "index.html"),
                 "rb").read().decode()
    body = NL.join(re.escape(x) for x in index.split("\n"))
    e404 = re.escape(error_body(404, "Not Found")[:-1]) + NL
    e403 = re.escape(error_body(403, "Forbidden")[:-1]) + NL
    e403_len = len(error_body(403, "Forbidden"))
    ok = r"(?s)^%s\r?\n# $"
    ping_line = (r"^64 bytes from 127\.0\.0\.1: icmp_seq=%d ttl=\d+ "
                 r"time=\d+\.\d{3} ms\r?\n")
    rtt = r"\d+\.\d{3}"
    steps_ifconfig = [
        (r"login: ", "root"),
        (r"# $", "ifconfig; echo rc=$?"),
        # Only lo: no card is in the machine.
        (r"^lo: flags=<UP,LOOPBACK,RUNNING> mtu \d+\r?\n"
         r"\tinet 127\.0\.0\.1 netmask 255\.0\.0\.0 gateway [\d.]+\r?\n"
         r"\tether 00:00:00:00:00:00 dhcp off\r?\n"
         r"\tRX packets \d+ bytes \d+ errors 0 dropped 0\r?\n"
         r"\tTX packets \d+ bytes \d+ errors 0 dropped 0\r?\n"
         r"\tdriver - card - restarts 0 bad replies 0\r?\n"
         r"rc=0\r?\n# $", "ifconfig eth0; echo rc=$?"),
        (ok % r"ifconfig: eth0: no such interface\r?\nrc=1",
         "ifconfig -w 1 eth0; echo rc=$?"),
        (ok % r"ifconfig: eth0: no such interface \(waited 1\.0 s\)\r?\n"
         r"rc=1", "ifconfig lo 10.0.0.300; echo rc=$?"),
        (ok % r"ifconfig: 10\.0\.0\.300: not an IPv4 address\r?\nrc=2",
         "ifconfig lo 10.0.0.1 netmask 255.0.255.0; echo rc=$?"),
        (ok % r"ifconfig: 255\.0\.255\.0: not a netmask \(ones, then "
         r"zeros\)\r?\nrc=2", "ifconfig lo up down; echo rc=$?"),
        (ok % r"ifconfig: up and down together\r?\nrc=2",
         "ifconfig lo mtu 9000; echo rc=$?"),
        (r"(?s)^ifconfig: mtu: unknown word\r?\nusage: ifconfig.*"
         r"rc=2\r?\n# $", "ifconfig lo 10.0.0.1; echo rc=$?"),
        (ok % r"ifconfig: lo: INET cannot change this interface\r?\nrc=1",
         "netstat -i"),
        (ok % (r"Iface +MTU +RX-OK +RX-ERR +RX-DRP +TX-OK +TX-ERR +TX-DRP "
               r"+Flg\r?\nlo +\d+ +\d+ +0 +0 +\d+ +0 +0 +LRU"),
         "ping -c 3 -i 0.2 127.0.0.1; echo rc=$?"),
        (ok % (r"PING 127\.0\.0\.1 \(127\.0\.0\.1\): 56 data bytes\r?\n" +
               ping_line % 0 + ping_line % 1 + ping_line % 2 +
               r"\r?\n--- 127\.0\.0\.1 ping statistics ---\r?\n"
               r"3 packets transmitted, 3 received, 0%% packet loss\r?\n"
               r"rtt min/avg/max = %s/%s/%s ms\r?\nrc=0" % (rtt, rtt, rtt)),
         "ping -c 1 localhost | grep -c ' from 127.0.0.1: '; "
         "ping -c 1 nosuch; echo rc=$?"),
        (ok % r"1\r?\nping: nosuch: unknown host \(.*\)\r?\nrc=1",
         "ping -c 2 -W 0.5 10.9.9.9 >/tmp/p 2>&1; echo rc=$?; "
         "grep trans /tmp/p"),
        (ok % r"rc=1\r?\n2 packets transmitted, 0 received, 100% packet "
         r"loss", "ping -c x 127.0.0.1; echo rc=$?"),
        (ok % r"ping: -c x: give a count from 1 to 1000000\r?\nrc=2",
         "dd if=/dev/urandom of=/tmp/in bs=1024 count=1024 2>/dev/null; "
         "cksum /tmp/in"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        c = boot_net(build, tmp)
        try:
            why = session.run_steps(c, steps_ifconfig, 120)
            if why:
                return False, why, c.log
            # 1 MiB each way through nc, by cksum.
            m = c.expect(r"^(\d+) 1048576 /tmp/in\r?\n# $", 60)
            c.send("nc -l -p 5000 > /tmp/out & sleep 1; "
                   "nc -N 127.0.0.1 5000 < /tmp/in; echo rc=$?; wait $!; "
                   "cksum /tmp/out")
            m2 = c.expect(r"^rc=0\r?\n(\d+) (\d+) /tmp/out\r?\n# $", 120)
            if not m or not m2 or m2.group(1, 2) != (m.group(1), "1048576"):
                return False, "nc's 1 MiB copy: %s" % (
                    m2 and m2.group(1, 2),), c.log
            why = session.run_steps(c, [
                (r"", "echo pong > /tmp/reply; nc -u -l -w 2 -p 5002 "
                 "< /tmp/reply > /tmp/ugot & sleep 1; echo hello | "
                 "nc -u -w 2 127.0.0.1 5002; echo rc=$?; wait $!; "
                 "cat /tmp/ugot"),
                (ok % r"pong\r?\nrc=0\r?\nhello", "nc 127.0.0.1 5999; "
                 "echo rc=$?"),
                (ok % r"nc: connect to 127\.0\.0\.1 \(127\.0\.0\.1\) port "
                 r"5999 \(tcp\): Connection refused\r?\nrc=1",
                 "nc 127.0.0.1 0; echo rc=$?"),
                (ok % r"nc: 0: not a port number \(1-65535\)\r?\nrc=2",
                 "httpd > /tmp/hlog & sleep 1; netstat"),
                (r"^tcp +0 +0 +0\.0\.0\.0:80 +0\.0\.0\.0:\* +LISTEN\r?\n"
                 r"# $", "nc -N 127.0.0.1 80 < /test/http/get"),
                (r"^" + http_reply(200, "OK", len(index)) + body + r"# $",
                 "nc -N 127.0.0.1 80 < /test/http/head"),
                (r"^" + http_reply(200, "OK", len(index)) + r"# $",
                 "nc -N 127.0.0.1 80 < /test/http/missing"),
                (r"^" + http_reply(404, "Not Found",
                                   len(error_body(404, "Not Found"))) +
                 e404 + r"# $", "nc -N 127.0.0.1 80 < /test/http/dotdot"),
                (r"^" + http_reply(403, "Forbidden", e403_len) + e403 +
                 r"# $", "nc -N 127.0.0.1 80 < /test/http/escaped"),
                (r"^" + http_reply(403, "Forbidden", e403_len) + e403 +
                 r"# $", "nc -N 127.0.0.1 80 < /test/http/delete | "
                 "grep -c -e 'HTTP/1.0 405 Method Not Allowed' "
                 "-e '^Allow: GET, HEAD'"),
                (ok % r"2", "nc -N 127.0.0.1 80 < /test/http/garbage | "
                 "head -n 1"),
                (ok % r"HTTP/1\.0 400 Bad Request\r*",
                 # A client that sends nothing for 3 s holds one
                 # connection; another is served meanwhile.
                 "sleep 3 | nc -N 127.0.0.1 80 > /tmp/slow & sleep 1; "
                 "nc -N 127.0.0.1 80 < /test/http/get | head -n 1; "
                 "netstat | grep -c ESTABLISHED; wait $!; head -n 1 "
                 "/tmp/slow"),
                (ok % r"HTTP/1\.0 200 OK\r*\r?\n2\r?\nHTTP/1\.0 400 Bad "
                 r"Request\r*", "cat /tmp/hlog"),
                (ok % ("127\\.0\\.0\\.1 GET /index\\.html 200 %d\r?\n"
                       "127\\.0\\.0\\.1 HEAD / 200 0\r?\n"
                       "127\\.0\\.0\\.1 GET /nosuch\\.html 404 %d\r?\n"
                       "127\\.0\\.0\\.1 GET /\\.\\./etc/passwd 403 %d\r?\n"
                       "127\\.0\\.0\\.1 GET /%%2e%%2e/etc/passwd 403 %d\r?\n"
                       "127\\.0\\.0\\.1 DELETE /index\\.html 405 \\d+\r?\n"
                       "127\\.0\\.0\\.1 hello there 400 \\d+\r?\n"
                       "127\\.0\\.0\\.1 GET /index\\.html 200 %d\r?\n"
                       "127\\.0\\.0\\.1 - - 400 \\d+" % (
                           len(index), len(error_body(404, "Not Found")),
                           e403_len, e403_len, len(index))), "exit"),
                # Not root: no raw socket, no changes; listing works.
                (r"login: ", "user"),
                (r"\$ $", "ping -c 1 127.0.0.1; echo rc=$?"),
                (r"^ping: permission denied: raw ICMP sockets are for "
                 r"root only\r?\nrc=1\r?\n\$ $",
                 "ifconfig lo 10.0.0.1; echo rc=$?"),
                (r"^ifconfig: lo: permission denied: only root may change "
                 r"an interface\r?\nrc=1\r?\n\$ $",
                 "ifconfig lo | grep -c 'inet 127.0.0.1'; echo rc=$?"),
                (r"^1\r?\nrc=0\r?\n\$ $", "exit"),
                (r"login: ", "root"),
                (r"# $", "halt"),
            ], 120)
            if not why and c.wait_exit(60) is None:
                why = "QEMU still running after halt"
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
