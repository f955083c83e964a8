import { describe, expect, it } from "vitest";
import { pid } from "../ids";
import type { CgroupId } from "../ids";
import { writeFile } from "./files";
import { emptyCgroupState } from "./host-layout";
import { chargeMemory } from "./memory-charge";
import { attachTask, exitTask, migrateTask } from "./membership";
import { mkdirCgroup } from "./mkdir-rmdir";
import type { OomTask } from "./oom";
import { oomReport, recordOomKill, selectOomVictim } from "./oom";
import { CONTAINER_ID, hostState, readCg, rootCtx, withContainer, writeCg } from "./testing";
import type { CgroupState } from "./types";

const MiB = 1024 * 1024;
const read = readCg;
const set = writeCg;

/** python3 from transcript 07b, in pages. */
const PYTHON: OomTask = {
  pid: pid(13211), uid: 0, comm: "python3", totalVmPages: 21415, anonPages: 16288, filePages: 805, shmemPages: 0,
  pgtablesBytes: 196608, swapEnts: 0, oomScoreAdj: 0,
};

/** /factsdemo with memory.max = 64 MiB, python3 in it, having filled it to the limit. */
function filledFactsdemo(): { state: CgroupState; cg: CgroupId } {
  const empty = emptyCgroupState({ cpus: 2 });
  const base = attachTask(set(empty, empty.root, "cgroup.subtree_control", "+memory"), PYTHON.pid, empty.root);
  const made = mkdirCgroup(base, base.root, "factsdemo");
  if (!made.ok) throw new Error(made.error);
  let state = set(made.value.state, made.value.id, "memory.max", "67108864");
  state = migrateTask(state, PYTHON.pid, made.value.id).state;
  const filled = chargeMemory(state, PYTHON.pid, 64 * MiB);
  if (!filled.ok) throw new Error("64 MiB should fit");
  return { state: filled.value, cg: made.value.id };
}

describe("memory.max and the OOM killer", () => {
  it("[transcripts 07b, 28] refuses the charge over memory.max and prints the OOM report", () => {
    const { state, cg } = filledFactsdemo();
    const over = chargeMemory(state, PYTHON.pid, 4096);
    if (over.ok) throw new Error("expected an OOM");
    expect(over.error.memcg).toBe(cg);
    const victim = selectOomVictim([PYTHON], 16384);
    expect(victim).toBe(PYTHON);
    const lines = oomReport(over.error.state, { memcg: cg, invoker: { pid: PYTHON.pid, comm: "python3", oomScoreAdj: 0 }, tasks: [PYTHON], victim: PYTHON })
      .map((e) => (e.kind === "log" ? e.text : ""));
    expect(lines.slice(0, 4)).toEqual([
      "python3 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
      "memory: usage 65536kB, limit 65536kB, failcnt 1",
      "swap: usage 0kB, limit 9007199254740988kB, failcnt 0",
      "Memory cgroup stats for /factsdemo:",
    ]);
    expect(lines).toContain("anon 67108864");
    expect(lines.slice(-5)).toEqual([
      "Tasks state (memory values in pages):",
      "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name",
      "[  13211]     0 13211    21415    17093    16288      805         0   196608        0             0 python3",
      "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/factsdemo,task_memcg=/factsdemo,task=python3,pid=13211,uid=0",
      "Memory cgroup out of memory: Killed process 13211 (python3) total-vm:85660kB, anon-rss:65152kB, file-rss:3220kB, shmem-rss:0kB, UID:0 pgtables:192kB oom_score_adj:0",
    ]);
  });

  it("counts max, oom and oom_kill in memory.events and uncharges the victim at exit", () => {
    const { state, cg } = filledFactsdemo();
    const over = chargeMemory(state, PYTHON.pid, 4096);
    if (over.ok) throw new Error("expected an OOM");
    const killed = recordOomKill(over.error.state, PYTHON.pid, cg);
    expect(killed.effects).toEqual([]);
    const gone = exitTask(killed.state, PYTHON.pid).state;
    expect(read(gone, cg, "memory.events")).toBe("low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n");
    expect(read(gone, cg, "memory.events.local")).toBe("low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n");
    expect(read(gone, cg, "memory.current") + read(gone, cg, "memory.peak")).toBe("0\n67108864\n");
    expect(read(gone, cg, "cgroup.events")).toBe("populated 0\nfrozen 0\n");
  });

  it("names the container's scope in a Docker OOM line (cpuset is the invoker's cpuset cgroup name)", () => {
    const { state, ctr } = withContainer(hostState(), [pid(3591)]);
    const limited = set(state, ctr, "memory.max", "64m");
    const filled = chargeMemory(limited, pid(3591), 64 * MiB);
    if (!filled.ok) throw new Error("fits");
    const tail: OomTask = { ...PYTHON, pid: pid(3591), comm: "tail", totalVmPages: 16764, anonPages: 16160, filePages: 376, pgtablesBytes: 172032 };
    const lines = oomReport(filled.value, { memcg: ctr, invoker: { pid: tail.pid, comm: "tail", oomScoreAdj: 0 }, tasks: [tail], victim: tail });
    const scope = `docker-${CONTAINER_ID}.scope`;
    expect(lines.slice(-2).map((e) => (e.kind === "log" ? e.text : ""))).toEqual([
      `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=${scope},mems_allowed=0,oom_memcg=/system.slice/${scope},task_memcg=/system.slice/${scope},task=tail,pid=3591,uid=0`,
      "Memory cgroup out of memory: Killed process 3591 (tail) total-vm:67056kB, anon-rss:64640kB, file-rss:1504kB, shmem-rss:0kB, UID:0 pgtables:168kB oom_score_adj:0",
    ]);
  });

  it("keeps memory charged where it was allocated after a move, and counts memory.high events", () => {
    const { state, ctr } = withContainer(hostState(), [pid(70)]);
    const charged = chargeMemory(set(state, ctr, "memory.max", "8M"), pid(70), 6 * MiB);
    if (!charged.ok) throw new Error("fits");
    const moved = migrateTask(charged.value, pid(70), state.root).state;
    expect(read(moved, ctr, "memory.current")).toBe(`${6 * MiB}\n`);
    const high = set(moved, ctr, "memory.high", "4M");
    const back = migrateTask(high, pid(70), ctr).state;
    const more = chargeMemory(back, pid(70), MiB);
    if (!more.ok) throw new Error("fits under max");
    expect(read(more.value, ctr, "memory.events")).toBe("low 0\nhigh 1\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n");
    expect(chargeMemory(more.value, pid(70), 2 * MiB).ok).toBe(false);
  });

  it("plans an OOM when memory.max is lowered below usage", () => {
    const { state, ctr } = withContainer(hostState(), [pid(70)]);
    const charged = chargeMemory(state, pid(70), 10 * MiB);
    if (!charged.ok) throw new Error("fits");
    const w = writeFile(charged.value, ctr, "memory.max", "5M", rootCtx());
    expect(w.ok && w.value.effects).toEqual([{ kind: "oom", memcg: ctr }]);
  });

  it("kills the whole group when memory.oom.group is set", () => {
    const { state, ctr } = withContainer(hostState(), [pid(70), pid(71), pid(72)]);
    const grouped = set(state, ctr, "memory.oom.group", "1");
    const killed = recordOomKill(grouped, pid(71), ctr);
    expect(killed.effects).toEqual([{ kind: "kill", pids: [70, 72] }]);
    expect(read(killed.state, ctr, "memory.events")).toBe("low 0\nhigh 0\nmax 0\noom 0\noom_kill 1\noom_group_kill 1\n");
  });
});

describe("selectOomVictim (oom_badness)", () => {
  const task = (n: number, anon: number, adj = 0, extra: Partial<OomTask> = {}): OomTask => ({
    ...PYTHON, pid: pid(n), comm: `t${n}`, anonPages: anon, filePages: 0, pgtablesBytes: 0, oomScoreAdj: adj, ...extra,
  });

  it("picks the largest rss + swap + page tables", () => {
    expect(selectOomVictim([task(1, 100), task(2, 300), task(3, 200)], 16384)?.pid).toBe(2);
    expect(selectOomVictim([task(1, 100), task(2, 90, 0, { swapEnts: 5, pgtablesBytes: 8 * 4096 })], 16384)?.pid).toBe(2);
  });

  it("scales oom_score_adj by totalpages/1000 and never picks -1000 or unkillable tasks", () => {
    expect(selectOomVictim([task(1, 1000), task(2, 100, 100)], 16384)?.pid).toBe(2);
    expect(selectOomVictim([task(1, 100), task(2, 900, -1000)], 16384)?.pid).toBe(1);
    expect(selectOomVictim([task(1, 100, 0, { unkillable: true })], 16384)).toBeUndefined();
  });

  it("breaks ties in favour of the later task, as oom_evaluate_task() does", () => {
    expect(selectOomVictim([task(1, 100), task(2, 100)], 16384)?.pid).toBe(2);
  });
});
