/**
 * Copy-up (`fs/overlayfs/copy_up.c: ovl_copy_up()`): before anything changes a file or
 * directory that lives in a lower layer, the overlay copies it — with its mode, owner and
 * data — into the upper layer, creating its parent directories there first. Lower layers are
 * never modified. — Documentation/filesystems/overlayfs.rst, "Non-directories"
 */
import type { Result } from "../../../lib";
import { err, ok } from "../../../lib";
import type { Errno } from "../../errno";
import type { KernelState } from "../../state";
import { realtimeNow } from "../clock";
import { addInode, childOf, removeLink } from "../store";
import { storeOf, updateStore } from "../sb-access";
import { parentKey, baseName } from "../synthetic";
import type { OverlayConfig } from "../types";
import { ovlLookup, realInode, isWhiteout } from "./lookup";

export interface Upper {
  readonly state: KernelState;
  readonly ino: number;
}

/** The upper directory for overlay directory `rel`, copying it and its parents up as needed. */
export function copyUp(state: KernelState, cfg: OverlayConfig, rel: string): Result<Upper, Errno> {
  const upper = cfg.upper;
  if (!upper) return err("EROFS");
  const node = ovlLookup(state, cfg, rel);
  if (!node) return err("ENOENT");
  if (node.top.upper) return ok({ state, ino: node.top.ino });
  const parent = copyUp(state, cfg, parentKey(rel));
  if (!parent.ok) return parent;
  let s = parent.value.state;
  const dirIno = parent.value.ino;
  const name = baseName(rel);
  const existing = childOf(storeOf(s, upper.sb), dirIno, name);
  const time = realtimeNow(s);
  // A whiteout left from an earlier delete cannot be there: the lookup found the lower file.
  if (existing !== undefined) s = updateStore(s, upper.sb, (st) => removeLink(st, dirIno, name, time));
  const src = realInode(s, node.top);
  const data = src.data.kind === "dir" ? { kind: "dir" as const, entries: src.data.entries.clear() } : src.data;
  let made = 0;
  s = updateStore(s, upper.sb, (st) => {
    const [next, inode] = addInode(st, dirIno, name, { mode: src.mode, uid: src.uid, gid: src.gid, data, time: src.mtime });
    made = inode.ino;
    return next;
  });
  return ok({ state: s, ino: made });
}

/** Removes a whiteout at `name` in upper directory `dirIno`, if there is one. */
export function clearWhiteout(state: KernelState, cfg: OverlayConfig, dirIno: number, name: string): readonly [KernelState, boolean] {
  const upper = cfg.upper;
  if (!upper) return [state, false];
  const ino = childOf(storeOf(state, upper.sb), dirIno, name);
  if (ino === undefined) return [state, false];
  if (!isWhiteout(realInode(state, { sb: upper.sb, ino, upper: true }))) return [state, false];
  return [updateStore(state, upper.sb, (st) => removeLink(st, dirIno, name, realtimeNow(state))), true];
}
