import { describe, expect, it } from "vitest";
import { mkdirCgroup } from "../cgroup/mkdir-rmdir";
import { migrateTask } from "../cgroup/membership";
import { readFile, writeFile } from "../cgroup/files";
import { lookupPath } from "../cgroup/tree";
import type { CgroupId, Pid } from "../ids";
import { putTask } from "../state";
import { KernelHarness } from "../testing";
import type { Activity } from "../task/activity";
import { shellStatus } from "../task/signals";
import { advanceTime } from "./advance";

/** A cgroup under system.slice with the given interface files written, holding `pid`. */
function confine(k: KernelHarness, pid: Pid, files: Record<string, string>): CgroupId {
  const parent = lookupPath(k.state.cgroup, "/system.slice")!;
  const made = mkdirCgroup(k.state.cgroup, parent, "docker-test.scope");
  if (!made.ok) throw new Error(made.error);
  let cg = made.value.state;
  for (const [name, text] of Object.entries(files)) {
    const w = writeFile(cg, made.value.id, name, text, { self: pid, resolvePid: () => undefined });
    if (!w.ok) throw new Error(`${name}: ${w.error}`);
    cg = w.value.state;
  }
  k.state = { ...k.state, cgroup: migrateTask(cg, pid, made.value.id).state };
  return made.value.id;
}

const run = (k: KernelHarness, pid: Pid, activity: Activity) => {
  k.state = putTask(k.state, { ...k.task(pid), activity });
};
const cgFile = (k: KernelHarness, id: CgroupId, name: string) => {
  const r = readFile(k.state.cgroup, id, name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("simulated time", () => {
  it("wakes a sleeper once its timer has passed", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    run(k, p, { kind: "sleep", untilNs: k.state.nowNs + 50_000_000 });
    k.state = advanceTime(k.state, 40_000_000);
    expect(k.task(p).activity.kind).toBe("sleep");
    k.state = advanceTime(k.state, 20_000_000);
    expect(k.task(p).activity.kind).toBe("idle");
  });

  it("throttles a CPU burner to cpu.max (--cpus 0.5: half a CPU, every period throttled)", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    const cg = confine(k, p, { "cpu.max": "50000 100000" });
    run(k, p, { kind: "burn" });
    k.state = advanceTime(k.state, 1_000_000_000);
    expect(k.task(p).cpuNs).toBe(500_000_000);
    expect(cgFile(k, cg, "cpu.stat")).toMatch(/^usage_usec 500000\n(.|\n)*nr_periods 10\nnr_throttled 10\nthrottled_usec 500000\n/);
  });

  it("OOM-kills a memory hog at memory.max: SIGKILL (status 137), memory.events, the kernel report", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    const cg = confine(k, p, { "memory.max": String(64 * 1024 * 1024) });
    run(k, p, { kind: "hog", bytesPerSec: 256 * 1024 * 1024 });
    k.state = advanceTime(k.state, 1_000_000_000);
    expect(k.task(p).state).toBe("Z");
    expect(shellStatus(k.task(p).exitStatus ?? 0)).toBe(137);
    expect(cgFile(k, cg, "memory.events")).toContain("oom_kill 1\n");
    const log = k.state.dmesg.map((l) => l.text).toArray();
    expect(log.some((l) => l.startsWith("bash invoked oom-killer: gfp_mask="))).toBe(true);
    expect(log.some((l) => l.startsWith(`Memory cgroup out of memory: Killed process ${p} (bash)`))).toBe(true);
  });

  it("stops a fork bomb at pids.max with EAGAIN, counted in pids.events and logged once", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    const cg = confine(k, p, { "pids.max": "64" });
    run(k, p, { kind: "forkbomb" });
    k.state = advanceTime(k.state, 200_000_000);
    expect(cgFile(k, cg, "pids.current")).toBe("64\n");
    expect(cgFile(k, cg, "pids.events")).toMatch(/^max [1-9]\d*\n$/);
    const log = k.state.dmesg.map((l) => l.text).toArray().filter((l) => l.includes("fork rejected"));
    expect(log).toEqual(["cgroup: fork rejected by pids controller in /system.slice/docker-test.scope"]);
  });
});
