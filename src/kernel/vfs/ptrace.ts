/**
 * ptrace access mode checks (`kernel/ptrace.c: __ptrace_may_access()` and
 * `security/commoncap.c: cap_ptrace_access_check()`), used by /proc/PID/root, cwd, exe, fd,
 * environ and the ns/ links: "Permission to access … is governed by a ptrace access mode
 * PTRACE_MODE_READ_FSCREDS check" — proc(5).
 */
import { capIsSubset } from "../caps/capabilities";
import { nsCapable, userNsName } from "../cred/capable";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { lsmPtraceAccess } from "./lsm-hooks";

export type PtraceMode = "read" | "attach";

/**
 * The checks for `caller` reaching `target` with PTRACE_MODE_*_FSCREDS, in kernel order; the
 * last one is a denial when access is refused (proc turns it into EACCES).
 * SIMPLIFICATION: every task is dumpable (no setuid program has dropped privileges).
 */
export function ptraceChecks(state: KernelState, caller: Task, target: Task, mode: PtraceMode, errno: "EACCES" | "EPERM" = "EACCES"): Check[] {
  const rule = `ptrace_may_access(PTRACE_MODE_${mode.toUpperCase()}_FSCREDS)`;
  if (caller.pid === target.pid) return [pass("kernel", rule, "a process may always inspect itself")];
  if (target.kthread) return [deny("kernel", rule, "kernel threads cannot be inspected", errno)];
  const c = caller.cred;
  const t = target.cred;
  const checks: Check[] = [];
  const sameIds = c.fsuid === t.euid && c.fsuid === t.suid && c.fsuid === t.uid && c.fsgid === t.egid && c.fsgid === t.sgid && c.fsgid === t.gid;
  const where = userNsName(state, t.userNs);
  const hasPtrace = nsCapable(state, c, t.userNs, "CAP_SYS_PTRACE");
  if (sameIds) checks.push(pass("dac", rule, `the caller's uid ${c.fsuid} and gid ${c.fsgid} match the target's`));
  else if (hasPtrace) checks.push(pass("capability", "ns_capable(CAP_SYS_PTRACE)", `another user's process: the caller has CAP_SYS_PTRACE in ${where}`));
  else return [deny("capability", "ns_capable(CAP_SYS_PTRACE)", `process ${target.pid} belongs to another user: inspecting it needs CAP_SYS_PTRACE in ${where}`, errno)];
  // cap_ptrace_access_check(): same user namespace and the target's permitted set a subset of
  // the caller's effective set, or CAP_SYS_PTRACE over the target's namespace.
  const subset = c.userNs === t.userNs && capIsSubset(t.caps.permitted, c.caps.effective);
  if (subset) checks.push(pass("capability", "cap_ptrace_access_check", "the target has no capability the caller lacks"));
  else if (hasPtrace) checks.push(pass("capability", "ns_capable(CAP_SYS_PTRACE)", `the target holds capabilities the caller lacks; the caller has CAP_SYS_PTRACE in ${where}`));
  else {
    checks.push(deny("capability", "cap_ptrace_access_check", `process ${target.pid} holds capabilities the caller lacks (or lives in another user namespace): inspecting it needs CAP_SYS_PTRACE in ${where}`, errno));
    return checks;
  }
  const lsm = lsmPtraceAccess(state, caller, target, mode);
  if (lsm) checks.push(lsm);
  return checks;
}

export const allowed = (checks: readonly Check[]): boolean => checks.every((c) => c.verdict === "pass");
