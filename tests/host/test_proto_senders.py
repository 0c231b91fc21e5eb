#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""No message of a protocol is filled by hand outside its client library,
and every payload of a protocol is checked against the message size.

Each header in include/proto/ defines its request types as
`#define NAME (BASE + N)`.  A request type may be named only by:
  - its own header;
  - its client library (CLIENTS): the one place that builds and sends
    the request, so ids, grants and retries are written once;
  - the code that serves it (SERVERS): call tables and handlers name the
    types they receive;
  - the programs that forge requests on purpose (FORGERS), to prove the
    servers check every field: a client library cannot send a malformed
    request, so these must write messages themselves.
A name anywhere else is a hand-built message (or a hand-rolled client)
and is reported with its file and line.  Comments are skipped.

Each header's payloads are the members of its unions (x_req, x_rep):
the unions and each struct in them must have MSG_FITS(...) there.

Usage: test_proto_senders.py [REPO]   (exit 1 and a list on a violation)
"""
import os
import re
import subprocess
import sys

CLIENTS = {
    "bdev": ["lib/libsys/bdev.c"],
    "cdev": ["lib/libsys/cdev.c"],
    "fs": ["lib/libsys/fs.c"],
    "vfs": ["lib/libsys/vfs_pm.c", "lib/libc/"],
    "pm": ["lib/libc/"],
    "rs": ["lib/libsys/rs.c", "lib/libsys/sef.c"],
    "ds": ["lib/libsys/ds.c"],
    "pci": ["lib/libsys/pci.c"],
    "ndev": ["lib/libsys/ndev.c"],
    "sock": ["lib/libsys/sock.c"],
}
SERVERS = {
    "bdev": ["lib/libdriver/blockdriver.c"],
    # INET serves its sockets' reads and writes as a character driver
    "cdev": ["lib/libdriver/chardriver.c", "servers/inet/"],
    "fs": ["servers/fs/"],
    "vfs": ["servers/vfs/"],
    "pm": ["servers/pm/"],
    "rs": ["servers/rs/", "lib/libsys/sef.c"],
    "ds": ["servers/ds/"],
    "pci": ["drivers/pci/"],
    "ndev": ["lib/libdriver/netdriver.c", "lib/libdriver/netqueue.c"],
    "sock": ["servers/inet/"],
}
FORGERS = [
    "tests/guest/p_attack.c",  # an ordinary user's forged requests
    "tests/guest/t_fuzz.c",    # random messages to every server
    # feeds lib/libdriver/chardriver.c raw requests and reads its raw
    # replies and news: a test of the server side, below any client
    "tests/unit/test_chardriver.c",
    # plays the block driver to lib/libsys/bdev.c: reads the requests
    # the client library built and answers them, right or wrong
    "tests/unit/test_bdev.c",
    # plays VFS through lib/libsys/fs.c, but checks FS's answer to a
    # lookup whose name grant is not its own: only a raw message says so
    "tests/guest/t_fs.c",
    # the FS client library's host test: it checks the request type
    # each call writes into its message (it sends nothing itself)
    "tests/unit/test_fsclient.c",
    # sends DS requests with malformed keys, values, grants and flags,
    # and a request by SEND without waiting, to prove DS checks them
    "tests/guest/t_ds.c",
    # plays the PCI driver to lib/libsys/pci.c and checks the type of
    # each request the library sends: a test of the client library
    "tests/unit/test_pci.c",
    # joins lib/libsys/ndev.c to lib/libdriver/netqueue.c in one
    # process, and sends the library raw requests the client cannot
    # (another session's number, unknown types)
    "tests/unit/test_netdriver.c",
    # a network driver that answers INET wrongly on purpose (wrong
    # session and type, too many entries, unknown ids, impossible
    # lengths): what no driver library could send
    "tests/guest/p_rogue_nic.c",
]

DEFINE = re.compile(r"^#define\s+([A-Z][A-Z0-9_]*)\s+\(([A-Z]+_BASE)\s*\+")


def request_names(repo):
    names = {}
    pdir = os.path.join(repo, "include/proto")
    for f in sorted(os.listdir(pdir)):
        if not f.endswith(".h"):
            continue
        proto = f[:-2]
        for line in open(os.path.join(pdir, f)):
            m = DEFINE.match(line)
            if m and not m.group(1).endswith("_REPLY"):
                names[m.group(1)] = proto
    return names


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"),
                  text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def allowed(path, proto):
    if path == "include/proto/%s.h" % proto or path in FORGERS:
        return True
    for p in CLIENTS.get(proto, []) + SERVERS.get(proto, []):
        if path == p or (p.endswith("/") and path.startswith(p)):
            return True
    return False


def scan(names, path, text):
    """The violations in one file's text."""
    word = re.compile(r"\b(" + "|".join(sorted(names)) + r")\b")
    bad = []
    for n, line in enumerate(strip_comments(text).split("\n"), 1):
        for m in word.finditer(line):
            if not allowed(path, names[m.group(1)]):
                bad.append("%s:%d: %s (a %s request) outside its "
                           "client library" % (path, n, m.group(1),
                                               names[m.group(1)]))
    return bad


# A hand-built request the check must catch, and uses it must let be.
PLANTED = [
    ("servers/vfs/planted.c", "m.m_type = FS_LOOKUP; /* FS_STAT */", 1),
    ("commands/x/x.c", "q.m_type = RS_DOWN;", 1),
    ("lib/libsys/fs.c", "m.m_type = FS_LOOKUP;", 0),
    ("servers/fs/table.c", "[FS_LOOKUP - FS_BASE] = do_lookup,", 0),
    ("servers/vfs/x.c", "// FS_LOOKUP in a comment\nFS_REPLY", 0),
]


UNION = re.compile(r"^union\s+(\w+)\s*\{(.*?)^\};", re.S | re.M)
MEMBER = re.compile(r"^\s*(struct\s+\w+|int32_t|uint32_t)\s+\w+\s*;", re.M)


def unchecked_payloads(repo):
    """Each protocol's payloads are the members of its unions; every
    union and every struct in one must be checked by MSG_FITS."""
    bad = []
    pdir = os.path.join(repo, "include/proto")
    for f in sorted(os.listdir(pdir)):
        if not f.endswith(".h"):
            continue
        text = strip_comments(open(os.path.join(pdir, f)).read())
        fits = set(re.findall(r"MSG_FITS\((?:struct|union)\s+(\w+)\)", text))
        unions = UNION.findall(text)
        if not unions:
            bad.append("include/proto/%s: no payload union" % f)
        for name, body in unions:
            if name not in fits:
                bad.append("include/proto/%s: union %s without MSG_FITS"
                           % (f, name))
            for t in MEMBER.findall(body):
                if t.startswith("struct") and t.split()[1] not in fits:
                    bad.append("include/proto/%s: %s (in union %s) without "
                               "MSG_FITS" % (f, t, name))
    return sorted(set(bad))


def main():
    repo = sys.argv[1] if len(sys.argv) > 1 else "."
    names = request_names(repo)
    if not names:
        print("no request types found in include/proto/")
        return 1
    payload_bad = unchecked_payloads(repo)
    for b in payload_bad:
        print(b)
    for path, text, want in PLANTED:
        if len(scan(names, path, text)) != want:
            print("the check itself is wrong: %s %r should give %d"
                  % (path, text, want))
            return 1
    files = subprocess.run(["git", "-C", repo, "ls-files", "*.c", "*.h"],
                           capture_output=True, text=True,
                           check=True).stdout.split()
    bad = []
    for path in files:
        bad += scan(names, path, open(os.path.join(repo, path),
                                      errors="replace").read())
    for b in bad:
        print(b)
    print("%d request types in %d protocols; %d hand-built uses"
          % (len(names), len(set(names.values())), len(bad)))
    return 1 if bad or payload_bad else 0


if __name__ == "__main__":
    sys.exit(main())
