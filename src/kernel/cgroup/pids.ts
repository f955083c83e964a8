/**
 * The pids controller's fork check (kernel/cgroup/pids.c: pids_can_fork() → pids_try_charge()).
 * "If a new task would cause pids.current to exceed pids.max in the cgroup or any ancestor,
 * fork() or clone() returns -EAGAIN." — Documentation/admin-guide/cgroup-v1/pids.rst
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { CgroupId, Pid } from "../ids";
import { attachChild } from "./membership";
import { ancestors, cgroupPath, cssOwnerOnPath, getCg } from "./tree";
import type { CgroupEffect, CgroupState, PidsState } from "./types";
import { KERN_INFO } from "./types";

export interface ForkRejected {
  readonly errno: "EAGAIN";
  /** The cgroup whose pids.max refused the fork. */
  readonly limitedBy: CgroupId;
  /** State with pids.events counted (a refused fork still changes counters). */
  readonly state: CgroupState;
  /** The one-time kernel log line, when this is the forking cgroup's first refusal. */
  readonly effects: readonly CgroupEffect[];
}

export interface ForkCharged {
  readonly state: CgroupState;
  readonly effects: readonly CgroupEffect[];
}

const withPids = (state: CgroupState, id: CgroupId, f: (p: PidsState) => PidsState): CgroupState => {
  const cg = getCg(state, id);
  return { ...state, cgroups: state.cgroups.set(id, { ...cg, pids: f(cg.pids) }) };
};

/**
 * pids_event() (6.14+): the forking cgroup logs once ("Only log the first time limit is hit");
 * the cgroup over its limit counts `max` in pids.events.local, and it and its ancestors below
 * the root count `max` in pids.events.
 */
function countRefusal(state: CgroupState, forking: CgroupId, over: CgroupId): ForkRejected {
  let next = withPids(state, forking, (p) => ({ ...p, localForkFail: p.localForkFail + 1 }));
  const effects: CgroupEffect[] = getCg(next, forking).pids.localForkFail === 1
    ? [{ kind: "log", level: KERN_INFO, text: `cgroup: fork rejected by pids controller in ${cgroupPath(state, forking)}` }]
    : [];
  next = withPids(next, over, (p) => ({ ...p, localMax: p.localMax + 1 }));
  for (const cg of ancestors(next, over)) {
    if (cg.parent === undefined) break;
    next = withPids(next, cg.id, (p) => ({ ...p, eventsMax: p.eventsMax + 1 }));
  }
  return { errno: "EAGAIN", limitedBy: over, state: next, effects };
}

/**
 * Charges a fork of `parent` and, when it fits, attaches `child` to the parent's cgroups
 * (cgroup_can_fork() then cgroup_post_fork()). The child of a frozen cgroup starts frozen.
 */
export function forkTask(state: CgroupState, parent: Pid, child: Pid): Result<ForkCharged, ForkRejected> {
  const cgId = state.taskCgroup.get(parent);
  if (cgId === undefined) throw new Error(`kernel invariant: task ${parent} has no cgroup`);
  // Performance: one walk up the hierarchy serves the css lookup, the limit check and the
  // freeze check (attaching the child changes none of what they read).
  const path = ancestors(state, cgId);
  const forking = cssOwnerOnPath(state, path, "pids");
  const at = path.indexOf(forking);
  const over = (at >= 0 ? path.slice(at) : ancestors(state, forking.id)).find((cg) => cg.nrTasks + 1 > cg.pids.max);
  if (over) return err(countRefusal(state, forking.id, over.id));
  const next = attachChild(state, parent, child);
  const effects: CgroupEffect[] = path.some((cg) => cg.freeze) ? [{ kind: "freeze", pids: [child], frozen: true }] : [];
  return ok({ state: next, effects });
}

/** pids.current as the file shows it: processes in the cgroup and its descendants. */
export const pidsCurrent = (state: CgroupState, id: CgroupId): number => getCg(state, id).nrTasks;
