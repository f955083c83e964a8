/**
 * The mount tree (`fs/namespace.c`): which mount covers a node, following stacked mounts down,
 * the root of a namespace, and attaching or detaching mounts in the mount hash.
 */
import { Map as IMap, OrderedSet } from "immutable";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import type { Mount, MountId, MntNsVfs, NodeKey, PathRef, VfsState } from "./types";

export function getMount(state: KernelState, id: MountId): Mount {
  const m = state.vfs.mounts.get(id);
  if (!m) throw new Error(`kernel invariant: no mount ${id}`);
  return m;
}

export function getMntNs(state: KernelState, ns: NsId): MntNsVfs {
  const m = state.vfs.namespaces.get(ns);
  if (!m) throw new Error(`kernel invariant: no mount tree for mount namespace ${ns}`);
  return m;
}

/** The mount attached on (mnt, node), if any (`__lookup_mnt()`). */
export const mountOn = (vfs: VfsState, mnt: MountId, node: NodeKey): MountId | undefined =>
  vfs.mountpoints.get(mnt)?.get(node);

/** Follows mounts stacked on a path down to the topmost (`follow_mount()`). */
export function followMounts(state: KernelState, p: PathRef): PathRef {
  let cur = p;
  for (let child = mountOn(state.vfs, cur.mnt, cur.node); child !== undefined; child = mountOn(state.vfs, cur.mnt, cur.node)) {
    cur = { mnt: child, node: getMount(state, child).root };
  }
  return cur;
}

/** Whether `p` is the root of its mount (`path_mounted()`). */
export const isMountRoot = (state: KernelState, p: PathRef): boolean => getMount(state, p.mnt).root === p.node;

/** What `/` is for a task that just entered the namespace: the ns root, mounts followed. */
export function nsRootPath(state: KernelState, ns: NsId): PathRef {
  const root = getMount(state, getMntNs(state, ns).root);
  return followMounts(state, { mnt: root.id, node: root.root });
}

export const samePath = (a: PathRef, b: PathRef): boolean => a.mnt === b.mnt && a.node === b.node;

/** Puts a mount into the mount hash and its namespace's list (`attach_mnt()`, `commit_tree()`). */
export function hashMount(vfs: VfsState, m: Mount): VfsState {
  const mounts = vfs.mounts.set(m.id, m);
  let mountpoints = vfs.mountpoints;
  if (m.parent !== m.id) {
    const at = (mountpoints.get(m.parent) ?? IMap<NodeKey, MountId>()).set(m.mountpoint, m.id);
    mountpoints = mountpoints.set(m.parent, at);
  }
  let namespaces = vfs.namespaces;
  if (m.ns !== null) {
    const ns = namespaces.get(m.ns);
    if (ns) namespaces = namespaces.set(m.ns, { ...ns, mounts: ns.mounts.add(m.id) });
  }
  return { ...vfs, mounts, mountpoints, namespaces };
}

/** Takes a mount out of the hash and its namespace (`umount_mnt()`); the record stays. */
export function unhashMount(vfs: VfsState, m: Mount): VfsState {
  let mountpoints = vfs.mountpoints;
  const at = mountpoints.get(m.parent);
  if (at && at.get(m.mountpoint) === m.id) {
    const left = at.delete(m.mountpoint);
    mountpoints = left.size === 0 ? mountpoints.delete(m.parent) : mountpoints.set(m.parent, left);
  }
  let namespaces = vfs.namespaces;
  if (m.ns !== null) {
    const ns = namespaces.get(m.ns);
    if (ns) namespaces = namespaces.set(m.ns, { ...ns, mounts: ns.mounts.delete(m.id) });
  }
  return { ...vfs, mountpoints, namespaces };
}

/** Mounts attached directly to `id`, in the namespace's order. */
export function childMounts(state: KernelState, id: MountId): Mount[] {
  const at = state.vfs.mountpoints.get(id);
  if (!at) return [];
  return [...at.values()].map((c) => getMount(state, c)).sort((a, b) => order(state, a) - order(state, b));
}

function order(state: KernelState, m: Mount): number {
  if (m.ns === null) return m.id;
  const list = state.vfs.namespaces.get(m.ns)?.mounts ?? OrderedSet<MountId>();
  let i = 0;
  for (const id of list) {
    if (id === m.id) return i;
    i++;
  }
  return i;
}

/** `id` and every mount below it, parents first. */
export function subtree(state: KernelState, id: MountId): Mount[] {
  const out: Mount[] = [getMount(state, id)];
  for (const c of childMounts(state, id)) out.push(...subtree(state, c.id));
  return out;
}

/** Moves a mount to (parent, mountpoint), keeping its place in its namespace's list. */
export function reattach(vfs: VfsState, m: Mount, parent: MountId, mountpoint: NodeKey): VfsState {
  let mountpoints = vfs.mountpoints;
  const at = mountpoints.get(m.parent);
  if (m.parent !== m.id && at && at.get(m.mountpoint) === m.id) {
    const left = at.delete(m.mountpoint);
    mountpoints = left.size === 0 ? mountpoints.delete(m.parent) : mountpoints.set(m.parent, left);
  }
  const moved: Mount = { ...m, parent, mountpoint };
  if (parent !== m.id) mountpoints = mountpoints.set(parent, (mountpoints.get(parent) ?? IMap<NodeKey, MountId>()).set(mountpoint, m.id));
  return { ...vfs, mountpoints, mounts: vfs.mounts.set(m.id, moved) };
}
