/**
 * setsid(2) and setpgid(2): sessions and process groups, as shells use them for job control.
 * Numbers are read and written in the caller's PID namespace.
 */
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import { getTask, putTask } from "../state";
import { findTaskByNr } from "../task/pid-alloc";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface SetsidCall {
  readonly name: "setsid";
}

export interface SetpgidCall {
  readonly name: "setpgid";
  /** 0: the caller. */
  readonly pid: number;
  /** 0: the target's own PID. */
  readonly pgid: number;
}

/** "setsid() fails with EPERM if the calling process is already a process group leader". */
export function sysSetsid(state: KernelState, caller: Task, _call: SetsidCall): SyscallOutcome<number> {
  if (caller.pgid === caller.pid) {
    return denied(state, [deny("kernel", "ksys_setsid", "the caller already leads a process group", "EPERM")]);
  }
  const next = putTask(state, { ...caller, sid: caller.pid, pgid: caller.pid });
  return succeed(next, [pass("kernel", "ksys_setsid", "new session and process group led by the caller")], caller.nr[caller.nr.length - 1] ?? 0);
}

export function sysSetpgid(state: KernelState, caller: Task, call: SetpgidCall): SyscallOutcome<0> {
  const targetPid = call.pid === 0 ? caller.pid : findTaskByNr(state, caller.pidNs, call.pid);
  const target = targetPid === undefined ? undefined : state.tasks.get(targetPid);
  if (!target || (target.pid !== caller.pid && target.ppid !== caller.pid)) {
    return denied(state, [deny("kernel", "setpgid", "the target is neither the caller nor one of its children", "ESRCH")]);
  }
  if (target.sid !== caller.sid) return denied(state, [deny("kernel", "setpgid", "the child is in another session", "EPERM")]);
  if (target.sid === target.pid) return denied(state, [deny("kernel", "setpgid", "a session leader cannot change its process group", "EPERM")]);
  const group: Pid | undefined = call.pgid === 0 ? target.pid : findTaskByNr(state, caller.pidNs, call.pgid);
  const inSession = group !== undefined && (group === target.pid || [...state.tasks.values()].some((t) => t.pgid === group && t.sid === caller.sid));
  if (!inSession) return denied(state, [deny("kernel", "setpgid", "no process group with that id in the caller's session", "EPERM")]);
  const next = putTask(state, { ...getTask(state, target.pid), pgid: group });
  return succeed(next, [pass("kernel", "setpgid", "process group changed")], 0);
}
