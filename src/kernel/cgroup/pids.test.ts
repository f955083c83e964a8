import { describe, expect, it } from "vitest";
import { pid } from "../ids";
import type { Pid } from "../ids";
import { writeFile } from "./files";
import { emptyCgroupState } from "./host-layout";
import { attachTask, exitTask } from "./membership";
import { mkdirCgroup } from "./mkdir-rmdir";
import { forkTask } from "./pids";
import { readCg, rootCtx } from "./testing";
import type { CgroupEffect, CgroupState } from "./types";
import type { CgroupId } from "../ids";

const read = readCg;

/** `mkdir factsdemo; echo 8 > pids.max; echo $$ > cgroup.procs` with bash as pid 100. */
function factsdemo(limit: string): { state: CgroupState; cg: CgroupId } {
  const empty = emptyCgroupState({ cpus: 2 });
  const enabled = writeFile(empty, empty.root, "cgroup.subtree_control", "+pids", rootCtx());
  if (!enabled.ok) throw new Error(enabled.error);
  const base = attachTask(enabled.value.state, pid(100), empty.root);
  const made = mkdirCgroup(base, base.root, "factsdemo");
  if (!made.ok) throw new Error(made.error);
  let state = made.value.state;
  for (const [f, v] of [["pids.max", limit], ["cgroup.procs", "100"]]) {
    const w = writeFile(state, made.value.id, f ?? "", v ?? "", rootCtx(pid(100)));
    if (!w.ok) throw new Error(w.error);
    state = w.value.state;
  }
  return { state, cg: made.value.id };
}

/** Forks from `parent` `n` times; returns the state, refusals and log lines. */
function forkN(state: CgroupState, parent: Pid, n: number, firstChild: number) {
  let s = state;
  let refused = 0;
  const logs: CgroupEffect[] = [];
  for (let i = 0; i < n; i++) {
    const r = forkTask(s, parent, pid(firstChild + i));
    if (r.ok) s = r.value.state;
    else { s = r.error.state; refused++; logs.push(...r.error.effects); }
  }
  return { state: s, refused, logs };
}

describe("pids.max", () => {
  it("[transcript 06] refuses forks past the limit with EAGAIN and counts pids.events", () => {
    const { state, cg } = factsdemo("8");
    expect(read(state, cg, "pids.max") + read(state, cg, "pids.current") + read(state, cg, "pids.events")).toBe("8\n1\nmax 0\n");
    const first = forkN(state, pid(100), 7, 200);
    expect(first.refused).toBe(0);
    const over = forkTask(first.state, pid(100), pid(300));
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.error.errno).toBe("EAGAIN");
    expect(over.error.limitedBy).toBe(cg);
    expect(over.error.effects).toEqual([{ kind: "log", level: 6, text: "cgroup: fork rejected by pids controller in /factsdemo" }]);
    // bash retries three more times: four refusals, one log line (pids_event() logs only the first).
    const retried = forkN(over.error.state, pid(100), 3, 301);
    expect(retried.logs).toEqual([]);
    let s = retried.state;
    for (let i = 0; i < 7; i++) s = exitTask(s, pid(200 + i)).state;
    s = exitTask(s, pid(100)).state;
    expect(read(s, cg, "pids.current") + read(s, cg, "pids.events") + read(s, cg, "pids.peak")).toBe("0\nmax 4\n8\n");
  });

  it("[forkbomb] holds a fork bomb at pids.max and keeps counting refusals", () => {
    const { state, cg } = factsdemo("30");
    let s = state;
    let next = 1000;
    let refused = 0;
    for (let gen = 0; gen < 10; gen++) {
      for (const parent of [...s.cgroups.get(cg)?.procs ?? []]) {
        const r = forkN(s, parent, 2, next);
        next += 2;
        s = r.state;
        refused += r.refused;
      }
    }
    expect(read(s, cg, "pids.current")).toBe("30\n");
    expect(read(s, cg, "pids.events")).toBe(`max ${refused}\n`);
  });

  it("counts the refusal where the limit is, and logs the forking cgroup (6.14+ pids_event())", () => {
    const { state, cg } = factsdemo("2");
    let s = state;
    const child = mkdirCgroup(s, cg, "leaf");
    if (!child.ok) throw new Error(child.error);
    s = child.value.state;
    for (const [id, f, v] of [[s.root, "cgroup.procs", "100"], [cg, "cgroup.subtree_control", "+pids"], [child.value.id, "cgroup.procs", "100"]] as const) {
      const w = writeFile(s, id, f, v, rootCtx(pid(100)));
      if (!w.ok) throw new Error(`${f}: ${w.error}`);
      s = w.value.state;
    }
    const r = forkN(s, pid(100), 2, 500);
    expect(r.refused).toBe(1);
    expect(r.logs).toEqual([{ kind: "log", level: 6, text: "cgroup: fork rejected by pids controller in /factsdemo/leaf" }]);
    expect(read(r.state, cg, "pids.events") + read(r.state, cg, "pids.events.local")).toBe("max 1\nmax 1\n");
    expect(read(r.state, child.value.id, "pids.events") + read(r.state, child.value.id, "pids.events.local")).toBe("max 0\nmax 0\n");
  });

  it("lets a migration push pids.current over pids.max, and then refuses every fork", () => {
    const { state, cg } = factsdemo("1");
    const s = attachTask(state, pid(7), state.root);
    const moved = writeFile(s, cg, "cgroup.procs", "7", rootCtx());
    if (!moved.ok) throw new Error(moved.error);
    expect(read(moved.value.state, cg, "pids.current")).toBe("2\n");
    expect(forkTask(moved.value.state, pid(7), pid(8)).ok).toBe(false);
  });
});
