/** symlink(2): a new symbolic link holding `target` (which is not checked: it may dangle). */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { filenameCreate } from "../vfs/create-path";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { S_IFLNK } from "../vfs/mode";
import { createNode } from "../vfs/mutate";
import { failed, fsCtx, newOwner, startAt } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface SymlinkCall {
  readonly name: "symlink";
  readonly target: string;
  readonly linkpath: string;
  readonly dirfd?: number;
}

export function sysSymlink(state: KernelState, caller: Task, call: SymlinkCall): SyscallOutcome<0> {
  if (call.target === "") return failed(state, [deny("kernel", "getname", "an empty target names nothing", "ENOENT")]);
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const t = filenameCreate(c, start.path, call.linkpath, false);
  if (!t.ok) return failed(state, t.checks, t.errno);
  const checks = [...t.checks];
  const lsm = lsmPathOp(state, caller, { op: "symlink", at: t, mode: S_IFLNK | 0o777 });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  const owner = newOwner(caller, t.dirAttr, 0o777, S_IFLNK);
  const made = createNode(c, t.dir, t.name, { ...owner, mode: S_IFLNK | 0o777, data: { kind: "symlink", target: call.target } });
  if (!made.ok) return failed(state, [...checks, deny("kernel", "vfs_symlink", `${call.linkpath}: this filesystem has no symlinks`, made.error)]);
  return succeed(made.value.state, [...checks, pass("kernel", "vfs_symlink", `${call.linkpath} -> ${call.target}`)], 0);
}
