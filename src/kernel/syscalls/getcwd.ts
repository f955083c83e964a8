/**
 * getcwd(2): the working directory relative to the task's root; a directory outside the root
 * (after chroot or pivot_root) reads as "(unreachable)/…" — getcwd(3).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import { dPath, pathFrom } from "../vfs/d-path";
import { fsCtx } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface GetcwdCall {
  readonly name: "getcwd";
}

export function sysGetcwd(state: KernelState, caller: Task, _call: GetcwdCall): SyscallOutcome<string> {
  const c = fsCtx(state, caller);
  const seen = pathFrom(c, caller.cwd, caller.root);
  const text = seen ?? `(unreachable)${dPath(c, caller.cwd, caller.root)}`;
  return succeed(state, [pass("kernel", "d_path", `the working directory is ${text}`)], text);
}
