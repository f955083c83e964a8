import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CgroupId, Pid } from "../ids";
import { pid } from "../ids";
import { writeFile } from "./files";
import { chargeMemory, unchargeMemory } from "./memory-charge";
import { exitTask, migrateTask } from "./membership";
import { mkdirPath } from "./mkdir-rmdir";
import { forkTask } from "./pids";
import { hostState, rootCtx } from "./testing";
import { ancestors, getCg } from "./tree";
import type { CgroupState } from "./types";

/** A host with three nested cgroups under system.slice to play in. */
function playground(): { state: CgroupState; cgs: CgroupId[] } {
  let state = hostState();
  const ids: CgroupId[] = [];
  for (const path of ["/system.slice/a", "/system.slice/a/b", "/system.slice/c"]) {
    const made = mkdirPath(state, path);
    state = made.state;
    ids.push(made.id);
  }
  const a = ids[0] ?? state.root;
  const w = writeFile(state, a, "cgroup.subtree_control", "+memory +pids", rootCtx());
  return { state: w.ok ? w.value.state : state, cgs: ids.slice(1).concat([state.root]) };
}

const op = fc.oneof(
  fc.record({ k: fc.constant("fork" as const), who: fc.nat(40) }),
  fc.record({ k: fc.constant("exit" as const), who: fc.nat(40) }),
  fc.record({ k: fc.constant("move" as const), who: fc.nat(40), to: fc.nat(2) }),
  fc.record({ k: fc.constant("charge" as const), who: fc.nat(40), kb: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ k: fc.constant("free" as const), who: fc.nat(40), kb: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ k: fc.constant("limit" as const), at: fc.nat(3), file: fc.constantFrom("pids.max", "memory.max"), v: fc.integer({ min: 0, max: 12 }) }),
);

describe("cgroup invariants (property)", () => {
  it("never lets a charge pass a limit on the path, and never lets a counter go negative", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const { state: start, cgs } = playground();
      let s = start;
      const live: Pid[] = [pid(1000)];
      let nextPid = 5000;
      const pick = (n: number): Pid | undefined => live[n % live.length];
      const limitsHold = (p: Pid, field: "pids" | "memory") => {
        const cg = s.taskCgroup.get(p);
        if (cg === undefined) return;
        for (const a of ancestors(s, cg)) {
          if (field === "pids") expect(a.nrTasks).toBeLessThanOrEqual(a.pids.max);
          else expect(a.memory.current).toBeLessThanOrEqual(a.memory.max);
        }
      };
      for (const o of ops) {
        const who = "who" in o ? pick(o.who) : undefined;
        if (o.k === "fork" && who !== undefined) {
          const child = pid(nextPid++);
          const r = forkTask(s, who, child);
          if (r.ok) { s = r.value.state; live.push(child); limitsHold(child, "pids"); } else s = r.error.state;
        } else if (o.k === "exit" && who !== undefined && live.length > 1) {
          s = exitTask(s, who).state;
          live.splice(live.indexOf(who), 1);
        } else if (o.k === "move" && who !== undefined) {
          const to = cgs[o.to] ?? s.root;
          if (getCg(s, to).subtreeControl === 0 || to === s.root) s = migrateTask(s, who, to).state;
        } else if (o.k === "charge" && who !== undefined) {
          const r = chargeMemory(s, who, o.kb * 1024);
          if (r.ok) { s = r.value; limitsHold(who, "memory"); } else s = r.error.state;
        } else if (o.k === "free" && who !== undefined) {
          s = unchargeMemory(s, who, o.kb * 1024);
        } else if (o.k === "limit") {
          const at = [...cgs, cgs[0]][o.at] ?? s.root;
          const v = o.file === "pids.max" ? String(o.v) : `${o.v}M`;
          const w = writeFile(s, at, o.file, v, rootCtx());
          if (w.ok) s = w.value.state;
        }
      }
      for (const cg of s.cgroups.values()) {
        expect(cg.nrTasks).toBeGreaterThanOrEqual(0);
        expect(cg.memory.current).toBeGreaterThanOrEqual(0);
        expect(cg.nrTasks).toBe([...s.taskCgroup.values()].filter((c) => ancestors(s, c).some((a) => a.id === cg.id)).length);
      }
    }), { numRuns: 150 });
  });
});

describe("scale", () => {
  it("shares every record a fork does not touch (no O(n) copying per operation)", () => {
    const { state, cgs } = playground();
    const before = migrateTask(state, pid(1000), cgs[0] ?? state.root).state;
    const r = forkTask(before, pid(1000), pid(7000));
    if (!r.ok) throw new Error("fork refused");
    const after = r.value.state;
    const touched = new Set(ancestors(after, cgs[0] ?? after.root).map((c) => c.id));
    for (const [id, cg] of before.cgroups) if (!touched.has(id)) expect(after.cgroups.get(id)).toBe(cg);
    expect(after.memCharges).toBe(before.memCharges);
    expect(after.v1).toBe(before.v1);
  });

  it("forks 10,000 processes and charges each (a loose bound: the CI machine is shared)", () => {
    const { state, cgs } = playground();
    let s = migrateTask(state, pid(1000), cgs[0] ?? state.root).state;
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const r = forkTask(s, pid(1000), pid(10_000 + i));
      if (!r.ok) throw new Error("fork refused");
      const c = chargeMemory(r.value.state, pid(10_000 + i), 4096);
      if (!c.ok) throw new Error("charge refused");
      s = c.value;
    }
    expect(getCg(s, cgs[0] ?? s.root).nrTasks).toBe(10_001);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});
