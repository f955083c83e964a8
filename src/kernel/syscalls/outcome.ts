/** What every syscall returns: the next state, the result or errno, and the ordered checks. */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { KernelState } from "../state";
import type { Check, Trace } from "../trace";

/** A call that would sleep (an empty pipe, a full one): the caller's executor retries it later. */
export interface Blocked {
  readonly kind: "blocked";
}
export const BLOCKED: Blocked = { kind: "blocked" };

export interface SyscallOutcome<T = unknown> {
  readonly state: KernelState;
  readonly result: Result<T, Errno>;
  readonly trace: Trace;
}

export const succeed = <T>(state: KernelState, trace: Trace, value: T): SyscallOutcome<T> => ({
  state, result: ok(value), trace,
});

/** A failure leaves the state as it was (plus whatever the failing check logged). */
export const fail = <T = never>(state: KernelState, trace: Trace, errno: Errno): SyscallOutcome<T> => ({
  state, result: err(errno), trace,
});

/** Fails with the errno of the last check, which must be a denial. */
export function denied<T = never>(state: KernelState, trace: readonly Check[]): SyscallOutcome<T> {
  const last = trace[trace.length - 1];
  if (!last || last.verdict !== "deny" || !last.errno) throw new Error("kernel invariant: denied() without a denial");
  return fail(state, trace, last.errno);
}
