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
import { copyCgroup, copyCgroupState } from "./records";
import type { Cgroup, CgroupEffect, CgroupState } from "./types";
import { v1ExitTask, v1ForkTask } from "./v1-membership";

/**
 * Adds `delta` processes to the subtree counts of `from` and its ancestors, stopping at `stop`;
 * `procs`, when given, is `from`'s new member list. Performance: one batched persistent update
 * for the whole path (immutable's withMutations), and `from` is copied once even when its
 * member list changes too — every fork and every exit walks this path.
 */
function bumpTasks(state: CgroupState, from: CgroupId, delta: number, stop?: CgroupId, procs?: Cgroup["procs"]): CgroupState {
  const cgroups = state.cgroups.withMutations((m) => {
    for (let id: CgroupId | undefined = from; id !== undefined && id !== stop; ) {
      const cg: Cgroup | undefined = m.get(id);
      if (!cg) throw new Error(`kernel invariant: no cgroup ${id}`);
      const nrTasks = cg.nrTasks + delta;
      const peak = Math.max(cg.pids.peak, nrTasks);
      const next = copyCgroup(cg);
      if (id === from && procs !== undefined) next.procs = procs;
      next.nrTasks = nrTasks;
      // A literal rather than a spread, for the reason copyCgroup() gives (DEFAULT_PIDS's order).
      const { max, eventsMax, localMax, localForkFail } = cg.pids;
      if (peak !== cg.pids.peak) next.pids = { max, peak, eventsMax, localMax, localForkFail };
      m.set(id, next);
      id = cg.parent;
    }
  });
  const next = copyCgroupState(state);
  next.cgroups = cgroups;
  return next;
}

const withProcs = (cg: Cgroup, procs: Cgroup["procs"]): Cgroup => ({ ...cg, procs });

/**
 * Puts a new process into a cgroup without any limit check: boot-time tasks and kernel
 * threads. Forks go through forkTask() in pids.ts, which charges pids.max first.
 */
export function attachTask(state: CgroupState, pid: Pid, cg: CgroupId): CgroupState {
  const target = getCg(state, cg);
  const next = copyCgroupState(state);
  next.taskCgroup = state.taskCgroup.set(pid, cg);
  return bumpTasks(next, cg, 1, undefined, target.procs.add(pid));
}

/** A child process starts in its parent's cgroups, v2 and every v1 hierarchy. */
export function attachChild(state: CgroupState, parent: Pid, child: Pid): CgroupState {
  const cg = state.taskCgroup.get(parent);
  if (cg === undefined) throw new Error(`kernel invariant: task ${parent} has no cgroup`);
  const attached = attachTask(state, child, cg);
  const v1 = v1ForkTask(attached.v1, parent, child);
  if (v1 === attached.v1) return attached;
  const next = copyCgroupState(attached);
  next.v1 = v1;
  return next;
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
  const left = copyCgroupState(state);
  left.taskCgroup = state.taskCgroup.remove(pid);
  const next = unchargeAllMemory(bumpTasks(left, cg, -1, undefined, srcCg.procs.remove(pid)), pid);
  const v1 = v1ExitTask(next.v1, pid);
  if (v1.v1 === next.v1) return { state: next, effects: v1.effects };
  const draft = copyCgroupState(next);
  draft.v1 = v1.v1;
  return { state: draft, effects: v1.effects };
}
