/**
 * Readers of the core interface files (kernel/cgroup/cgroup.c) and the core part of cpu.stat.
 * Formats: Documentation/admin-guide/cgroup-v2.rst, "Core Interface Files", and transcript 09.
 */
import type { CgroupId, Pid } from "../ids";
import { ALL_MASK, IMPLICIT_MASK, SUBSYS, V1_ONLY_MASK, subsysBit } from "./controllers";
import { PSI_IDLE, availableControllers, flatKeyed, maxOr, printSsMask } from "./format";
import { getCg, hasCss, isFrozen, subtreeIds } from "./tree";
import type { CgroupState } from "./types";

export interface ReadContext {
  /** The reader's view of a pid (task_pid_vnr()): 0 for a task outside its PID namespace. */
  readonly pidView?: (pid: Pid) => number;
}

type Reader = (state: CgroupState, id: CgroupId, ctx: ReadContext) => string;

const procs: Reader = (state, id, ctx) =>
  [...getCg(state, id).procs].map((p) => `${ctx.pidView ? ctx.pidView(p) : p}\n`).join("");

/**
 * cgroup_stat_show() (6.11+): live and dying csses of each subsystem bound to v2 and not
 * inhibited there, counting this cgroup and its descendants.
 */
function cgroupStat(state: CgroupState, id: CgroupId): string {
  const shown = SUBSYS.filter((s) => (state.config.v2Bound & subsysBit(s) & ALL_MASK & ~V1_ONLY_MASK) !== 0);
  const ids = subtreeIds(state, id);
  const live = shown.map((s): [string, number] => [`nr_subsys_${s}`, ids.filter((c) => hasCss(state, c, s)).length]);
  return flatKeyed([
    ["nr_descendants", getCg(state, id).nrDescendants],
    ...live,
    ["nr_dying_descendants", 0],
    ...shown.map((s): [string, number] => [`nr_dying_subsys_${s}`, 0]),
  ]);
}

/**
 * cpu_stat_show(): the core usage lines, then the cpu controller's bandwidth lines.
 * SIMPLIFICATION: nice_usec, nr_bursts and burst_usec stay 0; PSI files always read idle and
 * cgroup.stat.local frozen_usec stays 0 (freezing is instant and untimed).
 */
function cpuStat(state: CgroupState, id: CgroupId): string {
  const c = getCg(state, id).cpu;
  const core = flatKeyed([["usage_usec", c.usageUsec], ["user_usec", c.userUsec], ["system_usec", c.systemUsec], ["nice_usec", 0]]);
  if (!hasCss(state, id, "cpu")) return core;
  return core + flatKeyed([
    ["nr_periods", c.nrPeriods], ["nr_throttled", c.nrThrottled], ["throttled_usec", c.throttledUsec],
    ["nr_bursts", 0], ["burst_usec", 0],
  ]);
}

export const CORE_READERS: Readonly<Record<string, Reader>> = {
  "cgroup.type": () => "domain\n",
  "cgroup.procs": procs,
  "cgroup.threads": procs,
  "cgroup.controllers": (s, id) => printSsMask(availableControllers(s, id)),
  "cgroup.subtree_control": (s, id) => printSsMask(getCg(s, id).subtreeControl & ~IMPLICIT_MASK),
  "cgroup.events": (s, id) => flatKeyed([["populated", getCg(s, id).nrTasks > 0 ? 1 : 0], ["frozen", isFrozen(s, id) ? 1 : 0]]),
  "cgroup.max.descendants": (s, id) => `${maxOr(getCg(s, id).maxDescendants)}\n`,
  "cgroup.max.depth": (s, id) => `${maxOr(getCg(s, id).maxDepth)}\n`,
  "cgroup.stat": cgroupStat,
  "cgroup.stat.local": (s, id) => flatKeyed([["frozen_usec", getCg(s, id).frozenUsec]]),
  "cgroup.freeze": (s, id) => (getCg(s, id).freeze ? "1\n" : "0\n"),
  "cpu.stat": cpuStat,
  "cpu.stat.local": (s, id) => (hasCss(s, id, "cpu") ? flatKeyed([["throttled_usec", getCg(s, id).cpu.throttledUsec]]) : ""),
  "io.pressure": () => PSI_IDLE,
  "memory.pressure": () => PSI_IDLE,
  "cpu.pressure": () => PSI_IDLE,
  "cgroup.pressure": () => "1\n",
};
