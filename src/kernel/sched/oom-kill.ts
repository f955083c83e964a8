/**
 * The memory cgroup OOM killer (`mm/oom_kill.c: out_of_memory()` for a memcg): pick the task
 * with the highest badness in the cgroup that hit memory.max, print the report, SIGKILL it.
 */
import { memcgOf } from "../cgroup/memory-charge";
import type { OomTask } from "../cgroup/oom";
import { oomReport, oomTotalPages, recordOomKill, selectOomVictim } from "../cgroup/oom";
import { subtreePids } from "../cgroup/tree";
import type { CgroupId, Pid } from "../ids";
import { oomAdjOf } from "../procfs/oom";
import type { KernelState } from "../state";
import { getTask } from "../state";
import { deliverSignal } from "../task/deliver";
import { applyCgroupEffects } from "../task/cgroup-effects";
import { SIGKILL } from "../task/signals";
import type { Task } from "../task/task";

const PAGE_KB = 4;

function oomTaskOf(state: KernelState, task: Task): OomTask {
  const rssPages = Math.floor(task.memory.rssKb / PAGE_KB);
  return {
    pid: task.pid, uid: task.cred.uid, comm: task.comm,
    totalVmPages: Math.floor(task.memory.vszKb / PAGE_KB), anonPages: rssPages, filePages: 0, shmemPages: 0,
    pgtablesBytes: Math.max(4096, Math.ceil(rssPages / 512) * 4096), swapEnts: 0,
    oomScoreAdj: oomAdjOf(state, task).value, unkillable: task.pid === 1 || task.kthread,
  };
}

/** Runs the OOM killer in `memcg` on behalf of `invoker`; returns the state after the kill. */
export function memcgOomKill(state: KernelState, memcg: CgroupId, invoker: Pid): KernelState {
  const members = subtreePids(state.cgroup, memcg).map((p) => getTask(state, p)).filter((t) => t.state !== "Z");
  const tasks = members.map((t) => oomTaskOf(state, t));
  const victim = selectOomVictim(tasks, oomTotalPages(state.cgroup, memcg, state.config.memTotalKb * 1024));
  if (!victim) return state;
  const who = getTask(state, invoker);
  const report = oomReport(state.cgroup, { memcg, invoker: { pid: invoker, comm: who.comm, oomScoreAdj: oomAdjOf(state, who).value }, tasks, victim });
  const counted = recordOomKill(state.cgroup, victim.pid, memcg);
  let s = applyCgroupEffects({ ...state, cgroup: counted.state }, report);
  s = deliverSignal(s, victim.pid, SIGKILL, true)[0];
  return applyCgroupEffects(s, counted.effects);
}

export const memcgIdOf = (state: KernelState, pid: Pid): CgroupId => memcgOf(state.cgroup, pid).id;
