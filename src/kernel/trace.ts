/**
 * Traces: every syscall returns the checks it went through, in the order Linux applies them.
 * The UI and the scenario engine explain outcomes only from these records.
 */
import type { Errno } from "./errno";

/** The layer a check belongs to: what a learner switches on or off to change the outcome. */
export type CheckLayer =
  | "seccomp" // the task's seccomp filter, applied at syscall entry
  | "namespace" // which namespace a lookup or permission is relative to
  | "capability" // ns_capable()/capable() against the task's effective set
  | "lsm" // AppArmor or SELinux hooks
  | "cgroup" // a cgroup limit (pids.max, memory.max, devices)
  | "dac" // file ownership and mode bits
  | "kernel"; // any other rule of the syscall itself (bad argument, missing object, flaw)

export interface Check {
  readonly layer: CheckLayer;
  readonly verdict: "pass" | "deny";
  /** The rule, as named in Linux: `ns_capable(CAP_SYS_ADMIN)`, `seccomp: mount`, `pids.max`. */
  readonly rule: string;
  /** One line for a learner, naming the Linux rule and the object it applied to. */
  readonly reason: string;
  /** The errno a denial returns. */
  readonly errno?: Errno;
  /** An LSM audit record for the kernel log; syscall() writes it there, success or not. */
  readonly audit?: string;
}

export type Trace = readonly Check[];

export const pass = (layer: CheckLayer, rule: string, reason: string): Check => ({ layer, verdict: "pass", rule, reason });
export const deny = (layer: CheckLayer, rule: string, reason: string, errno: Errno): Check => ({
  layer, verdict: "deny", rule, reason, errno,
});

/** The first denial in a trace: the layer that said no. */
export const blockingCheck = (trace: Trace): Check | undefined => trace.find((c) => c.verdict === "deny");
