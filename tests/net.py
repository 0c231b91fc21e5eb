# SPDX-License-Identifier: BSD-2-Clause
"""The network, through the booted ISO with the test disk root
build/tests/net-root.img (the product's root plus the test programs in
/test): INET started by /etc/rc, sockets as VFS descriptors.

  socket_api  /test/t_sock, the socket-API suite (tests/guest/t_sock.c)
              over 127.0.0.1: every test passes, and INET still
              answers afterwards; nc at the terminal selects on it and
              a socket at once
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
import struct
import subprocess
import tempfile
import time

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


def net_session(build, steps, extra=()):
    """Boot the network test root (boot_net, extra QEMU arguments) and
    run steps(c), which returns what went wrong ("" for nothing) after
    it has sent "halt"; QEMU must then end by itself.  Returns (ok, what
    went wrong, the console log)."""
    with tempfile.TemporaryDirectory() as tmp:
        c = boot_net(build, tmp, extra)
        try:
            why = steps(c)
            if not why and c.wait_exit(60) is None:
                why = "QEMU still running after halt"
        finally:
            c.close()
        return not why, why, c.log


def socket_api(build):
    def steps(c):
        why = session.run_steps(c, [
            (r"login: ", "root"),
            (r"# $", "/test/t_sock; echo rc=$?"),
            (r"t_sock: \d+ tests, 0 failed", None),
            (r"rc=0", "/test/t_sock udp; echo rc=$?"),
            (r"t_sock: 1 tests, 0 failed", None),
            (r"rc=0\r?\n# $", "echo from-listener > /tmp/msg; "
             "nc -l -p 5101 < /tmp/msg > /tmp/got &")], 300)
        # select on the terminal and a socket at once: nc at the
        # shell shows what the socket brings while nobody types,
        # sends a typed line, and ^D (end of file on the terminal)
        # shuts its side down.
        why = why or wait_listening(c, 5101)
        why = why or session.run_steps(c, [
            (r"", "nc -N 127.0.0.1 5101"),
            (r"^from-listener\r?\n", "typed-line"),
            (r"typed-line\r?\n", b"\x04"),
            (r"# $", "cat /tmp/got"),
            (r"^typed-line\r?\n# $", "halt")], 60)
        return why
    return net_session(build, steps)


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
    def steps(c):
        why = session.run_steps(c, steps_ifconfig, 120)
        if why:
            return why
        # 1 MiB each way through nc, by cksum.
        m = c.expect(r"^(\d+) 1048576 /tmp/in\r?\n# $", 60)
        c.send("nc -l -p 5000 > /tmp/out & sleep 1; "
               "nc -N 127.0.0.1 5000 < /tmp/in; echo rc=$?; wait $!; "
               "cksum /tmp/out")
        m2 = c.expect(r"^rc=0\r?\n(\d+) (\d+) /tmp/out\r?\n# $", 120)
        if not m or not m2 or m2.group(1, 2) != (m.group(1), "1048576"):
            return "nc's 1 MiB copy: %s" % (m2 and m2.group(1, 2),)
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
        return why
    return net_session(build, steps)


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


def send_to(port, data, timeout=120):
    """data to the guest through the forward at port, then end of file;
    "" when all was sent, else why not."""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        # The guest's nc ends (and closes) once it has read end of file.
        while s.recv(65536):
            pass
        s.close()
    except OSError as e:
        return "sending to the forward %d: %s" % (port, e)
    return ""


def receive_from(port, timeout=120):
    """Everything the guest sends through the forward at port, to its
    end of file: (bytes, "") or (None, why not)."""
    got = []
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        while True:
            b = s.recv(65536)
            if not b:
                break
            got.append(b)
        s.close()
    except OSError as e:
        return None, "receiving from the forward %d: %s" % (port, e)
    return b"".join(got), ""


def curl(port, path, timeout=60):
    """curl on the host through the forward: (body, "") or (None, why)."""
    p = subprocess.run(["curl", "-sS", "--max-time", str(timeout),
                        "http://127.0.0.1:%d%s" % (port, path)],
                       capture_output=True, timeout=timeout + 10)
    if p.returncode != 0:
        return None, "curl %s: status %d: %s" % (
            path, p.returncode, p.stderr.decode(errors="replace").strip())
    return p.stdout, ""


def card_session(build, card):
    """One network card under restrict=on: its driver found by netstart,
    the MAC QEMU was given, DHCP's 10.0.2.15/24, `ping -c 3 10.0.2.2`
    answered 3 of 3; through host forwards on 127.0.0.1: the host's curl
    gets httpd's /index.html (the root image's file: same length and
    sha256) and a 1 MiB random file (sha256 as the guest's sha256sum
    prints it); nc moves 4 MiB host->guest and 4 MiB guest->host with
    the same sha256 on both ends.  UDP is echoed in card_peer_session:
    slirp under restrict=on drops the guest's UDP answers to a forward
    (a filter-dump capture shows them leave the card)."""
    device, driver = CARDS[card]
    mac = "52:54:00:12:34:5a"
    hport, rxport, txport = free_port(), free_port(), free_port()
    fwd = ",".join("hostfwd=tcp:127.0.0.1:%d-:%d" % pair for pair in
                   ((hport, 80), (rxport, 7001), (txport, 7002)))
    extra = ["-netdev", "user,id=n0,restrict=on," + fwd,
             "-device", "%s,netdev=n0,mac=%s" % (device, mac)]
    index = open(os.path.join(os.path.dirname(__file__), "..", "boot",
                              "root", "var", "www", "index.html"),
                 "rb").read()
    sha = r"([0-9a-f]{64})"
    def steps(c):
        why = session.run_steps(c, [
            (r"%s: .*%s" % (driver, mac), None),
            (r"inet: eth0: address 10\.0\.2\.15 netmask 255\.255\.255\.0"
             r" gateway [\d.]+ \(DHCP\)", None),
            (r"login: ", "root"),
            (r"# $", "ping -c 3 -i 0.2 10.0.2.2; echo rc=$?"),
            (r"3 packets transmitted, 3 received, 0% packet loss"
             r"(?s:.*)rc=0\r?\n# $",
             "dd if=/dev/urandom of=/var/www/big.bin bs=65536 count=16 "
             "2>/dev/null; dd if=/dev/urandom of=/tmp/tx bs=65536 "
             "count=64 2>/dev/null; sha256sum /var/www/big.bin /tmp/tx; "
             "httpd > /tmp/hlog 2>&1 &"),
            (r"^%s  /var/www/big\.bin\r?\n%s  /tmp/tx\r?\n" % (sha, sha),
             None), (r"# $", None)], 120)
        if why:
            return why
        m = re.search(r"^%s  /var/www/big\.bin\r?\n%s  /tmp/tx\r?\n" % (
            sha, sha), c.log, re.M)
        big_sha, tx_sha = m.group(1), m.group(2)
        c.send("sleep 1; netstat | grep -c ':80 .*LISTEN'")
        why = session.run_steps(c, [(r"^1\r?\n# $", None)], 30)
        body, why = (None, why) if why else curl(hport, "/index.html")
        if not why and body != index:
            why = "curl /index.html: %d bytes, want the %d of the " \
                "root image's file (or they differ)" % (len(body),
                                                        len(index))
        if not why:
            body, why = curl(hport, "/big.bin")
        if not why and (len(body) != 1 << 20 or
                        hashlib.sha256(body).hexdigest() != big_sha):
            why = "curl /big.bin: %d bytes, sha256 %s, want 1048576 " \
                "and %s" % (len(body), hashlib.sha256(body).hexdigest(),
                            big_sha)
        # 4 MiB host->guest, into sha256sum through a pipe.
        data = os.urandom(4 << 20)
        if not why:
            c.send("nc -l -p 7001 | sha256sum > /tmp/rxsum &")
            why = wait_listening(c, 7001)
            why = why or send_to(rxport, data)
        if not why:
            want = hashlib.sha256(data).hexdigest()
            why = session.run_steps(c, [
                (r"", "wait $!; cat /tmp/rxsum"),
                (r"^%s  -\r?\n# $" % want, None)], 120)
            if why:
                why = "nc host->guest: the guest's sha256 is not %s " \
                    "(%s)" % (want, why)
        # 4 MiB guest->host, from the file the guest hashed.
        if not why:
            c.send("nc -N -l -p 7002 < /tmp/tx &")
            why = wait_listening(c, 7002)
        if not why:
            got, why = receive_from(txport)
        if not why:
            h = hashlib.sha256(got).hexdigest()
            if len(got) != 4 << 20 or h != tx_sha:
                why = "nc guest->host: %d bytes, sha256 %s, want " \
                    "4194304 and %s" % (len(got), h, tx_sha)
        why = why or session.run_steps(c, [
            (r"", "wait $!; echo rc=$?"),
            (r"^rc=0\r?\n# $", "cat /tmp/hlog"),
            (r"10\.0\.2\.2 GET /index\.html 200 %d\r?\n10\.0\.2\.2 GET "
             r"/big\.bin 200 1048576\r?\n" % len(index), "halt")], 120)
        return why
    return net_session(build, steps, extra)


def wait_listening(c, port, timeout=20):
    """Until netstat in the guest shows a TCP socket listening on port
    (the shell's job is in the background): "" or why not."""
    return session.run_steps(c, [
        (r"# $", "while ! netstat -an | grep -q ':%d .*LISTEN'; do sleep 1; "
         "done; echo listening %d" % (port, port)),
        (r"^listening %d\r?\n# $" % port, None)], timeout)


GUEST_IP, PEER_IP = "10.0.3.15", "10.0.3.2"
PEER_MAC = b"\x52\x54\x00\x12\x34\x02"


def stats_row(log, proto):
    """The last `netstat -s` row of proto in log, as a dict."""
    names = ("sent", "recv", "fwd", "drop", "chkerr", "lenerr", "memerr",
             "rterr", "proterr", "opterr", "err")
    rows = re.findall(r"^%s +((?:\d+ +){10}\d+)\r?$" % proto, log, re.M)
    return dict(zip(names, map(int, rows[-1].split()))) if rows else None


def hostile_frames(peer):
    """Every kind of bad frame the issue names, each checked for what the
    guest must (not) answer: [] or the list of what went wrong."""
    import ethpeer as e
    g, me = GUEST_IP, PEER_IP
    bad = []
    peer.drain()
    # The SYN-ACKs' initial sequence numbers (RFC 6528): unrelated from
    # one connection to the next, where lwIP's own would differ by a few
    # ticks.  Half of the differences of uniform numbers are >= 2^31.
    # 150 SYNs from the peer's own address (its ARP entry is there, so
    # every SYN-ACK goes out at once).
    for i in range(150):
        peer.send_ip(e.ipv4(me, g, 6, e.tcp(me, g, 40000 + i, 7004, i, 0,
                                            e.TCP_SYN)))
        if i % 8 == 7:
            time.sleep(0.02)  # a pace the card's receive ring keeps up with
    isns = []
    end = time.monotonic() + 5
    while len(isns) < 150 and time.monotonic() < end:
        f = peer.recv(0.2)
        p = e.parse_ipv4(f) if f else None
        if p and p[0]["proto"] == 6 and p[1][13] & 0x12 == 0x12:
            isns.append(struct.unpack("!I", p[1][4:8])[0])
    near = sum(1 for a, b in zip(isns, isns[1:])
               if min((a - b) % (1 << 32), (b - a) % (1 << 32)) < 1 << 24)
    if len(isns) < 100 or near > len(isns) // 10:
        bad.append("SYN-ACK sequence numbers: %d seen, %d close to the one "
                   "before (want >= 100 and <= 10%%)" % (len(isns), near))
    # Runts and frames that lie about their lengths.
    peer.send(b"\xff" * 6)
    peer.send(peer.guest_mac + PEER_MAC + b"\x08\x00" + b"\x45\x00")
    peer.send(peer.guest_mac + PEER_MAC + b"\x08\x06")
    hdr_only = e.ipv4(me, g, 1, b"")[:20]
    peer.send_ip(hdr_only[:12])
    for total in (10, 19, 200, 65535):       # shorter than a header, longer
        peer.send_ip(e.ipv4(me, g, 1, e.icmp_echo(9, total, b"x" * 16),
                            total=total))  # than the frame
    for ihl in (0, 3, 15):
        peer.send_ip(e.ipv4(me, g, 1, e.icmp_echo(9, 100 + ihl, b"y" * 8),
                            ihl=ihl))
    peer.send_ip(e.ipv4(me, g, 1, e.icmp_echo(9, 200, b"z" * 8), version=6))
    # Bad checksums: IP header, ICMP, UDP (to the echo server), TCP SYN.
    peer.send_ip(e.ipv4(me, g, 1, e.icmp_echo(11, 1, b"bad ip"),
                        bad_sum=True))
    peer.send_ip(e.ipv4(me, g, 1, e.icmp_echo(11, 2, b"bad icmp",
                                              bad_sum=True)))
    peer.send_ip(e.ipv4(me, g, 17, e.udp(me, g, 4000, 7003, b"bad udp",
                                         bad_sum=True)))
    peer.send_ip(e.ipv4(me, g, 6, e.tcp(me, g, 4001, 7004, 1, 0, e.TCP_SYN,
                                        bad_sum=True)))

    def answered(f):
        """An answer to one of the bad frames: an echo reply with one of
        their ids (9-12), the UDP echo from 7003 to 4000, anything TCP
        to 4001 (an ICMP error about them, such as time exceeded for
        fragments that never came together, is no answer)."""
        p = e.parse_ipv4(f)
        if p is None or p[0]["src"] != g:
            return False
        h, d = p
        if h["proto"] == 1:
            return d[:1] == b"\0" and 9 <= struct.unpack("!H", d[4:6])[0] <= 12
        ports = struct.unpack("!HH", d[:4])
        return (h["proto"] == 17 and ports == (7003, 4000)) or \
            (h["proto"] == 6 and ports[1] == 4001)
    f = peer.wait_for(answered, 2)
    if f is not None:
        bad.append("the guest answered a bad frame: %r" % f[:80])
    # Oversized frames: past the 1514 bytes of a full Ethernet frame (a
    # driver may reset its receiver for them, losing what came with
    # them: a pause after).
    for size in (1515, 1600, 4000, 9000, 16000):
        peer.send_ip(e.ipv4(me, g, 1, e.icmp_echo(9, 300, b"o" * size)))
    f = peer.wait_for(answered, 1)
    if f is not None:
        bad.append("the guest answered an oversized frame: %r" % f[:80])
    # Overlapping fragments of one echo request: never a whole datagram.
    msg = e.icmp_echo(12, 1, b"q" * 2000)
    peer.send_ip(e.ipv4(me, g, 1, msg[:1024], ident=500, mf=True))
    peer.send_ip(e.ipv4(me, g, 1, msg[1000:], ident=500, frag=1000 // 8))
    # The ping of death: fragments past 65535 bytes.
    for off in range(0, 65536, 1480):
        peer.send_ip(e.ipv4(me, g, 1, (msg * 2)[:1480] if off else msg[:1480],
                            ident=501, frag=off // 8, mf=True))
    peer.send_ip(e.ipv4(me, g, 1, b"d" * 1000, ident=501, frag=65528 // 8))
    # Endless fragments: first pieces of 2000 datagrams that never end.
    for i in range(2000):
        peer.send_ip(e.ipv4(me, g, 1, b"f" * 512, ident=1000 + i, mf=True))
    f = peer.wait_for(answered, 2)
    if f is not None:
        bad.append("the guest answered bad fragments: %r" % f[:80])
    # A bounded SYN flood on the echo server's port from 150 addresses
    # that never finish the handshake.
    for i in range(600):
        src = "10.0.3.%d" % (100 + i % 150)
        peer.send_ip(e.ipv4(src, g, 6, e.tcp(src, g, 20000 + i, 7004,
                                             i * 7919, 0, e.TCP_SYN)))
    time.sleep(1)
    # A whole fragmented echo request is still put together and answered
    # (sent up to three times, 3 s apart, as ping would: a piece
    # may be lost while the card's ring is still full of the flood).
    def big_reply(seq):
        def match(f):
            p = e.parse_ipv4(f)
            return p is not None and p[0]["src"] == g and \
                p[0]["proto"] == 1 and p[1][:1] == b"\0" and \
                p[1][4:8] == struct.pack("!HH", 13, seq)
        return match
    answered_big = False
    for seq in (1, 2, 3):
        big = e.icmp_echo(13, seq, bytes(range(256)) * 12)
        for off in range(0, len(big), 1480):
            peer.send_ip(e.ipv4(me, g, 1, big[off:off + 1480],
                                ident=600 + seq, frag=off // 8,
                                mf=off + 1480 < len(big)))
        if peer.wait_for(big_reply(seq), 3) is not None:
            answered_big = True
            break
    if not answered_big:
        bad.append("no answer to a fragmented echo request after the flood")
    return bad


def card_peer_session(build, card):
    """One network card on a QEMU socket netdev whose far side is the
    test's own host (tests/ethpeer.py, 10.0.3.2, which answers ARP for
    its /24, echo requests and UDP port 7): the guest is given 10.0.3.15
    by ifconfig; `ping -c 3 10.0.3.2` answers; UDP echo both ways (nc -u
    to the peer's port 7; the guest's t_sock udpecho server answering
    the peer's datagrams of 1 to 1472 bytes, byte for byte); the peer
    pings the guest.  Then the hostile frames (hostile_frames): runts,
    lying lengths, oversized frames, bad IP, ICMP, UDP and TCP
    checksums, overlapping, endless and past-64-KiB fragments, a SYN
    flood of 600 from 150 addresses; none answered, INET still running,
    `netstat -s` shows the drops (IP and ICMP checksum, length and
    protocol errors; fragments dropped) and the driver's receive errors
    or INET's drops grew, and afterwards ordinary traffic works: a whole
    TCP connection from the peer to the guest's t_sock tcpecho (through
    the flood's half-open connections), UDP echo, ping."""
    import ethpeer
    device, driver = CARDS[card]
    mac = "52:54:00:12:34:5a"
    port = free_port()
    extra = ["-netdev", "socket,id=n0,listen=127.0.0.1:%d" % port,
             "-device", "%s,netdev=n0,mac=%s" % (device, mac)]
    def steps(c):
        peer = None
        try:
            peer = ethpeer.EthPeer(port, PEER_MAC, PEER_IP, GUEST_IP)
            why = session.run_steps(c, [
                (r"%s: .*%s" % (driver, mac), None),
                (r"login: ", "root"),
                (r"# $", "ifconfig eth0 %s netmask 255.255.255.0; echo rc=$?"
                 % GUEST_IP),
                (r"^rc=0\r?\n# $", "ping -c 3 -i 0.2 %s; echo rc=$?" % PEER_IP),
                (r"3 packets transmitted, 3 received, 0% packet loss"
                 r"(?s:.*)rc=0\r?\n# $",
                 "echo hello-udp | nc -u -w 1 %s 7; echo rc=$?" % PEER_IP),
                (r"^hello-udp\r?\nrc=0\r?\n# $",
                 "/test/t_sock udpecho 7003 7 &"),
                (r"udpecho: listening on 7003", "/test/t_sock tcpecho 7004 &"),
                (r"tcpecho: listening on 7004", None)], 120)
            sizes = (1, 100, 1000, 1472)
            for i, n in enumerate(sizes):
                data = bytes((i + j) & 0xff for j in range(n))
                if not why and peer.udp_request(5000 + i, 7003, data) != data:
                    why = "UDP echo of %d bytes from the peer: no or a " \
                        "wrong answer" % n
            if not why and not peer.ping(77, 1):
                why = "the guest does not answer the peer's ping"
            c.send("netstat -s; ifconfig eth0")
            why = why or session.run_steps(c, [(r"^tcp: \d+ half-open", None),
                                               (r"bad replies \d+", None)], 30)
            before = {p: stats_row(c.log, p) for p in ("ip", "icmp", "frag")}
            m = re.findall(r"RX packets (\d+) bytes \d+ errors (\d+) "
                           r"dropped (\d+)", c.log)
            rx_before = tuple(map(int, m[-1])) if m else None
            if not why:
                bad = hostile_frames(peer)
                why = "; ".join(bad)
            # Ordinary traffic afterwards: a whole TCP connection through
            # the flood's half-open ones, UDP echo, ping.
            if not why:
                data = b"after the storm " * 40
                got = peer.tcp_exchange(31000, 7004, data, timeout=20)
                if got != data:
                    why = "TCP echo after the hostile frames: %r" % (
                        got if got is None else got[:40],)
            if not why and all(peer.udp_request(6000 + k, 7003, b"still")
                               != b"still" for k in range(3)):
                why = "no UDP echo after the hostile frames"
            c.send("ping -c 2 -i 0.2 %s; netstat -s; ifconfig eth0" % PEER_IP)
            why = why or session.run_steps(c, [
                (r"2 packets transmitted, 2 received", None),
                (r"^tcp: \d+ half-open", None), (r"bad replies \d+", None)],
                60)
            if not why:
                after = {p: stats_row(c.log, p) for p in before}
                m = re.findall(r"RX packets (\d+) bytes \d+ errors (\d+) "
                               r"dropped (\d+)", c.log)
                rx_after = tuple(map(int, m[-1]))
                grew = lambda p, k: after[p][k] > before[p][k]  # noqa: E731
                for p, k in (("ip", "chkerr"), ("ip", "lenerr"),
                             ("ip", "drop"), ("icmp", "chkerr"),
                             ("frag", "drop")):
                    if not grew(p, k):
                        why = "netstat -s: %s %s did not grow (%d)" % (
                            p, k, after[p][k])
                        break
                ev = re.findall(r"^tcp: (\d+) half-open connections "
                                r"dropped", c.log, re.M)
                if not why and (len(ev) < 2 or int(ev[-1]) <= int(ev[-2])):
                    why = "netstat -s: no half-open connection was " \
                        "dropped under the SYN flood (%s)" % ev
                if not why and rx_after[1] + rx_after[2] <= \
                        rx_before[1] + rx_before[2] and \
                        after["ip"]["drop"] <= before["ip"]["drop"]:
                    why = "no drop counted for the oversized frames"
            why = why or session.run_steps(c, [(r"# $", "halt")], 30)
            return why
        finally:
            if peer:
                peer.close()
    return net_session(build, steps, extra)


def two_guests(build):
    """Two Samsara guests on one wire, a QEMU dgram netdev each way over
    127.0.0.1 (guest A with an RTL8139, B with an NE2000 PCI): addresses
    10.0.4.1 and 10.0.4.2 by ifconfig; each pings the other 3 of 3; B
    listens with nc on a 4 MiB random file and A receives it through a
    pipe into sha256sum: the same sha256 on both ends."""
    pa, pb = free_port(), free_port()

    def wire(local, remote, device, mac):
        return ["-netdev", "dgram,id=n0,local.type=inet,local.host=127.0.0.1,"
                "local.port=%d,remote.type=inet,remote.host=127.0.0.1,"
                "remote.port=%d" % (local, remote),
                "-device", "%s,netdev=n0,mac=%s" % (device, mac)]
    sha = r"([0-9a-f]{64})"
    with tempfile.TemporaryDirectory() as ta, \
            tempfile.TemporaryDirectory() as tb:
        a = boot_net(build, ta, wire(pa, pb, CARDS["rtl8139"][0],
                                     "52:54:00:12:34:61"))
        b = boot_net(build, tb, wire(pb, pa, CARDS["ne2k_pci"][0],
                                     "52:54:00:12:34:62"))
        why = ""
        try:
            for c, me in ((a, "10.0.4.1"), (b, "10.0.4.2")):
                why = why or session.run_steps(c, [
                    (r"login: ", "root"),
                    (r"# $", "ifconfig eth0 %s netmask 255.255.255.0; "
                     "echo rc=$?" % me),
                    (r"^rc=0\r?\n# $", None)], 120)
            for c, other in ((a, "10.0.4.2"), (b, "10.0.4.1")):
                c.send("ping -c 3 -i 0.2 %s; echo rc=$?" % other)
                why = why or session.run_steps(c, [
                    (r"3 packets transmitted, 3 received, 0% packet loss"
                     r"(?s:.*)rc=0\r?\n# $", None)], 60)
            why = why or session.run_steps(b, [
                (r"", "dd if=/dev/urandom of=/tmp/tx bs=65536 count=64 "
                 "2>/dev/null; sha256sum /tmp/tx"),
                (r"^%s  /tmp/tx\r?\n# $" % sha, "nc -N -l -p 7100 < /tmp/tx "
                 "&")], 60)
            why = why or wait_listening(b, 7100)
            if not why:
                want = re.search(r"^%s  /tmp/tx\r?$" % sha, b.log,
                                 re.M).group(1)
                why = session.run_steps(a, [
                    (r"", "nc 10.0.4.2 7100 < /dev/null | sha256sum; "
                     "echo rc=$?"),
                    (r"^%s  -\r?\nrc=0\r?\n# $" % want, "halt")], 180)
                if why:
                    why = "4 MiB B->A: the sha256 at A is not B's %s (%s)" % (
                        want, why)
            why = why or session.run_steps(b, [(r"", "wait $!; echo rc=$?"),
                                               (r"^rc=0\r?\n# $", "halt")],
                                           60)
            for c in (a, b):
                if not why and c.wait_exit(60) is None:
                    why = "QEMU still running after halt"
        finally:
            a.close()
            b.close()
        log = "--- guest A ---\n" + a.log + "\n--- guest B ---\n" + b.log
        return not why, why, log


def rogue_driver(build):
    """INET against a network driver that breaks the protocol on purpose
    (tests/guest/p_rogue_nic.c, started as `rtl8139` with no card): the
    first instance's wrong session is refused and RS starts another;
    that one's wrong session, wrong type, 200 entries, unknown id and
    impossible lengths each count as a bad reply, its endless "more" is
    cut short by INET, and afterwards INET still answers an honest echo
    request through it; ifconfig shows bad replies >= 6 and the
    restart; INET still serves 127.0.0.1; no panic of anything but the
    scripted one."""
    def steps(c):
        why = session.run_steps(c, [
            (r"login: ", "root"),
            (r"# $", "service up /test/rogue_nic -label rtl8139"),
            (r"rogue: wrong session answered", None),
            (r"inet: eth0: driver rtl8139 does not start a session", None),
            (r"rogue: instance 1 up as rtl8139", None),
            (r"rogue: session \d+", None),
            (r"rogue: step 1 answered", None),
            (r"rogue: step 2 answered", None),
            (r"rogue: bad entries sent", None),
            (r"rogue: step 4 answered", None),
            (r"rogue: more for ever", None)], 60)
        why = why or session.run_steps(c, [
            (r"", "ifconfig eth0 10.0.5.1 netmask 255.255.255.0"),
            (r"rogue: (\d+) collects in a row", None),
            (r"rogue: INET answered the echo request", None),
            (r"", "ifconfig eth0"),
            (r"driver rtl8139 card rogue restarts (\d+) bad replies "
             r"(\d+)", "ping -c 1 127.0.0.1; echo rc=$?"),
            (r"1 received(?s:.*)rc=0\r?\n# $", "service down rtl8139; "
             "echo rc=$?"),
            (r"rc=0\r?\n# $", "halt")], 60)
        if not why:
            n = int(re.search(r"rogue: (\d+) collects in a row",
                              c.log).group(1))
            m = re.search(r"card rogue restarts (\d+) bad replies (\d+)",
                          c.log)
            if n < 1 or n > 64:
                why = "INET collected %d times in a row from an " \
                    "endless 'more' (its bound is 64)" % n
            elif int(m.group(2)) < 6:
                why = "only %s bad replies counted, want >= 6" % (
                    m.group(2))
            elif re.search(r"^panic: (?!rtl8139: scripted)", c.log, re.M):
                why = "a panic other than the rogue's own"
        return why
    return net_session(build, steps)
