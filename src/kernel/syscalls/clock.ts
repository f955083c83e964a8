/**
 * clock_gettime(2) and clock_nanosleep(2) (`kernel/time/posix-timers.c`, `hrtimer.c`). A task
 * in a time namespace sees CLOCK_MONOTONIC and CLOCK_BOOTTIME moved by its offsets
 * (time_namespaces(7)); CLOCK_REALTIME is the same everywhere.
 *
 * A sleep that has not ended returns `blocked` with the task asleep until its deadline; the
 * executor retries it, which is why sleeps use absolute deadlines as the kernel's own restart
 * does (`restart_block` with TIMER_ABSTIME): retrying never starts the sleep again.
 */
import type { KernelState } from "../state";
import { getNs, putTask } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { BOOT_REALTIME_SEC } from "../vfs/clock";
import { failed } from "../vfs/sys-common";
import type { Blocked, SyscallOutcome } from "./outcome";
import { BLOCKED, succeed } from "./outcome";

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_BOOTTIME = 7;
export const TIMER_ABSTIME = 1;

const NS_PER_SEC = 1_000_000_000;

export interface ClockGettimeCall {
  readonly name: "clock_gettime";
  readonly clock: number;
}

export interface ClockNanosleepCall {
  readonly name: "clock_nanosleep";
  readonly clock: number;
  /** 0 (relative) or TIMER_ABSTIME. */
  readonly flags: number;
  /** The interval, or the deadline on `clock`, in nanoseconds. */
  readonly ns: number;
}

export interface Timespec {
  readonly sec: number;
  readonly nsec: number;
}

/** The offset between the kernel's clock and what `task` reads on `clock`, in nanoseconds. */
function offsetNs(state: KernelState, task: Task, clock: number): number | undefined {
  const ns = getNs(state, task.ns.time, "time");
  if (clock === CLOCK_MONOTONIC) return ns.monotonicOffsetNs;
  if (clock === CLOCK_BOOTTIME) return ns.boottimeOffsetNs;
  if (clock === CLOCK_REALTIME) return BOOT_REALTIME_SEC * NS_PER_SEC;
  return undefined;
}

const split = (ns: number): Timespec => {
  const sec = Math.floor(ns / NS_PER_SEC);
  return { sec, nsec: ns - sec * NS_PER_SEC };
};

export function sysClockGettime(state: KernelState, caller: Task, call: ClockGettimeCall): SyscallOutcome<Timespec> {
  const offset = offsetNs(state, caller, call.clock);
  if (offset === undefined) return failed(state, [deny("kernel", "clockid_to_kclock", `clock ${call.clock} is not modelled`, "EINVAL")]);
  return succeed(state, [pass("kernel", "posix_get_clock", `clock ${call.clock} read`)], split(state.nowNs + offset));
}

export function sysClockNanosleep(state: KernelState, caller: Task, call: ClockNanosleepCall): SyscallOutcome<0 | Blocked> {
  const offset = offsetNs(state, caller, call.clock);
  if (offset === undefined) return failed(state, [deny("kernel", "clockid_to_kclock", `clock ${call.clock} is not modelled`, "EINVAL")]);
  if (call.ns < 0 && !(call.flags & TIMER_ABSTIME)) return failed(state, [deny("kernel", "hrtimer_nanosleep", "negative interval", "EINVAL")]);
  const deadline = call.flags & TIMER_ABSTIME ? call.ns - offset : state.nowNs + call.ns;
  if (deadline <= state.nowNs) {
    const awake = caller.activity.kind === "sleep" ? putTask(state, { ...caller, state: "R", activity: { kind: "idle" } }) : state;
    return succeed(awake, [pass("kernel", "hrtimer_nanosleep", "the deadline has passed: the sleep is over")], 0);
  }
  const asleep = putTask(state, { ...caller, state: "S", activity: { kind: "sleep", untilNs: deadline } });
  return succeed(asleep, [pass("kernel", "hrtimer_nanosleep", `asleep until ${(deadline / 1e9).toFixed(3)} s after boot`)], BLOCKED);
}
