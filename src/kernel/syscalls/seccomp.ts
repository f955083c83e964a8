/**
 * seccomp(2) SECCOMP_SET_MODE_FILTER: stack a filter on the caller. "the caller must have
 * the CAP_SYS_ADMIN capability in its user namespace, or the thread must already have the
 * no_new_privs bit set" — seccomp(2). Filters are inherited across fork and kept across execve.
 */
import { nsCapable, userNsName } from "../cred/capable";
import type { SeccompFilter } from "../security/seccomp/types";
import type { KernelState } from "../state";
import { putTask } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

/** `include/linux/seccomp.h`: MAX_INSNS_PER_PATH caps a task's stack of filters. */
const MAX_FILTERS = 512;

export interface SeccompCall {
  readonly name: "seccomp";
  readonly op: "SECCOMP_SET_MODE_FILTER";
  readonly filter: SeccompFilter;
}

export function sysSeccomp(state: KernelState, caller: Task, call: SeccompCall): SyscallOutcome<0> {
  const trace = [];
  if (caller.noNewPrivs) {
    trace.push(pass("kernel", "seccomp_prepare_filter", "no_new_privs is set, so no capability is needed"));
  } else if (nsCapable(state, caller.cred, caller.cred.userNs, "CAP_SYS_ADMIN")) {
    trace.push(pass("capability", "ns_capable(CAP_SYS_ADMIN)", `the caller has CAP_SYS_ADMIN in ${userNsName(state, caller.cred.userNs)}`));
  } else {
    return denied(state, [deny("capability", "seccomp_prepare_filter", "installing a filter needs no_new_privs or CAP_SYS_ADMIN in the caller's user namespace", "EACCES")]);
  }
  if (caller.seccomp.filters.length >= MAX_FILTERS) {
    return denied(state, [...trace, deny("kernel", "seccomp_attach_filter", "too many filters are stacked on the task", "ENOMEM")]);
  }
  const id = state.seccompFilters.size + 1;
  const next: KernelState = { ...state, seccompFilters: state.seccompFilters.set(id, call.filter) };
  const task: Task = { ...caller, seccomp: { mode: 2, filters: [...caller.seccomp.filters, id] } };
  trace.push(pass("seccomp", "seccomp_attach_filter", `filter ${id} stacked (${task.seccomp.filters.length} in all)`));
  return succeed(putTask(next, task), trace, 0);
}
