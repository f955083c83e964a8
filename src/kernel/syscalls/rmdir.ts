/** rmdir(2): remove an empty directory that is not a mountpoint. */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { removeNode } from "../vfs/mutate";
import { removalTarget } from "../vfs/remove-path";
import { failed, fsCtx, startAt } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface RmdirCall {
  readonly name: "rmdir";
  readonly path: string;
  readonly dirfd?: number;
}

export function sysRmdir(state: KernelState, caller: Task, call: RmdirCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const v = removalTarget(c, start.path, call.path, "rmdir");
  if (!v.ok) return failed(state, v.checks, v.errno);
  const checks = [...v.checks];
  const lsm = lsmPathOp(state, caller, { op: "rmdir", at: v, victim: v });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  const done = removeNode(c, v.dir, v.name, true);
  if (!done.ok) return failed(state, [...checks, deny("kernel", "vfs_rmdir", `${call.path} cannot be removed from this filesystem`, done.error)]);
  return succeed(done.value.state, [...checks, ...done.value.checks, pass("kernel", "vfs_rmdir", `removed directory ${call.path}`)], 0);
}
