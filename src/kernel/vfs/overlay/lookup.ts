/**
 * Lookup through overlayfs layers (`fs/overlayfs/namei.c: ovl_lookup()`): a name is taken from
 * the highest layer that has it; a whiteout (a 0:0 character device) hides it in every layer
 * below; a directory merges with same-named directories below until one is opaque
 * (`trusted.overlay.opaque="y"`); a non-directory hides everything below it.
 * — Documentation/filesystems/overlayfs.rst
 */
import type { KernelState } from "../../state";
import { S_IFCHR, S_IFMT, isDir } from "../mode";
import { childOf, getInode } from "../store";
import { storeOf } from "../sb-access";
import type { Inode, OverlayConfig, SbId } from "../types";

export const OPAQUE_XATTR = "trusted.overlay.opaque";

/** One real inode behind an overlay node. */
export interface OvlReal {
  readonly sb: SbId;
  readonly ino: number;
  readonly upper: boolean;
}

export interface OvlNode {
  /** The inode the overlay shows: the highest layer's. */
  readonly top: OvlReal;
  /** For a directory: every layer's directory merged into it, top first. */
  readonly dirs: readonly OvlReal[];
}

export const isWhiteout = (inode: Inode): boolean =>
  (inode.mode & S_IFMT) === S_IFCHR && inode.data.kind === "device" && inode.data.rdev.major === 0 && inode.data.rdev.minor === 0;

export const isOpaque = (inode: Inode): boolean => inode.xattrs?.[OPAQUE_XATTR] === "y";

export const realInode = (state: KernelState, r: OvlReal): Inode => getInode(storeOf(state, r.sb), r.ino);

/** The layers' root directories, upper first. */
export function rootReals(cfg: OverlayConfig): OvlReal[] {
  const out: OvlReal[] = [];
  if (cfg.upper) out.push({ sb: cfg.upper.sb, ino: cfg.upper.ino, upper: true });
  for (const l of cfg.lowers) out.push({ sb: l.sb, ino: l.ino, upper: false });
  return out;
}

/** The entries named `name` in a merged directory, top first, stopping where lookup stops. */
function lookupIn(state: KernelState, dirs: readonly OvlReal[], name: string): OvlReal[] {
  const found: OvlReal[] = [];
  for (const d of dirs) {
    const ino = childOf(storeOf(state, d.sb), d.ino, name);
    if (ino === undefined) continue;
    const real: OvlReal = { sb: d.sb, ino, upper: d.upper };
    const inode = realInode(state, real);
    if (isWhiteout(inode)) break;
    if (found.length > 0 && !isDir(inode.mode)) break;
    found.push(real);
    if (!isDir(inode.mode) || isOpaque(inode)) break;
  }
  return found;
}

/** The overlay node at `rel` ("" for the root, "etc/app.conf"), or undefined. */
export function ovlLookup(state: KernelState, cfg: OverlayConfig, rel: string): OvlNode | undefined {
  let dirs = rootReals(cfg);
  for (const name of rel === "" ? [] : rel.split("/")) {
    const top = dirs[0];
    if (!top || !isDir(realInode(state, top).mode)) return undefined;
    dirs = lookupIn(state, dirs, name);
  }
  const top = dirs[0];
  return top ? { top, dirs: isDir(realInode(state, top).mode) ? dirs : [top] } : undefined;
}

/** Names in a merged directory: each layer's entries once, without whiteouts. */
export function ovlList(state: KernelState, node: OvlNode): { name: string; real: OvlReal }[] {
  const seen = new Set<string>();
  const out: { name: string; real: OvlReal }[] = [];
  for (const d of node.dirs) {
    const dir = realInode(state, d);
    if (dir.data.kind !== "dir") continue;
    for (const [name, ino] of dir.data.entries) {
      if (seen.has(name)) continue;
      seen.add(name);
      const real: OvlReal = { sb: d.sb, ino, upper: d.upper };
      if (!isWhiteout(realInode(state, real))) out.push({ name, real });
    }
  }
  return out;
}

/** Whether a lower layer has something at `rel`: deleting it then needs a whiteout. */
export function lowerHas(state: KernelState, cfg: OverlayConfig, rel: string): boolean {
  const lowerOnly: OverlayConfig = { ...cfg, upper: null };
  return cfg.lowers.length > 0 && ovlLookup(state, lowerOnly, rel) !== undefined;
}
