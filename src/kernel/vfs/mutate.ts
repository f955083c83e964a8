/**
 * Write-side inode operations for every kind of filesystem (`inode_operations`: create, mkdir,
 * mknod, symlink, link, unlink, rmdir, rename, setattr, and file writes). Permission checks are
 * the syscalls' job; these only change the filesystem, or return the errno the filesystem
 * itself gives (a generated filesystem without the operation: EPERM, or EACCES for create).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { Kgid, Kuid } from "../ids";
import { kgid, kuid } from "../ids";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { realtimeNow } from "./clock";
import { getMount } from "./mount-tree";
import { backingOf } from "./node";
import type { FsCtx } from "./node";
import { clearWhiteout, copyUp } from "./overlay/copy-up";
import type { NewNode } from "./overlay/modify";
import { ovlCreate, ovlRemove, ovlRename } from "./overlay/modify";
import { getSb, updateStore } from "./sb-access";
import { addInode, addLink, childOf, removeLink, renameEntry, updateInode } from "./store";
import { synthFor } from "./synth-registry";
import { baseName, childKey } from "./synthetic";
import type { Inode, InodeData, NodeKey, PathRef, SbId } from "./types";

export interface Changed {
  readonly state: KernelState;
  /** Checks a generated filesystem's handler made (cgroup writes, sysctl). */
  readonly checks: readonly Check[];
}

const done = (state: KernelState, checks: readonly Check[] = []): Result<Changed, Errno> => ok({ state, checks });

const sbOf = (c: FsCtx, p: PathRef): SbId => getMount(c.state, p.mnt).sb;

/** Creates `name` in directory `dir` (create, mkdir, mknod, symlink). */
export function createNode(c: FsCtx, dir: PathRef, name: string, n: NewNode): Result<Changed, Errno> {
  const sb = getSb(c.state, sbOf(c, dir));
  const b = sb.backing;
  if (b.kind === "store") {
    const time = realtimeNow(c.state);
    return done(updateStore(c.state, sb.id, (st) => addInode(st, dir.node as number, name, { mode: n.mode, uid: kuid(n.uid), gid: kgid(n.gid), data: n.data, time })[0]));
  }
  if (b.kind === "overlay") {
    const out = ovlCreate(c.state, b.overlay, dir.node as string, name, n);
    return out.ok ? done(out.value) : out;
  }
  const fs = synthFor(sb.fstype);
  const isDirNode = n.data.kind === "dir";
  if (!isDirNode || !fs?.mkdir) return err(n.data.kind === "text" ? "EACCES" : "EPERM");
  const out = fs.mkdir({ state: c.state, sb, viewer: c.task }, dir.node as string, name, n.mode);
  return out.errno ? err(out.errno) : done(out.state, out.checks);
}

/** unlink(2) / rmdir(2) of `name` in `dir` (emptiness and permission already checked). */
export function removeNode(c: FsCtx, dir: PathRef, name: string, isDir: boolean): Result<Changed, Errno> {
  const sb = getSb(c.state, sbOf(c, dir));
  const b = sb.backing;
  if (b.kind === "store") return done(updateStore(c.state, sb.id, (st) => removeLink(st, dir.node as number, name, realtimeNow(c.state))));
  if (b.kind === "overlay") {
    const out = ovlRemove(c.state, b.overlay, childKey(dir.node as string, name));
    return out.ok ? done(out.value) : out;
  }
  const fs = synthFor(sb.fstype);
  if (!isDir || !fs?.rmdir) return err("EPERM");
  const out = fs.rmdir({ state: c.state, sb, viewer: c.task }, dir.node as string, name);
  return out.errno ? err(out.errno) : done(out.state, out.checks);
}

/** rename(2) within one filesystem. */
export function renameNode(c: FsCtx, from: PathRef, fromName: string, to: PathRef, toName: string): Result<Changed, Errno> {
  const sb = getSb(c.state, sbOf(c, from));
  const b = sb.backing;
  if (b.kind === "store") {
    return done(updateStore(c.state, sb.id, (st) =>
      renameEntry(st, { dir: from.node as number, name: fromName }, { dir: to.node as number, name: toName }, realtimeNow(c.state))));
  }
  if (b.kind === "overlay") {
    const out = ovlRename(c.state, b.overlay, childKey(from.node as string, fromName), childKey(to.node as string, toName));
    return out.ok ? done(out.value) : out;
  }
  return err("EPERM");
}

/** link(2): a new name for `target` in `dir`. */
export function linkNode(c: FsCtx, target: PathRef, dir: PathRef, name: string): Result<Changed, Errno> {
  const sb = getSb(c.state, sbOf(c, dir));
  const b = sb.backing;
  if (b.kind === "store") return done(updateStore(c.state, sb.id, (st) => addLink(st, dir.node as number, name, target.node as number, realtimeNow(c.state))));
  if (b.kind === "overlay") {
    const src = copyUp(c.state, b.overlay, target.node as string);
    if (!src.ok) return src;
    const parent = copyUp(src.value.state, b.overlay, dir.node as string);
    if (!parent.ok) return parent;
    // A whiteout left at the new name gives way to the link.
    const [s] = clearWhiteout(parent.value.state, b.overlay, parent.value.ino, name);
    return done(updateStore(s, b.overlay.upper!.sb, (st) => addLink(st, parent.value.ino, name, src.value.ino, realtimeNow(s))));
  }
  return err("EPERM");
}

/** The stored inode behind a node, copied up first when it is in an overlay's lower layer. */
function writable(c: FsCtx, p: PathRef): Result<{ readonly state: KernelState; readonly sb: SbId; readonly ino: number }, Errno> {
  const sb = getSb(c.state, sbOf(c, p));
  const b = sb.backing;
  if (b.kind === "store") return ok({ state: c.state, sb: sb.id, ino: p.node as number });
  if (b.kind === "overlay") {
    const up = copyUp(c.state, b.overlay, p.node as string);
    return up.ok ? ok({ state: up.value.state, sb: b.overlay.upper!.sb, ino: up.value.ino }) : up;
  }
  return err("EPERM");
}

export interface AttrChange {
  readonly mode?: number;
  readonly uid?: Kuid;
  readonly gid?: Kgid;
  readonly size?: number;
}

/** notify_change(): chmod, chown and truncate (ctime always, mtime when the size changes). */
export function setAttrs(c: FsCtx, p: PathRef, ch: AttrChange): Result<Changed, Errno> {
  const w = writable(c, p);
  if (!w.ok) return w;
  const time = realtimeNow(c.state);
  return done(updateStore(w.value.state, w.value.sb, (st) => updateInode(st, w.value.ino, (i): Inode => ({
    ...i,
    mode: ch.mode ?? i.mode, uid: ch.uid ?? i.uid, gid: ch.gid ?? i.gid, ctime: time,
    ...(ch.size !== undefined ? { data: resized(i.data, ch.size), mtime: time } : {}),
  }))));
}

function resized(data: InodeData, size: number): InodeData {
  if (data.kind === "text") return { kind: "text", text: data.text.slice(0, size).padEnd(size, "\0") };
  if (data.kind === "program") return size === 0 ? { kind: "text", text: "" } : { ...data, size };
  return data;
}

/**
 * Writes `data` at `pos` of a regular file.
 * SIMPLIFICATION: writing into a program's binary turns it into a data file holding what was
 * written (with NULs before `pos`); the rest of the binary is dropped.
 */
export function writeRegular(c: FsCtx, p: PathRef, pos: number, data: string): Result<Changed, Errno> {
  const w = writable(c, p);
  if (!w.ok) return w;
  const time = realtimeNow(c.state);
  return done(updateStore(w.value.state, w.value.sb, (st) => updateInode(st, w.value.ino, (i) => {
    const old = i.data.kind === "text" ? i.data.text : "";
    const text = old.slice(0, pos).padEnd(pos, "\0") + data + old.slice(pos + data.length);
    return { ...i, data: { kind: "text", text }, mtime: time, ctime: time };
  })));
}

/** The text of a regular file, its program marker, or a device's number. */
export function contentOf(c: FsCtx, p: PathRef): InodeData | undefined {
  const b = backingOf(c, sbOf(c, p), p.node);
  return b?.kind === "inode" ? b.inode.data : undefined;
}

export const nameOf = (node: NodeKey): string => (typeof node === "string" ? baseName(node) : String(node));
export const hasChild = (c: FsCtx, dir: PathRef, name: string): boolean => {
  const sb = getSb(c.state, sbOf(c, dir));
  return sb.backing.kind === "store" ? childOf(sb.backing.store, dir.node as number, name) !== undefined : false;
};
