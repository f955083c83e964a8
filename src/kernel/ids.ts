/**
 * Branded ids of kernel objects. A `Pid` is a task's id in the initial PID namespace (the
 * kernel's global view); the number a process sees is a `NsPid`, relative to a PID namespace.
 * Likewise `Kuid`/`Kgid` are global ids and `Uid`/`Gid` are what a user namespace shows
 * (gVisor's `auth.KUID` vs `auth.UID`; Linux `kuid_t` vs `uid_t`).
 */
import type { Brand } from "../lib";

export type Pid = Brand<number, "Pid">;
export type NsPid = Brand<number, "NsPid">;
/** A namespace's id is its nsfs inode number, as `readlink /proc/PID/ns/TYPE` shows it. */
export type NsId = Brand<number, "NsId">;
export type Kuid = Brand<number, "Kuid">;
export type Kgid = Brand<number, "Kgid">;
export type Uid = Brand<number, "Uid">;
export type Gid = Brand<number, "Gid">;
export type CgroupId = Brand<number, "CgroupId">;

export const pid = (n: number) => n as Pid;
export const nsPid = (n: number) => n as NsPid;
export const nsId = (n: number) => n as NsId;
export const kuid = (n: number) => n as Kuid;
export const kgid = (n: number) => n as Kgid;
export const uid = (n: number) => n as Uid;
export const gid = (n: number) => n as Gid;
export const cgroupId = (n: number) => n as CgroupId;

/** `(uid_t)-1`: what an unmapped id reads as inside a user namespace is the overflow uid. */
export const INVALID_ID = 4294967295;
/** /proc/sys/kernel/overflowuid: shown for ids with no mapping ("nobody"). */
export const OVERFLOW_UID = 65534;
