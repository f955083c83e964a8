/**
 * Invariants every kernel state must satisfy, whatever syscalls led to it. Used by property
 * tests here and by the fuzz tests of higher layers. Each returns human-readable violations.
 */
import type { NsId } from "./ids";
import type { Namespace } from "./ns/namespace";
import { NS_TYPES } from "./ns/namespace";
import type { KernelState } from "./state";
import { nsRefsOf } from "./task/fork";

export function checkInvariants(state: KernelState): string[] {
  return [
    ...namespaceMembership(state), ...pidNumbering(state), ...namespaceRefcounts(state), ...childLinks(state),
    ...cgroupLimits(state),
  ];
}

/** Every live task is in one cgroup; no cgroup's pids or memory usage is above its limit. */
function cgroupLimits(state: KernelState): string[] {
  const out: string[] = [];
  for (const t of state.tasks.values()) {
    if (t.state !== "Z" && state.cgroup.taskCgroup.get(t.pid) === undefined) out.push(`task ${t.pid} is in no cgroup`);
  }
  for (const cg of state.cgroup.cgroups.values()) {
    if (cg.nrTasks > cg.pids.max) out.push(`cgroup ${cg.id}: pids.current ${cg.nrTasks} > pids.max ${cg.pids.max}`);
    if (cg.memory.current > cg.memory.max) out.push(`cgroup ${cg.id}: memory.current ${cg.memory.current} > memory.max ${cg.memory.max}`);
  }
  return out;
}

/** Every live task is in exactly one existing namespace of each type. */
function namespaceMembership(state: KernelState): string[] {
  const out: string[] = [];
  for (const t of state.tasks.values()) {
    if (t.state === "Z") continue;
    const byType = { mnt: t.ns.mnt, uts: t.ns.uts, ipc: t.ns.ipc, net: t.ns.net, cgroup: t.ns.cgroup, time: t.ns.time, pid: t.pidNs, user: t.cred.userNs };
    for (const type of NS_TYPES) {
      const ns = state.namespaces.get(byType[type]);
      if (!ns || ns.type !== type) out.push(`task ${t.pid} has no live ${type} namespace (${byType[type]})`);
    }
  }
  return out;
}

/** PIDs are unique per namespace and every task has one in each ancestor PID namespace. */
function pidNumbering(state: KernelState): string[] {
  const out: string[] = [];
  for (const t of state.tasks.values()) {
    if (t.pid === 0) continue;
    let id: NsId | null = t.pidNs;
    for (let level = t.nr.length - 1; level >= 0; level--) {
      if (id === null) { out.push(`task ${t.pid} has more PID levels than namespaces`); break; }
      const ns: Namespace | undefined = state.namespaces.get(id);
      if (ns?.type !== "pid") { out.push(`task ${t.pid}: PID namespace ${id} missing`); break; }
      if (ns.level !== level) out.push(`task ${t.pid}: level ${level} is namespace ${id} at level ${ns.level}`);
      if (state.pidNrs.get(id)?.get(t.nr[level] as number) !== t.pid) out.push(`task ${t.pid}: number ${t.nr[level]} in ${id} not indexed`);
      id = ns.parent;
    }
    if (t.nr[0] !== t.pid) out.push(`task ${t.pid}: global pid differs from its initial-namespace number`);
  }
  for (const [ns, map] of state.pidNrs) {
    for (const [nr, pid] of map) {
      const t = state.tasks.get(pid);
      const level = state.namespaces.get(ns);
      if (!t || level?.type !== "pid" || t.nr[level.level] !== nr) out.push(`stale PID ${nr} in namespace ${ns}`);
    }
  }
  return out;
}

/** refs equals the number of holders; a namespace nobody holds no longer exists. */
function namespaceRefcounts(state: KernelState): string[] {
  const expected = new Map<NsId, number>();
  const hold = (id: NsId | null) => { if (id !== null) expected.set(id, (expected.get(id) ?? 0) + 1); };
  for (const t of state.tasks.values()) {
    if (t.pid === 0) continue;
    if (t.state === "Z") { hold(t.pidNs); hold(t.cred.userNs); continue; }
    for (const id of [...nsRefsOf(t), ...t.heldNs]) hold(id);
  }
  // Bind mounts of nsfs files and open nsfs descriptors hold their namespace too.
  for (const m of state.vfs.mounts.values()) hold(m.heldNs);
  for (const f of state.vfs.files.values()) hold(f.heldNs);
  for (const ns of state.namespaces.values()) {
    hold(ns.owner);
    if (ns.type === "pid") hold(ns.parent);
  }
  const out: string[] = [];
  for (const ns of state.namespaces.values()) {
    const want = expected.get(ns.id) ?? 0;
    if (ns.refs !== want) out.push(`${ns.type} namespace ${ns.id} has refs ${ns.refs}, holders ${want}`);
  }
  return out;
}

/** Parent and children links agree. */
function childLinks(state: KernelState): string[] {
  const out: string[] = [];
  for (const [parent, kids] of state.children) {
    for (const kid of kids) if (state.tasks.get(kid)?.ppid !== parent) out.push(`task ${kid} listed under ${parent} but has another parent`);
  }
  for (const t of state.tasks.values()) {
    if (t.ppid !== 0 && !state.children.get(t.ppid)?.has(t.pid)) out.push(`task ${t.pid} missing from its parent's children`);
  }
  return out;
}
