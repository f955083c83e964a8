/**
 * truncate(2): set a regular file's length (cut, or extended with zero bytes), after write
 * permission and the LSMs' say (vfs_truncate(): security_path_truncate()).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { MAY_WRITE, isDir, isReg } from "../vfs/mode";
import { setAttrs } from "../vfs/mutate";
import { resolvePath } from "../vfs/namei";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { inodePermission } from "../vfs/permission";
import { failed, fsCtx, hasDeny, mntWantWrite } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface TruncateCall {
  readonly name: "truncate";
  readonly path: string;
  readonly length: number;
}

export function sysTruncate(state: KernelState, caller: Task, call: TruncateCall): SyscallOutcome<0> {
  if (call.length < 0) return failed(state, [deny("kernel", "do_sys_truncate", "negative length", "EINVAL")]);
  const c = fsCtx(state, caller);
  const r = resolvePath(c, caller.cwd, call.path, { follow: true });
  if (!r.ok) return failed(state, r.checks, r.errno);
  if (isDir(r.attr.mode)) return failed(state, [...r.checks, deny("kernel", "vfs_truncate", `${call.path} is a directory`, "EISDIR")]);
  if (!isReg(r.attr.mode)) return failed(state, [...r.checks, deny("kernel", "vfs_truncate", `${call.path} is not a regular file`, "EINVAL")]);
  const ro = mntWantWrite(c, r.path, call.path);
  if (ro) return failed(state, [...r.checks, ro]);
  const perm = inodePermission(c, r.path, r.attr, MAY_WRITE, call.path);
  if (hasDeny(perm)) return failed(state, [...r.checks, ...perm]);
  const lsm = lsmPathOp(state, caller, { op: "truncate", file: r });
  if (lsm) perm.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, [...r.checks, ...perm]);
  const done = setAttrs(c, r.path, { size: call.length });
  if (!done.ok) return failed(state, [...r.checks, ...perm, deny("kernel", "do_truncate", `${call.path} cannot be truncated`, done.error)]);
  return succeed(done.value.state, [...r.checks, ...perm, pass("kernel", "do_truncate", `${call.path} is ${call.length} bytes long`)], 0);
}
