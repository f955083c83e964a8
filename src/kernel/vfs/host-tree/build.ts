/** Turns a host filesystem description into an inode table. */
import { Map as IMap } from "immutable";
import { kgid, kuid } from "../../ids";
import type { InodeData, InodeStore, Timespec } from "../types";
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, S_IFSOCK } from "../mode";
import { addInode, childOf } from "../store";
import type { HostEntry, HostEntryType } from "./entry";

const TYPE_BITS: Readonly<Record<HostEntryType, number>> = {
  dir: S_IFDIR, file: S_IFREG, program: S_IFREG, symlink: S_IFLNK, socket: S_IFSOCK, chr: S_IFCHR, blk: S_IFBLK, fifo: S_IFIFO,
};

function dataOf(e: HostEntry): InodeData {
  switch (e.type) {
    case "dir": return emptyDir();
    case "file": return { kind: "text", text: e.text ?? "" };
    case "program": return { kind: "program", program: e.program ?? "", size: e.size ?? 0 };
    case "symlink": return { kind: "symlink", target: e.target ?? "" };
    case "chr":
    case "blk": return { kind: "device", rdev: e.rdev ?? { major: 0, minor: 0 } };
    default: return { kind: "special" };
  }
}

const emptyDir = (): InodeData => ({ kind: "dir", entries: IMap() });

/** The inode of directory `path`, creating missing directories (root-owned, 0755) on the way. */
function ensureDir(store: InodeStore, path: string, time: Timespec): readonly [InodeStore, number] {
  let cur = store.rootIno;
  let next = store;
  for (const name of path.split("/").filter((p) => p !== "")) {
    const found = childOf(next, cur, name);
    if (found !== undefined) {
      cur = found;
      continue;
    }
    const [s, inode] = addInode(next, cur, name, { mode: S_IFDIR | 0o755, uid: kuid(0), gid: kgid(0), data: emptyDir(), time });
    next = s;
    cur = inode.ino;
  }
  return [next, cur] as const;
}

/** Adds every entry; an entry for an existing directory updates its mode and owner. */
export function buildStore(base: InodeStore, entries: readonly HostEntry[], time: Timespec): InodeStore {
  let store = base;
  for (const e of entries) {
    const cut = e.path.lastIndexOf("/");
    const [s, parent] = ensureDir(store, e.path.slice(0, cut), time);
    store = s;
    const name = e.path.slice(cut + 1);
    const mode = TYPE_BITS[e.type] | e.mode;
    const existing = childOf(store, parent, name);
    if (existing !== undefined) {
      const inode = store.inodes.get(existing)!;
      store = { ...store, inodes: store.inodes.set(existing, { ...inode, mode, uid: kuid(e.uid), gid: kgid(e.gid) }) };
      continue;
    }
    store = addInode(store, parent, name, { mode, uid: kuid(e.uid), gid: kgid(e.gid), data: dataOf(e), time })[0];
  }
  return store;
}
