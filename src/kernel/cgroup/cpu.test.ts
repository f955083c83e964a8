import { describe, expect, it } from "vitest";
import { pid } from "../ids";
import type { Pid } from "../ids";
import { accountCpu, waterFill } from "./cpu-share";
import { mkdirPath } from "./mkdir-rmdir";
import { attachTask } from "./membership";
import { hostState, readCg, withContainer, writeCg } from "./testing";
import type { CgroupState } from "./types";

const read = readCg;
const set = writeCg;

/** Runs busy tasks for `usec` in 1 ms ticks; returns the state and each task's total CPU time. */
function runBusy(state: CgroupState, pids: readonly Pid[], usec: number, start = 0) {
  let s = state;
  const total = new Map<Pid, number>();
  for (let t = start; t < start + usec; t += 1000) {
    const r = accountCpu(s, { nowUsec: t, tickUsec: 1000, tasks: pids.map((p) => ({ pid: p, demandUsec: 1000 })) });
    s = r.state;
    for (const [p, g] of r.granted) total.set(p, (total.get(p) ?? 0) + g);
  }
  return { state: s, total };
}

describe("cpu.max bandwidth", () => {
  it("[transcript 08] --cpus 0.5: a busy loop gets half of each 100 ms period and is throttled in each", () => {
    const { state, ctr } = withContainer(hostState(), [pid(4000)]);
    const limited = set(state, ctr, "cpu.max", "50000 100000");
    const { state: after, total } = runBusy(limited, [pid(4000)], 1_000_000);
    expect(total.get(pid(4000))).toBe(500_000);
    expect(read(after, ctr, "cpu.stat")).toBe([
      "usage_usec 500000", "user_usec 500000", "system_usec 0", "nice_usec 0", "nr_periods 10", "nr_throttled 10",
      "throttled_usec 500000", "nr_bursts 0", "burst_usec 0", "",
    ].join("\n"));
    const three = runBusy(limited, [pid(4000)], 3_000_000).state;
    expect(read(three, ctr, "cpu.stat")).toContain("nr_periods 30\nnr_throttled 30\n");
  });

  it("counts the quota across CPUs: --cpus 1.5 lets three busy tasks use 1.5 CPUs, unthrottled ones 3", () => {
    const { state, ctr } = withContainer(hostState(), [pid(1), pid(2), pid(3)].map((p) => pid(p + 4000)));
    const tasks = [pid(4001), pid(4002), pid(4003)];
    const limited = set(state, ctr, "cpu.max", "150000 100000");
    const sum = (m: Map<Pid, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(runBusy(limited, tasks, 1_000_000).total)).toBe(1_500_000);
    expect(sum(runBusy(state, tasks, 1_000_000).total)).toBe(3_000_000);
  });

  it("does not throttle a group that stays under its quota", () => {
    const { state, ctr } = withContainer(hostState(), [pid(4000)]);
    const limited = set(state, ctr, "cpu.max", "50000 100000");
    let s = limited;
    for (let t = 0; t < 1_000_000; t += 1000) {
      s = accountCpu(s, { nowUsec: t, tickUsec: 1000, tasks: [{ pid: pid(4000), demandUsec: 200, systemFraction: 0.25 }] }).state;
    }
    expect(read(s, ctr, "cpu.stat")).toBe([
      "usage_usec 200000", "user_usec 150000", "system_usec 50000", "nice_usec 0", "nr_periods 10", "nr_throttled 0",
      "throttled_usec 0", "nr_bursts 0", "burst_usec 0", "",
    ].join("\n"));
  });
});

describe("cpu.weight under contention", () => {
  it("shares 4 CPUs 1:3 between two busy groups of weight 100 and 300, and all usage reaches the root", () => {
    let s = hostState();
    const a = mkdirPath(s, "/system.slice/a.scope");
    s = a.state;
    const b = mkdirPath(s, "/system.slice/b.scope");
    s = b.state;
    const inA = [10, 11, 12, 13].map(pid);
    const inB = [20, 21, 22, 23].map(pid);
    for (const p of inA) s = attachTask(s, p, a.id);
    for (const p of inB) s = attachTask(s, p, b.id);
    s = set(s, b.id, "cpu.weight", "300");
    const { state: after, total } = runBusy(s, [...inA, ...inB], 100_000);
    const sum = (ps: Pid[]) => ps.reduce((n, p) => n + (total.get(p) ?? 0), 0);
    expect(sum(inA)).toBe(100_000);
    expect(sum(inB)).toBe(300_000);
    expect(read(after, after.root, "cpu.stat").split("\n")[0]).toBe("usage_usec 400000");
  });

  it("gives an idle competitor's share to the busy group (work-conserving)", () => {
    expect(waterFill(4000, [{ weight: 1024, cap: 1000 }, { weight: 1024, cap: 4000 }])).toEqual([1000, 3000]);
    expect(waterFill(3000, [{ weight: 1, cap: 3000 }, { weight: 3, cap: 3000 }])).toEqual([750, 2250]);
  });
});
