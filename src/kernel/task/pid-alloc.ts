/**
 * PID numbers (`kernel/pid.c: alloc_pid()`): a task gets one number in its own PID namespace
 * and in every ancestor, each namespace counting on its own. Numbers are handed out cyclically
 * up to pid_max; after the first wrap the search restarts at RESERVED_PIDS (300).
 */
import type { Errno } from "../errno";
import type { NsId, Pid } from "../ids";
import type { PidNs } from "../ns/namespace";
import { copyNs } from "../ns/ns-copy";
import type { KernelState } from "../state";
import { IMap, copyState, getNs } from "../state";

const RESERVED_PIDS = 300;

export type PidAlloc =
  | { readonly ok: true; readonly state: KernelState; readonly nr: readonly number[] }
  | { readonly ok: false; readonly errno: Errno; readonly ns: PidNs };

/** Numbers for a new task whose own PID namespace is `target`, from the root level down. */
export function allocPid(state: KernelState, target: NsId): PidAlloc {
  const chain: PidNs[] = [];
  for (let id: NsId | null = target; id !== null; ) {
    const ns: PidNs = getNs(state, id, "pid");
    chain.unshift(ns);
    id = ns.parent;
  }
  const nr: number[] = [];
  let next = state;
  for (const ns of chain) {
    // A namespace whose init has exited takes no new members: "fork: Cannot allocate memory".
    if (!ns.adding) return { ok: false, errno: "ENOMEM", ns };
    const used = next.pidNrs.get(ns.id) ?? IMap<number, Pid>();
    const n = findFree(used, ns.nextNr, state.config.pidMax);
    if (n === undefined) return { ok: false, errno: "EAGAIN", ns };
    nr.push(n);
    // Performance: literal copies rather than spreads (see copyState() and copyNs()).
    const counted = copyNs(ns);
    counted.nextNr = n + 1 >= state.config.pidMax ? RESERVED_PIDS : n + 1;
    const draft = copyState(next);
    draft.namespaces = next.namespaces.set(ns.id, counted);
    next = draft;
  }
  return { ok: true, state: next, nr };
}

function findFree(used: IMap<number, Pid>, from: number, pidMax: number): number | undefined {
  for (let tries = 0, n = from; tries < pidMax; tries++, n++) {
    if (n >= pidMax) n = RESERVED_PIDS;
    if (!used.has(n)) return n;
  }
  return undefined;
}

/** Records the task's numbers in every namespace of its chain. */
export function attachPid(state: KernelState, pidNs: NsId, nr: readonly number[], pid: Pid): KernelState {
  let pidNrs = state.pidNrs;
  let id: NsId | null = pidNs;
  for (let level = nr.length - 1; level >= 0 && id !== null; level--) {
    const ns: PidNs = getNs(state, id, "pid");
    pidNrs = pidNrs.set(id, (pidNrs.get(id) ?? IMap<number, Pid>()).set(nr[level] as number, pid));
    id = ns.parent;
  }
  const next = copyState(state);
  next.pidNrs = pidNrs;
  return next;
}

/** Frees the task's numbers when it is reaped (`free_pid()`). */
export function detachPid(state: KernelState, pidNs: NsId, nr: readonly number[]): KernelState {
  let pidNrs = state.pidNrs;
  let id: NsId | null = pidNs;
  for (let level = nr.length - 1; level >= 0 && id !== null; level--) {
    const ns: PidNs = getNs(state, id, "pid");
    const map = pidNrs.get(id);
    if (map) pidNrs = pidNrs.set(id, map.delete(nr[level] as number));
    id = ns.parent;
  }
  const next = copyState(state);
  next.pidNrs = pidNrs;
  return next;
}

/** The number `pid` has in PID namespace `ns`, or undefined when it is not visible there. */
export function pidNrIn(state: KernelState, pid: Pid, ns: NsId): number | undefined {
  const task = state.tasks.get(pid);
  if (!task) return undefined;
  const own = getNs(state, task.pidNs, "pid").level;
  // Most lookups are in the task's own namespace: one namespace lookup instead of two.
  const level = ns === task.pidNs ? own : getNs(state, ns, "pid").level;
  if (level > own) return undefined;
  const nr = task.nr[level];
  return nr !== undefined && state.pidNrs.get(ns)?.get(nr) === pid ? nr : undefined;
}

/** The task that has number `nr` in PID namespace `ns` (find_task_by_pid_ns()). */
export const findTaskByNr = (state: KernelState, ns: NsId, nr: number): Pid | undefined =>
  state.pidNrs.get(ns)?.get(nr);
