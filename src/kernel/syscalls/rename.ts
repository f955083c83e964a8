/**
 * rename(2) (`fs/namei.c: do_renameat2()`, `vfs_rename()`): both names on the same mount
 * (EXDEV otherwise), the source removable and the target creatable or replaceable, a directory
 * never moved into itself (EINVAL), replacing only a like file (EISDIR, ENOTDIR) or an empty
 * directory (ENOTEMPTY). overlayfs refuses to move directories its lower layers have (EXDEV).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { isBelow } from "../vfs/d-path";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { MAY_WRITE, isDir } from "../vfs/mode";
import { getMount, mountOn } from "../vfs/mount-tree";
import { lookupIn, resolveParent } from "../vfs/namei";
import { listDir } from "../vfs/node";
import { renameNode } from "../vfs/mutate";
import { inodePermission } from "../vfs/permission";
import { removalTarget } from "../vfs/remove-path";
import { failed, fsCtx, hasDeny, mayCreate, mayDelete } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface RenameCall {
  readonly name: "rename";
  readonly oldpath: string;
  readonly newpath: string;
}

/** SIMPLIFICATION: no renameat2() flags (RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT). */
export function sysRename(state: KernelState, caller: Task, call: RenameCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const np = resolveParent(c, caller.cwd, call.newpath);
  if (!np.ok) return failed(state, np.checks, np.errno);
  if (np.lastType !== "normal") return failed(state, [...np.checks, deny("kernel", "do_renameat2", `${call.newpath} cannot be a rename target`, "EBUSY")]);
  const v = removalTarget(c, caller.cwd, call.oldpath, "rename");
  if (!v.ok) return failed(state, v.checks, v.errno);
  const oldIsDir = isDir(v.attr.mode);
  const checks: Check[] = [...np.checks, ...v.checks];
  if (np.dir.mnt !== v.dir.mnt) return failed(state, [...checks, deny("kernel", "do_renameat2", `${call.oldpath} and ${call.newpath} are on different mounts`, "EXDEV")]);
  if (oldIsDir && isBelow(c, np.dir, v.path)) return failed(state, [...checks, deny("kernel", "do_renameat2", `${call.newpath} is inside ${call.oldpath}`, "EINVAL")]);
  const target = lookupIn(c, np.dir, np.last);
  const more = targetChecks(c, np, target, oldIsDir, call.newpath);
  checks.push(...more);
  if (hasDeny(more)) return failed(state, checks);
  if (oldIsDir && np.dir.node !== v.dir.node) {
    const own = inodePermission(c, v.path, v.attr, MAY_WRITE, call.oldpath);
    checks.push(...own);
    if (hasDeny(own)) return failed(state, checks);
  }
  const lsm = lsmPathOp(state, caller, { op: "rename", from: v, victim: v, to: { dir: np.dir, dirAttr: np.dirAttr, name: np.last } });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  if (target && target.path.node === v.path.node) return succeed(state, [...checks, pass("kernel", "vfs_rename", "both names are the same file: nothing to do")], 0);
  const done = renameNode(c, v.dir, v.name, np.dir, np.last);
  if (!done.ok) return failed(state, [...checks, deny("kernel", "vfs_rename", done.error === "EXDEV" ? `overlayfs cannot rename ${call.oldpath}: it exists in a lower layer (redirect_dir is off)` : `${call.oldpath} cannot be renamed here`, done.error)]);
  return succeed(done.value.state, [...checks, pass("kernel", "vfs_rename", `${call.oldpath} is now ${call.newpath}`)], 0);
}

type Parent = Extract<ReturnType<typeof resolveParent>, { ok: true }>;

/** may_create() for a new name, or may_delete() and type rules for a replaced one. */
function targetChecks(c: ReturnType<typeof fsCtx>, np: Parent, target: ReturnType<typeof lookupIn>, oldIsDir: boolean, shown: string): Check[] {
  if (!target) return mayCreate(c, np.dir, np.dirAttr, shown);
  const perm = mayDelete(c, np.dir, np.dirAttr, target.attr, shown, shown);
  if (hasDeny(perm)) return perm;
  const tIsDir = isDir(target.attr.mode);
  if (oldIsDir && !tIsDir) return [...perm, deny("kernel", "may_delete", `${shown} is not a directory`, "ENOTDIR")];
  if (!oldIsDir && tIsDir) return [...perm, deny("kernel", "may_delete", `${shown} is a directory`, "EISDIR")];
  const raw = { mnt: np.dir.mnt, node: target.path.node };
  if (mountOn(c.state.vfs, raw.mnt, raw.node) !== undefined || target.path.mnt !== np.dir.mnt) {
    return [...perm, deny("kernel", "vfs_rename", `${shown} is a mountpoint`, "EBUSY")];
  }
  if (tIsDir && listDir(c, getMount(c.state, np.dir.mnt).sb, target.path.node).length > 0) {
    return [...perm, deny("kernel", "vfs_rename", `${shown} is not empty`, "ENOTEMPTY")];
  }
  return perm;
}
