/**
 * Readers of the cpu, cpuset, io, pids, hugetlb, rdma and misc files. Formats from
 * Documentation/admin-guide/cgroup-v2.rst and the handlers it names.
 * SIMPLIFICATION: no block I/O is simulated (io.stat is empty, io.max and io.weight are stored
 * but not applied), the host has no RDMA devices or misc resources, and mems are node 0 only.
 */
import type { CgroupId } from "../ids";
import { flatKeyed, maxOr } from "./format";
import { formatCpuList } from "./parse";
import { getCg } from "./tree";
import type { CgroupState, IoMax } from "./types";

type Reader = (state: CgroupState, id: CgroupId) => string;

/** sched_prio_to_weight[]: the load weight of nice -20 … 19 (kernel/sched/core.c). */
export const NICE_WEIGHTS = [
  88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916, 9548, 7620, 6100, 4904, 3906,
  3121, 2501, 1991, 1586, 1277, 1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45,
  36, 29, 23, 18, 15,
];

/** cpu_weight_nice_read(): the nice value whose load weight is closest to the cgroup's. */
export function weightToNice(weight: number): number {
  const shares = Math.round((weight * 1024) / 100);
  let prio = 1;
  let last = Math.abs((NICE_WEIGHTS[0] ?? 0) - shares);
  for (; prio < NICE_WEIGHTS.length; prio++) {
    const delta = Math.abs((NICE_WEIGHTS[prio] ?? 0) - shares);
    if (delta >= last) break;
    last = delta;
  }
  return prio - 1 - 20;
}

/** The CPUs a cgroup may use: its own cpuset.cpus, else its parent's (cpuset.cpus.effective). */
export function effectiveCpus(state: CgroupState, id: CgroupId): string {
  const cg = getCg(state, id);
  if (cg.cpuset.cpus !== "") return cg.cpuset.cpus;
  if (cg.parent !== undefined) return effectiveCpus(state, cg.parent);
  return formatCpuList([...Array(state.config.cpus).keys()]);
}

const ioMaxLine = (dev: string, m: IoMax): string =>
  `${dev} rbps=${maxOr(m.rbps)} wbps=${maxOr(m.wbps)} riops=${maxOr(m.riops)} wiops=${maxOr(m.wiops)}\n`;

const cpu = (s: CgroupState, id: CgroupId) => getCg(s, id).cpu;
const pids = (s: CgroupState, id: CgroupId) => getCg(s, id).pids;

export const CONTROLLER_READERS: Readonly<Record<string, Reader>> = {
  "cpu.weight": (s, id) => `${cpu(s, id).weight}\n`,
  "cpu.weight.nice": (s, id) => `${weightToNice(cpu(s, id).weight)}\n`,
  "cpu.idle": (s, id) => (cpu(s, id).idle ? "1\n" : "0\n"),
  "cpu.max": (s, id) => `${maxOr(cpu(s, id).quota)} ${cpu(s, id).period}\n`,
  "cpu.max.burst": (s, id) => `${cpu(s, id).burst}\n`,
  "cpu.uclamp.min": (s, id) => `${cpu(s, id).uclampMin}\n`,
  "cpu.uclamp.max": (s, id) => `${cpu(s, id).uclampMax}\n`,
  "cpuset.cpus": (s, id) => `${getCg(s, id).cpuset.cpus}\n`,
  "cpuset.mems": (s, id) => `${getCg(s, id).cpuset.mems}\n`,
  "cpuset.cpus.effective": (s, id) => `${effectiveCpus(s, id)}\n`,
  "cpuset.mems.effective": () => "0\n",
  "cpuset.cpus.partition": (s, id) => `${getCg(s, id).cpuset.partition}\n`,
  "cpuset.cpus.exclusive": (s, id) => `${getCg(s, id).cpuset.cpusExclusive}\n`,
  "cpuset.cpus.exclusive.effective": (s, id) => `${getCg(s, id).cpuset.cpusExclusive}\n`,
  "cpuset.cpus.isolated": () => "\n",
  "io.stat": () => "",
  "io.max": (s, id) => Object.entries(getCg(s, id).io.max).sort().map(([dev, m]) => ioMaxLine(dev, m)).join(""),
  "io.weight": (s, id) => {
    const io = getCg(s, id).io;
    return `default ${io.weightDefault}\n${Object.entries(io.weights).sort().map(([d, w]) => `${d} ${w}\n`).join("")}`;
  },
  "io.cost.qos": () => "",
  "io.cost.model": () => "",
  "io.latency": () => "",
  "io.prio.class": () => "no-change\n",
  "pids.max": (s, id) => `${maxOr(pids(s, id).max)}\n`,
  "pids.current": (s, id) => `${getCg(s, id).nrTasks}\n`,
  "pids.peak": (s, id) => `${pids(s, id).peak}\n`,
  "pids.events": (s, id) => flatKeyed([["max", pids(s, id).eventsMax]]),
  "pids.events.local": (s, id) => flatKeyed([["max", pids(s, id).localMax]]),
  "rdma.max": () => "",
  "rdma.current": () => "",
  "misc.max": () => "",
  "misc.current": () => "",
  "misc.peak": () => "",
  "misc.capacity": () => "",
  "misc.events": () => "",
  "misc.events.local": () => "",
};

/** hugetlb.<size>.<file>: nothing reserved or used on the simulated host. */
export function readHugetlb(name: string): string {
  const file = name.split(".").slice(2).join(".");
  if (file === "max" || file === "rsvd.max") return "max\n";
  if (file === "events" || file === "events.local") return "max 0\n";
  if (file === "numa_stat") return "total=0 N0=0\n";
  return "0\n";
}
