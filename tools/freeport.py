#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Print a free TCP port on 127.0.0.1 (for QEMU's gdb stub)."""
import socket

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
