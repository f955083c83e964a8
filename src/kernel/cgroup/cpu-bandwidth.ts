/**
 * CFS bandwidth control per period (kernel/sched/fair.c: do_sched_cfs_period_timer(),
 * __assign_cfs_rq_runtime(), throttle_cfs_rq()). "The cgroup's processes can use up to $MAX
 * of CPU time in each $PERIOD ... once the quota is used up, they are throttled until the next
 * period" — Documentation/admin-guide/cgroup-v2.rst, cpu.max; the quota counts across CPUs.
 */
import type { CpuBandwidth, CpuState } from "./types";
import { MAX } from "./types";

export const isLimited = (cpu: CpuState): boolean => cpu.quota !== MAX;

/**
 * Ends every period that is over by `now`. The period timer keeps its phase (hrtimer_forward
 * with a fixed period), and starts at the first demand after the quota was set.
 * SIMPLIFICATION: only periods with runnable tasks count in nr_periods; Linux also counts
 * the one idle period after which the period timer stops.
 */
export function rollover(cpu: CpuState, now: number): CpuState {
  const bw = cpu.bw;
  if (!isLimited(cpu) || bw.periodStart === undefined) return cpu;
  const ended = Math.floor((now - bw.periodStart) / cpu.period);
  if (ended < 1) return cpu;
  const nextBw: CpuBandwidth = { periodStart: bw.periodStart + ended * cpu.period, runtimeLeft: cpu.quota, active: false, throttled: false };
  return {
    ...cpu,
    nrPeriods: cpu.nrPeriods + (bw.active ? 1 : 0),
    nrThrottled: cpu.nrThrottled + (bw.active && bw.throttled ? 1 : 0),
    bw: nextBw,
  };
}

/** start_cfs_bandwidth(): the first demand of a limited group starts its period timer. */
export function startPeriod(cpu: CpuState, now: number): CpuState {
  if (!isLimited(cpu) || cpu.bw.periodStart !== undefined) return cpu;
  return { ...cpu, bw: { periodStart: now, runtimeLeft: cpu.quota, active: false, throttled: false } };
}

/** The CPU time a limited group may still use in this period (Infinity when unlimited). */
export const runtimeLeft = (cpu: CpuState): number => (isLimited(cpu) ? Math.max(0, cpu.bw.runtimeLeft) : Number.POSITIVE_INFINITY);

/**
 * Charges one tick to a group's bandwidth: runtime used, and when the quota ran out with
 * demand unmet, the group is throttled for the rest of the period. throttled_usec counts the
 * CPU time its runnable tasks waited (per cfs_rq, so per CPU, as Linux sums it).
 */
export function chargeBandwidth(cpu: CpuState, wanted: number, granted: number): CpuState {
  if (!isLimited(cpu) || wanted <= 0) return cpu;
  const left = cpu.bw.runtimeLeft - granted;
  const throttledNow = left <= 0 && granted < wanted;
  return {
    ...cpu,
    throttledUsec: cpu.throttledUsec + (throttledNow ? wanted - granted : 0),
    bw: { ...cpu.bw, runtimeLeft: left, active: true, throttled: cpu.bw.throttled || throttledNow },
  };
}
