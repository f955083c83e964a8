/**
 * Pieces shared by the file syscalls: the starting directory of a *at() call, turning a lookup
 * failure into an outcome, `mnt_want_write()`, `may_create()` and `may_delete()`, and the owner
 * and mode of a new inode.
 */
import { umaskOf } from "../procfs/task-traits";
import type { Errno } from "../errno";
import type { KernelState } from "../state";
import type { SyscallOutcome } from "../syscalls/outcome";
import { fail } from "../syscalls/outcome";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { fileOf } from "./files";
import { MAY_EXEC, MAY_WRITE, S_ISGID, S_ISVTX, isDir, modeString } from "./mode";
import { getMount } from "./mount-tree";
import type { Attr, FsCtx } from "./node";
import { attrOf } from "./node";
import { AT_FDCWD } from "./open-flags";
import { capableWrtInode, inodePermission } from "./permission";
import { getSb } from "./sb-access";
import type { PathRef } from "./types";

export const fsCtx = (state: KernelState, task: Task): FsCtx => ({ state, task });

export type Start = { readonly ok: true; readonly path: PathRef } | { readonly ok: false; readonly check: Check };

/** The directory a relative path starts from: the cwd, or the directory open at `dirfd`. */
export function startAt(c: FsCtx, dirfd: number | undefined): Start {
  if (dirfd === undefined || dirfd === AT_FDCWD) return { ok: true, path: c.task.cwd };
  const file = fileOf(c.state, c.task, dirfd);
  if (!file) return { ok: false, check: deny("kernel", "fdget", `${dirfd} is not an open file descriptor`, "EBADF") };
  const attr = attrOf(c, getMount(c.state, file.path.mnt).sb, file.path.node);
  if (!attr || !isDir(attr.mode)) return { ok: false, check: deny("kernel", "path_init", `descriptor ${dirfd} is not a directory`, "ENOTDIR") };
  return { ok: true, path: file.path };
}

/** A failed step: the outcome with the state unchanged. */
export function failed<T = never>(state: KernelState, checks: readonly Check[], errno?: Errno): SyscallOutcome<T> {
  const last = checks[checks.length - 1];
  return fail(state, checks, errno ?? last?.errno ?? "EINVAL");
}

/** mnt_want_write(): no change on a read-only mount or filesystem. */
export function mntWantWrite(c: FsCtx, p: PathRef, shown: string): Check | undefined {
  const m = getMount(c.state, p.mnt);
  if (m.flags.ro) return deny("kernel", "mnt_want_write", `${shown} is on a read-only mount (mount ${m.id})`, "EROFS");
  const sb = getSb(c.state, m.sb);
  if (sb.readOnly) return deny("kernel", "mnt_want_write", `${shown} is on a read-only ${sb.fstype} filesystem`, "EROFS");
  return undefined;
}

/** may_create(): write and search permission on the directory that gets the new name. */
export const mayCreate = (c: FsCtx, dir: PathRef, dirAttr: Attr, shown: string): Check[] =>
  inodePermission(c, dir, dirAttr, MAY_WRITE | MAY_EXEC, shown);

/**
 * may_delete(): write and search permission on the directory, then the sticky bit: "only the
 * file's owner, the directory's owner, or a privileged process can unlink" — with CAP_FOWNER
 * counted only when the file's owner is mapped (capable_wrt_inode_uidgid()).
 */
export function mayDelete(c: FsCtx, dir: PathRef, dirAttr: Attr, victim: Attr, dirShown: string, shown: string): Check[] {
  const checks = inodePermission(c, dir, dirAttr, MAY_WRITE | MAY_EXEC, dirShown);
  if (checks.some((x) => x.verdict === "deny")) return checks;
  if (!(dirAttr.mode & S_ISVTX)) return checks;
  const fsuid = c.task.cred.fsuid;
  if (victim.uid === fsuid || dirAttr.uid === fsuid) return [...checks, pass("dac", "check_sticky", `${dirShown} is sticky; the caller owns ${victim.uid === fsuid ? shown : dirShown}`)];
  if (capableWrtInode(c.state, c.task.cred, victim, "CAP_FOWNER")) return [...checks, pass("capability", "capable_wrt_inode_uidgid(CAP_FOWNER)", `${dirShown} is sticky (${modeString(dirAttr.mode)}); CAP_FOWNER lets the caller remove another user's file`)];
  return [...checks, deny("dac", "check_sticky", `${dirShown} is sticky (${modeString(dirAttr.mode)}): only the owner of ${shown} (uid ${victim.uid}) or of the directory may remove it`, "EPERM")];
}

/** The owner, group and mode of a new inode: fsuid, and the directory's group when it is setgid. */
export function newOwner(task: Task, dirAttr: Attr, mode: number, type: number): { readonly uid: number; readonly gid: number; readonly mode: number } {
  const sgid = (dirAttr.mode & S_ISGID) !== 0;
  // SIMPLIFICATION: tasks have no umask field; src/kernel/procfs derives one (0022; 0000 for init).
  const perm = mode & 0o7777 & ~umaskOf(task);
  const dirSgid = sgid && (type & 0o170000) === 0o040000 ? S_ISGID : 0;
  return { uid: task.cred.fsuid, gid: sgid ? dirAttr.gid : task.cred.fsgid, mode: type | perm | dirSgid };
}

export const hasDeny = (checks: readonly Check[]): boolean => checks.some((x) => x.verdict === "deny");
