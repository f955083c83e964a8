/** lstat(2): like stat(2), but a final symlink is described itself. */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { StatResult } from "../vfs/stat-result";
import type { SyscallOutcome } from "./outcome";
import { statPath } from "./stat";

export interface LstatCall {
  readonly name: "lstat";
  readonly path: string;
  readonly dirfd?: number;
}

export const sysLstat = (state: KernelState, caller: Task, call: LstatCall): SyscallOutcome<StatResult> =>
  statPath(state, caller, call.path, call.dirfd, false);
