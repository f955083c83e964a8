/**
 * Writers of the cpu and cpuset controllers' files (kernel/sched/core.c, kernel/cgroup/cpuset.c).
 */
import { err, ok } from "../../lib";
import type { CgroupId } from "../ids";
import { NICE_WEIGHTS, effectiveCpus } from "./read-controllers";
import { formatCpuList, kstrtoint, kstrtou64, parseCpuList, strstrip } from "./parse";
import { getCg, putCg } from "./tree";
import type { CgroupState, CpuState, CpusetState } from "./types";
import { MAX } from "./types";
import type { WriteResult, Writer } from "./write-types";

/** Bounds of tg_set_cfs_bandwidth(): period 1 ms … 1 s, quota ≥ 1 ms, runtime < 2^44 µs. */
const MIN_PERIOD = 1000;
const MAX_PERIOD = 1_000_000;
const MAX_RUNTIME = 2 ** 44 - 1;

const done = (state: CgroupState): WriteResult => ok({ state, effects: [] });
const setCpu = (state: CgroupState, id: CgroupId, patch: Partial<CpuState>): CgroupState => {
  const cg = getCg(state, id);
  return putCg(state, { ...cg, cpu: { ...cg.cpu, ...patch } });
};
const setCpuset = (state: CgroupState, id: CgroupId, patch: Partial<CpusetState>): CgroupState => {
  const cg = getCg(state, id);
  return putCg(state, { ...cg, cpuset: { ...cg.cpuset, ...patch } });
};

/** sscanf("%llu"): leading digits; undefined when there are none. */
const scanU64 = (tok: string): number | undefined => (/^\+?\d+/.test(tok) ? parseInt(tok.replace("+", ""), 10) : undefined);

/**
 * cpu_max_write() → cpu_period_quota_parse(): `$MAX [$PERIOD]`, where $MAX is `max` or µs;
 * "If only one number is written, $MAX is updated" — cgroup-v2.rst. Out-of-range EINVAL.
 */
function writeCpuMax(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const [tok, periodTok] = strstrip(text).split(/\s+/);
  if (!tok) return err("EINVAL");
  const cur = getCg(state, id).cpu;
  const period = periodTok === undefined ? cur.period : scanU64(periodTok);
  const quota = tok === "max" ? MAX : scanU64(tok);
  if (period === undefined || quota === undefined) return err("EINVAL");
  if (period < MIN_PERIOD || period > MAX_PERIOD) return err("EINVAL");
  if (quota !== MAX && (quota < MIN_PERIOD || quota > MAX_RUNTIME || cur.burst > quota)) return err("EINVAL");
  return done(setCpu(state, id, { quota, period, bw: { ...cur.bw, runtimeLeft: quota === MAX ? 0 : quota } }));
}

/** cpu_weight_write(): 1 … 10000, else ERANGE. */
function writeWeight(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const v = kstrtou64(strstrip(text));
  if (!v.ok) return err(v.error);
  if (v.value < 1 || v.value > 10000) return err("ERANGE");
  return done(setCpu(state, id, { weight: v.value }));
}

/** cpu_weight_nice_write(): nice -20 … 19 (ERANGE), stored as the matching weight. */
function writeNice(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const v = kstrtoint(strstrip(text));
  if (!v.ok) return err(v.error);
  if (v.value < -20 || v.value > 19) return err("ERANGE");
  const load = NICE_WEIGHTS[v.value + 20] ?? 1024;
  return done(setCpu(state, id, { weight: Math.min(10000, Math.max(1, Math.round((load * 100) / 1024))) }));
}

const writeIdle: Writer = (state, id, text) => {
  const v = kstrtoint(strstrip(text));
  if (!v.ok || v.value < 0 || v.value > 1) return err("EINVAL");
  return done(setCpu(state, id, { idle: v.value === 1 }));
};

/** cpu_max_burst_write(): µs, at most the quota. */
const writeBurst: Writer = (state, id, text) => {
  const v = kstrtou64(strstrip(text));
  if (!v.ok) return err(v.error);
  const quota = getCg(state, id).cpu.quota;
  if (quota !== MAX && v.value > quota) return err("EINVAL");
  return done(setCpu(state, id, { burst: v.value }));
};

/** cpu_uclamp_write(): `max` or a percentage with up to two decimals. */
const writeUclamp = (field: "uclampMin" | "uclampMax"): Writer => (state, id, text) => {
  const s = strstrip(text);
  if (s === "max") return done(setCpu(state, id, { [field]: "max" }));
  if (!/^\d+(\.\d{1,2})?$/.test(s) || Number(s) > 100) return err("EINVAL");
  return done(setCpu(state, id, { [field]: Number(s).toFixed(2) }));
};

/** update_cpumask(): the CPUs must exist and be within the parent's effective CPUs. */
function writeCpus(field: "cpus" | "cpusExclusive"): Writer {
  return (state, id, text) => {
    const list = parseCpuList(strstrip(text));
    if (!list.ok) return err(list.error);
    const parent = getCg(state, id).parent;
    const allowed = parseCpuList(parent === undefined ? effectiveCpus(state, id) : effectiveCpus(state, parent));
    if (!allowed.ok || list.value.some((c) => !allowed.value.includes(c))) return err("EINVAL");
    return done(setCpuset(state, id, { [field]: formatCpuList(list.value) }));
  };
}

const writeMems: Writer = (state, id, text) => {
  const s = strstrip(text);
  return s === "" || s === "0" ? done(setCpuset(state, id, { mems: s })) : err("EINVAL");
};

const writePartition: Writer = (state, id, text) => {
  const s = strstrip(text);
  return s === "member" || s === "root" || s === "isolated" ? done(setCpuset(state, id, { partition: s })) : err("EINVAL");
};

export const CPU_WRITERS: Readonly<Record<string, Writer>> = {
  "cpu.max": writeCpuMax,
  "cpu.weight": writeWeight,
  "cpu.weight.nice": writeNice,
  "cpu.idle": writeIdle,
  "cpu.max.burst": writeBurst,
  "cpu.uclamp.min": writeUclamp("uclampMin"),
  "cpu.uclamp.max": writeUclamp("uclampMax"),
  "cpuset.cpus": writeCpus("cpus"),
  "cpuset.cpus.exclusive": writeCpus("cpusExclusive"),
  "cpuset.mems": writeMems,
  "cpuset.cpus.partition": writePartition,
};
