/**
 * The cgroup subsystem's state: readonly, serializable data. Cgroups live in a persistent map
 * keyed by CgroupId (kernfs inode number, as `stat -c %i` shows it); each cgroup is a small
 * plain record, so a fork that charges four ancestors copies four records and nothing else.
 */
import type { Map as IMap, OrderedSet } from "immutable";
import type { CgroupId, Pid } from "../ids";
import type { SubsysMask } from "./controllers";
import type { V1State } from "./v1-types";

/** `max` in interface files: no limit. */
export const MAX = Number.POSITIVE_INFINITY;

export interface MemoryEvents {
  readonly low: number;
  readonly high: number;
  readonly max: number;
  readonly oom: number;
  readonly oom_kill: number;
  readonly oom_group_kill: number;
}

export interface MemoryState {
  /** Limits in bytes, page-aligned as page_counter_memparse() stores them; MAX for `max`. */
  readonly max: number;
  readonly high: number;
  readonly low: number;
  readonly min: number;
  readonly swapMax: number;
  readonly swapHigh: number;
  readonly oomGroup: boolean;
  /** Hierarchical usage: this cgroup and every descendant (page_counter semantics). */
  readonly current: number;
  readonly peak: number;
  /** page_counter failcnt: charges refused by this counter, printed in the OOM report. */
  readonly failcnt: number;
  /** memory.events counts hierarchically, memory.events.local only here. */
  readonly events: MemoryEvents;
  readonly eventsLocal: MemoryEvents;
}

export interface PidsState {
  readonly max: number;
  readonly peak: number;
  /** pids.events `max`: forks refused because this cgroup (or a descendant's) limit was hit. */
  readonly eventsMax: number;
  /** pids.events.local: `max` (limit hit here) and forks refused for tasks in this cgroup. */
  readonly localMax: number;
  readonly localForkFail: number;
}

/** CFS bandwidth bookkeeping (`struct cfs_bandwidth`) for the current period. */
export interface CpuBandwidth {
  /** Start of the current period (µs), or undefined when the period timer is idle. */
  readonly periodStart: number | undefined;
  readonly runtimeLeft: number;
  /** Had runnable tasks in this period (so the period counts in nr_periods). */
  readonly active: boolean;
  /** Ran out of quota in this period with tasks still runnable. */
  readonly throttled: boolean;
}

export interface CpuState {
  readonly weight: number;
  readonly idle: boolean;
  /** cpu.max: quota in µs per period (MAX = no limit). */
  readonly quota: number;
  readonly period: number;
  readonly burst: number;
  readonly uclampMin: string;
  readonly uclampMax: string;
  readonly usageUsec: number;
  readonly userUsec: number;
  readonly systemUsec: number;
  readonly nrPeriods: number;
  readonly nrThrottled: number;
  readonly throttledUsec: number;
  readonly bw: CpuBandwidth;
}

export interface IoState {
  readonly weightDefault: number;
  /** Per-device overrides of io.weight, keyed `MAJ:MIN`. */
  readonly weights: Readonly<Record<string, number>>;
  /** io.max lines keyed `MAJ:MIN`: rbps, wbps, riops, wiops (MAX = unlimited). */
  readonly max: Readonly<Record<string, IoMax>>;
}
export interface IoMax { readonly rbps: number; readonly wbps: number; readonly riops: number; readonly wiops: number }

export interface CpusetState {
  /** As written (normalised list form, e.g. `0-1`); empty means "inherit the parent's". */
  readonly cpus: string;
  readonly mems: string;
  readonly cpusExclusive: string;
  readonly partition: "member" | "root" | "isolated";
}

/** One device rule as cgroup v1's devices.list prints it and the OCI spec carries it: `c 1:3 rwm`. */
export interface DeviceRule {
  readonly allow: boolean;
  /** `a` (all), `c` (character), `b` (block). */
  readonly type: "a" | "c" | "b";
  readonly major: number | "*";
  readonly minor: number | "*";
  /** Some of `r` (read), `w` (write), `m` (mknod). */
  readonly access: string;
}

export interface Cgroup {
  readonly id: CgroupId;
  readonly name: string;
  readonly parent: CgroupId | undefined;
  readonly level: number;
  readonly children: IMap<string, CgroupId>;
  /** Member processes in attach order (cgroup.procs lists them in that order). */
  readonly procs: OrderedSet<Pid>;
  /** Processes in this cgroup and all descendants: `populated`, and what pids.current counts. */
  readonly nrTasks: number;
  readonly subtreeControl: SubsysMask;
  /** cgroup.freeze as written here. */
  readonly freeze: boolean;
  readonly maxDepth: number;
  readonly maxDescendants: number;
  readonly nrDescendants: number;
  /** Frozen time (µs) for cgroup.stat.local `frozen_usec`, and when the current freeze began. */
  readonly frozenUsec: number;
  readonly memory: MemoryState;
  readonly pids: PidsState;
  readonly cpu: CpuState;
  readonly io: IoState;
  readonly cpuset: CpusetState;
  /** The rules of the BPF device program attached here (BPF_CGROUP_DEVICE), or null. */
  readonly devices: readonly DeviceRule[] | null;
}

export interface CgroupConfig {
  /** Online CPUs (`cpuset.cpus.effective` of the root is `0-(n-1)`). */
  readonly cpus: number;
  /** Block devices as `MAJ:MIN`, for io.max / io.weight / io.stat. */
  readonly blockDevices: readonly string[];
  /** Huge page sizes with hugetlb files, as the kernel names them. */
  readonly hugepageSizes: readonly string[];
  /** Subsystems bound to the v2 hierarchy (a v1 mount may take some away). */
  readonly v2Bound: SubsysMask;
}

export interface MemCharge { readonly cg: CgroupId; readonly bytes: number }

export interface CgroupState {
  readonly config: CgroupConfig;
  readonly root: CgroupId;
  readonly nextId: number;
  readonly cgroups: IMap<CgroupId, Cgroup>;
  /** Each process's v2 cgroup (`task->cgroups->dfl_cgrp`). */
  readonly taskCgroup: IMap<Pid, CgroupId>;
  /** Where each process's memory is charged: it stays there when the process moves (v2). */
  readonly memCharges: IMap<Pid, readonly MemCharge[]>;
  readonly v1: V1State;
}

/** What a cgroup operation asks the rest of the kernel to do: plans, not effects. */
export type CgroupEffect =
  /** SIGKILL each process (cgroup.kill). */
  | { readonly kind: "kill"; readonly pids: readonly Pid[] }
  /** Freeze or thaw each process (cgroup.freeze). */
  | { readonly kind: "freeze"; readonly pids: readonly Pid[]; readonly frozen: boolean }
  /** Usage is above memory.max after a write: run the OOM killer in this memcg until it fits. */
  | { readonly kind: "oom"; readonly memcg: CgroupId }
  /** Run the v1 release agent as root in the initial namespaces (call_usermodehelper). */
  | { readonly kind: "release-agent"; readonly argv: readonly [string, string]; readonly envp: readonly string[] }
  /** A kernel log line (printk). */
  | { readonly kind: "log"; readonly level: number; readonly text: string };

export const KERN_ERR = 3;
export const KERN_WARNING = 4;
export const KERN_INFO = 6;
