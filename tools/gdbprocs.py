# SPDX-License-Identifier: BSD-2-Clause
"""gdb command `procs`: who waits for whom in a stopped Samsara guest.

Load it into a gdb that has the kernel's symbols and is attached to
QEMU's gdb stub (`make qemu-gdb` writes build/gdbinit, which sources
this file; any boot can get a stub with `-gdb tcp:127.0.0.1:PORT`):

    gdb -batch -x build/gdbinit -ex 'target remote 127.0.0.1:PORT' -ex procs

For every live slot of the kernel's proc_table it prints one line: the
name and endpoint, the run state (kernel/proc.h's RTS_ bits), what the
process waits for -- SEND to whom, RECEIVE from whom, and whether it is
in SENDREC (only the reply ends it) -- the queue of processes blocked
sending to it, its pending notifications, the tick of its alarm (a
server that answers later, as PM does a sleep, has one), its queue
(now/base) and the ticks left of its quantum, and its user eip.  A second
line gives the first words of its user stack, for addr2line against
the program's ELF (return addresses stand out as 0x0804....).  A hang
shows as a chain that ends in a process nobody will wake: a receiver
whose sender is itself receiving, say.

User memory is read through the process's own page directory and the
kernel's direct map of physical memory (KERNEL_BASE), so it works
whichever address space the CPU happened to be in.
"""
import gdb

KERNEL_BASE = 0xC0000000
RTS_BITS = [(0x01, "FREE"), (0x02, "SENDING"), (0x04, "RECEIVING"),
            (0x08, "STOPPED"), (0x10, "ZOMBIE"), (0x20, "INIT")]
SPECIAL = {-1: "HARDWARE", -2: "CLOCK", -3: "SYSTEM", 0x7ffffff0: "ANY",
           0x7ffffff1: "NONE", 0x7ffffff2: "SELF"}
STACK_WORDS = 24


def read32(addr):
    mem = gdb.selected_inferior().read_memory(addr, 4)
    return int.from_bytes(bytes(mem), "little")


def user_phys(pd, va):
    """The physical address of user address va in page directory pd, or
    None if it is not mapped."""
    pde = read32(KERNEL_BASE + pd + (va >> 22) * 4)
    if not pde & 1:
        return None
    if pde & 0x80:  # a 4 MiB page
        return (pde & 0xffc00000) + (va & 0x3fffff)
    pte = read32(KERNEL_BASE + (pde & 0xfffff000) + ((va >> 12) & 0x3ff) * 4)
    if not pte & 1:
        return None
    return (pte & 0xfffff000) + (va & 0xfff)


def rts_text(rts):
    names = [n for bit, n in RTS_BITS if rts & bit]
    return "|".join(names) if names else "RUNNABLE"


class Procs(gdb.Command):
    """List the live processes: state, what each waits for, its callers."""

    def __init__(self):
        super().__init__("procs", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        table = gdb.parse_and_eval("proc_table")
        n = int(gdb.parse_and_eval("sizeof(proc_table)/sizeof(proc_table[0])"))
        words = int(gdb.parse_and_eval("sizeof(proc_table[0].notify_procs)"
                                       "/sizeof(proc_table[0].notify_procs[0])"))
        live = [table[i] for i in range(n) if not int(table[i]["rts"]) & 1]
        by_ep = {int(p["ep"]): p["name"].string() for p in live}

        def name(ep):
            if ep in SPECIAL:
                return SPECIAL[ep]
            return "%s(%d)" % (by_ep.get(ep, "dead"), ep)

        current = gdb.parse_and_eval("current")
        print("clock_ticks %d, running: %s" % (
            int(gdb.parse_and_eval("clock_ticks")),
            current.dereference()["name"].string() if int(current) else
            "nobody (idle)"))
        for p in live:
            rts = int(p["rts"])
            waits = []
            if rts & 0x02:
                waits.append("send to " + name(int(p["sendto"])))
            if rts & 0x04:
                waits.append("%s from %s" % (
                    "SENDREC reply" if bool(p["reply_pend"]) else "receive",
                    name(int(p["getfrom"]))))
            callers, c = [], p["callers"]
            while int(c) and len(callers) < n:
                callers.append(name(int(c.dereference()["ep"])))
                c = c.dereference()["q_next"]
            pending = [name(int(table[s]["ep"])) for s in range(n)
                       if s // 32 < words and
                       int(p["notify_procs"][s // 32]) >> (s % 32) & 1]
            kernel = int(p["notify_kernel"])
            pending += [SPECIAL[-k - 1] for k in range(3) if kernel >> k & 1]
            alarm = int(p["alarm_at"])
            regs, pd = p["regs"], int(p["pd"])
            print("%-10s ep %-6d %-18s %-34s callers [%s] notify [%s] "
                  "alarm %s prio %d/%d left %d eip 0x%08x" % (
                      p["name"].string(), int(p["ep"]), rts_text(rts),
                      ", ".join(waits) or "-", " ".join(callers),
                      " ".join(pending), alarm if alarm else "-",
                      int(p["prio"]), int(p["base_prio"]),
                      int(p["ticks_left"]), int(regs["eip"])))
            stack, esp = [], int(regs["esp"])
            for k in range(STACK_WORDS):
                pa = user_phys(pd, esp + 4 * k)
                if pa is None:
                    break
                stack.append("%x" % read32(KERNEL_BASE + pa))
            print("           stack at 0x%08x: %s" % (esp, " ".join(stack)))


Procs()
