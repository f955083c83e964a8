/**
 * do_filp_open() (`fs/namei.c: path_openat()`, `open_last_lookups()`, `do_open()`): resolve
 * the path — or its parent and create the last component with O_CREAT — check may_open(),
 * truncate with O_TRUNC, and describe the new open file.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { NsId } from "../ids";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { lsmPathOp } from "./lsm-hooks";
import { S_IFREG, isDir, isLnk, isReg } from "./mode";
import { getMount } from "./mount-tree";
import { mayOpen } from "./may-open";
import type { Attr, FsCtx } from "./node";
import { attrOf, backingOf } from "./node";
import { lookupIn, resolveParent, resolvePath } from "./namei";
import { createNode, setAttrs } from "./mutate";
import { O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_TRUNC, canRead } from "./open-flags";
import { getSb } from "./sb-access";
import { hasDeny, mayCreate, mntWantWrite, newOwner } from "./sys-common";
import type { KernelState } from "../state";
import type { PathRef } from "./types";

export interface Opened {
  readonly state: KernelState;
  readonly path: PathRef;
  readonly snapshot: string | null;
  readonly heldNs: NsId | null;
  readonly checks: readonly Check[];
  readonly created: boolean;
}

export type OpenResult = Result<Opened, { readonly errno: Errno; readonly checks: readonly Check[] }>;

const refuse = (checks: readonly Check[], errno?: Errno): OpenResult =>
  err({ errno: errno ?? checks[checks.length - 1]?.errno ?? "EINVAL", checks });

/** O_CREAT of a name that does not exist yet (lookup_open()). */
function createFile(c: FsCtx, dir: PathRef, dirAttr: Attr, name: string, mode: number, shown: string, pre: readonly Check[]): OpenResult {
  const ro = mntWantWrite(c, dir, shown);
  if (ro) return refuse([...pre, ro]);
  const perm = mayCreate(c, dir, dirAttr, shown.slice(0, shown.lastIndexOf("/")) || "/");
  if (hasDeny(perm)) return refuse([...pre, ...perm]);
  const lsm = lsmPathOp(c.state, c.task, { op: "mknod", at: { dir, dirAttr, name }, mode: S_IFREG | mode });
  if (lsm?.verdict === "deny") return refuse([...pre, ...perm, lsm]);
  const owner = newOwner(c.task, dirAttr, mode, S_IFREG);
  const made = createNode(c, dir, name, { ...owner, data: { kind: "text", text: "" } });
  if (!made.ok) return refuse([...pre, ...perm, deny("kernel", "vfs_create", `${shown}: this filesystem cannot create files`, made.error)]);
  const s = made.value.state;
  const entry = lookupIn({ state: s, task: c.task }, dir, name);
  if (!entry) return refuse([...pre, ...perm, deny("kernel", "vfs_create", `${shown} vanished`, "ENOENT")]);
  const note = pass("kernel", "vfs_create", `created ${shown} (mode ${(owner.mode & 0o7777).toString(8).padStart(4, "0")}, uid ${owner.uid}, gid ${owner.gid})`);
  return ok({ state: s, path: entry.path, snapshot: null, heldNs: null, checks: [...pre, ...perm, ...(lsm ? [lsm] : []), note], created: true });
}

/** Where the open leads: an existing file (after lookup) or a file O_CREAT makes. */
interface Found {
  readonly kind: "found";
  readonly path: PathRef;
  readonly attr: Attr;
  readonly checks: readonly Check[];
}

const found = (r: { readonly path: PathRef; readonly attr: Attr; readonly checks: readonly Check[] }): Found => ({ kind: "found", path: r.path, attr: r.attr, checks: r.checks });

function lookupForOpen(c: FsCtx, start: PathRef, path: string, flags: number, mode: number): OpenResult | Found {
  const follow = !(flags & O_NOFOLLOW);
  if (!(flags & O_CREAT)) {
    const r = resolvePath(c, start, path, { follow, directory: (flags & O_DIRECTORY) !== 0 });
    return r.ok ? found(r) : refuse(r.checks, r.errno);
  }
  const rp = resolveParent(c, start, path);
  if (!rp.ok) return refuse(rp.checks, rp.errno);
  if (rp.lastType !== "normal") return refuse([...rp.checks, deny("kernel", "open_last_lookups", `${path} names a directory`, "EISDIR")]);
  const hit = lookupIn(c, rp.dir, rp.last);
  if (!hit) {
    if (rp.trailingSlash) return refuse([...rp.checks, deny("kernel", "open_last_lookups", `${path}: O_CREAT with a trailing slash`, "EISDIR")]);
    return createFile(c, rp.dir, rp.dirAttr, rp.last, mode, path, rp.checks);
  }
  if (flags & O_EXCL) return refuse([...rp.checks, deny("kernel", "open_last_lookups", `${path} exists (O_CREAT|O_EXCL)`, "EEXIST")]);
  if (isLnk(hit.attr.mode) && follow) {
    // SIMPLIFICATION: a dangling symlink with O_CREAT fails instead of creating its target.
    const r = resolvePath(c, start, path, { follow: true });
    return r.ok ? found(r) : refuse(r.checks, r.errno);
  }
  if (isDir(hit.attr.mode)) return refuse([...rp.checks, deny("kernel", "do_open", `${path} is a directory`, "EISDIR")]);
  return found({ path: hit.path, attr: hit.attr, checks: rp.checks });
}

/**
 * SIMPLIFICATION: no ETXTBSY (writing a running executable), no O_NOATIME/O_TMPFILE/O_PATH, and
 * fs.protected_symlinks / protected_regular are not enforced.
 */
/** Opens `path` as the task in `c`. */
export function openPath(c: FsCtx, start: PathRef, path: string, flags: number, mode: number): OpenResult {
  const target = lookupForOpen(c, start, path, flags, mode);
  if (!("kind" in target)) return target;
  const checks = [...target.checks, ...mayOpen(c, target.path, target.attr, flags, path)];
  if (hasDeny(checks)) return refuse(checks);
  let state = c.state;
  if (flags & O_TRUNC && isReg(target.attr.mode) && target.attr.size > 0) {
    const cut = setAttrs(c, target.path, { size: 0 });
    if (!cut.ok) return refuse([...checks, deny("kernel", "do_truncate", `${path} cannot be truncated`, cut.error)]);
    state = cut.value.state;
  }
  const sb = getSb(state, getMount(state, target.path.mnt).sb);
  const b = backingOf({ state, task: c.task }, sb.id, target.path.node);
  let snapshot: string | null = null;
  if (b?.kind === "synthetic" && canRead(flags) && !isDir(target.attr.mode)) {
    const text = b.fs.read(b.ctx, b.key);
    snapshot = text.ok ? text.value : null;
  }
  const heldNs = sb.fstype === "nsfs" ? (Number(target.path.node) as NsId) : null;
  return ok({ state, path: target.path, snapshot, heldNs, checks, created: false });
}

export const attrAt = (c: FsCtx, p: PathRef): Attr | undefined => attrOf(c, getMount(c.state, p.mnt).sb, p.node);
