/**
 * The victim of unlink(2), rmdir(2) and rename(2) (`fs/namei.c: do_unlinkat()`, `do_rmdir()`,
 * `may_delete()`): the name's parent, checked in Linux's order — a plain last component, a
 * writable mount (EROFS), the name existing (ENOENT), the file type (EISDIR, ENOTDIR),
 * permission and the sticky bit (EACCES, EPERM), and not being a mountpoint (EBUSY).
 */
import type { Errno } from "../errno";
import type { Check } from "../trace";
import { deny } from "../trace";
import { isDir } from "./mode";
import { getMount, mountOn } from "./mount-tree";
import type { Attr, FsCtx } from "./node";
import { attrOf, listDir, lookupChild } from "./node";
import { resolveParent } from "./namei";
import { getSb } from "./sb-access";
import { hasDeny, mayDelete, mntWantWrite } from "./sys-common";
import type { PathRef } from "./types";

export interface Victim {
  readonly ok: true;
  readonly dir: PathRef;
  readonly dirAttr: Attr;
  readonly name: string;
  /** The entry itself, not what may be mounted on it. */
  readonly path: PathRef;
  readonly attr: Attr;
  readonly checks: readonly Check[];
}

export type VictimResult = Victim | { readonly ok: false; readonly errno: Errno; readonly checks: readonly Check[] };

const no = (checks: readonly Check[], check: Check): VictimResult => ({ ok: false, errno: check.errno ?? "EINVAL", checks: [...checks, check] });

export type Removal = "unlink" | "rmdir" | "rename";

function lastTypeError(lastType: string, kind: Removal, path: string): Check | undefined {
  if (lastType === "normal") return undefined;
  if (kind === "rename") return deny("kernel", "do_renameat2", `${path} cannot be renamed`, "EBUSY");
  if (kind === "unlink") return deny("kernel", "do_unlinkat", `${path} names a directory`, "EISDIR");
  if (lastType === "dot") return deny("kernel", "do_rmdir", `${path}: "." cannot be removed`, "EINVAL");
  if (lastType === "dotdot") return deny("kernel", "do_rmdir", `${path}: ".." is not empty`, "ENOTEMPTY");
  return deny("kernel", "do_rmdir", `${path} is the root`, "EBUSY");
}

/** Finds and checks the entry `path` names for removal (or as the source of a rename). */
export function removalTarget(c: FsCtx, start: PathRef, path: string, kind: Removal): VictimResult {
  const rmdir = kind === "rmdir";
  const rp = resolveParent(c, start, path);
  if (!rp.ok) return rp;
  const bad = lastTypeError(rp.lastType, kind, path);
  if (bad) return no(rp.checks, bad);
  const ro = mntWantWrite(c, rp.dir, path);
  if (ro) return no(rp.checks, ro);
  const sb = getMount(c.state, rp.dir.mnt).sb;
  const node = lookupChild(c, sb, rp.dir.node, rp.last);
  const attr = node === undefined ? undefined : attrOf(c, sb, node);
  if (node === undefined || !attr) return no(rp.checks, deny("kernel", "lookup", `${path}: no such entry`, "ENOENT"));
  if (rp.trailingSlash && !(rmdir || (kind === "rename" && isDir(attr.mode)))) {
    return no(rp.checks, deny("kernel", "lookup", `${path}: trailing slash on a non-directory`, kind === "unlink" && isDir(attr.mode) ? "EISDIR" : "ENOTDIR"));
  }
  const parentShown = path.slice(0, path.replace(/\/+$/, "").lastIndexOf("/")) || (path.startsWith("/") ? "/" : ".");
  const perm = mayDelete(c, rp.dir, rp.dirAttr, attr, parentShown, path);
  if (hasDeny(perm)) return { ok: false, errno: perm[perm.length - 1]?.errno ?? "EACCES", checks: [...rp.checks, ...perm] };
  const checks = [...rp.checks, ...perm];
  if (rmdir && !isDir(attr.mode)) return no(checks, deny("kernel", "may_delete", `${path} is not a directory`, "ENOTDIR"));
  if (kind === "unlink" && isDir(attr.mode)) return no(checks, deny("kernel", "may_delete", `${path} is a directory`, "EISDIR"));
  const victim: PathRef = { mnt: rp.dir.mnt, node };
  if (mountOn(c.state.vfs, victim.mnt, node) !== undefined) return no(checks, deny("kernel", "is_local_mountpoint", `${path} is a mountpoint`, "EBUSY"));
  // A cgroup directory is never "empty" (its interface files): kernfs asks the cgroup code.
  const generated = getSb(c.state, sb).backing.kind === "synthetic";
  if (rmdir && !generated && listDir(c, sb, node).length > 0) return no(checks, deny("kernel", "vfs_rmdir", `${path} is not empty`, "ENOTEMPTY"));
  return { ok: true, dir: rp.dir, dirAttr: rp.dirAttr, name: rp.last, path: victim, attr, checks };
}
