/**
 * The seccomp step of a syscall's trace, and what /proc shows about a task's filters.
 * Seccomp runs first, at syscall entry (arch/x86/entry: syscall_trace_enter() →
 * __secure_computing()), before the syscall looks at a namespace, a capability or a file.
 */
import type { Check } from "../../trace";
import { pass } from "../../trace";
import { evaluateSeccompStack } from "./evaluate";
import { explainSeccomp } from "./explain";
import type { SeccompCall, SeccompFilter } from "./types";

/**
 * The check for `call` under the task's filters (install order, oldest first). Allow and log
 * pass; errno, trace and notify deny with their errno; trap and kill deny with no errno, since
 * the call never returns: the caller delivers SIGSYS (trap) or kills the task (kill).
 */
// SIMPLIFICATION: SCMP_ACT_LOG and the KILL actions write no `type=1326` audit record to the kernel log.
export function seccompCheck(filters: readonly SeccompFilter[], call: SeccompCall): Check {
  const rule = `seccomp: ${call.name}`;
  const { verdict, filterIndex } = evaluateSeccompStack(filters, call);
  const filter = filterIndex === undefined ? undefined : filters[filterIndex];
  if (!filter) return pass("seccomp", rule, `no seccomp filter is loaded, so ${call.name} reaches the kernel`);
  const reason = explainSeccomp(filter, call, verdict);
  if (verdict.action === "allow" || verdict.action === "log") return pass("seccomp", rule, reason);
  return { layer: "seccomp", verdict: "deny", rule, reason, ...(verdict.errno ? { errno: verdict.errno } : {}) };
}

/** SECCOMP_MODE_DISABLED / SECCOMP_MODE_STRICT / SECCOMP_MODE_FILTER (include/uapi/linux/seccomp.h). */
export type SeccompMode = 0 | 1 | 2;

/**
 * The two lines of /proc/PID/status (fs/proc/array.c: task_seccomp()):
 * `Seccomp:\t2` and `Seccomp_filters:\t1` in a default container, `0` and `0` on the host.
 * SIMPLIFICATION: strict mode (1) is never entered; a task has filters (2) or nothing (0).
 */
export function seccompStatusLines(filters: readonly SeccompFilter[]): readonly [string, string] {
  const mode: SeccompMode = filters.length > 0 ? 2 : 0;
  return [`Seccomp:\t${mode}`, `Seccomp_filters:\t${filters.length}`];
}
