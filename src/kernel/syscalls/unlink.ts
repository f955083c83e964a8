/** unlink(2): remove a name; the inode goes with its last name. */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { removeNode } from "../vfs/mutate";
import { removalTarget } from "../vfs/remove-path";
import { failed, fsCtx, startAt } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface UnlinkCall {
  readonly name: "unlink";
  readonly path: string;
  readonly dirfd?: number;
}

export function sysUnlink(state: KernelState, caller: Task, call: UnlinkCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const v = removalTarget(c, start.path, call.path, "unlink");
  if (!v.ok) return failed(state, v.checks, v.errno);
  const checks = [...v.checks];
  const lsm = lsmPathOp(state, caller, { op: "unlink", at: v, victim: v });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  const done = removeNode(c, v.dir, v.name, false);
  if (!done.ok) return failed(state, [...checks, deny("kernel", "vfs_unlink", `${call.path} cannot be removed from this filesystem`, done.error)]);
  return succeed(done.value.state, [...checks, pass("kernel", "vfs_unlink", `removed ${call.path}`)], 0);
}
