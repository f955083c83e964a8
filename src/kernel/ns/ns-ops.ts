/**
 * Namespace lifetime: allocation of nsfs inodes and reference counting. A namespace lives while
 * something holds it (a task's nsproxy or cred, a child namespace, an open fd or bind mount of
 * its /proc/PID/ns file) and is freed when the last holder lets go (`put_*_ns()`).
 */
import type { NsId } from "../ids";
import { nsId } from "../ids";
import type { KernelState } from "../state";
import type { Namespace } from "./namespace";
import { dropMntNs } from "../vfs/mnt-ns";
import { freeNetNs } from "../net/free-netns";
import { freeIpcNs } from "../ipc/ipc-ns";

/** `fs/proc/generic.c: proc_alloc_inum()`: new namespaces get fresh, increasing inodes. */
export function allocNsId(state: KernelState): readonly [KernelState, NsId] {
  return [{ ...state, nextInode: state.nextInode + 1 }, nsId(state.nextInode)];
}

/** Adds a new namespace with one reference, taking a reference on what it points to. */
export function addNs(state: KernelState, ns: Namespace): KernelState {
  let next: KernelState = { ...state, namespaces: state.namespaces.set(ns.id, ns) };
  for (const held of heldBy(ns)) next = getNsRef(next, held);
  return next;
}

export function getNsRef(state: KernelState, id: NsId): KernelState {
  const ns = state.namespaces.get(id);
  if (!ns) throw new Error(`kernel invariant: get of freed namespace ${id}`);
  return { ...state, namespaces: state.namespaces.set(id, { ...ns, refs: ns.refs + 1 }) };
}

/** Drops one reference; at zero the namespace is freed and lets go of what it held. */
export function putNsRef(state: KernelState, id: NsId): KernelState {
  const ns = state.namespaces.get(id);
  if (!ns) throw new Error(`kernel invariant: put of freed namespace ${id}`);
  if (ns.refs > 1) return { ...state, namespaces: state.namespaces.set(id, { ...ns, refs: ns.refs - 1 }) };
  let next: KernelState = { ...state, namespaces: state.namespaces.delete(id) };
  if (ns.type === "pid") next = { ...next, pidNrs: next.pidNrs.delete(id) };
  // free_mnt_ns(): the namespace's mounts are released with it.
  if (ns.type === "mnt") next = dropMntNs(next, id);
  // cleanup_net() and free_ipc_ns(): devices, sockets and IPC objects go with the namespace.
  if (ns.type === "net") next = freeNetNs(next, id);
  if (ns.type === "ipc") next = freeIpcNs(next, id);
  for (const held of heldBy(ns)) next = putNsRef(next, held);
  return next;
}

/** The namespaces a namespace keeps alive: its owning user namespace and its parent. */
function heldBy(ns: Namespace): NsId[] {
  const held: NsId[] = [];
  if (ns.owner !== null) held.push(ns.owner);
  if (ns.type === "pid" && ns.parent !== null) held.push(ns.parent);
  return held;
}

/** Takes several references in one batch (a fork takes ten). */
export function getNsRefs(state: KernelState, ids: readonly NsId[]): KernelState {
  const namespaces = state.namespaces.withMutations((m) => {
    for (const id of ids) {
      const ns = m.get(id);
      if (!ns) throw new Error(`kernel invariant: get of freed namespace ${id}`);
      m.set(id, { ...ns, refs: ns.refs + 1 });
    }
  });
  return { ...state, namespaces };
}

export const putNsRefs = (state: KernelState, ids: readonly NsId[]): KernelState =>
  ids.reduce(putNsRef, state);
