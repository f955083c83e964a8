/**
 * Which interface files a v2 cgroup directory holds: the core files (kernel/cgroup/cgroup.c:
 * cgroup_base_files, cgroup_psi_files) and each controller's `dfl_cftypes` when the cgroup has
 * that controller's css. CFTYPE_NOT_ON_ROOT files are absent from the root and
 * CFTYPE_ONLY_ON_ROOT ones appear only there. Listed in byte order, as `ls` in the C locale.
 * SIMPLIFICATION: one kernel configuration (Ubuntu-like, no bfq, no dmem controller); kernfs
 * itself returns entries in hash order, the listing here is already sorted.
 */
import type { CgroupId } from "../ids";
import type { Controller } from "./controllers";
import { V2_CONTROLLERS } from "./controllers";
import { getCg, hasCss } from "./tree";
import type { CgroupState } from "./types";

/** `n`: CFTYPE_NOT_ON_ROOT, `r`: CFTYPE_ONLY_ON_ROOT, `a`: everywhere. */
type Where = "n" | "r" | "a";

/**
 * Linux 6.18 with PSI and without CONFIG_IRQ_TIME_ACCOUNTING, like the recorded kernel
 * (transcript 09 lists no irq.pressure).
 */
const CORE: readonly (readonly [string, Where])[] = [
  ["cgroup.type", "n"], ["cgroup.procs", "a"], ["cgroup.threads", "a"], ["cgroup.controllers", "a"],
  ["cgroup.subtree_control", "a"], ["cgroup.events", "n"], ["cgroup.max.descendants", "a"],
  ["cgroup.max.depth", "a"], ["cgroup.stat", "a"], ["cgroup.stat.local", "n"], ["cgroup.freeze", "n"],
  ["cgroup.kill", "n"], ["cpu.stat", "a"], ["cpu.stat.local", "a"],
  ["io.pressure", "a"], ["memory.pressure", "a"], ["cpu.pressure", "a"], ["cgroup.pressure", "a"],
];

const CONTROLLER_FILES: Record<Exclude<Controller, "hugetlb">, readonly (readonly [string, Where])[]> = {
  cpuset: [
    ["cpuset.cpus", "n"], ["cpuset.mems", "n"], ["cpuset.cpus.effective", "a"], ["cpuset.mems.effective", "a"],
    ["cpuset.cpus.partition", "n"], ["cpuset.cpus.exclusive", "n"], ["cpuset.cpus.exclusive.effective", "n"],
    ["cpuset.cpus.isolated", "r"],
  ],
  cpu: [
    ["cpu.weight", "n"], ["cpu.weight.nice", "n"], ["cpu.idle", "n"], ["cpu.max", "n"], ["cpu.max.burst", "n"],
    ["cpu.uclamp.min", "n"], ["cpu.uclamp.max", "n"],
  ],
  io: [
    ["io.stat", "a"], ["io.max", "n"], ["io.weight", "n"], ["io.cost.qos", "r"], ["io.cost.model", "r"],
    ["io.latency", "n"], ["io.prio.class", "a"],
  ],
  memory: [
    ["memory.current", "n"], ["memory.min", "n"], ["memory.low", "n"], ["memory.high", "n"], ["memory.max", "n"],
    ["memory.peak", "n"], ["memory.events", "n"], ["memory.events.local", "n"], ["memory.stat", "a"],
    ["memory.numa_stat", "a"], ["memory.oom.group", "n"], ["memory.reclaim", "a"],
    ["memory.swap.current", "n"], ["memory.swap.high", "n"], ["memory.swap.max", "n"], ["memory.swap.peak", "n"],
    ["memory.swap.events", "n"], ["memory.zswap.current", "n"], ["memory.zswap.max", "n"], ["memory.zswap.writeback", "a"],
  ],
  pids: [["pids.max", "n"], ["pids.current", "n"], ["pids.peak", "n"], ["pids.events", "n"], ["pids.events.local", "n"]],
  rdma: [["rdma.max", "n"], ["rdma.current", "n"]],
  misc: [
    ["misc.max", "n"], ["misc.current", "a"], ["misc.peak", "a"], ["misc.capacity", "r"], ["misc.events", "n"],
    ["misc.events.local", "n"],
  ],
};

/** mm/hugetlb_cgroup.c: __hugetlb_cgroup_file_dfl_init(), every file CFTYPE_NOT_ON_ROOT. */
const hugetlbFiles = (sizes: readonly string[]): (readonly [string, Where])[] =>
  sizes.flatMap((s) => ["current", "events", "events.local", "max", "numa_stat", "rsvd.current", "rsvd.max"]
    .map((f): readonly [string, Where] => [`hugetlb.${s}.${f}`, "n"]));

const shown = (where: Where, isRoot: boolean): boolean => where === "a" || (where === "n") !== isRoot;

/** The file names a v2 cgroup directory holds, sorted bytewise. */
export function listFiles(state: CgroupState, id: CgroupId): string[] {
  const isRoot = getCg(state, id).parent === undefined;
  const files = CORE.filter(([, w]) => shown(w, isRoot)).map(([n]) => n);
  for (const ctrl of V2_CONTROLLERS) {
    if (!hasCss(state, id, ctrl)) continue;
    const table = ctrl === "hugetlb" ? hugetlbFiles(state.config.hugepageSizes) : CONTROLLER_FILES[ctrl];
    files.push(...table.filter(([, w]) => shown(w, isRoot)).map(([n]) => n));
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The controller that owns a file (`memory.max` → memory); undefined for core files. */
export function fileController(name: string): Controller | undefined {
  const prefix = name.split(".")[0] ?? "";
  return (V2_CONTROLLERS as readonly string[]).includes(prefix) ? (prefix as Controller) : undefined;
}

export const hasFile = (state: CgroupState, id: CgroupId, name: string): boolean => listFiles(state, id).includes(name);
