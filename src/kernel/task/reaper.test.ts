// Bugs that random worlds (the performance work's differential check) found in exit and kill.
import { describe, expect, it } from "vitest";
import { CLONE_NEWPID } from "../ns/namespace";
import { KernelHarness } from "../testing";

describe("[regression] orphans and group kills across PID namespaces", () => {
  it("hands an orphaned namespace init to the dead parent's reaper, never to itself", () => {
    const h = new KernelHarness();
    const parent = h.fork(h.shell);
    const nsInit = h.fork(parent, CLONE_NEWPID);
    h.call(parent, { name: "exit_group", code: 0 });
    const task = h.task(nsInit);
    expect(task.ppid).not.toBe(nsInit);
    expect(task.ppid).toBe(1);
    // oom_score_adj walks the ancestors: it must end.
    const opened = h.call(h.shell, { name: "openat", path: `/proc/${nsInit}/oom_score_adj`, flags: 0 });
    expect(opened.result.ok).toBe(true);
  });

  it("kills a process group whose namespace init takes the others down first, without throwing", () => {
    const h = new KernelHarness();
    const leader = h.fork(h.shell);
    h.call(leader, { name: "setpgid", pid: 0, pgid: 0 });
    const nsInit = h.fork(leader, CLONE_NEWPID);
    const inside = h.fork(nsInit);
    h.call(inside, { name: "setpgid", pid: 0, pgid: leader });
    const out = h.call(h.shell, { name: "kill", pid: -leader, sig: 9 });
    expect(out.result.ok).toBe(true);
    expect(h.task(nsInit).state).toBe("Z");
  });
});
