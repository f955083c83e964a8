import { describe, expect, it } from "vitest";
import { applyEvent } from "../actor/world-event";
import { mmLayout } from "../procfs/mm-layout";
import { KernelHarness } from "../testing";
import { faultErrorCode, userFault } from "./user-fault";

const SEGFAULT = /^(\S+)\[(\d+)\]: segfault at ([0-9a-f]+) ip ([0-9a-f]{16}) sp ([0-9a-f]{16}) error ([0-9a-f]+) in (\S+)\[([0-9a-f]+),([0-9a-f]+)\+([0-9a-f]+)\] likely on CPU (\d+) \(core \d+, socket 0\)$/;

const crashingChild = (h: KernelHarness) => h.fork(h.shell);

describe("userFault", () => {
  it("a NULL store kills the program with SIGSEGV and logs the real segfault line", () => {
    const h = new KernelHarness();
    const pid = crashingChild(h);
    const before = h.state.dmesg.size;
    h.state = userFault(h.state, pid, 0, "write");
    const task = h.task(pid);
    expect(task.state).toBe("Z");
    // WIFSIGNALED with SIGSEGV (11): what the shell reports as "Segmentation fault", $? = 139.
    expect(task.exitStatus! & 0x7f).toBe(11);
    const line = h.state.dmesg.get(before)!;
    const m = SEGFAULT.exec(line.text);
    expect(m, line.text).not.toBeNull();
    expect(m![1]).toBe(task.comm);
    expect(Number(m![2])).toBe(pid);
    expect(m![3]).toBe("0");
    expect(m![6]).toBe("6"); // user-mode write to an unmapped page
    expect(m![7]).toBe("bash");
    const layout = mmLayout({ ...task, state: "S" })!;
    const ip = parseInt(m![4]!, 16);
    expect(ip).toBeGreaterThanOrEqual(layout.startCode);
    expect(ip).toBeLessThan(layout.endCode);
    expect(parseInt(m![9]!, 16)).toBe(layout.startCode);
  });

  it("allowed accesses do not fault", () => {
    const h = new KernelHarness();
    const pid = crashingChild(h);
    const layout = mmLayout(h.task(pid))!;
    const after = userFault(h.state, pid, layout.startCode + 16, "exec");
    expect(after).toBe(h.state);
  });

  it("a write to read-only text is a protection fault (error 7)", () => {
    const h = new KernelHarness();
    const pid = crashingChild(h);
    const layout = mmLayout(h.task(pid))!;
    h.state = userFault(h.state, pid, layout.startCode, "write");
    expect(h.state.dmesg.last()!.text).toMatch(/ error 7 in bash\[/);
  });

  it("error codes follow the x86 page-fault bits", () => {
    expect(faultErrorCode(undefined, "read")).toBe(4);
    expect(faultErrorCode(undefined, "write")).toBe(6);
    expect(faultErrorCode(undefined, "exec")).toBe(0x14);
  });

  it("kills the init of a PID namespace too (force_sig_fault), which kill(2) from inside cannot", () => {
    const h = new KernelHarness();
    const init = h.fork(h.shell, 0x20000000); // CLONE_NEWPID
    h.state = userFault(h.state, init, 0, "read");
    expect(h.task(init).state).toBe("Z");
  });

  it("debug.exception-trace=0 silences the log line, not the signal", () => {
    const h = new KernelHarness();
    const pid = crashingChild(h);
    const opened = h.call(h.shell, { name: "openat", path: "/proc/sys/debug/exception-trace", flags: 1 });
    if (!opened.result.ok) throw new Error(opened.result.error);
    const written = h.call(h.shell, { name: "write", fd: (opened.result.value as { fd: number }).fd, data: "0\n" });
    expect(written.result.ok).toBe(true);
    const before = h.state.dmesg.size;
    h.state = userFault(h.state, pid, 0, "read");
    expect(h.state.dmesg.size).toBe(before);
    expect(h.task(pid).state).toBe("Z");
  });

  it("is a replayable world event", () => {
    const h = new KernelHarness();
    const pid = crashingChild(h);
    const out = applyEvent(h.state, { type: "task.fault", pid, address: 0x10, access: "read" });
    expect(out.state.tasks.get(pid)!.state).toBe("Z");
  });
});
