/**
 * Memory charging (mm/memcontrol.c: try_charge_memcg() over mm/page_counter.c). A charge goes
 * to the task's memcg and every ancestor; the first counter that would pass memory.max refuses
 * it. With no swap and only anonymous memory there is nothing to reclaim, so a refused charge
 * is an OOM in that memcg: the kernel picks a victim (selectOomVictim), kills it, and retries.
 * SIMPLIFICATION: charges are in bytes, all anonymous (no page cache, kernel memory or swap);
 * a refused charge counts `max` and `oom` once (Linux counts `max` on each reclaim retry), and
 * memory.high counts a `high` event without throttling the task; memory.low/min protect nothing.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { CgroupId, Pid } from "../ids";
import { ancestors, cssOwner, getCg } from "./tree";
import type { Cgroup, CgroupState, MemoryEvents } from "./types";

export type MemoryEvent = keyof MemoryEvents;

/** The charge did not fit: `memcg` is the cgroup whose memory.max was hit (mem_over_limit). */
export interface MemoryOverLimit {
  readonly kind: "oom";
  readonly memcg: CgroupId;
  /** State with failcnt and memory.events `max`/`oom` counted. */
  readonly state: CgroupState;
}

const inc = (e: MemoryEvents, ev: MemoryEvent): MemoryEvents => {
  const next = { ...e };
  next[ev] = e[ev] + 1;
  return next;
};

/**
 * memcg_memory_event(): counts in memory.events.local of `memcg` and in memory.events of it and
 * each ancestor below the root ("the count includes events of all descendants" — cgroup-v2.rst).
 */
export function memoryEvent(state: CgroupState, memcg: CgroupId, ev: MemoryEvent): CgroupState {
  let cgroups = state.cgroups;
  for (const cg of ancestors(state, memcg)) {
    if (cg.parent === undefined) break;
    const cur = cgroups.get(cg.id) ?? cg;
    const eventsLocal = cg.id === memcg ? inc(cur.memory.eventsLocal, ev) : cur.memory.eventsLocal;
    cgroups = cgroups.set(cg.id, { ...cur, memory: { ...cur.memory, events: inc(cur.memory.events, ev), eventsLocal } });
  }
  return { ...state, cgroups };
}

/** The memcg a process's new pages are charged to. */
export function memcgOf(state: CgroupState, pid: Pid): Cgroup {
  const cg = state.taskCgroup.get(pid);
  if (cg === undefined) throw new Error(`kernel invariant: task ${pid} has no cgroup`);
  return cssOwner(state, cg, "memory");
}

function addUsage(state: CgroupState, memcg: CgroupId, bytes: number): CgroupState {
  const cgroups = state.cgroups.withMutations((m) => {
    for (const cg of ancestors(state, memcg)) {
      const current = Math.max(0, cg.memory.current + bytes);
      m.set(cg.id, { ...cg, memory: { ...cg.memory, current, peak: Math.max(cg.memory.peak, current) } });
    }
  });
  return { ...state, cgroups };
}

/**
 * Charges `bytes` of new memory for `pid`. Over memory.high the charge succeeds and counts a
 * `high` event ("the cgroup's processes are throttled and put under heavy reclaim pressure");
 * over memory.max it fails and counts `max` and `oom` in the cgroup that hit the limit.
 */
export function chargeMemory(state: CgroupState, pid: Pid, bytes: number): Result<CgroupState, MemoryOverLimit> {
  const memcg = memcgOf(state, pid);
  const path = ancestors(state, memcg.id);
  const over = path.find((cg) => cg.memory.current + bytes > cg.memory.max);
  if (over) {
    const failed = getCg(state, over.id);
    let next: CgroupState = { ...state, cgroups: state.cgroups.set(over.id, { ...failed, memory: { ...failed.memory, failcnt: failed.memory.failcnt + 1 } }) };
    next = memoryEvent(memoryEvent(next, over.id, "max"), over.id, "oom");
    return err({ kind: "oom", memcg: over.id, state: next });
  }
  let next = addUsage(state, memcg.id, bytes);
  const charges = next.memCharges.get(pid) ?? [];
  const last = charges[charges.length - 1];
  const merged = last && last.cg === memcg.id
    ? [...charges.slice(0, -1), { cg: memcg.id, bytes: last.bytes + bytes }]
    : [...charges, { cg: memcg.id, bytes }];
  next = { ...next, memCharges: next.memCharges.set(pid, merged) };
  const high = path.find((cg) => cg.memory.current + bytes > cg.memory.high);
  return ok(high ? memoryEvent(next, high.id, "high") : next);
}

/** Frees up to `bytes` of a process's memory, newest charges first (munmap, free). */
export function unchargeMemory(state: CgroupState, pid: Pid, bytes: number): CgroupState {
  let left = bytes;
  let next = state;
  const charges = [...(state.memCharges.get(pid) ?? [])];
  while (left > 0 && charges.length > 0) {
    const last = charges[charges.length - 1];
    if (!last) break;
    const take = Math.min(left, last.bytes);
    next = addUsage(next, last.cg, -take);
    left -= take;
    if (take === last.bytes) charges.pop();
    else charges[charges.length - 1] = { cg: last.cg, bytes: last.bytes - take };
  }
  return { ...next, memCharges: charges.length ? next.memCharges.set(pid, charges) : next.memCharges.remove(pid) };
}

/** Uncharges everything a process holds (exit_mmap() frees its pages). */
export function unchargeAllMemory(state: CgroupState, pid: Pid): CgroupState {
  const total = (state.memCharges.get(pid) ?? []).reduce((n, c) => n + c.bytes, 0);
  return total > 0 ? unchargeMemory(state, pid, total) : state;
}

/** Bytes a process has charged, wherever they are charged. */
export const chargedBytes = (state: CgroupState, pid: Pid): number =>
  (state.memCharges.get(pid) ?? []).reduce((n, c) => n + c.bytes, 0);
