# SPDX-License-Identifier: BSD-2-Clause
"""A host on the far side of a QEMU socket netdev, written for the tests.

QEMU's `-netdev socket,listen=127.0.0.1:PORT` carries Ethernet frames
over one TCP connection, each as a 4-byte big-endian length and the
frame (no CRC).  EthPeer connects to it and is a small IPv4 host on that
wire: it answers ARP for every address of its /24 except the guest's
(so spoofed sources are reachable), ICMP echo requests to its own
address, and UDP datagrams to port 7 (echo) from anyone, and it hands
every other frame to whoever waits for one (recv).  It can also send
any frame at all, which is what the hostile-frame tests need; the
builders below make well-formed packets and take the knobs that break
them (a wrong checksum, a wrong length, fragment offsets).

Nothing here routes: all traffic stays on the QEMU wire on 127.0.0.1.
"""
import queue
import socket
import struct
import threading
import time

ETH_IP = 0x0800
ETH_ARP = 0x0806
BROADCAST = b"\xff" * 6


def ip_bytes(dotted):
    return socket.inet_aton(dotted)


def checksum(data):
    """The Internet checksum (RFC 1071) of data."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def eth(dst, src, etype, payload):
    return dst + src + struct.pack("!H", etype) + payload


def ipv4(src, dst, proto, payload, ident=1, frag=0, mf=False, ttl=64,
         bad_sum=False, total=None, ihl=5, version=4):
    """An IPv4 packet: frag is the offset in 8-byte units; total and ihl
    override the header's length fields (to lie about them)."""
    flags = (0x2000 if mf else 0) | frag
    tot = total if total is not None else 20 + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", version << 4 | ihl, 0, tot & 0xffff,
                    ident & 0xffff, flags, ttl, proto, 0, ip_bytes(src),
                    ip_bytes(dst))
    s = checksum(h) ^ (0xffff if bad_sum else 0)
    return h[:10] + struct.pack("!H", s) + h[12:] + payload


def pseudo_sum(src, dst, proto, seg):
    return checksum(ip_bytes(src) + ip_bytes(dst) +
                    struct.pack("!BBH", 0, proto, len(seg)) + seg)


def udp(src, dst, sport, dport, data, bad_sum=False):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    s = pseudo_sum(src, dst, 17, seg) ^ (0x5555 if bad_sum else 0)
    return seg[:6] + struct.pack("!H", s or 0xffff) + seg[8:]


TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK = 1, 2, 4, 8, 16


def tcp(src, dst, sport, dport, seq, ack, flags, data=b"", win=65535,
        bad_sum=False):
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xffffffff,
                      ack & 0xffffffff, 5 << 4, flags, win, 0, 0) + data
    s = pseudo_sum(src, dst, 6, seg) ^ (0x5555 if bad_sum else 0)
    return seg[:16] + struct.pack("!H", s) + seg[18:]


def icmp_echo(ident, seq, data, reply=False, bad_sum=False):
    h = struct.pack("!BBHHH", 0 if reply else 8, 0, 0, ident, seq) + data
    s = checksum(h) ^ (0x5555 if bad_sum else 0)
    return h[:2] + struct.pack("!H", s) + h[4:]


def parse_ipv4(frame):
    """(header fields, payload) of an IPv4 frame, or None."""
    if len(frame) < 34 or struct.unpack("!H", frame[12:14])[0] != ETH_IP:
        return None
    ip = frame[14:]
    ihl = (ip[0] & 15) * 4
    tot = struct.unpack("!H", ip[2:4])[0]
    if ip[0] >> 4 != 4 or ihl < 20 or tot < ihl or tot > len(ip):
        return None
    return {"proto": ip[9], "src": socket.inet_ntoa(ip[12:16]),
            "dst": socket.inet_ntoa(ip[16:20]), "ttl": ip[8]}, ip[ihl:tot]


class EthPeer:
    """Connects to QEMU's socket netdev at 127.0.0.1:port."""

    def __init__(self, port, mac, ip, guest_ip, timeout=30):
        self.mac = mac
        self.ip = ip
        self.guest_ip = guest_ip
        self.net = ip.rsplit(".", 1)[0] + "."
        self.frames = queue.Queue()
        self.guest_mac = None
        self.udp_echoed = 0
        self.pings_answered = 0
        self.lock = threading.Lock()
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), 5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.sock.settimeout(None)
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def close(self):
        self.closed = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def send(self, frame):
        with self.lock:
            self.sock.sendall(struct.pack("!I", len(frame)) + frame)

    def send_ip(self, packet, dst_mac=None):
        self.send(eth(dst_mac or self.guest_mac or BROADCAST, self.mac,
                      ETH_IP, packet))

    def recv(self, timeout):
        """The next frame the peer did not answer itself, or None."""
        try:
            return self.frames.get(timeout=timeout)
        except queue.Empty:
            return None

    def drain(self):
        while not self.frames.empty():
            self.frames.get_nowait()

    def _read_exact(self, n):
        b = b""
        while len(b) < n:
            chunk = self.sock.recv(n - len(b))
            if not chunk:
                raise EOFError
            b += chunk
        return b

    def _read(self):
        try:
            while not self.closed:
                n = struct.unpack("!I", self._read_exact(4))[0]
                frame = self._read_exact(n)
                if not self._answer(frame):
                    self.frames.put(frame)
        except (EOFError, OSError):
            return

    def _ours(self, ip):
        return ip.startswith(self.net) and ip != self.guest_ip

    def _answer(self, frame):
        """Answers ARP, echo requests and UDP echo: True if it did."""
        if len(frame) < 14:
            return False
        etype = struct.unpack("!H", frame[12:14])[0]
        if etype == ETH_ARP and len(frame) >= 42:
            op = struct.unpack("!H", frame[20:22])[0]
            sha, spa, tpa = frame[22:28], frame[28:32], frame[38:42]
            if socket.inet_ntoa(spa) == self.guest_ip:
                self.guest_mac = sha
            if op == 1 and self._ours(socket.inet_ntoa(tpa)):
                self.send(eth(sha, self.mac, ETH_ARP, struct.pack(
                    "!HHBBH6s4s6s4s", 1, ETH_IP, 6, 4, 2, self.mac, tpa,
                    sha, spa)))
            return True
        p = parse_ipv4(frame)
        if not p:
            return False
        h, payload = p
        self.guest_mac = frame[6:12] if h["src"] == self.guest_ip else \
            self.guest_mac
        if h["dst"] == self.ip and h["proto"] == 1 and len(payload) >= 8 \
                and payload[0] == 8:
            ident, seq = struct.unpack("!HH", payload[4:8])
            self.send_ip(ipv4(self.ip, h["src"], 1, icmp_echo(
                ident, seq, payload[8:], reply=True)), frame[6:12])
            self.pings_answered += 1
            return True
        if self._ours(h["dst"]) and h["proto"] == 17 and len(payload) >= 8:
            sport, dport = struct.unpack("!HH", payload[:4])
            if dport == 7:
                self.send_ip(ipv4(h["dst"], h["src"], 17, udp(
                    h["dst"], h["src"], 7, sport, payload[8:])), frame[6:12])
                self.udp_echoed += 1
                return True
        return False

    def wait_for(self, match, timeout):
        """The first frame match(frame) accepts, within timeout; others
        are dropped.  None if none came."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return None
            f = self.recv(left)
            if f is not None and match(f):
                return f

    def udp_request(self, sport, dport, data, timeout=3, src=None):
        """A datagram to the guest; the payload of its answer to sport
        (from dport), or None."""
        src = src or self.ip
        self.send_ip(ipv4(src, self.guest_ip, 17,
                          udp(src, self.guest_ip, sport, dport, data)))

        def answer(f):
            p = parse_ipv4(f)
            return p and p[0]["proto"] == 17 and p[0]["dst"] == src and \
                struct.unpack("!HH", p[1][:4]) == (dport, sport)
        f = self.wait_for(answer, timeout)
        return parse_ipv4(f)[1][8:] if f else None

    def ping(self, ident, seq, data=b"samsara", timeout=3):
        """An echo request to the guest: True if it answered."""
        self.send_ip(ipv4(self.ip, self.guest_ip, 1,
                          icmp_echo(ident, seq, data)))

        def answer(f):
            p = parse_ipv4(f)
            return p and p[0]["proto"] == 1 and p[1][:1] == b"\0" and \
                struct.unpack("!HH", p[1][4:8]) == (ident, seq) and \
                p[1][8:] == data
        return self.wait_for(answer, timeout) is not None

    def tcp_exchange(self, sport, dport, data, timeout=10):
        """A whole TCP connection to the guest: handshake, data (at most
        one segment), the guest's answer read until it has sent as many
        bytes, FIN both ways.  The answer, or None with no handshake."""
        src, dst = self.ip, self.guest_ip
        isn = 1000

        def seg(f):
            p = parse_ipv4(f)
            if not p or p[0]["proto"] != 6 or p[0]["src"] != dst:
                return None
            t = p[1]
            if struct.unpack("!HH", t[:4]) != (dport, sport):
                return None
            seq, ack = struct.unpack("!II", t[4:12])
            off = (t[12] >> 4) * 4
            return seq, ack, t[13], t[off:]
        self.send_ip(ipv4(src, dst, 6, tcp(src, dst, sport, dport, isn, 0,
                                           TCP_SYN)))
        f = self.wait_for(lambda f: (seg(f) or (0, 0, 0))[2] & TCP_SYN,
                          timeout)
        if not f:
            return None
        their, _, _, _ = seg(f)
        rcv = their + 1
        snd = isn + 1
        self.send_ip(ipv4(src, dst, 6, tcp(src, dst, sport, dport, snd, rcv,
                                           TCP_ACK)))
        self.send_ip(ipv4(src, dst, 6, tcp(src, dst, sport, dport, snd, rcv,
                                           TCP_ACK | TCP_PSH, data)))
        snd += len(data)
        got = b""
        end = time.monotonic() + timeout
        while len(got) < len(data) and time.monotonic() < end:
            f = self.wait_for(lambda f: seg(f) is not None,
                              end - time.monotonic())
            if not f:
                break
            seq, _, flags, payload = seg(f)
            if flags & TCP_RST:
                break
            if payload and seq == rcv:
                got += payload
                rcv += len(payload)
                self.send_ip(ipv4(src, dst, 6, tcp(
                    src, dst, sport, dport, snd, rcv, TCP_ACK)))
        self.send_ip(ipv4(src, dst, 6, tcp(src, dst, sport, dport, snd, rcv,
                                           TCP_ACK | TCP_FIN)))
        return got
