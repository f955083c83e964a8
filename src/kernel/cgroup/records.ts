/**
 * Fresh records with the defaults a new cgroup gets (what its interface files read right after
 * mkdir: `max`, `max 100000`, `100`, `default 100`, …).
 */
import { Map as IMap, OrderedSet } from "immutable";
import type { CgroupId, Pid } from "../ids";
import type { Cgroup, CgroupState, CpuState, IoState, MemoryEvents, MemoryState, PidsState } from "./types";
import { MAX } from "./types";

export const NO_MEMORY_EVENTS: MemoryEvents = { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0, oom_group_kill: 0 };

export const DEFAULT_MEMORY: MemoryState = {
  max: MAX, high: MAX, low: 0, min: 0, swapMax: MAX, swapHigh: MAX, oomGroup: false,
  current: 0, peak: 0, failcnt: 0, events: NO_MEMORY_EVENTS, eventsLocal: NO_MEMORY_EVENTS,
};

export const DEFAULT_PIDS: PidsState = { max: MAX, peak: 0, eventsMax: 0, localMax: 0, localForkFail: 0 };

/** CFS defaults: weight 100 (= cpu.shares 1024), period 100 ms — kernel/sched/fair.c. */
export const DEFAULT_CPU: CpuState = {
  weight: 100, idle: false, quota: MAX, period: 100_000, burst: 0, uclampMin: "0.00", uclampMax: "max",
  usageUsec: 0, userUsec: 0, systemUsec: 0, nrPeriods: 0, nrThrottled: 0, throttledUsec: 0,
  bw: { periodStart: undefined, runtimeLeft: 0, active: false, throttled: false },
};

export const DEFAULT_IO: IoState = { weightDefault: 100, weights: {}, max: {} };

/** Limits a controller's css starts with: what re-enabling a controller resets a child to. */
export function resetControllerLimits(cg: Cgroup, ctrl: string): Cgroup {
  switch (ctrl) {
    case "memory":
      return { ...cg, memory: { ...DEFAULT_MEMORY, current: cg.memory.current, peak: cg.memory.peak } };
    case "pids":
      return { ...cg, pids: { ...cg.pids, max: MAX } };
    case "cpu": {
      const { weight, idle, quota, period, burst, uclampMin, uclampMax, bw } = DEFAULT_CPU;
      return { ...cg, cpu: { ...cg.cpu, weight, idle, quota, period, burst, uclampMin, uclampMax, bw } };
    }
    case "io":
      return { ...cg, io: DEFAULT_IO };
    case "cpuset":
      return { ...cg, cpuset: { cpus: "", mems: "", cpusExclusive: "", partition: "member" } };
    default:
      return cg;
  }
}

/**
 * A shallow copy of a cgroup, to change before it is stored. Performance: every fork and exit
 * copies each cgroup on the task's path; a spread there meets many object shapes and takes
 * V8's generic copy, about twenty times slower than this literal. Fields in newCgroup()'s order.
 */
export function copyCgroup(cg: Cgroup): { -readonly [K in keyof Cgroup]: Cgroup[K] } {
  return {
    id: cg.id, name: cg.name, parent: cg.parent, level: cg.level, children: cg.children, procs: cg.procs,
    nrTasks: cg.nrTasks, subtreeControl: cg.subtreeControl, freeze: cg.freeze, maxDepth: cg.maxDepth,
    maxDescendants: cg.maxDescendants, nrDescendants: cg.nrDescendants, frozenUsec: cg.frozenUsec,
    memory: cg.memory, pids: cg.pids, cpu: cg.cpu, io: cg.io, cpuset: cg.cpuset, devices: cg.devices,
  };
}

/** A shallow copy of the cgroup state (fields in emptyCgroupState()'s order), for the same reason. */
export function copyCgroupState(s: CgroupState): { -readonly [K in keyof CgroupState]: CgroupState[K] } {
  return { config: s.config, root: s.root, nextId: s.nextId, cgroups: s.cgroups, taskCgroup: s.taskCgroup, memCharges: s.memCharges, v1: s.v1 };
}

export function newCgroup(id: CgroupId, name: string, parent: CgroupId | undefined, level: number): Cgroup {
  return {
    id, name, parent, level,
    children: IMap<string, CgroupId>(),
    procs: OrderedSet<Pid>(),
    nrTasks: 0,
    subtreeControl: 0,
    freeze: false,
    maxDepth: MAX,
    maxDescendants: MAX,
    nrDescendants: 0,
    frozenUsec: 0,
    memory: DEFAULT_MEMORY,
    pids: DEFAULT_PIDS,
    cpu: DEFAULT_CPU,
    io: DEFAULT_IO,
    cpuset: { cpus: "", mems: "", cpusExclusive: "", partition: "member" },
    devices: null,
  };
}
