/**
 * Path resolution (`fs/namei.c: link_path_walk()`, path_resolution(7)): each component is
 * looked up in turn after a search-permission check on the directory (`may_lookup()`); mounts
 * are crossed on the way down and `..` climbs back over mount roots but never above the task's
 * root; symlinks are expanded (at most 40), magic links in /proc jump to their target.
 */
import type { Errno } from "../errno";
import type { Check } from "../trace";
import { deny } from "../trace";
import { MAY_EXEC, isDir, isLnk } from "./mode";
import { followMounts, getMount, samePath } from "./mount-tree";
import type { Attr, FsCtx } from "./node";
import { attrOf, linkOf, lookupChild, parentNode } from "./node";
import { MAXSYMLINKS, NAME_MAX, PATH_MAX } from "./open-flags";
import { inGroup, inodePermission } from "./permission";
import { getSb } from "./sb-access";
import { synthFor } from "./synth-registry";
import type { PathRef } from "./types";

export interface LookupOpts {
  /** LOOKUP_FOLLOW: follow a symlink in the last component. */
  readonly follow: boolean;
  /** LOOKUP_DIRECTORY: the result must be a directory. */
  readonly directory?: boolean;
  /** LOOKUP_MOUNTPOINT: cross mounts on the last component too (umount2, "."). */
  readonly mountpoint?: boolean;
}

export type Resolved =
  | { readonly ok: true; readonly path: PathRef; readonly attr: Attr; readonly checks: readonly Check[] }
  | { readonly ok: false; readonly errno: Errno; readonly checks: readonly Check[] };

export type LastType = "normal" | "dot" | "dotdot" | "root";

export type ResolvedParent =
  | {
    readonly ok: true; readonly dir: PathRef; readonly dirAttr: Attr; readonly last: string; readonly lastType: LastType;
    readonly trailingSlash: boolean; readonly checks: readonly Check[];
  }
  | { readonly ok: false; readonly errno: Errno; readonly checks: readonly Check[] };

type Fail = { readonly ok: false; readonly errno: Errno; readonly checks: readonly Check[] };

const failWith = (checks: readonly Check[], rule: string, reason: string, errno: Errno): Fail =>
  ({ ok: false, errno, checks: [...checks, deny("kernel", rule, reason, errno)] });

/** follow_dotdot(): up one directory, over mount roots, stopping at the task's root. */
export function dotdot(c: FsCtx, cur: PathRef): PathRef {
  let p = cur;
  for (let guard = 0; guard < 1000; guard++) {
    if (samePath(p, c.task.root)) return p;
    const m = getMount(c.state, p.mnt);
    if (p.node !== m.root) return followMounts(c.state, { mnt: p.mnt, node: parentNode(c, m.sb, p.node) });
    if (m.parent === m.id) return p;
    p = { mnt: m.parent, node: m.mountpoint };
  }
  return p;
}

/** The owner, group or other execute bit grants search, and no generated-fs rule objects. */
function searchAllowed(c: FsCtx, p: PathRef, a: Attr): boolean {
  const cred = c.task.cred;
  const bit = cred.fsuid === a.uid ? 0o100 : inGroup(cred, a.gid) ? 0o010 : 0o001;
  if ((a.mode & bit) === 0) return false;
  const sb = getSb(c.state, getMount(c.state, p.mnt).sb);
  return !(sb.backing.kind === "synthetic" && synthFor(sb.fstype)?.permission);
}

interface Walker {
  cur: PathRef;
  attr: Attr;
  links: number;
  readonly checks: Check[];
}

const splitPath = (path: string): string[] => path.split("/").filter((p) => p !== "");

/** may_lookup(): search permission on the directory about to be read. */
function mayLookup(c: FsCtx, w: Walker, shown: string): Fail | undefined {
  if (!isDir(w.attr.mode)) return failWith(w.checks, "link_path_walk", `${shown} is not a directory`, "ENOTDIR");
  // The common case first: the mode bits grant search and nothing else has a say.
  if (searchAllowed(c, w.cur, w.attr)) return undefined;
  const perm = inodePermission(c, w.cur, w.attr, MAY_EXEC, shown);
  const last = perm[perm.length - 1];
  if (last?.verdict === "deny") return { ok: false, errno: last.errno ?? "EACCES", checks: [...w.checks, ...perm] };
  if (perm.some((x) => x.layer === "capability")) w.checks.push(...perm);
  return undefined;
}

/** Follows a symlink met at `link` inside `w.cur`: returns the components it adds, or a failure. */
function expand(c: FsCtx, w: Walker, link: PathRef, shown: string): string[] | Fail {
  if (++w.links > MAXSYMLINKS) return failWith(w.checks, "nd_alloc_stack", `more than ${MAXSYMLINKS} symbolic links while resolving ${shown}`, "ELOOP");
  if (getMount(c.state, link.mnt).flags.nosymfollow) return failWith(w.checks, "may_follow_link", `${shown}: symlinks are not followed on this nosymfollow mount`, "ELOOP");
  const l = linkOf(c, getMount(c.state, link.mnt).sb, link.node);
  if (!l) return failWith(w.checks, "pick_link", `${shown} is not a link`, "ENOENT");
  if (l.kind === "magic") {
    const t = l.target();
    w.checks.push(...t.checks);
    if (!t.ok) return { ok: false, errno: t.errno, checks: [...w.checks] };
    w.cur = t.path;
    const a = attrOf(c, getMount(c.state, t.path.mnt).sb, t.path.node);
    if (!a) return failWith(w.checks, "nd_jump_link", `${shown}: target is gone`, "ENOENT");
    w.attr = a;
    return [];
  }
  if (l.text === "") return failWith(w.checks, "get_link", `${shown} is an empty symlink`, "ENOENT");
  if (l.text.startsWith("/")) {
    w.cur = c.task.root;
    w.attr = attrOf(c, getMount(c.state, w.cur.mnt).sb, w.cur.node) as Attr;
  }
  return splitPath(l.text);
}

/** One step into `name`; returns the components a followed symlink adds. */
function step(c: FsCtx, w: Walker, name: string, follow: boolean, shown: string): string[] | Fail {
  if (name === ".") return [];
  if (name === "..") {
    w.cur = dotdot(c, w.cur);
    w.attr = attrOf(c, getMount(c.state, w.cur.mnt).sb, w.cur.node) as Attr;
    return [];
  }
  if (name.length > NAME_MAX) return failWith(w.checks, "lookup", `a component of ${shown} is longer than ${NAME_MAX} bytes`, "ENAMETOOLONG");
  const m = getMount(c.state, w.cur.mnt);
  const child = lookupChild(c, m.sb, w.cur.node, name);
  if (child === undefined) return failWith(w.checks, "lookup", `${shown}: no entry ${JSON.stringify(name)}`, "ENOENT");
  const next = followMounts(c.state, { mnt: w.cur.mnt, node: child });
  const attr = attrOf(c, getMount(c.state, next.mnt).sb, next.node);
  if (!attr) return failWith(w.checks, "lookup", `${shown}: ${name} vanished`, "ENOENT");
  if (isLnk(attr.mode) && follow) return expand(c, w, next, shown);
  w.cur = next;
  w.attr = attr;
  return [];
}

function startOf(c: FsCtx, start: PathRef, path: string): Walker | Fail {
  if (path === "") return failWith([], "getname", "an empty path names nothing", "ENOENT");
  if (path.length >= PATH_MAX) return failWith([], "getname", `the path is ${path.length} bytes, PATH_MAX is ${PATH_MAX}`, "ENAMETOOLONG");
  const cur = path.startsWith("/") ? c.task.root : start;
  const attr = attrOf(c, getMount(c.state, cur.mnt).sb, cur.node);
  if (!attr) return failWith([], "path_init", "the starting directory no longer exists", "ENOENT");
  return { cur, attr, links: 0, checks: [] };
}

/**
 * Walks `comps` from the walker's position; with `stopBeforeLast` the last component is left
 * unresolved (filename_parentat()) and returned.
 */
function walkAll(c: FsCtx, w: Walker, comps: string[], shown: string, opts: LookupOpts & { readonly trailing: boolean }): Fail | undefined {
  const queue = [...comps];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const blocked = mayLookup(c, w, shown);
    if (blocked) return blocked;
    const isLast = queue.length === 0;
    const added = step(c, w, name, !isLast || opts.follow || opts.trailing, shown);
    if (!Array.isArray(added)) return added;
    queue.unshift(...added);
  }
  return undefined;
}

/** Resolves `path` from `start` (relative paths) or the task's root (absolute paths). */
export function resolvePath(c: FsCtx, start: PathRef, path: string, opts: LookupOpts): Resolved {
  const w = startOf(c, start, path);
  if ("ok" in w) return w;
  const trailing = path.endsWith("/");
  const failed = walkAll(c, w, splitPath(path), path, { ...opts, trailing });
  if (failed) return failed;
  if (opts.mountpoint) {
    w.cur = followMounts(c.state, w.cur);
    w.attr = attrOf(c, getMount(c.state, w.cur.mnt).sb, w.cur.node) as Attr;
  }
  if ((trailing || opts.directory) && !isDir(w.attr.mode)) return failWith(w.checks, "lookup", `${path} is not a directory`, "ENOTDIR");
  return { ok: true, path: w.cur, attr: w.attr, checks: w.checks };
}

/** Resolves all but the last component (`filename_parentat()`). */
export function resolveParent(c: FsCtx, start: PathRef, path: string): ResolvedParent {
  const w = startOf(c, start, path);
  if ("ok" in w) return w;
  const comps = splitPath(path);
  const trailingSlash = path.endsWith("/");
  if (comps.length === 0) return { ok: true, dir: w.cur, dirAttr: w.attr, last: "/", lastType: "root", trailingSlash, checks: w.checks };
  const last = comps.pop() as string;
  const failed = walkAll(c, w, comps, path, { follow: true, trailing: false });
  if (failed) return failed;
  const blocked = mayLookup(c, w, path);
  if (blocked) return blocked;
  if (last.length > NAME_MAX) return failWith(w.checks, "lookup", `a component of ${path} is longer than ${NAME_MAX} bytes`, "ENAMETOOLONG");
  const lastType: LastType = last === "." ? "dot" : last === ".." ? "dotdot" : "normal";
  return { ok: true, dir: w.cur, dirAttr: w.attr, last, lastType, trailingSlash, checks: w.checks };
}

/** The node `name` in an already resolved directory, mounts followed, without following a symlink. */
export function lookupIn(c: FsCtx, dir: PathRef, name: string): { readonly path: PathRef; readonly attr: Attr } | undefined {
  const m = getMount(c.state, dir.mnt);
  const child = lookupChild(c, m.sb, dir.node, name);
  if (child === undefined) return undefined;
  const path = followMounts(c.state, { mnt: dir.mnt, node: child });
  const attr = attrOf(c, getMount(c.state, path.mnt).sb, path.node);
  return attr ? { path, attr } : undefined;
}
