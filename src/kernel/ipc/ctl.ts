/**
 * Shared parts of shmctl, msgctl and semctl: what IPC_STAT shows (ids as the caller's user
 * namespace sees them, `from_kuid_munged()`; PIDs as its PID namespace sees them) and how
 * IPC_SET changes an object (`ipc_update_perm()`: owner, group and the nine mode bits).
 */
import type { Kgid, Kuid, Pid } from "../ids";
import { OVERFLOW_UID, kgid, kuid } from "../ids";
import { mapIdDown, mapIdUp } from "../ns/id-map";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { pidNrIn } from "../task/pid-alloc";
import type { Task } from "../task/task";
import type { IpcPerm } from "./types";

export type IpcCmd = "IPC_STAT" | "IPC_SET" | "IPC_RMID";

export interface PermView {
  readonly key: number;
  readonly uid: number;
  readonly gid: number;
  readonly cuid: number;
  readonly cgid: number;
  readonly mode: number;
}

/** What `struct ipc_perm` holds for the caller. */
export function permView(state: KernelState, caller: Task, perm: IpcPerm): PermView {
  const ns = getNs(state, caller.cred.userNs, "user");
  const u = (id: Kuid) => mapIdUp(ns.uidMap, id) ?? OVERFLOW_UID;
  const g = (id: Kgid) => mapIdUp(ns.gidMap, id) ?? OVERFLOW_UID;
  return { key: perm.key, uid: u(perm.uid), gid: g(perm.gid), cuid: u(perm.cuid), cgid: g(perm.cgid), mode: perm.mode };
}

/** A PID as the caller sees it; 0 when it is not visible (pid_vnr()). */
export const pidView = (state: KernelState, caller: Task, pid: Pid): number => (pid === 0 ? 0 : pidNrIn(state, pid, caller.pidNs) ?? 0);

export interface PermSet {
  /** Ids as the caller's user namespace numbers them. */
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

/** ipc_update_perm(): undefined when an id has no mapping (EINVAL). */
export function updatePerm(state: KernelState, caller: Task, perm: IpcPerm, set: PermSet): IpcPerm | undefined {
  const ns = getNs(state, caller.cred.userNs, "user");
  const uid = mapIdDown(ns.uidMap, set.uid);
  const gid = mapIdDown(ns.gidMap, set.gid);
  if (uid === undefined || gid === undefined) return undefined;
  return { ...perm, uid: kuid(uid), gid: kgid(gid), mode: (perm.mode & ~0o777) | (set.mode & 0o777) };
}
