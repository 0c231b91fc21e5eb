#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests for the network commands that build for the host (nc,
httpd, ping; ifconfig and netstat ask Samsara's INET and do not):

    sh tests/host/build_commands.sh /tmp/bin
    python3 tests/host/test_netcmds.py /tmp/bin

Everything goes over 127.0.0.1, with the host's own sockets standing in
for the other end, so that each of nc's end-of-file rules can be seen
from outside: with -N the peer reads end of file once nc's input ends,
without -N it does not; a listening nc ends at the peer's end of file
even while its input is still open; binary data (4 MiB) arrives
exactly; UDP carries a datagram each way.  httpd is sent each kind of
request (GET, HEAD, a directory, 404, 403 for "..", 405, 400, 414) and
must answer with the right status, headers and body, serve one client
while another holds a connection open, and log one line per request.
ping needs a raw socket: as root it must get every reply, otherwise it
must refuse with its message.  Prints PASS:/FAIL: lines per case like
test_commands.py and exits 1 if any case failed.
"""
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tally  # noqa: E402

BIN = None
TALLY = tally.Tally("net")
report = TALLY.report


def cmd(name):
    return os.path.join(BIN, name)


def free_port(kind=socket.SOCK_STREAM):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def listener():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    s.settimeout(10)
    return s, s.getsockname()[1]


def read_all(conn, timeout=10):
    """Everything conn sends until its end of file; None on a timeout."""
    conn.settimeout(timeout)
    data = b""
    try:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk
    except socket.timeout:
        return None


def wait_bound(port, table="tcp"):
    """Wait (up to 5 s) until a socket of the host has local port `port`
    (/proc/net/tcp or udp), so a client does not come too early."""
    for _ in range(100):
        with open("/proc/net/" + table) as f:
            if any(line.split()[1].endswith(":%04X" % port)
                   for line in f.readlines()[1:]):
                return
        time.sleep(0.05)


def connect_retry(port, tries=50):
    for _ in range(tries):
        try:
            return socket.create_connection(("127.0.0.1", port), 5)
        except ConnectionRefusedError:
            time.sleep(0.05)
    raise ConnectionRefusedError(port)


# ---------------------------------------------------------------- nc


def test_nc_args():
    for name, args, want in [
            ("nc-usage", ["-Z"], b"usage: nc"),
            ("nc-badport", ["127.0.0.1", "70000"],
             b"nc: 70000: not a port number (1-65535)"),
            ("nc-listen-noport", ["-l"], b"usage: nc"),
            ("nc-badwait", ["-w", "x", "127.0.0.1", "1"],
             b"nc: -w x: not a number of seconds")]:
        p = subprocess.run([cmd("nc")] + args, capture_output=True,
                           timeout=10)
        report(name, p.returncode == 2 and want in p.stderr,
               f"status {p.returncode}, stderr {p.stderr!r}")
    port = free_port()
    p = subprocess.run([cmd("nc"), "127.0.0.1", str(port)],
                       capture_output=True, timeout=10)
    report("nc-refused", p.returncode == 1 and
           b"Connection refused" in p.stderr,
           f"status {p.returncode}, stderr {p.stderr!r}")
    p = subprocess.run([cmd("nc"), "nosuch.invalid", "80"],
                       capture_output=True, timeout=10)
    report("nc-unknown-host", p.returncode == 1 and
           b"nc: nosuch.invalid: unknown host" in p.stderr,
           f"status {p.returncode}, stderr {p.stderr!r}")


def test_nc_shutdown():
    """-N: the peer reads end of file when nc's input ends, and nc
    still prints what the peer sends after it."""
    s, port = listener()
    p = subprocess.Popen([cmd("nc"), "-N", "127.0.0.1", str(port)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    conn, _ = s.accept()
    p.stdin.write(b"request\n")
    p.stdin.close()
    got = read_all(conn)
    conn.sendall(b"answer after EOF\n")
    conn.close()
    out = p.stdout.read()
    p.wait(timeout=10)
    report("nc-N-eof", got == b"request\n", f"peer read {got!r}")
    report("nc-N-reply", out == b"answer after EOF\n" and
           p.returncode == 0, f"status {p.returncode}, out {out!r}")
    s.close()


def test_nc_no_shutdown():
    """Without -N the peer sees no end of file; nc ends when the peer
    closes."""
    s, port = listener()
    p = subprocess.Popen([cmd("nc"), "127.0.0.1", str(port)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    conn, _ = s.accept()
    p.stdin.write(b"data")
    p.stdin.close()
    got = read_all(conn, timeout=1)  # None: no EOF within 1 s
    conn.sendall(b"bye")
    conn.close()
    out = p.stdout.read()
    p.wait(timeout=10)
    report("nc-noN-no-eof", got is None, f"peer read {got!r} to EOF")
    report("nc-noN-ends", out == b"bye" and p.returncode == 0,
           f"status {p.returncode}, out {out!r}")
    s.close()


def test_nc_binary():
    """4 MiB of random bytes from a connecting nc to a listening one."""
    data = random.Random(19).randbytes(4 << 20)
    port = free_port()
    with tempfile.TemporaryFile() as inp, tempfile.TemporaryFile() as out:
        inp.write(data)
        inp.seek(0)
        srv = subprocess.Popen([cmd("nc"), "-l", "-p", str(port)],
                               stdin=subprocess.PIPE, stdout=out)
        wait_bound(port)
        t = time.monotonic()
        cli = subprocess.run([cmd("nc"), "-N", "127.0.0.1", str(port)],
                             stdin=inp, timeout=60)
        srv.wait(timeout=60)
        secs = time.monotonic() - t
        srv.stdin.close()
        out.seek(0)
        got = out.read()
    report("nc-4MiB", got == data and cli.returncode == 0 and
           srv.returncode == 0,
           f"{len(got)} bytes, same={got == data}, status "
           f"{cli.returncode}/{srv.returncode}")
    print(f"     4 MiB through nc on the host: {secs:.2f} s")


def test_nc_listen_ends():
    """A listening nc ends at its peer's end of file though its own
    input is still open; -v names the peer."""
    port = free_port()
    srv = subprocess.Popen([cmd("nc"), "-v", "-l", str(port)],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    c = connect_retry(port)
    c.sendall(b"to the listener")
    c.shutdown(socket.SHUT_WR)
    try:
        out, err = srv.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        srv.kill()
        out, err = srv.communicate()
    c.close()
    report("nc-l-ends", out == b"to the listener" and srv.returncode == 0,
           f"status {srv.returncode}, out {out!r}")
    report("nc-l-verbose", b"connection from 127.0.0.1 port" in err and
           b"listening on 0.0.0.0 port %d" % port in err, f"{err!r}")


def test_nc_udp():
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    u.settimeout(10)
    port = u.getsockname()[1]
    p = subprocess.Popen([cmd("nc"), "-u", "-w", "1", "127.0.0.1",
                          str(port)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE)
    p.stdin.write(b"ping over udp\n")
    p.stdin.flush()
    got, peer = u.recvfrom(2048)
    u.sendto(b"pong over udp\n", peer)
    p.stdin.close()
    out = p.stdout.read()
    p.wait(timeout=10)
    report("nc-udp", got == b"ping over udp\n" and
           out == b"pong over udp\n" and p.returncode == 0,
           f"got {got!r}, out {out!r}, status {p.returncode}")
    # -u -l: the first datagram's sender becomes the peer.
    port = free_port(socket.SOCK_DGRAM)
    srv = subprocess.Popen([cmd("nc"), "-u", "-l", "-w", "1", "-p",
                            str(port)], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE)
    wait_bound(port, "udp")
    u.sendto(b"first\n", ("127.0.0.1", port))
    srv.stdin.write(b"back\n")
    srv.stdin.close()
    try:
        back, _ = u.recvfrom(2048)
    except socket.timeout:
        back = None
    out = srv.stdout.read()
    srv.wait(timeout=10)
    report("nc-udp-listen", out == b"first\n" and back == b"back\n",
           f"out {out!r}, back {back!r}")
    u.close()


# ---------------------------------------------------------------- httpd


def http(port, request):
    c = connect_retry(port)
    c.sendall(request)
    c.shutdown(socket.SHUT_WR)
    reply = read_all(c) or b""
    c.close()
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    headers = dict(x.split(b": ", 1) for x in lines[1:] if b": " in x)
    return lines[0], headers, body


def test_httpd():
    root = tempfile.mkdtemp(prefix="samsara-www-")
    os.mkdir(os.path.join(root, "sub"))
    page = b"<p>index of sub</p>\n"
    blob = random.Random(7).randbytes(100000)
    for name, data in [("hello.txt", b"hello, world\n"),
                       ("sub/index.html", page), ("blob.png", blob)]:
        with open(os.path.join(root, name), "wb") as f:
            f.write(data)
    port = free_port()
    log = tempfile.TemporaryFile()
    srv = subprocess.Popen([cmd("httpd"), "-p", str(port), "-r", root,
                            "-n", "4"], stdout=log, stderr=subprocess.PIPE)
    try:
        httpd_cases(port, blob, page)
        # The idle client's child logs once it has read the close: wait
        # for its line (the 14th) before the server goes.
        end = time.monotonic() + 10
        while time.monotonic() < end:
            log.seek(0)
            if len(log.read().decode().splitlines()) >= 14:
                break
            time.sleep(0.1)
    finally:
        srv.kill()
        srv.wait()
    log.seek(0)
    lines = log.read().decode().splitlines()
    want = ["127.0.0.1 GET /hello.txt 200 13",
            "127.0.0.1 HEAD /hello.txt 200 0",
            "127.0.0.1 GET /blob.png 200 100000",
            "127.0.0.1 GET /sub 200 %d" % len(page),
            "127.0.0.1 GET /sub/ 200 %d" % len(page)]
    # 14: the 13 requests above, and the idle client's "- - 400".
    report("httpd-log", lines[:5] == want and len(lines) == 14 and
           lines[-1] == "127.0.0.1 - - 400 0" and
           lines[11].endswith("aaa... 414 96"),
           f"{lines!r}")


def httpd_cases(port, blob, page):
    def check(name, request, status, ctype=None, body=None, length=None,
              extra=None):
        line, headers, got = http(port, request)
        why = []
        if not line.endswith(status):
            why.append(f"status line {line!r}")
        if ctype and headers.get(b"Content-Type") != ctype:
            why.append(f"type {headers.get(b'Content-Type')!r}")
        n = length if length is not None else (
            len(body) if body is not None else None)
        if n is not None and headers.get(b"Content-Length") != b"%d" % n:
            why.append(f"length {headers.get(b'Content-Length')!r}")
        if body is not None and got != body:
            why.append(f"body {got[:80]!r}")
        if headers.get(b"Connection") != b"close":
            why.append("no Connection: close")
        for k, v in (extra or {}).items():
            if headers.get(k) != v:
                why.append(f"{k!r}: {headers.get(k)!r}")
        report(name, not why, "; ".join(why))

    check("httpd-get", b"GET /hello.txt HTTP/1.0\r\n\r\n", b"200 OK",
          b"text/plain", b"hello, world\n")
    check("httpd-head", b"HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n",
          b"200 OK", b"text/plain", b"", 13)
    check("httpd-binary", b"GET /blob.png HTTP/1.1\r\n\r\n", b"200 OK",
          b"image/png", blob)
    check("httpd-dir", b"GET /sub HTTP/1.0\r\n\r\n", b"200 OK",
          b"text/html", page)
    check("httpd-dir-slash", b"GET /sub/ HTTP/1.0\r\n\r\n", b"200 OK",
          b"text/html", page)
    check("httpd-404", b"GET /nope HTTP/1.0\r\n\r\n", b"404 Not Found",
          b"text/html")
    check("httpd-dotdot", b"GET /../../etc/passwd HTTP/1.0\r\n\r\n",
          b"403 Forbidden")
    check("httpd-dotdot-escaped", b"GET /sub/%2E%2e/x HTTP/1.0\r\n\r\n",
          b"403 Forbidden")
    check("httpd-405", b"POST /hello.txt HTTP/1.0\r\n\r\n",
          b"405 Method Not Allowed", extra={b"Allow": b"GET, HEAD"})
    check("httpd-400", b"GET /hello.txt\r\n\r\n", b"400 Bad Request")
    check("httpd-400-version", b"GET / HTTP/2.0\r\n\r\n",
          b"400 Bad Request")
    check("httpd-414", b"GET /" + b"a" * 2000 + b" HTTP/1.0\r\n\r\n",
          b"414 URI Too Long")
    # One client holds a connection without a request; another is
    # served meanwhile.
    idle = connect_retry(port)
    t = time.monotonic()
    line, _, _ = http(port, b"GET /hello.txt HTTP/1.0\r\n\r\n")
    report("httpd-concurrent", line.endswith(b"200 OK") and
           time.monotonic() - t < 2, f"{line!r}")
    idle.close()


def test_httpd_args():
    for name, args, want, rc in [
            ("httpd-usage", ["-Z"], b"usage: httpd", 2),
            ("httpd-badport", ["-p", "0"], b"httpd: -p 0: not a port", 2),
            ("httpd-badmax", ["-n", "x"], b"httpd: -n x: give a number", 2),
            ("httpd-noroot", ["-r", "/nonexistent/www"],
             b"httpd: /nonexistent/www: No such file or directory", 1)]:
        p = subprocess.run([cmd("httpd")] + args, capture_output=True,
                           timeout=10)
        report(name, p.returncode == rc and want in p.stderr,
               f"status {p.returncode}, stderr {p.stderr!r}")


# ---------------------------------------------------------------- ping


def test_ping():
    p = subprocess.run([cmd("ping"), "-c", "0", "127.0.0.1"],
                       capture_output=True, timeout=10)
    report("ping-badcount", p.returncode == 2 and
           b"ping: -c 0: give a count" in p.stderr, f"{p.stderr!r}")
    p = subprocess.run([cmd("ping"), "-c", "2", "-i", "0.2", "127.0.0.1"],
                       capture_output=True, timeout=20)
    if b"permission denied" in p.stderr:  # not root here
        report("ping-refused", p.returncode == 1 and p.stderr ==
               b"ping: permission denied: raw ICMP sockets are for root "
               b"only\n", f"{p.stderr!r}")
        return
    out = p.stdout.decode()
    report("ping-loopback", p.returncode == 0 and
           "2 packets transmitted, 2 received, 0% packet loss" in out and
           out.count("bytes from 127.0.0.1: icmp_seq=") == 2 and
           "rtt min/avg/max = " in out, f"status {p.returncode}: {out!r}")


TESTS = [test_nc_args, test_nc_shutdown, test_nc_no_shutdown,
         test_nc_binary, test_nc_listen_ends, test_nc_udp, test_httpd,
         test_httpd_args, test_ping]


def main():
    global BIN
    if len(sys.argv) != 2:
        print("usage: test_netcmds.py BINDIR", file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    for t in TESTS:
        try:
            t()
        except Exception as e:  # a broken case must not hide the rest
            report(t.__name__, False, f"{type(e).__name__}: {e}")
    return TALLY.summary()


if __name__ == "__main__":
    sys.exit(main())
