/** stat(2) / newfstatat(2): the attributes of the file a path names, following symlinks. */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import { resolvePath } from "../vfs/namei";
import type { StatResult } from "../vfs/stat-result";
import { statOf } from "../vfs/stat-result";
import { failed, fsCtx, startAt } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface StatCall {
  readonly name: "stat";
  readonly path: string;
  readonly dirfd?: number;
}

/** vfs_statx() for stat and lstat: `follow` decides whether a final symlink is followed. */
export function statPath(state: KernelState, caller: Task, path: string, dirfd: number | undefined, follow: boolean): SyscallOutcome<StatResult> {
  const c = fsCtx(state, caller);
  const start = startAt(c, dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const r = resolvePath(c, start.path, path, { follow });
  if (!r.ok) return failed(state, r.checks, r.errno);
  return succeed(state, [...r.checks, pass("kernel", "vfs_statx", `${path}: inode ${r.attr.ino}`)], statOf(c, r.attr));
}

export const sysStat = (state: KernelState, caller: Task, call: StatCall): SyscallOutcome<StatResult> =>
  statPath(state, caller, call.path, call.dirfd, true);
