/**
 * The memcg OOM killer's choice and its kernel log report (mm/oom_kill.c). The kernel layer
 * calls selectOomVictim() with the tasks of the memcg that hit memory.max, SIGKILLs the
 * victim, prints oomReport() and counts the kill with recordOomKill().
 */
import type { CgroupId, Pid } from "../ids";
import { memoryEvent } from "./memory-charge";
import { memoryStatLines } from "./read-memory";
import { cgroupPath, cssOwner, getCg, isDescendant, subtreePids } from "./tree";
import type { CgroupEffect, CgroupState } from "./types";
import { KERN_ERR, KERN_INFO, KERN_WARNING, MAX } from "./types";

export const PAGE_SIZE = 4096;
/** PAGE_COUNTER_MAX (LONG_MAX / PAGE_SIZE) in kB: how an unlimited counter prints. */
const UNLIMITED_KB = 9007199254740988;
/** oom_score_adj of a task the OOM killer must never pick (OOM_SCORE_ADJ_MIN). */
export const OOM_SCORE_ADJ_MIN = -1000;

/** What the OOM killer reads of a task: its mm counters, in pages as the kernel keeps them. */
export interface OomTask {
  readonly pid: Pid;
  readonly uid: number;
  readonly comm: string;
  readonly totalVmPages: number;
  readonly anonPages: number;
  readonly filePages: number;
  readonly shmemPages: number;
  readonly pgtablesBytes: number;
  readonly swapEnts: number;
  readonly oomScoreAdj: number;
  /** Global init and kernel threads (oom_unkillable_task()). */
  readonly unkillable?: boolean;
}

/**
 * oom_badness(): rss + swap + page tables, in pages, plus oom_score_adj scaled to
 * "totalpages / 1000" per point; undefined for tasks that must not be killed.
 */
export function oomBadness(t: OomTask, totalPages: number): number | undefined {
  if (t.unkillable || t.oomScoreAdj === OOM_SCORE_ADJ_MIN) return undefined;
  const points = t.anonPages + t.filePages + t.shmemPages + t.swapEnts + Math.floor(t.pgtablesBytes / PAGE_SIZE);
  return points + t.oomScoreAdj * Math.floor(totalPages / 1000);
}

/**
 * select_bad_process() over a memcg's tasks in iteration order: the highest badness wins, and
 * on a tie the later task wins (oom_evaluate_task() skips only `points < chosen_points`).
 */
export function selectOomVictim(tasks: readonly OomTask[], totalPages: number): OomTask | undefined {
  let chosen: OomTask | undefined;
  let best = Number.NEGATIVE_INFINITY;
  for (const t of tasks) {
    const points = oomBadness(t, totalPages);
    if (points === undefined || points < best) continue;
    chosen = t;
    best = points;
  }
  return chosen;
}

/** mem_cgroup_get_max(): the memcg's limit in pages (no swap on the simulated host). */
export function oomTotalPages(state: CgroupState, memcg: CgroupId, ramBytes: number): number {
  const max = getCg(state, memcg).memory.max;
  return Math.floor((max === MAX ? ramBytes : Math.min(max, ramBytes)) / PAGE_SIZE);
}

const kb = (bytes: number): string => (bytes === MAX ? String(UNLIMITED_KB) : String(Math.floor(bytes / 1024)));
const pad = (v: number | string, w: number): string => String(v).padStart(w);

/** dump_task(): `[%7d] %5d %5d %8lu %8lu %8lu %8lu %9lu %8ld %8lu         %5hd %s`. */
export function oomTaskLine(t: OomTask): string {
  const rss = t.anonPages + t.filePages + t.shmemPages;
  return `[${pad(t.pid, 7)}] ${pad(t.uid, 5)} ${pad(t.pid, 5)} ${pad(t.totalVmPages, 8)} ${pad(rss, 8)} ${pad(t.anonPages, 8)} ${pad(t.filePages, 8)} ${pad(t.shmemPages, 9)} ${pad(t.pgtablesBytes, 8)} ${pad(t.swapEnts, 8)}         ${pad(t.oomScoreAdj, 5)} ${t.comm}`;
}

export interface OomReportInput {
  /** The memcg that hit memory.max (oc->memcg). */
  readonly memcg: CgroupId;
  /** The task whose allocation failed (`current`). */
  readonly invoker: { readonly pid: Pid; readonly comm: string; readonly oomScoreAdj: number };
  /** The memcg's tasks, as dump_tasks() lists them. */
  readonly tasks: readonly OomTask[];
  readonly victim: OomTask;
  readonly gfpMask?: string;
}

const pageKb = (pages: number): number => pages * (PAGE_SIZE / 1024);

/**
 * The report dump_header() + dump_oom_victim() + __oom_kill_process() print, line by line.
 * SIMPLIFICATION: no stack dump (`CPU:`, `Call Trace:` …) and no later `oom_reaper:` line.
 */
export function oomReport(state: CgroupState, r: OomReportInput): CgroupEffect[] {
  const cg = getCg(state, r.memcg);
  const path = cgroupPath(state, r.memcg);
  const v = r.victim;
  const invokerCg = state.taskCgroup.get(r.invoker.pid) ?? state.root;
  const cpuset = cssOwner(state, invokerCg, "cpuset");
  const cpusetName = cpuset.parent === undefined ? "/" : cpuset.name;
  const victimCg = state.taskCgroup.get(v.pid) ?? state.root;
  const lines: [number, string][] = [
    [KERN_WARNING, `${r.invoker.comm} invoked oom-killer: gfp_mask=${r.gfpMask ?? "0xcc0(GFP_KERNEL)"}, order=0, oom_score_adj=${r.invoker.oomScoreAdj}`],
    [KERN_INFO, `memory: usage ${kb(cg.memory.current)}kB, limit ${kb(cg.memory.max)}kB, failcnt ${cg.memory.failcnt}`],
    [KERN_INFO, `swap: usage 0kB, limit ${kb(cg.memory.swapMax)}kB, failcnt 0`],
    [KERN_INFO, `Memory cgroup stats for ${path}:`],
    ...memoryStatLines(state, r.memcg).map((l): [number, string] => [KERN_INFO, l]),
    [KERN_INFO, "Tasks state (memory values in pages):"],
    [KERN_INFO, "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name"],
    ...r.tasks.map((t): [number, string] => [KERN_INFO, oomTaskLine(t)]),
    [KERN_INFO, `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=${cpusetName},mems_allowed=0,oom_memcg=${path},task_memcg=${cgroupPath(state, cssOwner(state, victimCg, "memory").id)},task=${v.comm},pid=${v.pid},uid=${v.uid}`],
    [KERN_ERR, `Memory cgroup out of memory: Killed process ${v.pid} (${v.comm}) total-vm:${pageKb(v.totalVmPages)}kB, anon-rss:${pageKb(v.anonPages)}kB, file-rss:${pageKb(v.filePages)}kB, shmem-rss:${pageKb(v.shmemPages)}kB, UID:${v.uid} pgtables:${Math.floor(v.pgtablesBytes / 1024)}kB oom_score_adj:${v.oomScoreAdj}`],
  ];
  return lines.map(([level, text]) => ({ kind: "log", level, text }));
}

/**
 * Counts the kill in the victim's memcg (memory.events `oom_kill`). With memory.oom.group set
 * on the OOM domain or a cgroup between it and the victim, every task of the highest such
 * cgroup dies too (mem_cgroup_get_oom_group()), counted as `oom_group_kill`.
 */
export function recordOomKill(state: CgroupState, victim: Pid, oomMemcg: CgroupId): { state: CgroupState; effects: CgroupEffect[] } {
  const cg = state.taskCgroup.get(victim);
  if (cg === undefined) return { state, effects: [] };
  const victimMemcg = cssOwner(state, cg, "memory").id;
  let next = memoryEvent(state, victimMemcg, "oom_kill");
  let group: CgroupId | undefined;
  for (let id: CgroupId | undefined = victimMemcg; id !== undefined && isDescendant(state, id, oomMemcg); id = getCg(state, id).parent) {
    if (getCg(state, id).memory.oomGroup) group = id;
  }
  if (group === undefined) return { state: next, effects: [] };
  next = memoryEvent(next, group, "oom_group_kill");
  const pids = subtreePids(state, group).filter((p) => p !== victim);
  return { state: next, effects: pids.length ? [{ kind: "kill", pids }] : [] };
}
