/**
 * Namespace lifetime: allocation of nsfs inodes and reference counting. A namespace lives while
 * something holds it (a task's nsproxy or cred, a child namespace, an open fd or bind mount of
 * its /proc/PID/ns file) and is freed when the last holder lets go (`put_*_ns()`).
 */
import type { NsId } from "../ids";
import { nsId } from "../ids";
import type { KernelState } from "../state";
import { copyState } from "../state";
import type { Namespace } from "./namespace";
import { copyNs } from "./ns-copy";
import { dropMntNs } from "../vfs/mnt-ns";
import { freeNetNs } from "../net/free-netns";
import { freeIpcNs } from "../ipc/ipc-ns";

/** `fs/proc/generic.c: proc_alloc_inum()`: new namespaces get fresh, increasing inodes. */
export function allocNsId(state: KernelState): readonly [KernelState, NsId] {
  return [{ ...state, nextInode: state.nextInode + 1 }, nsId(state.nextInode)];
}

/** Adds a new namespace with one reference, taking a reference on what it points to. */
export function addNs(state: KernelState, ns: Namespace): KernelState {
  let next = withNamespaces(state, state.namespaces.set(ns.id, ns));
  for (const held of heldBy(ns)) next = getNsRef(next, held);
  return next;
}

export function getNsRef(state: KernelState, id: NsId): KernelState {
  const ns = state.namespaces.get(id);
  if (!ns) throw new Error(`kernel invariant: get of freed namespace ${id}`);
  return withNamespaces(state, state.namespaces.set(id, withRefs(ns, ns.refs + 1)));
}

/** The namespace with another reference count (copied as copyNs() explains). */
function withRefs(ns: Namespace, refs: number): Namespace {
  const next = copyNs(ns);
  next.refs = refs;
  return next;
}

/** Drops one reference; at zero the namespace is freed and lets go of what it held. */
export function putNsRef(state: KernelState, id: NsId): KernelState {
  const ns = state.namespaces.get(id);
  if (!ns) throw new Error(`kernel invariant: put of freed namespace ${id}`);
  if (ns.refs > 1) return withNamespaces(state, state.namespaces.set(id, withRefs(ns, ns.refs - 1)));
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

function withNamespaces(state: KernelState, namespaces: KernelState["namespaces"]): KernelState {
  const next = copyState(state);
  next.namespaces = namespaces;
  return next;
}

/** The namespaces a namespace keeps alive: its owning user namespace and its parent. */
function heldBy(ns: Namespace): NsId[] {
  const held: NsId[] = [];
  if (ns.owner !== null) held.push(ns.owner);
  if (ns.type === "pid" && ns.parent !== null) held.push(ns.parent);
  return held;
}

/**
 * How many times each namespace appears in `ids`, in first-appearance order. A task's ten
 * references name about eight namespaces (pid and pid_for_children, time and time_for_children
 * usually coincide), so counting first means one copy of each namespace instead of ten.
 */
function countRefs(ids: readonly NsId[]): { readonly ids: NsId[]; readonly counts: number[] } {
  const unique: NsId[] = [];
  const counts: number[] = [];
  for (const id of ids) {
    const at = unique.indexOf(id);
    if (at === -1) {
      unique.push(id);
      counts.push(1);
    } else counts[at] = (counts[at] as number) + 1;
  }
  return { ids: unique, counts };
}

/**
 * The namespaces `ids` name, in order (undefined for a freed one). Performance: while the table
 * is small, immutable keeps it as one array searched front to back, and its key comparison is
 * slow for inode numbers (above 2^31): each entry passed costs about 30 ns, a late one 200 ns.
 * One walk over a small table finds them all for about the price of a single lookup.
 */
function lookupAll(namespaces: KernelState["namespaces"], ids: readonly NsId[]): (Namespace | undefined)[] {
  if (namespaces.size > 16) return ids.map((id) => namespaces.get(id));
  const found: (Namespace | undefined)[] = ids.map(() => undefined);
  namespaces.forEach((ns, id) => {
    const at = ids.indexOf(id);
    if (at >= 0) found[at] = ns;
  });
  return found;
}

/** Takes several references in one batch (a fork takes ten). */
export function getNsRefs(state: KernelState, ids: readonly NsId[]): KernelState {
  const refs = countRefs(ids);
  const found = lookupAll(state.namespaces, refs.ids);
  const namespaces = state.namespaces.withMutations((m) => {
    refs.ids.forEach((id, i) => {
      const ns = found[i];
      if (!ns) throw new Error(`kernel invariant: get of freed namespace ${id}`);
      m.set(id, withRefs(ns, ns.refs + (refs.counts[i] as number)));
    });
  });
  return withNamespaces(state, namespaces);
}

/**
 * Drops several references (an exit drops eight or more). When none of them is the last
 * reference, the counts go down in one batched map update, which leaves the same map as
 * dropping them one by one; when one would free its namespace, the references are dropped one
 * by one in order, so that frees and what they release happen exactly as putNsRef() does them.
 */
export function putNsRefs(state: KernelState, ids: readonly NsId[]): KernelState {
  const refs = countRefs(ids);
  const found = lookupAll(state.namespaces, refs.ids);
  const held: Namespace[] = [];
  for (let i = 0; i < refs.ids.length; i++) {
    const ns = found[i];
    if (ns === undefined || ns.refs <= (refs.counts[i] as number)) return ids.reduce(putNsRef, state);
    held.push(ns);
  }
  const namespaces = state.namespaces.withMutations((m) => {
    held.forEach((ns, i) => m.set(ns.id, withRefs(ns, ns.refs - (refs.counts[i] as number))));
  });
  return withNamespaces(state, namespaces);
}
