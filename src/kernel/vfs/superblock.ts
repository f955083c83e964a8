/**
 * Creating superblocks and mounts (`fs/super.c: sget_fc()`, `fs/namespace.c: alloc_vfsmnt()`):
 * ids, anonymous device numbers, default flags.
 */
import type { NsId } from "../ids";
import type { DevNum } from "./mode";
import { devNum } from "./mode";
import { allocId, releaseId } from "./id-pool";
import type { FsType, MntFlags, Mount, MountId, NodeKey, SbBacking, SbId, SuperBlock, VfsState } from "./types";
import { mountId, sbId } from "./types";

export const DEFAULT_MNT_FLAGS: MntFlags = {
  ro: false, nosuid: false, nodev: false, noexec: false, atime: "relatime", nodiratime: false, nosymfollow: false,
};

/** Flags written as mountinfo's sixth field: `rw,nosuid,nodev,noexec,relatime`. */
export function parseMntFlags(text: string): MntFlags {
  const words = new Set(text.split(","));
  const atime = words.has("noatime") ? "noatime" : words.has("relatime") ? "relatime" : "strictatime";
  return {
    ro: words.has("ro"), nosuid: words.has("nosuid"), nodev: words.has("nodev"), noexec: words.has("noexec"),
    atime, nodiratime: words.has("nodiratime"), nosymfollow: words.has("nosymfollow"),
  };
}

export interface SbSpec {
  readonly fstype: FsType;
  readonly backing: SbBacking;
  readonly userNs: NsId;
  readonly options?: readonly string[];
  readonly readOnly?: boolean;
  /** A block device's number; otherwise an anonymous 0:N is allocated. */
  readonly dev?: DevNum;
  readonly bdev?: DevNum | null;
}

export function newSb(vfs: VfsState, spec: SbSpec): readonly [VfsState, SuperBlock] {
  let next = vfs;
  let dev = spec.dev;
  if (!dev) {
    const [pool, minor] = allocId(vfs.anonDevs);
    next = { ...next, anonDevs: pool };
    dev = devNum(0, minor);
  }
  const sb: SuperBlock = {
    id: sbId(next.nextSb), fstype: spec.fstype, dev, readOnly: spec.readOnly ?? false, options: spec.options ?? [],
    userNs: spec.userNs, backing: spec.backing, mounts: 0, bdev: spec.bdev ?? null,
  };
  next = { ...next, nextSb: next.nextSb + 1, supers: next.supers.set(sb.id, sb) };
  return [next, sb] as const;
}

export interface MountSpec {
  readonly ns: NsId | null;
  readonly parent: MountId | null;
  readonly mountpoint: NodeKey;
  readonly sb: SbId;
  readonly root: NodeKey;
  readonly devname: string;
  readonly flags: MntFlags;
  readonly shared?: number | null;
  readonly master?: number | null;
  readonly heldNs?: NsId | null;
  /** Use this id instead of the lowest free one (boot's recorded table). */
  readonly id?: number;
}

/** A mount record with a fresh id; the caller attaches it with hashMount(). */
export function newMount(vfs: VfsState, spec: MountSpec): readonly [VfsState, Mount] {
  let next = vfs;
  let id = spec.id;
  if (id === undefined) {
    const [pool, n] = allocId(vfs.mountIds);
    next = { ...next, mountIds: pool };
    id = n;
  }
  const m: Mount = {
    id: mountId(id), ns: spec.ns, parent: spec.parent ?? mountId(id), mountpoint: spec.mountpoint, sb: spec.sb,
    root: spec.root, devname: spec.devname, flags: spec.flags, locked: false, locks: null,
    shared: spec.shared ?? null, master: spec.master ?? null, unbindable: false, heldNs: spec.heldNs ?? null,
  };
  const sb = next.supers.get(spec.sb);
  if (sb) next = { ...next, supers: next.supers.set(sb.id, { ...sb, mounts: sb.mounts + 1 }) };
  return [next, m] as const;
}

/** A fresh peer group id (`mnt_alloc_group_id()`). SIMPLIFICATION: ids are not reused. */
export function newGroup(vfs: VfsState): readonly [VfsState, number] {
  return [{ ...vfs, nextGroup: vfs.nextGroup + 1 }, vfs.nextGroup] as const;
}

/**
 * Frees a mount record (`mntput()` of the last reference): its id returns to the pool and its
 * superblock loses a user. A memory filesystem with no mount left is destroyed; a disk keeps
 * its data on the device.
 */
export function freeMount(vfs: VfsState, m: Mount): VfsState {
  let next: VfsState = { ...vfs, mounts: vfs.mounts.delete(m.id), mountIds: releaseId(vfs.mountIds, m.id), mountpoints: vfs.mountpoints.delete(m.id) };
  const sb = next.supers.get(m.sb);
  if (!sb) return next;
  const left = sb.mounts - 1;
  const keep = left > 0 || sb.bdev !== null || sb.fstype === "cgroup2" || sb.fstype === "nsfs" || layerOfOverlay(next, sb.id);
  if (keep) return { ...next, supers: next.supers.set(sb.id, { ...sb, mounts: Math.max(0, left) }) };
  next = { ...next, supers: next.supers.delete(sb.id) };
  if (sb.dev.major === 0) next = { ...next, anonDevs: releaseId(next.anonDevs, sb.dev.minor) };
  return next;
}

/** An overlay keeps its layers' filesystems alive (it holds private clones of their mounts). */
function layerOfOverlay(vfs: VfsState, id: SbId): boolean {
  for (const sb of vfs.supers.values()) {
    if (sb.backing.kind !== "overlay") continue;
    const o = sb.backing.overlay;
    if (o.upper?.sb === id || o.work?.sb === id || o.lowers.some((l) => l.sb === id)) return true;
  }
  return false;
}
