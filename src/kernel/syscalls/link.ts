/**
 * link(2): another name for an existing file on the same mount. With fs.protected_hardlinks
 * (1 on Ubuntu) only the owner, a holder of CAP_FOWNER, or someone who may read and write a
 * plain file may link it (`may_linkat()`); directories cannot be linked (EPERM).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { filenameCreate } from "../vfs/create-path";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { MAY_READ, MAY_WRITE, S_ISGID, S_ISUID, S_IXGRP, isDir, isReg } from "../vfs/mode";
import { linkNode } from "../vfs/mutate";
import { resolvePath } from "../vfs/namei";
import type { Attr, FsCtx } from "../vfs/node";
import { capableWrtInode, inodePermission } from "../vfs/permission";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface LinkCall {
  readonly name: "link";
  readonly oldpath: string;
  readonly newpath: string;
}

/** may_linkat() with protected_hardlinks = 1. */
function mayLink(c: FsCtx, p: Parameters<typeof inodePermission>[1], a: Attr, shown: string): Check {
  const rule = "may_linkat";
  if (c.task.cred.fsuid === a.uid) return pass("dac", rule, `the caller owns ${shown}`);
  const safe = isReg(a.mode) && !(a.mode & S_ISUID) && !((a.mode & S_ISGID) && (a.mode & S_IXGRP));
  if (safe && !hasDeny(inodePermission(c, p, a, MAY_READ | MAY_WRITE, shown))) return pass("dac", rule, `the caller may read and write ${shown}`);
  if (capableWrtInode(c.state, c.task.cred, a, "CAP_FOWNER")) return pass("capability", "capable_wrt_inode_uidgid(CAP_FOWNER)", `CAP_FOWNER lets the caller link another user's ${shown}`);
  return deny("dac", rule, `fs.protected_hardlinks: linking ${shown} (uid ${a.uid}) needs ownership, read and write access, or CAP_FOWNER`, "EPERM");
}

export function sysLink(state: KernelState, caller: Task, call: LinkCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const old = resolvePath(c, caller.cwd, call.oldpath, { follow: false });
  if (!old.ok) return failed(state, old.checks, old.errno);
  const t = filenameCreate(c, caller.cwd, call.newpath, false);
  if (!t.ok) return failed(state, [...old.checks, ...t.checks], t.errno);
  const checks: Check[] = [...old.checks, ...t.checks];
  if (t.dir.mnt !== old.path.mnt) return failed(state, [...checks, deny("kernel", "do_linkat", `${call.oldpath} and ${call.newpath} are on different mounts`, "EXDEV")]);
  if (isDir(old.attr.mode)) return failed(state, [...checks, deny("kernel", "vfs_link", `${call.oldpath} is a directory`, "EPERM")]);
  checks.push(mayLink(c, old.path, old.attr, call.oldpath));
  if (hasDeny(checks)) return failed(state, checks);
  const lsm = lsmPathOp(state, caller, { op: "link", old: { path: old.path, attr: old.attr }, at: t });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  const done = linkNode(c, old.path, t.dir, t.name);
  if (!done.ok) return failed(state, [...checks, deny("kernel", "vfs_link", "this filesystem has no hard links", done.error)]);
  return succeed(done.value.state, [...checks, pass("kernel", "vfs_link", `${call.newpath} is another name for ${call.oldpath}`)], 0);
}
