/**
 * filename_create() (`fs/namei.c`): the parent directory of a name about to be created, after
 * checking — in Linux's order — that the name is a plain one that does not exist yet (EEXIST),
 * that the mount is writable (EROFS), and that the caller may write to the directory
 * (may_create(): EACCES).
 */
import type { Errno } from "../errno";
import type { Check } from "../trace";
import { deny } from "../trace";
import type { Attr, FsCtx } from "./node";
import { lookupIn, resolveParent } from "./namei";
import { hasDeny, mayCreate, mntWantWrite } from "./sys-common";
import type { PathRef } from "./types";

export type CreateTarget =
  | { readonly ok: true; readonly dir: PathRef; readonly dirAttr: Attr; readonly name: string; readonly checks: readonly Check[] }
  | { readonly ok: false; readonly errno: Errno; readonly checks: readonly Check[] };

const no = (checks: readonly Check[], check: Check): CreateTarget => ({ ok: false, errno: check.errno ?? "EINVAL", checks: [...checks, check] });

/** `isDir`: a trailing slash is allowed only when creating a directory. */
export function filenameCreate(c: FsCtx, start: PathRef, path: string, isDir: boolean): CreateTarget {
  const rp = resolveParent(c, start, path);
  if (!rp.ok) return rp;
  if (rp.lastType !== "normal") return no(rp.checks, deny("kernel", "filename_create", `${path} already exists`, "EEXIST"));
  if (lookupIn(c, rp.dir, rp.last)) return no(rp.checks, deny("kernel", "filename_create", `${path} already exists`, "EEXIST"));
  if (rp.trailingSlash && !isDir) return no(rp.checks, deny("kernel", "filename_create", `${path}: a trailing slash names a directory`, "ENOENT"));
  const ro = mntWantWrite(c, rp.dir, path);
  if (ro) return no(rp.checks, ro);
  const parentShown = path.includes("/") ? path.slice(0, path.replace(/\/+$/, "").lastIndexOf("/")) || "/" : ".";
  const perm = mayCreate(c, rp.dir, rp.dirAttr, parentShown);
  if (hasDeny(perm)) return { ok: false, errno: perm[perm.length - 1]?.errno ?? "EACCES", checks: [...rp.checks, ...perm] };
  return { ok: true, dir: rp.dir, dirAttr: rp.dirAttr, name: rp.last, checks: [...rp.checks, ...perm] };
}
