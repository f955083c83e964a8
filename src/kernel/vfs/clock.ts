/**
 * CLOCK_REALTIME for file timestamps. The kernel state keeps time since boot; the wall clock at
 * boot is fixed here.
 * SIMPLIFICATION: the host booted at a fixed wall-clock time (2025-11-28 22:56:00 UTC, the day
 * the reference transcripts were recorded) until the kernel has its own CLOCK_REALTIME.
 */
import type { KernelState } from "../state";
import type { Timespec } from "./types";

export const BOOT_REALTIME_SEC = 1_764_370_560;

const NS_PER_SEC = 1_000_000_000;

/** `current_time()`: now, as a timestamp for an inode. */
export function realtimeNow(state: Pick<KernelState, "nowNs">): Timespec {
  const whole = Math.floor(state.nowNs / NS_PER_SEC);
  return { sec: BOOT_REALTIME_SEC + whole, nsec: state.nowNs - whole * NS_PER_SEC };
}

/** A fixed wall-clock time (install time of the host's files). */
export const timespecAt = (sec: number): Timespec => ({ sec, nsec: 0 });
