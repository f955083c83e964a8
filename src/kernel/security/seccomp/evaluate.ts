/**
 * Running seccomp filters on a syscall: kernel/seccomp.c `seccomp_run_filters()`, with each
 * filter's rules interpreted the way runc builds them with libseccomp
 * (runc `libcontainer/seccomp/seccomp_linux.go`).
 */
import type { Errno } from "../../errno";
import { ERRNO } from "../../errno";
import type { CompiledRule, SeccompAction, SeccompArg, SeccompCall, SeccompFilter, SeccompVerdictAction } from "./types";

export interface SeccompVerdict {
  readonly action: SeccompVerdictAction;
  /** The errno the call fails with: errnoRet for ERRNO, ENOSYS for TRACE/NOTIFY with no one listening. */
  readonly errno?: Errno;
  /** The raw errno number (an errnoRet this kernel's errno table does not name has no `errno`). */
  readonly errnoRet?: number;
  /** Which part of the profile decided: `syscalls[17]` or `defaultAction`. */
  readonly rule: string;
  /** The profile action behind the verdict, e.g. SCMP_ACT_KILL_PROCESS. */
  readonly scmpAction: SeccompAction;
  /** The compiled rule that matched, if any (undefined when the default action applied). */
  readonly matched?: CompiledRule;
}

const EPERM = 1;
const ENOSYS = 38;

const ERRNO_BY_NUMBER: ReadonlyMap<number, Errno> = new Map(
  (Object.keys(ERRNO) as Errno[]).map((name) => [ERRNO[name][0], name] as const),
);
export const errnoByNumber = (n: number): Errno | undefined => ERRNO_BY_NUMBER.get(n);

/**
 * Strictness, from include/uapi/linux/seccomp.h return values: "the ordering ensures that a
 * min_t() over composed return values always selects the least permissive choice".
 * Smaller is stricter: KILL_PROCESS < KILL_THREAD < TRAP < ERRNO < USER_NOTIF < TRACE < LOG < ALLOW.
 */
export const SECCOMP_PRECEDENCE: Readonly<Record<SeccompAction, number>> = {
  SCMP_ACT_KILL_PROCESS: 0, SCMP_ACT_KILL_THREAD: 1, SCMP_ACT_KILL: 1, SCMP_ACT_TRAP: 2, SCMP_ACT_ERRNO: 3,
  SCMP_ACT_NOTIFY: 4, SCMP_ACT_TRACE: 5, SCMP_ACT_LOG: 6, SCMP_ACT_ALLOW: 7,
};

const VERDICT_OF: Readonly<Record<SeccompAction, SeccompVerdictAction>> = {
  SCMP_ACT_KILL_PROCESS: "kill", SCMP_ACT_KILL_THREAD: "kill", SCMP_ACT_KILL: "kill", SCMP_ACT_TRAP: "trap",
  SCMP_ACT_ERRNO: "errno", SCMP_ACT_NOTIFY: "notify", SCMP_ACT_TRACE: "trace", SCMP_ACT_LOG: "log", SCMP_ACT_ALLOW: "allow",
};

/** Syscall arguments are unsigned 64-bit registers: -1 is 0xffffffffffffffff. */
const u64 = (n: number): bigint => BigInt.asUintN(64, BigInt(Math.trunc(n)));

function holds(cond: SeccompArg, args: readonly number[]): boolean {
  const a = u64(args[cond.index] ?? 0);
  const v = u64(cond.value);
  switch (cond.op) {
    case "SCMP_CMP_NE": return a !== v;
    case "SCMP_CMP_LT": return a < v;
    case "SCMP_CMP_LE": return a <= v;
    case "SCMP_CMP_EQ": return a === v;
    case "SCMP_CMP_GE": return a >= v;
    case "SCMP_CMP_GT": return a > v;
    case "SCMP_CMP_MASKED_EQ": return (a & v) === u64(cond.valueTwo ?? 0);
  }
}

/**
 * runc's reading of a rule's conditions: conditions on distinct arguments are ANDed, but when
 * one argument has several conditions each of those becomes a rule of its own, ORed with the
 * others ("libseccomp does not support multiple conditions on one argument"; runc issue #2735).
 */
const argCount = (args: readonly SeccompArg[], i: number): number => args.filter((a) => a.index === i).length;

export function ruleAlternatives(args: readonly SeccompArg[]): readonly (readonly SeccompArg[])[] {
  const repeated = args.filter((a) => argCount(args, a.index) > 1).map((a) => [a]);
  const single = args.filter((a) => argCount(args, a.index) === 1);
  return single.length > 0 ? [...repeated, single] : repeated;
}

export function ruleMatches(rule: CompiledRule["rule"], call: SeccompCall): boolean {
  if (!rule.names.includes(call.name)) return false;
  if (!rule.args?.length) return true;
  return ruleAlternatives(rule.args).some((conds) => conds.every((c) => holds(c, call.args)));
}

function verdictFor(action: SeccompAction, errnoRet: number | undefined, rule: string, matched?: CompiledRule): SeccompVerdict {
  const v = VERDICT_OF[action];
  const num = v === "errno" ? (errnoRet ?? EPERM) : v === "trace" || v === "notify" ? ENOSYS : undefined;
  const errno = num === undefined ? undefined : errnoByNumber(num);
  return {
    action: v, scmpAction: action, rule,
    ...(num !== undefined ? { errnoRet: num } : {}),
    ...(errno ? { errno } : {}),
    ...(matched ? { matched } : {}),
  };
}

// SIMPLIFICATION: calls are matched by name on the native architecture only; the filter's
// architecture list, x86/x32 compat syscall numbers and runc's ENOSYS stub for syscalls newer
// than every syscall the profile names are not modelled (such calls get the default action).
/**
 * One filter's verdict on a call. A matching rule without arguments wins over rules with
 * arguments; otherwise the first matching rule in profile order decides.
 * SIMPLIFICATION: libseccomp merges overlapping rules of one syscall into a decision tree and
 * refuses some conflicting combinations; here the first unconditional, then first conditional match wins.
 */
export function evaluateSeccomp(filter: SeccompFilter, call: SeccompCall): SeccompVerdict {
  const matching = filter.rules.filter((r) => ruleMatches(r.rule, call));
  const hit = matching.find((r) => !r.rule.args?.length) ?? matching[0];
  if (hit) return verdictFor(hit.rule.action, hit.rule.errnoRet, `syscalls[${hit.index}]`, hit);
  return verdictFor(filter.defaultAction, filter.defaultErrnoRet, "defaultAction");
}

export interface StackVerdict {
  readonly verdict: SeccompVerdict;
  /** Index, in install order, of the filter whose verdict won; undefined with no filter at all. */
  readonly filterIndex?: number;
}

const ALLOW_ALL: SeccompVerdict = { action: "allow", scmpAction: "SCMP_ACT_ALLOW", rule: "no filter" };

/**
 * Every filter of the task runs, newest first, and the strictest verdict wins; between equally
 * strict verdicts the newest filter's data wins (seccomp_run_filters(): `if (ACTION_ONLY(cur_ret)
 * < ACTION_ONLY(ret))`). `filters` is in install order, oldest first.
 */
export function evaluateSeccompStack(filters: readonly SeccompFilter[], call: SeccompCall): StackVerdict {
  let best: StackVerdict = { verdict: ALLOW_ALL };
  for (let i = filters.length - 1; i >= 0; i--) {
    const v = evaluateSeccomp(filters[i] as SeccompFilter, call);
    if (best.filterIndex === undefined || SECCOMP_PRECEDENCE[v.scmpAction] < SECCOMP_PRECEDENCE[best.verdict.scmpAction]) {
      best = { verdict: v, filterIndex: i };
    }
  }
  return best;
}
