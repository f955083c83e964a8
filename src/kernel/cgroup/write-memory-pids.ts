/**
 * Writers of the memory and pids controllers' files (mm/memcontrol.c, kernel/cgroup/pids.c).
 */
import { err, ok } from "../../lib";
import type { CgroupId } from "../ids";
import { memoryEvent } from "./memory-charge";
import { kstrtoint, memparse, strstrip } from "./parse";
import { getCg, putCg } from "./tree";
import type { CgroupState, MemoryState } from "./types";
import { MAX } from "./types";
import type { WriteResult, Writer } from "./write-types";

const PAGE_SIZE = 4096;
/** PIDS_MAX: PID_MAX_LIMIT + 1 — kernel/cgroup/pids.c. */
export const PIDS_MAX = 4_194_304 + 1;

/**
 * page_counter_memparse(): `max`, or bytes with an optional K/M/G/… suffix, stored in whole
 * pages (so `echo 100000 > memory.max` reads back 98304).
 */
function pageBytes(text: string): number | undefined {
  const s = strstrip(text);
  if (s === "max") return MAX;
  const v = memparse(s);
  return v.ok ? Math.floor(v.value / PAGE_SIZE) * PAGE_SIZE : undefined;
}

const setMem = (state: CgroupState, id: CgroupId, patch: Partial<MemoryState>): CgroupState => {
  const cg = getCg(state, id);
  return putCg(state, { ...cg, memory: { ...cg.memory, ...patch } });
};

const limit = (field: "high" | "low" | "min" | "swapMax" | "swapHigh"): Writer => (state, id, text) => {
  const v = pageBytes(text);
  return v === undefined ? err("EINVAL") : ok({ state: setMem(state, id, { [field]: v }), effects: [] });
};

/**
 * memory_max_write(): "If memory.max is set below current usage, reclaim and OOM kill are
 * triggered until usage fits" (cgroup-v2.rst). Nothing anonymous can be reclaimed without
 * swap, so the plan is an OOM in this memcg, counted as an `oom` event.
 */
const writeMemoryMax: Writer = (state, id, text) => {
  const v = pageBytes(text);
  if (v === undefined) return err("EINVAL");
  const next = setMem(state, id, { max: v });
  if (getCg(next, id).memory.current <= v) return ok({ state: next, effects: [] });
  return ok({ state: memoryEvent(next, id, "oom"), effects: [{ kind: "oom", memcg: id }] });
};

/** memory_oom_group_write(): 0 or 1, anything else EINVAL. */
const writeOomGroup: Writer = (state, id, text) => {
  const v = kstrtoint(strstrip(text));
  if (!v.ok) return err(v.error);
  if (v.value !== 0 && v.value !== 1) return err("EINVAL");
  return ok({ state: setMem(state, id, { oomGroup: v.value === 1 }), effects: [] });
};

/**
 * memory_reclaim(): reclaim N bytes or fail with EAGAIN. SIMPLIFICATION: all memory is
 * anonymous and there is no swap, so any non-zero request fails.
 */
const writeReclaim: Writer = (state, _id, text) => {
  const v = memparse(strstrip(text).split(" ")[0] ?? "");
  if (!v.ok) return err("EINVAL");
  return v.value === 0 ? ok({ state, effects: [] }) : err("EAGAIN");
};

/** memory.peak (6.12+): a write resets the high-water mark. SIMPLIFICATION: for every reader, not per open file. */
const writePeak: Writer = (state, id) =>
  ok({ state: setMem(state, id, { peak: getCg(state, id).memory.current }), effects: [] });

/** pids_max_write(): `max` or 0 … PID_MAX_LIMIT, else EINVAL. Lowering below current is allowed. */
function writePidsMax(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const s = strstrip(text);
  const v = s === "max" ? ok(MAX) : kstrtoint(s);
  if (!v.ok) return err(v.error);
  if (v.value < 0 || (v.value !== MAX && v.value >= PIDS_MAX)) return err("EINVAL");
  const cg = getCg(state, id);
  return ok({ state: putCg(state, { ...cg, pids: { ...cg.pids, max: v.value } }), effects: [] });
}

const acceptValue: Writer = (state, _id, text) =>
  pageBytes(text) === undefined ? err("EINVAL") : ok({ state, effects: [] });

export const MEMORY_PIDS_WRITERS: Readonly<Record<string, Writer>> = {
  "memory.max": writeMemoryMax,
  "memory.high": limit("high"),
  "memory.low": limit("low"),
  "memory.min": limit("min"),
  "memory.swap.max": limit("swapMax"),
  "memory.swap.high": limit("swapHigh"),
  "memory.oom.group": writeOomGroup,
  "memory.reclaim": writeReclaim,
  "memory.peak": writePeak,
  "memory.swap.peak": (state) => ok({ state, effects: [] }),
  "memory.zswap.max": acceptValue,
  "memory.zswap.writeback": (state, _id, text) => writeBool(state, text),
  "pids.max": writePidsMax,
};

/** zswap.writeback takes 0 or 1 (EINVAL otherwise); SIMPLIFICATION: no zswap, no effect. */
function writeBool(state: CgroupState, text: string): WriteResult {
  const v = kstrtoint(strstrip(text));
  if (!v.ok || (v.value !== 0 && v.value !== 1)) return err("EINVAL");
  return ok({ state, effects: [] });
}
