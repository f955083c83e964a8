/**
 * Mount propagation (`fs/pnode.c`, mount_namespaces(7)): a mount or unmount under a shared
 * mount happens in every peer of that mount and in every slave of its peer group. A mount
 * created under a shared mount joins a new peer group; its copies in peers are its peers, its
 * copies in slaves are its slaves.
 */
import type { KernelState } from "../state";
import { getMount, hashMount, mountOn } from "./mount-tree";
import { getSb } from "./sb-access";
import { storeIsBelow } from "./store";
import { newGroup, newMount } from "./superblock";
import type { Mount, MountId, NodeKey, VfsState } from "./types";

interface Target {
  readonly mount: Mount;
  /** Receives as a peer (copies join the source's groups) or as a slave. */
  readonly peer: boolean;
}

/** Every mount an event at `dest` propagates to (`propagation_next()`), without `dest`. */
export function propagationTargets(state: KernelState, dest: Mount): Target[] {
  if (dest.shared === null) return [];
  const out: Target[] = [];
  const seenGroups = new Set<number>();
  const visit = (group: number, peer: boolean) => {
    if (seenGroups.has(group)) return;
    seenGroups.add(group);
    for (const m of state.vfs.mounts.values()) {
      if (m.ns === null || m.id === dest.id) continue;
      if (m.shared === group) out.push({ mount: m, peer });
    }
    for (const m of state.vfs.mounts.values()) {
      if (m.ns === null || m.id === dest.id || m.master !== group) continue;
      if (m.shared === null) out.push({ mount: m, peer: false });
      else visit(m.shared, false);
    }
  };
  visit(dest.shared, true);
  return out;
}

/** Whether node `mp` of `src`'s filesystem is visible inside mount `m` (same fs, under its root). */
export function coversNode(state: KernelState, m: Mount, sbOf: Mount, mp: NodeKey): boolean {
  if (m.sb !== sbOf.sb) return false;
  const b = getSb(state, m.sb).backing;
  if (b.kind === "store") return storeIsBelow(b.store, mp as number, m.root as number);
  const root = m.root as string;
  return root === "" || mp === root || (mp as string).startsWith(`${root}/`);
}

/** Gives every mount of a tree a peer group of its own (`invent_group_ids()`). */
function makeShared(vfs: VfsState, tree: Mount[]): [VfsState, Mount[]] {
  let v = vfs;
  const out = tree.map((m) => {
    if (m.shared !== null) return m;
    const [next, g] = newGroup(v);
    v = next;
    return { ...m, shared: g };
  });
  return [v, out];
}

/** A copy of `tree` attached at (`at`, mp) as a propagated mount. */
function copyInto(vfs: VfsState, tree: readonly Mount[], at: Mount, mp: NodeKey, peer: boolean, slaveGroup: Map<number, number>): VfsState {
  let v = vfs;
  const ids = new Map<MountId, MountId>();
  for (const m of tree) {
    const isRoot = ids.size === 0;
    let shared: number | null = peer ? m.shared : null;
    if (!peer && at.shared !== null && m.shared !== null) {
      if (!slaveGroup.has(m.shared)) {
        const [next, g] = newGroup(v);
        v = next;
        slaveGroup.set(m.shared, g);
      }
      shared = slaveGroup.get(m.shared) ?? null;
    }
    const [next, copy] = newMount(v, {
      ns: at.ns, parent: isRoot ? at.id : (ids.get(m.parent) ?? at.id), mountpoint: isRoot ? mp : m.mountpoint, sb: m.sb, root: m.root,
      devname: m.devname, flags: m.flags, shared, master: peer ? m.master : m.shared, heldNs: m.heldNs,
    });
    ids.set(m.id, copy.id);
    v = hashMount(next, { ...copy, locked: false });
  }
  return v;
}

/**
 * attach_recursive_mnt(): attaches `tree` (its root first, already pointing at `parent`) and
 * propagates it to every peer and slave of `parent` that can see the mountpoint.
 * SIMPLIFICATION: a peer whose mountpoint is already covered receives no copy.
 */
export function graftTree(state: KernelState, tree: readonly Mount[], parentId: MountId, mp: NodeKey): KernelState {
  const parent = getMount(state, parentId);
  let vfs = state.vfs;
  let mounts = [...tree];
  if (parent.shared !== null) [vfs, mounts] = makeShared(vfs, mounts);
  for (const m of mounts) vfs = hashMount(vfs, m);
  const s: KernelState = { ...state, vfs };
  const slaveGroups = new Map<number, Map<number, number>>();
  const attached = new Set(mounts.map((m) => m.id));
  for (const t of propagationTargets(s, parent)) {
    // The tree being attached never receives a copy of itself.
    if (attached.has(t.mount.id) || !coversNode(s, t.mount, parent, mp) || mountOn(vfs, t.mount.id, mp) !== undefined) continue;
    const key = t.mount.shared ?? -t.mount.id;
    if (!slaveGroups.has(key)) slaveGroups.set(key, new Map());
    vfs = copyInto(vfs, mounts, t.mount, mp, t.peer, slaveGroups.get(key) as Map<number, number>);
  }
  return { ...s, vfs };
}

/** The propagated copies an unmount of `m` takes along (`propagate_umount()`): same fs, no children. */
export function umountPropagated(state: KernelState, m: Mount): Mount[] {
  const parent = state.vfs.mounts.get(m.parent);
  if (!parent || parent.id === m.id) return [];
  return propagationTargets(state, parent).flatMap(({ mount }) => {
    const child = mountOn(state.vfs, mount.id, m.mountpoint);
    const c = child === undefined ? undefined : getMount(state, child);
    return c && c.sb === m.sb && c.root === m.root && !state.vfs.mountpoints.has(c.id) ? [c] : [];
  });
}
