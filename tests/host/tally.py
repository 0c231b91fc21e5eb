# SPDX-License-Identifier: BSD-2-Clause
"""The PASS/FAIL lines of the host test scripts and their count.

    t = Tally("cmd")
    t.report("echo-words", ok, why)   # PASS: cmd/echo-words, or FAIL: ...
    sys.exit(t.summary())             # "N passed, N failed"; 1 on failure

tests/run.py reads the PASS/FAIL lines.
"""


class Tally:
    def __init__(self, prefix):
        self.prefix = prefix
        self.passes = 0
        self.failures = 0

    def report(self, name, ok, why=""):
        if ok:
            self.passes += 1
            print(f"PASS: {self.prefix}/{name}", flush=True)
        else:
            self.failures += 1
            print(f"FAIL: {self.prefix}/{name}: {why}", flush=True)

    def summary(self):
        print(f"{self.passes} passed, {self.failures} failed")
        return 1 if self.failures else 0
