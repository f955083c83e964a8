/**
 * The kernel's whole state: readonly data, keyed by branded ids. Large tables are persistent
 * maps (immutable's Map), so a syscall that changes one task shares everything else with the
 * previous state: undo is keeping the old value, and 10,000 forks do not copy 10,000 tasks.
 */
import { List, Map as IMap, OrderedSet } from "immutable";
import type { NsId, Pid } from "./ids";
import type { Namespace, NsType } from "./ns/namespace";
import type { Task } from "./task/task";
import type { VfsState } from "./vfs/types";
import type { NetState } from "./net/types";
import type { IpcState } from "./ipc/types";
import type { CgroupState } from "./cgroup/types";
import type { SeccompFilter } from "./security/seccomp/types";
import type { LsmState } from "./security/lsm";
import type { ProcfsStore } from "./procfs/store";

/** A program the kernel started as root in the initial namespaces; the userland runs it. */
export interface UsermodeHelper {
  readonly pid: Pid;
  readonly argv: readonly string[];
  readonly envp: readonly string[];
}

export interface KernelConfig {
  /** `uname -r`, `uname -v`, `uname -m`. */
  readonly release: string;
  readonly version: string;
  readonly machine: string;
  readonly cpus: number;
  readonly memTotalKb: number;
  readonly lsm: "apparmor" | "selinux";
  /** /proc/sys/kernel/pid_max (systemd raises it to 4194304 on 64-bit hosts). */
  readonly pidMax: number;
  /** The wall-clock time at boot (ms since the epoch): what `date` and audit stamps start from. */
  readonly bootEpochMs: number;
  /** /proc/sys/user/max_user_namespaces. */
  readonly maxUserNamespaces: number;
}

export interface LogLine {
  /** Time since boot in nanoseconds: dmesg prints `[    12.345678]`. */
  readonly atNs: number;
  /** syslog level 0 (emerg) … 7 (debug). */
  readonly level: number;
  readonly text: string;
}

export interface KernelState {
  readonly config: KernelConfig;
  /** Simulated time since boot (CLOCK_BOOTTIME) in nanoseconds. */
  readonly nowNs: number;
  /** The next nsfs inode number proc_alloc_inum() hands out. */
  readonly nextInode: number;
  readonly tasks: IMap<Pid, Task>;
  /** Each task's children, in the order they were created (wait(2) reaps in that order). */
  readonly children: IMap<Pid, OrderedSet<Pid>>;
  readonly namespaces: IMap<NsId, Namespace>;
  /** For each PID namespace: the number a task has there → its global pid. */
  readonly pidNrs: IMap<NsId, IMap<number, Pid>>;
  readonly dmesg: List<LogLine>;
  /** Filesystems, mounts of every mount namespace, open files (src/kernel/vfs). */
  readonly vfs: VfsState;
  /** Network devices, addresses, routes, NAT and sockets of every network namespace (src/kernel/net). */
  readonly net: NetState;
  /** System V IPC objects and POSIX message queues of every IPC namespace (src/kernel/ipc). */
  readonly ipc: IpcState;
  /** The cgroup v2 hierarchy (and any v1 hierarchies mounted later). */
  readonly cgroup: CgroupState;
  /**
   * Installed seccomp filters by id; tasks refer to them (a fork shares its parent's).
   * SIMPLIFICATION: a filter is kept until the world is reset, even when no task uses it.
   */
  readonly seccompFilters: IMap<number, SeccompFilter>;
  /** Loaded AppArmor profiles and the audit serial. */
  readonly lsm: LsmState;
  /** Programs the kernel asked to run (call_usermodehelper(): the cgroup v1 release agent). */
  readonly usermodeHelpers: List<UsermodeHelper>;
  /** Writable /proc values with no field of their own yet (src/kernel/procfs/store.ts); absent until one is written. */
  readonly procfs?: ProcfsStore;
}

/** A record whose fields may be set: a fresh copy being filled in before anyone else sees it. */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A shallow copy of the state, to change before it is returned. Performance: `{ ...state, x }`
 * is fast only while V8 has seen few object shapes at that spot; boot builds the state in many
 * steps, so the spreads every syscall runs (putTask, the reference counts, the cgroup paths)
 * fall back to a generic copy about twenty times slower than this literal. The fields are
 * listed in the order bootKernel() creates them, which is the order serializeKernel() prints.
 */
export function copyState(state: KernelState): Draft<KernelState> {
  const next: Draft<KernelState> = {
    config: state.config, nowNs: state.nowNs, nextInode: state.nextInode, tasks: state.tasks,
    children: state.children, namespaces: state.namespaces, pidNrs: state.pidNrs, dmesg: state.dmesg,
    vfs: state.vfs, net: state.net, ipc: state.ipc, cgroup: state.cgroup, usermodeHelpers: state.usermodeHelpers,
    seccompFilters: state.seccompFilters, lsm: state.lsm,
  };
  // The optional field comes last, where the first write to /proc added it.
  if (state.procfs !== undefined) next.procfs = state.procfs;
  return next;
}

export function getTask(state: KernelState, pid: Pid): Task {
  const task = state.tasks.get(pid);
  if (!task) throw new Error(`kernel invariant: no task ${pid}`);
  return task;
}

export function putTask(state: KernelState, task: Task): KernelState {
  const next = copyState(state);
  next.tasks = state.tasks.set(task.pid, task);
  return next;
}

export function getNs<T extends NsType>(state: KernelState, id: NsId, type: T): Extract<Namespace, { type: T }> & Namespace {
  const ns = state.namespaces.get(id);
  if (!ns || ns.type !== type) throw new Error(`kernel invariant: no ${type} namespace ${id}`);
  return ns as Extract<Namespace, { type: T }> & Namespace;
}

export function putNs(state: KernelState, ns: Namespace): KernelState {
  const next = copyState(state);
  next.namespaces = state.namespaces.set(ns.id, ns);
  return next;
}

/** Appends to the kernel ring buffer (printk). */
export function printk(state: KernelState, level: number, text: string): KernelState {
  const next = copyState(state);
  next.dmesg = state.dmesg.push({ atNs: state.nowNs, level, text });
  return next;
}

export const KERN_ERR = 3;
export const KERN_WARNING = 4;
export const KERN_NOTICE = 5;
export const KERN_INFO = 6;

export { IMap, List, OrderedSet };
