/**
 * Changing an overlay (`fs/overlayfs/dir.c`): new names go to the upper layer (after copying
 * their parent up); a name that lower layers still have is hidden by a whiteout, a 0:0
 * character device (`ovl_whiteout()`); a directory created where a whiteout was becomes opaque
 * so the lower directory's entries stay hidden (`ovl_create_over_whiteout()`). Renaming a
 * directory that lower layers have fails with EXDEV: "the rename(2) system call … fails with
 * EXDEV" unless redirect_dir is on — Documentation/filesystems/overlayfs.rst.
 */
import type { Result } from "../../../lib";
import { err, ok } from "../../../lib";
import type { Errno } from "../../errno";
import { kgid, kuid } from "../../ids";
import type { KernelState } from "../../state";
import { realtimeNow } from "../clock";
import { S_IFCHR, isDir } from "../mode";
import { addInode, childOf, entriesOf, getInode, removeLink, renameEntry, updateInode } from "../store";
import { storeOf, updateStore } from "../sb-access";
import { baseName, childKey, parentKey } from "../synthetic";
import type { InodeData, OverlayConfig } from "../types";
import { clearWhiteout, copyUp } from "./copy-up";
import { OPAQUE_XATTR, lowerHas, ovlLookup } from "./lookup";

export interface NewNode {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly data: InodeData;
}

/** Creates `name` in overlay directory `dir`. */
export function ovlCreate(state: KernelState, cfg: OverlayConfig, dir: string, name: string, n: NewNode): Result<KernelState, Errno> {
  const up = copyUp(state, cfg, dir);
  if (!up.ok) return up;
  const upper = cfg.upper!;
  const [s1, hadWhiteout] = clearWhiteout(up.value.state, cfg, up.value.ino, name);
  const time = realtimeNow(s1);
  const opaque = isDir(n.mode) && (hadWhiteout || lowerHas(s1, cfg, childKey(dir, name)));
  return ok(updateStore(s1, upper.sb, (st) => {
    const [next, inode] = addInode(st, up.value.ino, name, { mode: n.mode, uid: kuid(n.uid), gid: kgid(n.gid), data: n.data, time });
    return opaque ? updateInode(next, inode.ino, (i) => ({ ...i, xattrs: { ...(i.xattrs ?? {}), [OPAQUE_XATTR]: "y" } })) : next;
  }));
}

/** Drops an upper entry, and (for a directory) the whiteouts left inside it. */
function dropUpper(state: KernelState, cfg: OverlayConfig, dirIno: number, name: string): KernelState {
  const upper = cfg.upper!;
  const time = realtimeNow(state);
  return updateStore(state, upper.sb, (st) => {
    const ino = childOf(st, dirIno, name);
    let next = st;
    if (ino !== undefined) for (const child of entriesOf(getInode(next, ino)).keys()) next = removeLink(next, ino, child, time);
    return removeLink(next, dirIno, name, time);
  });
}

function addWhiteout(state: KernelState, cfg: OverlayConfig, dirIno: number, name: string): KernelState {
  const time = realtimeNow(state);
  return updateStore(state, cfg.upper!.sb, (st) =>
    addInode(st, dirIno, name, { mode: S_IFCHR, uid: kuid(0), gid: kgid(0), data: { kind: "device", rdev: { major: 0, minor: 0 } }, time })[0]);
}

/** unlink(2) or rmdir(2) of overlay node `rel` (the caller checked emptiness and permissions). */
export function ovlRemove(state: KernelState, cfg: OverlayConfig, rel: string): Result<KernelState, Errno> {
  const node = ovlLookup(state, cfg, rel);
  if (!node) return err("ENOENT");
  const needWhiteout = lowerHas(state, cfg, rel);
  const parent = copyUp(state, cfg, parentKey(rel));
  if (!parent.ok) return parent;
  let s = parent.value.state;
  const name = baseName(rel);
  if (childOf(storeOf(s, cfg.upper!.sb), parent.value.ino, name) !== undefined) s = dropUpper(s, cfg, parent.value.ino, name);
  if (needWhiteout) s = addWhiteout(s, cfg, parent.value.ino, name);
  return ok(s);
}

/** rename(2) inside one overlay. */
export function ovlRename(state: KernelState, cfg: OverlayConfig, from: string, to: string): Result<KernelState, Errno> {
  const node = ovlLookup(state, cfg, from);
  if (!node) return err("ENOENT");
  const lowerToo = lowerHas(state, cfg, from);
  if (isDir(getInode(storeOf(state, node.top.sb), node.top.ino).mode) && lowerToo) return err("EXDEV");
  const src = copyUp(state, cfg, from);
  if (!src.ok) return src;
  const srcDir = copyUp(src.value.state, cfg, parentKey(from));
  if (!srcDir.ok) return srcDir;
  const dstDir = copyUp(srcDir.value.state, cfg, parentKey(to));
  if (!dstDir.ok) return dstDir;
  const upper = cfg.upper!;
  const toName = baseName(to);
  // A replaced upper directory goes with the whiteouts inside it; a replaced merged directory
  // leaves the moved one opaque, so the lower layer's entries stay hidden.
  let [s] = clearWhiteout(dstDir.value.state, cfg, dstDir.value.ino, toName);
  if (childOf(storeOf(s, upper.sb), dstDir.value.ino, toName) !== undefined) s = dropUpper(s, cfg, dstDir.value.ino, toName);
  const time = realtimeNow(s);
  s = updateStore(s, upper.sb, (st) => renameEntry(st, { dir: srcDir.value.ino, name: baseName(from) }, { dir: dstDir.value.ino, name: toName }, time));
  const moved = getInode(storeOf(s, upper.sb), src.value.ino);
  if (isDir(moved.mode) && lowerHas(s, cfg, to)) {
    s = updateStore(s, upper.sb, (st) => updateInode(st, moved.ino, (i) => ({ ...i, xattrs: { ...(i.xattrs ?? {}), [OPAQUE_XATTR]: "y" } })));
  }
  return ok(lowerToo ? addWhiteout(s, cfg, srcDir.value.ino, baseName(from)) : s);
}
