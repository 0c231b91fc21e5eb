# SPDX-License-Identifier: BSD-2-Clause
"""The network benchmarks of `make bench` (tests/bench.py runs them):
Samsara and a Linux guest in the same QEMU, with the same card, the same
restricted user network and the same forward, running the same guest
program (tests/bench/b_net.c).

For each card of tests/net.py's CARDS, a run boots one system with that
card on `-netdev user,restrict=on,hostfwd=tcp:127.0.0.1:PORT-:PORT,
hostfwd=tcp:127.0.0.1:HTTP-:80` and measures, at the root shell:

  net_rx_CARD    MB/s host->guest: the host sends RX_BYTES to
                 `b_net sink PORT`, which times first byte to last
  net_tx_CARD    MB/s guest->host: `b_net source PORT TX_BYTES`; the
                 host's receiver times first byte to last
  net_rtt_CARD   us: 1-byte round trips of a host client (TCP_NODELAY)
                 through `b_net echo PORT`, median of RTT_ROUNDS after
                 RTT_WARMUP
  net_http_CARD  req/s: HTTP_CLIENTS host clients on concurrent
                 connections, HTTP_REQUESTS GETs of /index.html in all
                 (HTTP/1.0, one per connection), from the guest's httpd
                 (Samsara's commands/httpd; busybox httpd on Linux), every
                 reply checked: status 200 and exactly the file

Samsara boots the ISO on the network test root (tests/net.py boot_net;
DHCP configures eth0); Linux is Debian 12's 686 kernel with an initramfs
of busybox (tools/fetch-linux-baseline.sh, tests/bench/linux-init.sh;
eth0 10.0.2.15/24 set statically), `acpi=off` as the ISA card needs.
Runs alternate Samsara, Linux, Samsara, Linux ... per card, so that the
machine's load falls on both alike; each figure is the median of its
runs.  Every console log is kept as build/bench/net-SYSTEM-CARD-N.log
(Samsara's ends with `ifconfig eth0` and `netstat -i`), and each run
notes how often QEMU said "Slirp: Failed to send packet" (frames the
card had no room for) and the pace of the guest's clock against the
host's over the rx transfer.
"""
import os
import re
import socket
import statistics
import tempfile
import threading
import time

import net
import qemu
import session

RX_BYTES = 16 << 20
TX_BYTES = 16 << 20
RTT_WARMUP = 20
RTT_ROUNDS = 300
HTTP_CLIENTS = 4
HTTP_REQUESTS = 200
MAC = "52:54:00:12:34:5a"
TRANSFER_TIMEOUT = 240  # s, for one 16 MiB transfer
# A guest clock whose pace differs from the host's by more than this
# (more than the console's delays can explain over a transfer) has its
# interval corrected, with a note: a TSC rate measured at boot on a
# loaded host can be far off (Samsara's, from counting timer ticks,
# came out up to 52% high).
CLOCK_SLACK = 0.03
SLIRP_DROP = "Slirp: Failed to send packet"
NAMES = ("rx", "tx", "rtt", "http")
UNITS = {"rx": "MB/s", "tx": "MB/s", "rtt": "us", "http": "req/s"}
# The root prompt: busybox's shell asks for the cursor's place after it.
PROMPT = r"# (?:\x1b\[6n)?$"
INDEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                     "boot", "root", "var", "www", "index.html")


class Failed(Exception):
    """A benchmark that went wrong; the message says how."""


def expect(c, pattern, timeout, what):
    m = c.expect(pattern, timeout)
    if not m:
        raise Failed("%s: never saw %r" % (what, pattern))
    return m


def netdev(port, http_port):
    return ["-netdev", "user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:%d-:%d,"
            "hostfwd=tcp:127.0.0.1:%d-:80" % (port, port, http_port)]


def boot_samsara(build, tmp, card, port, http_port):
    device, driver = net.CARDS[card]
    c = net.boot_net(build, tmp, netdev(port, http_port) + [
        "-device", "%s,netdev=n0,mac=%s" % (device, MAC)])
    expect(c, r"inet: eth0: address 10\.0\.2\.15 ", 120, "DHCP")
    expect(c, r"login: ", 120, "login")
    c.send("root")
    expect(c, PROMPT, 60, "the shell")
    return c


def linux_cmd(build, card, port, http_port):
    device, _ = net.CARDS[card]
    d = os.path.join(build, "linux")
    return qemu.qemu_cmd(
        build, kernel=os.path.join(d, "vmlinuz"),
        modules=[os.path.join(d, "initramfs.cpio.gz")],
        append="console=ttyS0 acpi=off quiet bench_card=" + card,
        extra=netdev(port, http_port) + [
            "-device", "%s,netdev=n0,mac=%s" % (device, MAC)])


def boot_linux(build, tmp, card, port, http_port):
    c = session.Console(linux_cmd(build, card, port, http_port))
    expect(c, r"linux-baseline: ready %s %s" % (card, MAC), 120,
           "the Linux guest")
    expect(c, PROMPT, 30, "the shell")
    return c


def connect(port, timeout=60):
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def drain(s):
    """Read until the peer's end of file; the bytes read."""
    n = 0
    while True:
        b = s.recv(65536)
        if not b:
            return n
        n += len(b)


def bench_rx(c, port):
    """MB/s by the guest's clock, and a note of that clock's pace against
    the host's (the guest reads its clock as it prints "listening" and
    its result; the host notes when it sees each), by which the interval
    is corrected when they differ by more than CLOCK_SLACK."""
    c.send("/test/b_net sink %d" % port)
    m = expect(c, r"sink: listening on %d clock (\d+)\r?\n" % port, 60, "rx")
    guest0, host0 = int(m.group(1)), time.monotonic()
    chunk = bytes(range(256)) * 256
    s = connect(port, TRANSFER_TIMEOUT)
    start = time.monotonic()
    for _ in range(RX_BYTES // len(chunk)):
        s.sendall(chunk)
    s.shutdown(socket.SHUT_WR)
    drain(s)
    s.close()
    wall = time.monotonic() - start
    m = expect(c, r"sink: bytes (\d+) us (\d+) clock (\d+)\r?\n", 60, "rx")
    host1 = time.monotonic()
    got, us, guest1 = (int(x) for x in m.group(1, 2, 3))
    if got != RX_BYTES:
        raise Failed("rx: the guest received %d of %d bytes" % (got, RX_BYTES))
    pace = (guest1 - guest0) / ((host1 - host0) * 1e6)
    note = "guest clock pace %.3f" % pace
    if abs(pace - 1) > CLOCK_SLACK:
        note += " (rx corrected to the host's)"
        us /= pace
    # The guest's interval lies inside the host's.
    if us <= 0 or us > wall * 1e6 * (1 + CLOCK_SLACK) + 20000:
        raise Failed("rx: the guest timed %d us, the host %d us in all"
                     % (us, wall * 1e6))
    expect(c, PROMPT, 30, "rx")
    return got / us, note


def bench_tx(c, port):
    c.send("/test/b_net source %d %d" % (port, TX_BYTES))
    expect(c, r"source: listening on %d " % port, 60, "tx")
    s = connect(port, TRANSFER_TIMEOUT)
    got, first, last = 0, None, None
    while True:
        b = s.recv(262144)
        if not b:
            break
        last = time.monotonic()
        if first is None:
            first = last
        got += len(b)
    s.close()
    expect(c, r"source: bytes %d\r?\n" % TX_BYTES, 60, "tx")
    if got != TX_BYTES:
        raise Failed("tx: the host received %d of %d bytes" % (got, TX_BYTES))
    expect(c, PROMPT, 30, "tx")
    return got / ((last - first) * 1e6)


def bench_rtt(c, port):
    c.send("/test/b_net echo %d" % port)
    expect(c, r"echo: listening on %d " % port, 60, "rtt")
    s = connect(port, 30)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    times = []
    for i in range(RTT_WARMUP + RTT_ROUNDS):
        start = time.perf_counter()
        s.sendall(b"%c" % (65 + i % 26))
        b = s.recv(16)
        times.append(time.perf_counter() - start)
        if b != b"%c" % (65 + i % 26):
            raise Failed("rtt: round %d came back as %r" % (i, b))
    s.shutdown(socket.SHUT_WR)
    drain(s)
    s.close()
    expect(c, r"echo: bytes %d\r?\n" % (RTT_WARMUP + RTT_ROUNDS), 30, "rtt")
    expect(c, PROMPT, 30, "rtt")
    return statistics.median(times[RTT_WARMUP:]) * 1e6


def http_get(port, body):
    """One GET of /index.html: "" when the reply is 200 with exactly
    body, else what was wrong."""
    s = connect(port, 30)
    try:
        s.sendall(b"GET /index.html HTTP/1.0\r\n\r\n")
        reply = b""
        while True:
            b = s.recv(65536)
            if not b:
                break
            reply += b
    finally:
        s.close()
    head, sep, got = reply.partition(b"\r\n\r\n")
    if not re.match(rb"HTTP/1\.[01] 200 ", head) or not sep:
        return "reply %r" % reply[:80]
    if got != body:
        return "a body of %d bytes, not the file's %d" % (len(got), len(body))
    return ""


def bench_http(c, port, linux):
    c.send("httpd -p 80 -h /var/www" if linux else "httpd >/dev/null &")
    expect(c, PROMPT, 30, "http")
    body = open(INDEX, "rb").read()
    why = "no answer"
    for _ in range(50):  # until httpd listens
        try:
            why = http_get(port, body)
            if not why:
                break
        except OSError as e:
            why = str(e)
        time.sleep(0.2)
    if why:
        raise Failed("http: the first GET: " + why)
    errors = []
    left = [HTTP_REQUESTS]
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                if left[0] == 0 or errors:
                    return
                left[0] -= 1
            try:
                why = http_get(port, body)
            except OSError as e:
                why = str(e)
            if why:
                with lock:
                    errors.append(why)
    threads = [threading.Thread(target=client) for _ in range(HTTP_CLIENTS)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - start
    if errors:
        raise Failed("http: " + errors[0])
    return HTTP_REQUESTS / took


def one_run(build, system, card, log_path):
    """Boot system ("samsara" or "linux") with card and measure the
    four; returns ({name: value}, note) or raises Failed."""
    port, http_port = net.free_port(), net.free_port()
    while http_port == port:
        http_port = net.free_port()
    linux = system == "linux"
    with tempfile.TemporaryDirectory() as tmp:
        c = None
        try:
            c = (boot_linux if linux else boot_samsara)(build, tmp, card,
                                                        port, http_port)
            values = {}
            values["rx"], clock = bench_rx(c, port)
            values["tx"] = bench_tx(c, port)
            values["rtt"] = bench_rtt(c, port)
            values["http"] = bench_http(c, http_port, linux)
            if not linux:
                c.send("ifconfig eth0; netstat -i")
                expect(c, r"Iface", 30, "ifconfig")
                expect(c, PROMPT, 30, "ifconfig")
            note = "%d '%s' lines" % (c.log.count(SLIRP_DROP), SLIRP_DROP)
            return values, note + ", " + clock
        except (Failed, OSError) as e:
            raise Failed("%s %s: %s" % (system, card, e))
        finally:
            if c:
                c.close()
                with open(log_path, "w") as f:
                    f.write(c.log)


def run(build, cards, runs, report, note):
    """Measure every card in cards, runs times per system, alternating;
    report(line) gets each bench line, note(text) the rest.  Returns
    False if anything failed."""
    ok = True
    logs = os.path.join(build, "bench")
    os.makedirs(logs, exist_ok=True)
    have_linux = os.path.exists(os.path.join(build, "linux",
                                             "initramfs.cpio.gz"))
    if not have_linux:
        note("no Linux baseline (build/linux/initramfs.cpio.gz): "
             "`make linux-baseline` makes it")
        ok = False
    systems = ["samsara"] + (["linux"] if have_linux else [])
    for card in cards:
        got = {s: {n: [] for n in NAMES} for s in systems}
        for i in range(runs):
            for system in systems:
                log = os.path.join(logs, "net-%s-%s-%d.log"
                                   % (system, card, i + 1))
                start = time.monotonic()
                try:
                    values, drops = one_run(build, system, card, log)
                except Failed as e:
                    note("%s (console: %s)" % (e, log))
                    ok = False
                    continue
                for n in NAMES:
                    got[system][n].append(values[n])
                note("%s %s run %d: %s; %s; %.0f s" % (
                    system, card, i + 1, ", ".join(
                        "%s %.2f" % (n, values[n]) for n in NAMES), drops,
                    time.monotonic() - start))
        med = {s: {n: statistics.median(v) for n, v in got[s].items() if v}
               for s in systems}
        for n in NAMES:
            for s, prefix in (("samsara", ""), ("linux", "linux_")):
                if n in med.get(s, {}):
                    report("bench: %snet_%s_%s %.2f %s" % (
                        prefix, n, card, med[s][n], UNITS[n]))
            if n in med.get("samsara", {}) and n in med.get("linux", {}):
                a, b = med["samsara"][n], med["linux"][n]
                ratio = b / a if n == "rtt" else a / b
                report("bench: net_%s_%s_vs_linux %.2f x" % (n, card, ratio))
    return ok
