/**
 * From where a /proc file is read. Linux renders /proc relative to two things: the PID
 * namespace of the proc mount (`proc_pid_ns(sb)`, fixed when /proc was mounted), in which PIDs
 * are numbered, and the opener's credentials (`seq_user_ns()`, `file->f_cred`), whose user
 * namespace uids and gids are shown in. A few files read the reader's own namespaces instead
 * (`current->nsproxy`): /proc/uptime its time namespace, /proc/sys/kernel/hostname its UTS
 * namespace, /proc/loadavg and ns_last_pid its active PID namespace.
 */
import type { Cred } from "../cred/cred";
import type { NsId, Pid } from "../ids";
import { OVERFLOW_UID, INVALID_ID } from "../ids";
import { mapIdUp } from "../ns/id-map";
import type { PidNs } from "../ns/namespace";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { pidNrIn } from "../task/pid-alloc";
import type { NsProxy, Task } from "../task/task";

export interface ProcView {
  /** The PID namespace the /proc mount belongs to: PIDs are shown as numbers there. */
  readonly pidNs: NsId;
  /** The reader's user namespace: uids, gids and map outsides are shown as it sees them. */
  readonly userNs: NsId;
  /** The reader's (opener's) credentials, for ptrace_may_access() and sysctl permissions. */
  readonly cred: Cred;
  /** The reader's namespaces (current->nsproxy). */
  readonly nsproxy: NsProxy;
  /** task_active_pid_ns(current): /proc/loadavg's last pid and kernel.ns_last_pid. */
  readonly activePidNs: NsId;
  /** The reader itself (global pid): a process may always inspect itself. */
  readonly readerPid: Pid;
}

/** The view of `reader` through a /proc mounted in `procPidNs` (default: its own PID namespace). */
export function procView(reader: Task, procPidNs: NsId = reader.pidNs): ProcView {
  return {
    pidNs: procPidNs, userNs: reader.cred.userNs, cred: reader.cred, nsproxy: reader.ns, activePidNs: reader.pidNs, readerPid: reader.pid,
  };
}

export type IdKind = "uid" | "gid";

/** from_kuid(): the id a global id appears as in `userNs`, or (uid_t)-1 when it has no mapping. */
export function idIn(state: KernelState, userNs: NsId, globalId: number, kind: IdKind): number {
  const ns = getNs(state, userNs, "user");
  return mapIdUp(kind === "uid" ? ns.uidMap : ns.gidMap, globalId) ?? INVALID_ID;
}

/** from_kuid_munged(): like idIn() but unmapped ids read as overflowuid/overflowgid (65534). */
export function idMunged(state: KernelState, userNs: NsId, globalId: number, kind: IdKind): number {
  const id = idIn(state, userNs, globalId, kind);
  return id === INVALID_ID ? OVERFLOW_UID : id;
}

/** The task's PID namespaces from the initial one (level 0) down to its own. */
export function pidNsChain(state: KernelState, task: Task): PidNs[] {
  const chain: PidNs[] = [];
  for (let id: NsId | null = task.pidNs; id !== null; ) {
    const ns: PidNs = getNs(state, id, "pid");
    chain.unshift(ns);
    id = ns.parent;
  }
  return chain;
}

/**
 * pid_nr_ns(): the number a (global) pid has in `ns`, 0 when it is not visible there. A
 * process group or session whose leader was reaped keeps its number in Linux (the struct pid
 * lives on); SIMPLIFICATION: only the global number of such a group is known here.
 */
export function nrIn(state: KernelState, pid: Pid, ns: NsId): number {
  if (pid === 0) return 0;
  const nr = pidNrIn(state, pid, ns);
  if (nr !== undefined) return nr;
  return !state.tasks.has(pid) && getNs(state, ns, "pid").level === 0 ? pid : 0;
}

/** The level of the viewer's PID namespace. */
export const viewLevel = (state: KernelState, view: ProcView): number => getNs(state, view.pidNs, "pid").level;
