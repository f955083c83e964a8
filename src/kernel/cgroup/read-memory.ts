/**
 * Readers of the memory controller's files (mm/memcontrol.c). Limits print as `max` or bytes;
 * events in the order of `memory_events_show()`.
 */
import type { CgroupId } from "../ids";
import { flatKeyed, maxOr } from "./format";
import { getCg } from "./tree";
import type { CgroupState, MemoryEvents } from "./types";

/**
 * memory_stat_format() keys of Linux 6.18 (`memory_stats[]`, then the accumulated vm events).
 * SIMPLIFICATION: all memory is anonymous and inactive; every other counter reads 0.
 */
const STAT_KEYS = [
  "anon", "file", "kernel", "kernel_stack", "pagetables", "sec_pagetables", "percpu", "sock", "vmalloc",
  "shmem", "zswap", "zswapped", "file_mapped", "file_dirty", "file_writeback", "swapcached", "anon_thp",
  "file_thp", "shmem_thp", "inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
  "slab_reclaimable", "slab_unreclaimable", "slab", "workingset_refault_anon", "workingset_refault_file",
  "workingset_activate_anon", "workingset_activate_file", "workingset_restore_anon", "workingset_restore_file",
  "workingset_nodereclaim", "pgdemote_kswapd", "pgdemote_direct", "pgdemote_khugepaged", "pgpromote_success",
  "pgscan", "pgsteal", "pgscan_kswapd", "pgscan_direct", "pgscan_khugepaged", "pgsteal_kswapd",
  "pgsteal_direct", "pgsteal_khugepaged", "pgfault", "pgmajfault", "pgrefill", "pgactivate", "pgdeactivate",
  "pglazyfree", "pglazyfreed", "zswpin", "zswpout", "zswpwb", "thp_fault_alloc", "thp_collapse_alloc",
  "thp_swpout", "thp_swpout_fallback",
] as const;

/** memory.stat as lines (also printed after "Memory cgroup stats for …" in an OOM report). */
export function memoryStatLines(state: CgroupState, id: CgroupId): string[] {
  const anon = getCg(state, id).memory.current;
  return STAT_KEYS.map((k) => `${k} ${k === "anon" || k === "inactive_anon" ? anon : 0}`);
}

const events = (e: MemoryEvents): string => flatKeyed([
  ["low", e.low], ["high", e.high], ["max", e.max], ["oom", e.oom], ["oom_kill", e.oom_kill], ["oom_group_kill", e.oom_group_kill],
]);

type Reader = (state: CgroupState, id: CgroupId) => string;
const mem = (state: CgroupState, id: CgroupId) => getCg(state, id).memory;

export const MEMORY_READERS: Readonly<Record<string, Reader>> = {
  "memory.current": (s, id) => `${mem(s, id).current}\n`,
  "memory.min": (s, id) => `${mem(s, id).min}\n`,
  "memory.low": (s, id) => `${mem(s, id).low}\n`,
  "memory.high": (s, id) => `${maxOr(mem(s, id).high)}\n`,
  "memory.max": (s, id) => `${maxOr(mem(s, id).max)}\n`,
  "memory.peak": (s, id) => `${mem(s, id).peak}\n`,
  "memory.events": (s, id) => events(mem(s, id).events),
  "memory.events.local": (s, id) => events(mem(s, id).eventsLocal),
  "memory.stat": (s, id) => memoryStatLines(s, id).map((l) => `${l}\n`).join(""),
  "memory.numa_stat": (s, id) => `anon N0=${mem(s, id).current}\nfile N0=0\nkernel_stack N0=0\nshmem N0=0\n`,
  "memory.oom.group": (s, id) => (mem(s, id).oomGroup ? "1\n" : "0\n"),
  "memory.swap.current": () => "0\n",
  "memory.swap.high": (s, id) => `${maxOr(mem(s, id).swapHigh)}\n`,
  "memory.swap.max": (s, id) => `${maxOr(mem(s, id).swapMax)}\n`,
  "memory.swap.peak": () => "0\n",
  "memory.swap.events": () => "high 0\nmax 0\nfail 0\n",
  "memory.zswap.current": () => "0\n",
  "memory.zswap.max": () => "max\n",
  "memory.zswap.writeback": () => "1\n",
};
