/**
 * wait4(2): reap a zombie child. Children are looked up by their number in the caller's PID
 * namespace; a call that would sleep returns `blocked`, and the simulator's executor calls
 * again once simulated time has moved on.
 */
import type { KernelState } from "../state";
import { getTask, putTask } from "../state";
import { releaseTask } from "../task/exit";
import { findTaskByNr, pidNrIn } from "../task/pid-alloc";
import { SIGCHLD } from "../task/signals";
import type { Task } from "../task/task";
import { copyTask } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export const WNOHANG = 1;

export interface Wait4Call {
  readonly name: "wait4";
  /** -1 any child, > 0 that child, 0 or < -1 a process group. */
  readonly pid: number;
  readonly options: number;
}

export type WaitResult =
  | { readonly kind: "reaped"; readonly nr: number; readonly status: number }
  | { readonly kind: "none" } // WNOHANG and nothing to reap yet
  | { readonly kind: "blocked" };

export function sysWait4(state: KernelState, caller: Task, call: Wait4Call): SyscallOutcome<WaitResult> {
  // toArray() and some() walk an immutable set much faster than its iterator does.
  const children = (state.children.get(caller.pid)?.toArray() ?? []).map((p) => getTask(state, p)).filter((c) => matches(state, caller, c, call.pid));
  if (children.length === 0) {
    return denied(state, [deny("kernel", "do_wait", "the caller has no child matching the request", "ECHILD")]);
  }
  const zombie = children.find((c) => c.state === "Z");
  if (!zombie) {
    const idle = call.options & WNOHANG ? { kind: "none" as const } : { kind: "blocked" as const };
    return succeed(state, [pass("kernel", "do_wait", "no child has exited yet")], idle);
  }
  const nr = pidNrIn(state, zombie.pid, caller.pidNs) ?? 0;
  let next = releaseTask(state, zombie.pid);
  const stillZombies = next.children.get(caller.pid)?.some((p) => next.tasks.get(p)?.state === "Z") ?? false;
  if (!stillZombies) {
    const me = copyTask(getTask(next, caller.pid));
    me.signals = { pending: me.signals.pending.filter((s) => s !== SIGCHLD), dispositions: me.signals.dispositions };
    next = putTask(next, me);
  }
  return succeed(next, [pass("kernel", "release_task", `reaped child ${nr}`)], { kind: "reaped", nr, status: zombie.exitStatus ?? 0 });
}

function matches(state: KernelState, caller: Task, child: Task, want: number): boolean {
  if (want === -1) return true;
  if (want > 0) return findTaskByNr(state, caller.pidNs, want) === child.pid;
  const group = want === 0 ? caller.pgid : findTaskByNr(state, caller.pidNs, -want);
  return child.pgid === group;
}
