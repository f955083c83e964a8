/**
 * Events that change a kernel: the log of these, applied to the booted state, reproduces the
 * world exactly (DESIGN.md contract 4).
 */
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import type { SyscallOutcome } from "../syscalls/outcome";
import type { SyscallCall } from "../syscalls/table";
import { syscall } from "../syscalls/table";
import { advanceTime } from "../sched/advance";
import type { FaultAccess } from "../task/user-fault";
import { userFault } from "../task/user-fault";

export type KernelEvent =
  | { readonly type: "syscall.run"; readonly pid: Pid; readonly call: SyscallCall }
  | { readonly type: "time.advance"; readonly ns: number }
  /** A program touches memory it may not (a bug, or a crash a scenario provokes). */
  | { readonly type: "task.fault"; readonly pid: Pid; readonly address: number; readonly access: FaultAccess };

export interface Applied {
  readonly state: KernelState;
  /** The syscall's outcome, for events that ran one. */
  readonly outcome?: SyscallOutcome;
}

export function applyEvent(state: KernelState, event: KernelEvent): Applied {
  switch (event.type) {
    case "syscall.run": {
      const outcome = syscall(state, event.pid, event.call);
      return { state: outcome.state, outcome };
    }
    case "time.advance":
      return { state: advanceTime(state, event.ns) };
    case "task.fault":
      return { state: userFault(state, event.pid, event.address, event.access) };
  }
}

/** Replays a log from a starting state. */
export const replay = (initial: KernelState, log: readonly KernelEvent[]): KernelState =>
  log.reduce((state, event) => applyEvent(state, event).state, initial);
