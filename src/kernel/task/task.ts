/**
 * A task (`struct task_struct`): one process, since the simulator has no threads apart from
 * the thread-group leader.
 */
import type { Cred } from "../cred/cred";
import type { NsId, Pid } from "../ids";
import type { Activity } from "./activity";
import type { Map as IMap } from "immutable";
import type { FdEntry, PathRef } from "../vfs/types";

/** The namespaces a task uses (`struct nsproxy`, plus the user namespace in its cred). */
export interface NsProxy {
  readonly mnt: NsId;
  readonly uts: NsId;
  readonly ipc: NsId;
  readonly net: NsId;
  readonly cgroup: NsId;
  readonly time: NsId;
  /** Where children go: differs from the task's own PID namespace after unshare(CLONE_NEWPID). */
  readonly pidForChildren: NsId;
  readonly timeForChildren: NsId;
}

/** ps's STAT letters: Running, Sleeping, Disk sleep, sTopped, Zombie. */
export type TaskState = "R" | "S" | "D" | "T" | "Z";

export type SigDisposition = "default" | "ignore" | "handler";

export interface Seccomp {
  /** 0 disabled, 1 strict, 2 filter (`Seccomp:` in /proc/PID/status). */
  readonly mode: 0 | 1 | 2;
  /** Ids of the filters stacked on this task, oldest first, in KernelState.seccompFilters. */
  readonly filters: readonly number[];
}

export interface Lsm {
  /** AppArmor profile name (`unconfined`, `docker-default`) or the SELinux context. */
  readonly label: string;
  /** The label the next execve(2) takes, as written to /proc/self/attr/exec. */
  readonly exec?: string;
}

export interface MemoryUse {
  /** Virtual size and resident set in KiB, as /proc/PID/status VmSize and VmRSS show them. */
  readonly vszKb: number;
  readonly rssKb: number;
}

export interface Task {
  readonly pid: Pid;
  /** The parent, as a global pid (0 for init and kthreadd). */
  readonly ppid: Pid;
  /** The task's number in each PID namespace from the initial one down to its own. */
  readonly nr: readonly number[];
  /** The PID namespace the task belongs to (task_active_pid_ns()). */
  readonly pidNs: NsId;
  readonly ns: NsProxy;
  readonly cred: Cred;
  readonly noNewPrivs: boolean;
  readonly seccomp: Seccomp;
  readonly lsm: Lsm;
  /** Process group and session leaders, as global pids. */
  readonly pgid: Pid;
  readonly sid: Pid;
  readonly comm: string;
  readonly argv: readonly string[];
  readonly env: readonly string[];
  /** Path of the executable, as /proc/PID/exe shows it. */
  readonly exe: string;
  /** The working directory and the root directory (`struct fs_struct`): a mount and a node in it. */
  readonly cwd: PathRef;
  readonly root: PathRef;
  /** The descriptor table: fd number → open file description (`struct files_struct`). */
  readonly fds: IMap<number, FdEntry>;
  readonly kthread: boolean;
  readonly state: TaskState;
  /** wait(2) status once the task is a zombie. */
  readonly exitStatus: number | null;
  readonly signals: {
    readonly pending: readonly number[];
    readonly dispositions: Readonly<Record<number, SigDisposition>>;
  };
  readonly memory: MemoryUse;
  /** Simulated start time and CPU time used, in nanoseconds. */
  readonly startNs: number;
  readonly cpuNs: number;
  readonly activity: Activity;
  /** Namespaces kept alive by open /proc/PID/ns/* descriptors. */
  readonly heldNs: readonly NsId[];
}

/**
 * A shallow copy of a task, to change before it is stored. Performance: tasks are copied by
 * many syscalls (fork, exit, wait, setresuid, prctl …) and a spread meets so many object
 * shapes that V8 takes its generic copy, about twenty times slower than this literal. Fields
 * in the order of the interface, the order boot's first task is written in.
 */
export function copyTask(t: Task): { -readonly [K in keyof Task]: Task[K] } {
  return {
    pid: t.pid, ppid: t.ppid, nr: t.nr, pidNs: t.pidNs, ns: t.ns, cred: t.cred, noNewPrivs: t.noNewPrivs,
    seccomp: t.seccomp, lsm: t.lsm, pgid: t.pgid, sid: t.sid, comm: t.comm, argv: t.argv, env: t.env, exe: t.exe,
    cwd: t.cwd, root: t.root, fds: t.fds, kthread: t.kthread, state: t.state, exitStatus: t.exitStatus,
    signals: t.signals, memory: t.memory, startNs: t.startNs, cpuNs: t.cpuNs, activity: t.activity, heldNs: t.heldNs,
  };
}
