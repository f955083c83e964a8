/**
 * One scheduler tick of CPU time, shared as CFS group scheduling shares it: at each level the
 * runnable entities (tasks and child groups) split the time in proportion to their weights
 * ("cpu.weight: proportionally distributes CPU cycles" — cgroup-v2.rst), no entity gets more
 * than it can use (a task at most one CPU, a group at most its cpu.max quota left and its
 * cpuset), and what one leaves over goes to the others.
 * SIMPLIFICATION: CPUs are one pool per tick: no per-CPU runqueues, load balancing or
 * wake-up latency; cpuset.cpus only caps a group's total; cpu.max.burst and uclamp are ignored.
 */
import type { CgroupId, Pid } from "../ids";
import { chargeBandwidth, rollover, runtimeLeft, startPeriod } from "./cpu-bandwidth";
import { parseCpuList } from "./parse";
import { effectiveCpus } from "./read-controllers";
import { ancestors, cssOwner, getCg } from "./tree";
import type { CgroupState, CpuState } from "./types";

export interface RunnableTask {
  readonly pid: Pid;
  /** CPU time the task would use in this tick if nothing held it back (≤ the tick). */
  readonly demandUsec: number;
  /** Load weight from its nice value (sched_prio_to_weight[]); 1024 for nice 0. */
  readonly loadWeight?: number;
  /** Share of its time spent in the kernel (system_usec), 0 … 1; default 0. */
  readonly systemFraction?: number;
}

export interface CpuTick {
  /** Simulated time at the start of the tick, µs. */
  readonly nowUsec: number;
  readonly tickUsec: number;
  readonly tasks: readonly RunnableTask[];
}

export interface CpuTickResult {
  readonly state: CgroupState;
  /** CPU time each task got in this tick, µs. */
  readonly granted: ReadonlyMap<Pid, number>;
}

interface Entity { readonly weight: number; cap: number; readonly task?: RunnableTask; readonly group?: Group }
interface Group { readonly id: CgroupId; readonly entities: Entity[]; wanted: number; granted: number }

/** A group entity's weight: cpu.weight 100 is the load of one nice-0 task (1024); idle ≈ 3. */
const groupWeight = (state: CgroupState, id: CgroupId): number => {
  const cpu = getCg(state, id).cpu;
  return cpu.idle ? 3 : (cpu.weight * 1024) / 100;
};

/** Weighted max-min fair split of `amount` among entities with caps (water-filling). */
export function waterFill(amount: number, entities: readonly { weight: number; cap: number }[]): number[] {
  const out = entities.map(() => 0);
  let left = amount;
  let open = entities.map((_, i) => i).filter((i) => (entities[i]?.cap ?? 0) > 0);
  while (left > 1e-9 && open.length > 0) {
    const totalW = open.reduce((s, i) => s + (entities[i]?.weight ?? 0), 0);
    const saturated = open.filter((i) => (entities[i]?.cap ?? 0) - (out[i] ?? 0) <= (left * (entities[i]?.weight ?? 0)) / totalW);
    if (saturated.length === 0) {
      for (const i of open) out[i] = (out[i] ?? 0) + (left * (entities[i]?.weight ?? 0)) / totalW;
      break;
    }
    for (const i of saturated) { left -= (entities[i]?.cap ?? 0) - (out[i] ?? 0); out[i] = entities[i]?.cap ?? 0; }
    open = open.filter((i) => !saturated.includes(i));
  }
  return out;
}

function buildTree(state: CgroupState, tasks: readonly RunnableTask[]): Map<CgroupId, Group> {
  const groups = new Map<CgroupId, Group>();
  const groupFor = (id: CgroupId): Group => {
    const found = groups.get(id);
    if (found) return found;
    const g: Group = { id, entities: [], wanted: 0, granted: 0 };
    groups.set(id, g);
    const parent = getCg(state, id).parent;
    if (parent !== undefined) groupFor(cssOwner(state, parent, "cpu").id).entities.push({ weight: groupWeight(state, id), cap: 0, group: g });
    return g;
  };
  for (const t of tasks) {
    const cg = state.taskCgroup.get(t.pid);
    if (cg === undefined || t.demandUsec <= 0) continue;
    groupFor(cssOwner(state, cg, "cpu").id).entities.push({ weight: t.loadWeight ?? 1024, cap: t.demandUsec, task: t });
  }
  return groups;
}

/** Post-order: a group can use what its entities want, within its quota left and its cpuset. */
function computeCaps(state: CgroupState, g: Group, tickUsec: number): number {
  for (const e of g.entities) if (e.group) e.cap = computeCaps(state, e.group, tickUsec);
  g.wanted = g.entities.reduce((s, e) => s + e.cap, 0);
  const cpus = parseCpuList(effectiveCpus(state, g.id));
  const width = cpus.ok ? cpus.value.length : state.config.cpus;
  return Math.min(g.wanted, runtimeLeft(getCg(state, g.id).cpu), width * tickUsec);
}

function allocate(g: Group, amount: number, granted: Map<Pid, number>): void {
  g.granted = amount;
  const shares = waterFill(amount, g.entities);
  g.entities.forEach((e, i) => {
    const got = Math.floor(shares[i] ?? 0);
    if (e.task) granted.set(e.task.pid, got);
    if (e.group) allocate(e.group, got, granted);
  });
}

/** Adds a task's CPU time to cpu.stat of its cgroup and every ancestor (core rstat). */
function chargeUsage(state: CgroupState, t: RunnableTask, usec: number): CgroupState {
  const cg = state.taskCgroup.get(t.pid);
  if (cg === undefined || usec <= 0) return state;
  const sys = Math.round(usec * (t.systemFraction ?? 0));
  let cgroups = state.cgroups;
  for (const a of ancestors(state, cg)) {
    const cur = cgroups.get(a.id) ?? a;
    cgroups = cgroups.set(a.id, { ...cur, cpu: { ...cur.cpu, usageUsec: cur.cpu.usageUsec + usec, userUsec: cur.cpu.userUsec + usec - sys, systemUsec: cur.cpu.systemUsec + sys } });
  }
  return { ...state, cgroups };
}

const mapCpu = (state: CgroupState, id: CgroupId, f: (c: CpuState) => CpuState): CgroupState => {
  const cg = getCg(state, id);
  return { ...state, cgroups: state.cgroups.set(id, { ...cg, cpu: f(cg.cpu) }) };
};

/**
 * The scheduler's per-tick call: given every runnable task's demand, returns what each got
 * and the state with cpu.stat usage, bandwidth runtime and throttling counters updated.
 */
export function accountCpu(state: CgroupState, tick: CpuTick): CpuTickResult {
  const { nowUsec: now, tickUsec } = tick;
  let next = state;
  const groups = buildTree(next, tick.tasks);
  for (const id of groups.keys()) next = mapCpu(next, id, (c) => startPeriod(rollover(c, now), now));
  const granted = new Map<Pid, number>();
  const root = groups.get(next.root);
  if (root) allocate(root, Math.min(computeCaps(next, root, tickUsec), next.config.cpus * tickUsec), granted);
  for (const t of tick.tasks) next = chargeUsage(next, t, granted.get(t.pid) ?? 0);
  for (const g of groups.values()) next = mapCpu(next, g.id, (c) => rollover(chargeBandwidth(c, g.wanted, g.granted), now + tickUsec));
  return { state: next, granted };
}
