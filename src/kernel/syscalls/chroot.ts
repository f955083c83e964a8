/**
 * chroot(2): "change the root directory of the calling process"; needs CAP_SYS_CHROOT in the
 * caller's user namespace. The working directory stays where it was — which is why a chroot is
 * no jail for a process that keeps a directory outside it. — chroot(2)
 */
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import { putTask } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { MAY_EXEC } from "../vfs/mode";
import { resolvePath } from "../vfs/namei";
import { inodePermission } from "../vfs/permission";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface ChrootCall {
  readonly name: "chroot";
  readonly path: string;
}

export function sysChroot(state: KernelState, caller: Task, call: ChrootCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const r = resolvePath(c, caller.cwd, call.path, { follow: true, directory: true });
  if (!r.ok) return failed(state, r.checks, r.errno);
  const checks = [...r.checks, ...inodePermission(c, r.path, r.attr, MAY_EXEC, call.path)];
  if (hasDeny(checks)) return failed(state, checks);
  checks.push(capableCheck(state, caller.cred, caller.cred.userNs, "CAP_SYS_CHROOT", "chroot"));
  if (hasDeny(checks)) return failed(state, checks);
  const lsm = lsmPathOp(state, caller, { op: "chroot", file: r });
  if (lsm) checks.push(lsm);
  if (hasDeny(checks)) return failed(state, checks);
  checks.push(pass("kernel", "set_fs_root", `${call.path} is now the root directory; the working directory did not move`));
  return succeed(putTask(state, { ...caller, root: r.path }), checks, 0);
}
