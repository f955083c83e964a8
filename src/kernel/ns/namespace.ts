/**
 * The eight namespace types (namespaces(7)). A namespace is identified by its nsfs inode, as
 * `readlink /proc/PID/ns/TYPE` prints it. Namespaces that contain objects (mounts, interfaces,
 * IPC objects) keep those objects in their subsystem's state, keyed by the namespace id.
 */
import type { CgroupId, Kgid, Kuid, NsId, Pid } from "../ids";

export const NS_TYPES = ["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"] as const;
export type NsType = (typeof NS_TYPES)[number];

/** The clone flag that creates each type (`include/uapi/linux/sched.h`). */
export const CLONE_NEWNS = 0x00020000;
export const CLONE_NEWCGROUP = 0x02000000;
export const CLONE_NEWUTS = 0x04000000;
export const CLONE_NEWIPC = 0x08000000;
export const CLONE_NEWUSER = 0x10000000;
export const CLONE_NEWPID = 0x20000000;
export const CLONE_NEWNET = 0x40000000;
export const CLONE_NEWTIME = 0x00000080;

export const CLONE_FLAG: Readonly<Record<NsType, number>> = {
  mnt: CLONE_NEWNS, cgroup: CLONE_NEWCGROUP, uts: CLONE_NEWUTS, ipc: CLONE_NEWIPC,
  user: CLONE_NEWUSER, pid: CLONE_NEWPID, net: CLONE_NEWNET, time: CLONE_NEWTIME,
};

/** Fixed inodes of the initial namespaces (`include/uapi/linux/nsfs.h`, recorded on 6.18). */
export const INIT_NS_INODE: Readonly<Record<NsType, number>> = {
  ipc: 4026531839,
  uts: 4026531838,
  user: 4026531837,
  pid: 4026531836,
  cgroup: 4026531835,
  time: 4026531834,
  net: 4026531833,
  mnt: 4026531832,
};

/** `include/linux/user_namespace.h`: a user namespace may be nested 32 levels deep. */
export const MAX_USER_NS_LEVEL = 32;
/** `include/linux/pid_namespace.h`: MAX_PID_NS_LEVEL. */
export const MAX_PID_NS_LEVEL = 32;

export interface IdMapEntry {
  /** First id inside the namespace. */
  readonly inside: number;
  /** First id it maps to, as a global (init user namespace) id. */
  readonly outside: number;
  readonly count: number;
}

interface NsCommon {
  readonly id: NsId;
  /** The user namespace that owns this one (for a user namespace: its parent; null for init). */
  readonly owner: NsId | null;
  /** Holders: tasks whose nsproxy or cred points here, child namespaces, bind mounts, open fds. */
  readonly refs: number;
}

export interface UserNs extends NsCommon {
  readonly type: "user";
  readonly level: number;
  readonly ownerUid: Kuid;
  readonly ownerGid: Kgid;
  readonly uidMap: readonly IdMapEntry[] | null;
  readonly gidMap: readonly IdMapEntry[] | null;
  readonly setgroups: "allow" | "deny";
}

export interface PidNs extends NsCommon {
  readonly type: "pid";
  readonly parent: NsId | null;
  readonly level: number;
  /** The next number alloc_pid() hands out in this namespace. */
  readonly nextNr: number;
  /** The namespace's init (its child reaper), once it exists. */
  readonly init: Pid | null;
  /** Cleared when init dies: fork in this namespace then fails with ENOMEM (PIDNS_ADDING). */
  readonly adding: boolean;
}

export interface UtsNs extends NsCommon {
  readonly type: "uts";
  readonly hostname: string;
  readonly domainname: string;
}

export interface TimeNs extends NsCommon {
  readonly type: "time";
  /** Offsets in nanoseconds (/proc/PID/timens_offsets shows seconds and nanoseconds). */
  readonly monotonicOffsetNs: number;
  readonly boottimeOffsetNs: number;
  /** Offsets can be written only until the first process enters the namespace. */
  readonly frozen: boolean;
}

export interface CgroupNs extends NsCommon {
  readonly type: "cgroup";
  readonly root: CgroupId;
}

export interface ContentNs extends NsCommon {
  /** Mount, network and IPC namespaces: their objects live in the vfs, net and ipc state. */
  readonly type: "mnt" | "net" | "ipc";
}

export type Namespace = UserNs | PidNs | UtsNs | TimeNs | CgroupNs | ContentNs;
export type NsOf<T extends NsType> = Extract<Namespace, { type: T }> extends never
  ? ContentNs
  : Extract<Namespace, { type: T }>;

/** `/proc/PID/ns/TYPE` link text, e.g. `pid:[4026531836]`. */
export const nsLinkText = (type: NsType, id: NsId): string => `${type}:[${id}]`;
