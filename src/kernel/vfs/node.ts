/**
 * Read-side inode operations for every kind of filesystem: attributes (`getattr`), lookup of a
 * name in a directory, the parent for "..", directory listings, link text and file contents.
 * Stored filesystems read their inode table, overlayfs reads through its layers, generated
 * filesystems ask their provider.
 */
import type { Kgid, Kuid } from "../ids";
import { kgid, kuid } from "../ids";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { realtimeNow } from "./clock";
import type { DevNum } from "./mode";
import { NO_DEV, S_IFMT, isDir, typeBits } from "./mode";
import { ovlList, ovlLookup, realInode } from "./overlay/lookup";
import { getSb } from "./sb-access";
import { childOf, entriesOf } from "./store";
import type { SynthCtx, SynthFs, SynthLink } from "./synthetic";
import { childKey, keyIno, parentKey } from "./synthetic";
import { synthFor } from "./synth-registry";
import type { Inode, NodeKey, SbId, SuperBlock, Timespec } from "./types";

export interface FsCtx {
  readonly state: KernelState;
  readonly task: Task;
}

/** What stat(2) reports, with global ids (the syscall maps them into the caller's namespace). */
export interface Attr {
  readonly dev: DevNum;
  readonly ino: number;
  readonly mode: number;
  readonly nlink: number;
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly rdev: DevNum;
  readonly size: number;
  readonly blocks: number;
  readonly atime: Timespec;
  readonly mtime: Timespec;
  readonly ctime: Timespec;
}

export type Backing =
  | { readonly kind: "inode"; readonly sb: SbId; readonly inode: Inode }
  | { readonly kind: "synthetic"; readonly fs: SynthFs; readonly ctx: SynthCtx; readonly key: string };

const synthCtx = (c: FsCtx, sb: SuperBlock): SynthCtx => ({ state: c.state, sb, viewer: c.task });

/** The inode or generator behind a node; undefined when it no longer exists. */
export function backingOf(c: FsCtx, sbId: SbId, node: NodeKey): Backing | undefined {
  const sb = getSb(c.state, sbId);
  const b = sb.backing;
  if (b.kind === "store") {
    const inode = b.store.inodes.get(node as number);
    return inode && { kind: "inode", sb: sbId, inode };
  }
  if (b.kind === "overlay") {
    const found = ovlLookup(c.state, b.overlay, node as string);
    return found && { kind: "inode", sb: found.top.sb, inode: realInode(c.state, found.top) };
  }
  const fs = synthFor(sb.fstype);
  return fs && fs.attr(synthCtx(c, sb), node as string) ? { kind: "synthetic", fs, ctx: synthCtx(c, sb), key: node as string } : undefined;
}

/** Directory sizes: 4096 on ext4, 20 bytes per entry on tmpfs (BOGO_DIRENT_SIZE), 0 elsewhere. */
function dirSize(fstype: string, entries: number): number {
  if (fstype === "ext4") return 4096;
  if (fstype === "tmpfs" || fstype === "devtmpfs" || fstype === "mqueue") return 40 + 20 * entries;
  return 0;
}

/**
 * SIMPLIFICATION: an overlay file reports the inode number of its highest real inode (Linux
 * keeps the lower origin's number with xino), and a whiteout has nlink 1 (Linux hard-links a
 * shared whiteout, nlink 2). Generated files get stable FNV inode numbers and the current time.
 */
export function attrOf(c: FsCtx, sbId: SbId, node: NodeKey): Attr | undefined {
  const b = backingOf(c, sbId, node);
  if (!b) return undefined;
  const sb = getSb(c.state, sbId);
  if (b.kind === "synthetic") {
    const a = b.fs.attr(b.ctx, b.key)!;
    const now = realtimeNow(c.state);
    return {
      dev: sb.dev, ino: a.ino ?? keyIno(b.key, sb.id), mode: typeBits(a.type) | a.mode, nlink: a.nlink ?? (a.type === "dir" ? 2 : 1),
      uid: a.uid ?? kuid(0), gid: a.gid ?? kgid(0), rdev: NO_DEV, size: a.size ?? 0, blocks: 0, atime: now, mtime: now, ctime: now,
    };
  }
  const i = b.inode;
  const realSb = getSb(c.state, b.sb);
  const size = sizeOf(i, realSb.fstype);
  return {
    dev: sb.dev, ino: i.ino, mode: i.mode, nlink: i.nlink, uid: i.uid, gid: i.gid,
    rdev: i.data.kind === "device" ? i.data.rdev : NO_DEV, size, blocks: Math.ceil(size / 4096) * 8,
    atime: i.atime, mtime: i.mtime, ctime: i.ctime,
  };
}

export function sizeOf(i: Inode, fstype: string): number {
  switch (i.data.kind) {
    case "dir": return dirSize(fstype, i.data.entries.size);
    case "text": return i.data.text.length;
    case "program": return i.data.size;
    case "symlink": return i.data.target.length;
    default: return 0;
  }
}

/** The node `name` in directory `dir`, if it exists. */
export function lookupChild(c: FsCtx, sbId: SbId, dir: NodeKey, name: string): NodeKey | undefined {
  const sb = getSb(c.state, sbId);
  const b = sb.backing;
  if (b.kind === "store") return childOf(b.store, dir as number, name);
  const key = childKey(dir as string, name);
  if (b.kind === "overlay") return ovlLookup(c.state, b.overlay, key) ? key : undefined;
  const fs = synthFor(sb.fstype);
  return fs?.attr(synthCtx(c, sb), key) ? key : undefined;
}

/** The directory holding `node` inside its filesystem (the root is its own parent). */
export function parentNode(c: FsCtx, sbId: SbId, node: NodeKey): NodeKey {
  const b = getSb(c.state, sbId).backing;
  if (b.kind === "store") return b.store.inodes.get(node as number)?.parent ?? b.store.rootIno;
  return parentKey(node as string);
}

export function rootNode(sb: SuperBlock): NodeKey {
  return sb.backing.kind === "store" ? sb.backing.store.rootIno : "";
}

export interface Dirent {
  readonly name: string;
  readonly node: NodeKey;
  readonly ino: number;
  readonly mode: number;
}

/** A directory's entries (without "." and ".."), in name order. */
export function listDir(c: FsCtx, sbId: SbId, dir: NodeKey): Dirent[] {
  const sb = getSb(c.state, sbId);
  const b = sb.backing;
  let out: Dirent[];
  if (b.kind === "store") {
    const inode = b.store.inodes.get(dir as number);
    out = inode ? [...entriesOf(inode)].map(([name, ino]) => ({ name, node: ino, ino, mode: b.store.inodes.get(ino)?.mode ?? 0 })) : [];
  } else if (b.kind === "overlay") {
    const node = ovlLookup(c.state, b.overlay, dir as string);
    out = node ? ovlList(c.state, node).map(({ name, real }) => {
      const i = realInode(c.state, real);
      return { name, node: childKey(dir as string, name), ino: i.ino, mode: i.mode };
    }) : [];
  } else {
    const fs = synthFor(sb.fstype);
    const ctx = synthCtx(c, sb);
    out = (fs?.list(ctx, dir as string) ?? []).flatMap((name) => {
      const key = childKey(dir as string, name);
      const a = fs?.attr(ctx, key);
      return a ? [{ name, node: key, ino: a.ino ?? keyIno(key, sb.id), mode: typeBits(a.type) | a.mode }] : [];
    });
  }
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** A symlink's text, or a generated (possibly magic) link. */
export function linkOf(c: FsCtx, sbId: SbId, node: NodeKey): SynthLink | undefined {
  const b = backingOf(c, sbId, node);
  if (!b) return undefined;
  if (b.kind === "synthetic") return b.fs.readlink(b.ctx, b.key);
  return b.inode.data.kind === "symlink" ? { kind: "text", text: b.inode.data.target } : undefined;
}

export const isDirNode = (c: FsCtx, sbId: SbId, node: NodeKey): boolean => {
  const a = attrOf(c, sbId, node);
  return a !== undefined && isDir(a.mode);
};

export const fileKind = (mode: number): number => mode & S_IFMT;
