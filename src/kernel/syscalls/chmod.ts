/**
 * chmod(2) (`fs/attr.c: setattr_prepare()`): only the owner, or a holder of CAP_FOWNER whose
 * user namespace maps the file's owner, may change the mode (EPERM); the setgid bit is dropped
 * when the caller is not in the file's group and lacks CAP_FSETID.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { S_IALLUGO, S_IFMT, S_ISGID, isDir, octal } from "../vfs/mode";
import { setAttrs } from "../vfs/mutate";
import { resolvePath } from "../vfs/namei";
import type { Attr, FsCtx } from "../vfs/node";
import { capableWrtInode, inGroup } from "../vfs/permission";
import { failed, fsCtx, hasDeny, mntWantWrite } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface ChmodCall {
  readonly name: "chmod";
  readonly path: string;
  readonly mode: number;
}

/** inode_owner_or_capable(). */
export function ownerOrCapable(c: FsCtx, a: Attr, shown: string, what: string): Check {
  if (c.task.cred.fsuid === a.uid) return pass("dac", "inode_owner_or_capable", `the caller owns ${shown}`);
  if (capableWrtInode(c.state, c.task.cred, a, "CAP_FOWNER")) return pass("capability", "capable_wrt_inode_uidgid(CAP_FOWNER)", `${what} another user's ${shown}: the caller has CAP_FOWNER`);
  return deny("dac", "inode_owner_or_capable", `${what} ${shown} needs to own it (uid ${a.uid}) or CAP_FOWNER with its owner mapped`, "EPERM");
}

export function sysChmod(state: KernelState, caller: Task, call: ChmodCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const r = resolvePath(c, caller.cwd, call.path, { follow: true });
  if (!r.ok) return failed(state, r.checks, r.errno);
  const checks: Check[] = [...r.checks];
  const ro = mntWantWrite(c, r.path, call.path);
  if (ro) return failed(state, [...checks, ro]);
  checks.push(ownerOrCapable(c, r.attr, call.path, "changing the mode of"));
  const lsm = lsmPathOp(state, caller, { op: "chmod", file: r });
  if (lsm) checks.push(lsm);
  if (hasDeny(checks)) return failed(state, checks);
  let mode = call.mode & S_IALLUGO;
  if (mode & S_ISGID && !isDir(r.attr.mode) && !inGroup(caller.cred, r.attr.gid) && !capableWrtInode(state, caller.cred, r.attr, "CAP_FSETID")) mode &= ~S_ISGID;
  const done = setAttrs(c, r.path, { mode: (r.attr.mode & S_IFMT) | mode });
  if (!done.ok) return failed(state, [...checks, deny("kernel", "notify_change", `${call.path}: this filesystem keeps its modes`, done.error)]);
  return succeed(done.value.state, [...checks, pass("kernel", "notify_change", `${call.path} mode ${octal(mode)}`)], 0);
}
