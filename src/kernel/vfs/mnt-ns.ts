/**
 * Mount namespaces (`fs/namespace.c: copy_mnt_ns()`, `free_mnt_ns()`): CLONE_NEWNS copies
 * every mount with a new id. Shared mounts stay peers of the originals — unless the new
 * namespace belongs to a different user namespace: then it is "less privileged", its shared
 * mounts become slaves, and the copied mounts are locked together with their flags, so they
 * cannot be unmounted or made writable from inside. — mount_namespaces(7)
 */
import { OrderedSet } from "immutable";
import type { NsId } from "../ids";
import { getNsRef, putNsRef } from "../ns/ns-ops";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { childMounts, getMntNs, getMount, hashMount, nsRootPath, samePath, unhashMount } from "./mount-tree";
import { newMount } from "./superblock";
import { releaseMount } from "./do-umount";
import type { Mount, MountId, PathRef } from "./types";

/** The mounts of a namespace in tree order: each parent before its children (`next_mnt()`). */
function treeOrder(state: KernelState, root: MountId): Mount[] {
  const out: Mount[] = [];
  const visit = (id: MountId) => {
    out.push(getMount(state, id));
    for (const c of childMounts(state, id)) visit(c.id);
  };
  visit(root);
  return out;
}

const isMntNsFile = (state: KernelState, m: Mount): boolean =>
  m.heldNs !== null && state.namespaces.get(m.heldNs)?.type === "mnt";

export interface CopiedNs {
  readonly state: KernelState;
  /** Old mount id → its copy: tasks' root and cwd move to the copies. */
  readonly copies: ReadonlyMap<MountId, MountId>;
}

/** Copies the mount tree of namespace `from` into the new namespace `to`. */
export function copyMntNs(state: KernelState, from: NsId, to: NsId): CopiedNs {
  const src = getMntNs(state, from);
  const lessPrivileged = state.namespaces.get(from)?.owner !== state.namespaces.get(to)?.owner;
  const copies = new Map<MountId, MountId>();
  let vfs = state.vfs;
  let s = state;
  for (const m of treeOrder(state, src.root)) {
    const parent = m.id === src.root ? undefined : copies.get(m.parent);
    if (m.id !== src.root && parent === undefined) continue;
    if (isMntNsFile(state, m)) continue;
    const shared = lessPrivileged ? null : m.shared;
    const master = lessPrivileged && m.shared !== null ? m.shared : m.master;
    const [next, copy] = newMount(vfs, {
      ns: to, parent: parent ?? null, mountpoint: m.mountpoint, sb: m.sb, root: m.root, devname: m.devname, flags: m.flags,
      shared, master, heldNs: m.heldNs,
    });
    const locked: Mount = lessPrivileged
      ? { ...copy, locked: parent !== undefined, locks: { ro: m.flags.ro, nosuid: m.flags.nosuid, nodev: m.flags.nodev, noexec: m.flags.noexec, atime: true } }
      : { ...copy, locked: m.locked, locks: m.locks, unbindable: m.unbindable };
    if (parent === undefined) vfs = { ...next, namespaces: next.namespaces.set(to, { root: copy.id, mounts: OrderedSet<MountId>() }) };
    else vfs = next;
    vfs = hashMount(vfs, { ...locked, unbindable: m.unbindable });
    copies.set(m.id, copy.id);
  }
  s = { ...s, vfs };
  for (const m of treeOrder(s, getMntNs(s, to).root)) if (m.heldNs !== null) s = getNsRef(s, m.heldNs);
  return { state: s, copies };
}

/** A task's root or cwd in the copied namespace. */
export function translatePath(state: KernelState, copied: CopiedNs, p: PathRef, ns: NsId): PathRef {
  const mnt = copied.copies.get(p.mnt);
  return mnt === undefined ? nsRootPath(state, ns) : { mnt, node: p.node };
}

/** Moves a task's root and cwd into its new mount namespace's copies. */
export function moveFsToCopy(state: KernelState, copied: CopiedNs, task: Task, ns: NsId): Task {
  return { ...task, root: translatePath(state, copied, task.root, ns), cwd: translatePath(state, copied, task.cwd, ns) };
}

/** free_mnt_ns(): the namespace's mounts go with it, and the namespaces they held. */
export function dropMntNs(state: KernelState, ns: NsId): KernelState {
  const tree = state.vfs.namespaces.get(ns);
  if (!tree) return state;
  let s = state;
  const held: NsId[] = [];
  for (const id of [...tree.mounts].reverse()) {
    const m = s.vfs.mounts.get(id);
    if (!m) continue;
    s = releaseMount({ ...s, vfs: unhashMount(s.vfs, m) }, m);
    if (m.heldNs !== null) held.push(m.heldNs);
  }
  s = { ...s, vfs: { ...s.vfs, namespaces: s.vfs.namespaces.delete(ns) } };
  for (const id of held) if (s.namespaces.has(id)) s = putNsRef(s, id);
  return s;
}

/** current_chrooted(): the task's root is not its namespace's root. */
export const isChrooted = (state: KernelState, task: Task): boolean =>
  !samePath(task.root, nsRootPath(state, task.ns.mnt));

/**
 * clone(CLONE_NEWNS) or unshare(CLONE_NEWNS): fills the new mount namespace `to` with a copy of
 * `from`'s tree and returns the task with its root and cwd moved onto the copies (the second
 * pass of copy_mnt_ns()). Copies before the caller lets go of `from`.
 */
export function enterNewMntNs(state: KernelState, from: NsId, to: NsId, task: Task): readonly [KernelState, Task] {
  if (from === to || state.vfs.namespaces.has(to)) return [state, task] as const;
  const copied = copyMntNs(state, from, to);
  return [copied.state, moveFsToCopy(copied.state, copied, task, to)] as const;
}
