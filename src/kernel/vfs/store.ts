/**
 * Inode tables of filesystems that store their files (ext4, tmpfs, devtmpfs, devpts, …):
 * creating, linking, unlinking and renaming entries while keeping link counts right. A
 * directory's nlink is 2 plus its subdirectories, as on ext4 and tmpfs.
 */
import { Map as IMap } from "immutable";
import type { Kgid, Kuid } from "../ids";
import { S_IFDIR, S_IFMT } from "./mode";
import type { Inode, InodeData, InodeStore, Timespec } from "./types";

export interface InodeSpec {
  readonly mode: number;
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly data: InodeData;
  readonly time: Timespec;
}

/** A filesystem with only its root directory (ext4's root is inode 2: EXT4_ROOT_INO). */
export function emptyStore(spec: Omit<InodeSpec, "data">, rootIno = 1): InodeStore {
  const root: Inode = {
    ino: rootIno, mode: S_IFDIR | (spec.mode & 0o7777), uid: spec.uid, gid: spec.gid, nlink: 2,
    parent: rootIno, name: "", atime: spec.time, mtime: spec.time, ctime: spec.time,
    data: { kind: "dir", entries: IMap() }, xattrs: null,
  };
  return { inodes: IMap<number, Inode>().set(rootIno, root), nextIno: rootIno + 1, rootIno };
}

export function getInode(store: InodeStore, ino: number): Inode {
  const inode = store.inodes.get(ino);
  if (!inode) throw new Error(`kernel invariant: no inode ${ino}`);
  return inode;
}

export function childOf(store: InodeStore, dir: number, name: string): number | undefined {
  const inode = store.inodes.get(dir);
  return inode?.data.kind === "dir" ? inode.data.entries.get(name) : undefined;
}

export const entriesOf = (inode: Inode): IMap<string, number> =>
  inode.data.kind === "dir" ? inode.data.entries : IMap();

const isDirMode = (mode: number) => (mode & S_IFMT) === S_IFDIR;

export const putInode = (store: InodeStore, inode: Inode): InodeStore => ({ ...store, inodes: store.inodes.set(inode.ino, inode) });

export function updateInode(store: InodeStore, ino: number, fn: (inode: Inode) => Inode): InodeStore {
  return putInode(store, fn(getInode(store, ino)));
}

/** Adds or removes one entry of a directory, touching its mtime and ctime. */
function setEntry(store: InodeStore, dir: number, name: string, ino: number | undefined, time: Timespec, nlinkDelta: number): InodeStore {
  return updateInode(store, dir, (d) => {
    const entries = entriesOf(d);
    const next = ino === undefined ? entries.delete(name) : entries.set(name, ino);
    return { ...d, nlink: d.nlink + nlinkDelta, mtime: time, ctime: time, data: { kind: "dir", entries: next } };
  });
}

/** Creates an inode and links it into `dir` as `name`. */
export function addInode(store: InodeStore, dir: number, name: string, spec: InodeSpec): readonly [InodeStore, Inode] {
  const dirMode = isDirMode(spec.mode);
  const inode: Inode = {
    ino: store.nextIno, mode: spec.mode, uid: spec.uid, gid: spec.gid, nlink: dirMode ? 2 : 1,
    parent: dir, name, atime: spec.time, mtime: spec.time, ctime: spec.time, data: spec.data, xattrs: null,
  };
  let next: InodeStore = { ...store, nextIno: store.nextIno + 1, inodes: store.inodes.set(inode.ino, inode) };
  next = setEntry(next, dir, name, inode.ino, spec.time, dirMode ? 1 : 0);
  return [next, inode] as const;
}

/** link(2): one more name for an existing inode. */
export function addLink(store: InodeStore, dir: number, name: string, ino: number, time: Timespec): InodeStore {
  const next = setEntry(store, dir, name, ino, time, 0);
  return updateInode(next, ino, (i) => ({ ...i, nlink: i.nlink + 1, ctime: time }));
}

/**
 * Removes the name `name` from `dir`; the inode goes when no name is left.
 * SIMPLIFICATION: an unlinked inode is freed at once, even while a descriptor has it open.
 */
export function removeLink(store: InodeStore, dir: number, name: string, time: Timespec): InodeStore {
  const ino = childOf(store, dir, name);
  if (ino === undefined) return store;
  const inode = getInode(store, ino);
  const dirGone = isDirMode(inode.mode);
  let next = setEntry(store, dir, name, undefined, time, dirGone ? -1 : 0);
  const left = dirGone ? 0 : inode.nlink - 1;
  if (left <= 0) next = { ...next, inodes: next.inodes.delete(ino) };
  else next = putInode(next, { ...inode, nlink: left, ctime: time });
  return next;
}

/**
 * rename(2) inside one filesystem: a target of the same kind is replaced (the caller checked
 * that a replaced directory is empty).
 */
export function renameEntry(
  store: InodeStore, from: { dir: number; name: string }, to: { dir: number; name: string }, time: Timespec,
): InodeStore {
  const ino = childOf(store, from.dir, from.name);
  if (ino === undefined) return store;
  let next = store;
  if (childOf(next, to.dir, to.name) !== undefined) next = removeLink(next, to.dir, to.name, time);
  const moved = getInode(next, ino);
  const dirDelta = isDirMode(moved.mode) && from.dir !== to.dir ? 1 : 0;
  next = setEntry(next, from.dir, from.name, undefined, time, -dirDelta);
  next = setEntry(next, to.dir, to.name, ino, time, dirDelta);
  const keepPrimary = moved.parent !== from.dir || moved.name !== from.name;
  return putInode(next, keepPrimary ? { ...moved, ctime: time } : { ...moved, parent: to.dir, name: to.name, ctime: time });
}

/** The path of an inode from the filesystem root, following first links (`d_path()`). */
export function storePath(store: InodeStore, ino: number): string {
  const names: string[] = [];
  let cur = store.inodes.get(ino);
  for (let guard = 0; cur && cur.ino !== store.rootIno && guard < 4096; guard++) {
    names.push(cur.name);
    cur = store.inodes.get(cur.parent);
  }
  return `/${names.reverse().join("/")}`;
}

/** Whether `ino` is `anc` or lies below it (`is_subdir()`). */
export function storeIsBelow(store: InodeStore, ino: number, anc: number): boolean {
  let cur = store.inodes.get(ino);
  for (let guard = 0; cur && guard < 4096; guard++) {
    if (cur.ino === anc) return true;
    if (cur.ino === store.rootIno) return false;
    cur = store.inodes.get(cur.parent);
  }
  return false;
}
