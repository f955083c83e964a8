/** exit_group(2): the caller ends with an exit code; its parent sees WIFEXITED. */
import type { KernelState } from "../state";
import { exitTask } from "../task/exit";
import { exitedStatus } from "../task/signals";
import type { Task } from "../task/task";
import { pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface ExitCall {
  readonly name: "exit_group";
  readonly code: number;
}

export function sysExit(state: KernelState, caller: Task, call: ExitCall): SyscallOutcome<0> {
  const next = exitTask(state, caller.pid, exitedStatus(call.code));
  return succeed(next, [pass("kernel", "do_exit", `exited with status ${call.code & 0xff}`)], 0);
}
