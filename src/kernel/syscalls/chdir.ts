/** chdir(2): a directory the caller may search becomes its working directory. */
import type { KernelState } from "../state";
import { putTask } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import { MAY_EXEC } from "../vfs/mode";
import { resolvePath } from "../vfs/namei";
import { inodePermission } from "../vfs/permission";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface ChdirCall {
  readonly name: "chdir";
  readonly path: string;
}

export function sysChdir(state: KernelState, caller: Task, call: ChdirCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const r = resolvePath(c, caller.cwd, call.path, { follow: true, directory: true });
  if (!r.ok) return failed(state, r.checks, r.errno);
  const perm = inodePermission(c, r.path, r.attr, MAY_EXEC, call.path);
  if (hasDeny(perm)) return failed(state, [...r.checks, ...perm]);
  return succeed(putTask(state, { ...caller, cwd: r.path }), [...r.checks, ...perm, pass("kernel", "set_fs_pwd", `working directory is now ${call.path}`)], 0);
}
