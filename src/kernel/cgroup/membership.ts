/**
 * Which cgroup each process is in: attaching new tasks, migrating them (a write to
 * cgroup.procs), and removing them at exit. Counts are kept per subtree so `populated` and
 * pids.current are O(1) reads, and each change touches only the cgroups on the path.
 * SIMPLIFICATION: a process is one task (no threads): cgroup.threads lists the same pids as
 * cgroup.procs, and the pids controller counts processes.
 */
import type { CgroupId, Pid } from "../ids";
import { ancestors, getCg, isFrozen } from "./tree";
import { unchargeAllMemory } from "./memory-charge";
import type { Cgroup, CgroupEffect, CgroupState } from "./types";
import { v1ExitTask, v1ForkTask } from "./v1-membership";

/** Adds `delta` processes to the subtree counts of `from` and its ancestors, stopping at `stop`. */
function bumpTasks(state: CgroupState, from: CgroupId, delta: number, stop?: CgroupId): CgroupState {
  // One batched persistent update for the whole path (immutable's withMutations).
  const cgroups = state.cgroups.withMutations((m) => {
    for (const cg of ancestors(state, from)) {
      if (cg.id === stop) break;
      const nrTasks = cg.nrTasks + delta;
      const peak = Math.max(cg.pids.peak, nrTasks);
      m.set(cg.id, { ...cg, nrTasks, pids: peak === cg.pids.peak ? cg.pids : { ...cg.pids, peak } });
    }
  });
  return { ...state, cgroups };
}

const withProcs = (cg: Cgroup, procs: Cgroup["procs"]): Cgroup => ({ ...cg, procs });

/**
 * Puts a new process into a cgroup without any limit check: boot-time tasks and kernel
 * threads. Forks go through forkTask() in pids.ts, which charges pids.max first.
 */
export function attachTask(state: CgroupState, pid: Pid, cg: CgroupId): CgroupState {
  const target = getCg(state, cg);
  const next: CgroupState = {
    ...state,
    cgroups: state.cgroups.set(cg, withProcs(target, target.procs.add(pid))),
    taskCgroup: state.taskCgroup.set(pid, cg),
  };
  return bumpTasks(next, cg, 1);
}

/** A child process starts in its parent's cgroups, v2 and every v1 hierarchy. */
export function attachChild(state: CgroupState, parent: Pid, child: Pid): CgroupState {
  const cg = state.taskCgroup.get(parent);
  if (cg === undefined) throw new Error(`kernel invariant: task ${parent} has no cgroup`);
  const attached = attachTask(state, child, cg);
  return { ...attached, v1: v1ForkTask(attached.v1, parent, child) };
}

/** The deepest cgroup that is an ancestor of both. */
function commonAncestor(state: CgroupState, a: CgroupId, b: CgroupId): CgroupId {
  const above = new Set(ancestors(state, a).map((cg) => cg.id));
  const hit = ancestors(state, b).find((cg) => above.has(cg.id));
  return hit ? hit.id : state.root;
}

/**
 * Migrates a process (cgroup_attach_task()). The pids controller charges the destination even
 * over its limit: "organisational operations are not blocked by the PID controller"
 * — Documentation/admin-guide/cgroup-v1/pids.rst. Memory stays charged where it was
 * allocated: "memory is not moved along with the process" — cgroup-v2.rst, "Memory Ownership".
 */
export function migrateTask(state: CgroupState, pid: Pid, dst: CgroupId): { state: CgroupState; effects: CgroupEffect[] } {
  const src = state.taskCgroup.get(pid);
  if (src === undefined) throw new Error(`kernel invariant: task ${pid} has no cgroup`);
  if (src === dst) return { state, effects: [] };
  const common = commonAncestor(state, src, dst);
  const srcCg = getCg(state, src);
  let next: CgroupState = { ...state, cgroups: state.cgroups.set(src, withProcs(srcCg, srcCg.procs.remove(pid))) };
  const dstCg = getCg(next, dst);
  next = { ...next, cgroups: next.cgroups.set(dst, withProcs(dstCg, dstCg.procs.add(pid))), taskCgroup: next.taskCgroup.set(pid, dst) };
  next = bumpTasks(bumpTasks(next, src, -1, common), dst, 1, common);
  const wasFrozen = isFrozen(state, src);
  const nowFrozen = isFrozen(next, dst);
  const effects: CgroupEffect[] = wasFrozen === nowFrozen ? [] : [{ kind: "freeze", pids: [pid], frozen: nowFrozen }];
  return { state: next, effects };
}

/**
 * A process exits (cgroup_exit() + the memcg uncharge of its pages): it leaves its cgroup,
 * its memory is uncharged, and v1 hierarchies may run their release agent.
 */
export function exitTask(state: CgroupState, pid: Pid): { state: CgroupState; effects: CgroupEffect[] } {
  const cg = state.taskCgroup.get(pid);
  if (cg === undefined) return { state, effects: [] };
  const srcCg = getCg(state, cg);
  let next: CgroupState = {
    ...state,
    cgroups: state.cgroups.set(cg, withProcs(srcCg, srcCg.procs.remove(pid))),
    taskCgroup: state.taskCgroup.remove(pid),
  };
  next = unchargeAllMemory(bumpTasks(next, cg, -1), pid);
  const v1 = v1ExitTask(next.v1, pid);
  return { state: { ...next, v1: v1.v1 }, effects: v1.effects };
}
