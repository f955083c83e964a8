/**
 * The System V objects of an IPC namespace as rows, for `ipcs` and /proc/sysvipc/{shm,msg,sem}.
 * Ids are global (Kuid/Kgid, Pid): the reader maps them into its own namespaces and resolves
 * names. ipcs prints keys as `0x%08x` and perms in octal.
 */
import type { Kgid, Kuid, NsId, Pid } from "../ids";
import type { KernelState } from "../state";
import { objectsOf } from "./idr";
import { getIpcNs } from "./ipc-ns";
import { SHM_DEST, SHM_LOCKED } from "./shm";
import type { IpcPerm } from "./types";

interface Owner {
  readonly key: number;
  readonly id: number;
  /** The nine permission bits. */
  readonly perms: number;
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly cuid: Kuid;
  readonly cgid: Kgid;
}

export interface ShmRow extends Owner {
  readonly bytes: number;
  readonly nattch: number;
  /** ipcs's status column: `dest` (removed, still attached) and `locked` (SHM_LOCK). */
  readonly dest: boolean;
  readonly locked: boolean;
  readonly cpid: Pid;
  readonly lpid: Pid;
  readonly atimeNs: number;
  readonly dtimeNs: number;
  readonly ctimeNs: number;
}

export interface MsgRow extends Owner {
  readonly usedBytes: number;
  readonly messages: number;
  readonly lspid: Pid;
  readonly lrpid: Pid;
  readonly stimeNs: number;
  readonly rtimeNs: number;
  readonly ctimeNs: number;
}

export interface SemRow extends Owner {
  readonly nsems: number;
  readonly otimeNs: number;
  readonly ctimeNs: number;
}

export interface IpcDump {
  readonly msg: readonly MsgRow[];
  readonly shm: readonly ShmRow[];
  readonly sem: readonly SemRow[];
}

const owner = (p: IpcPerm): Owner => ({ key: p.key, id: p.id, perms: p.mode & 0o777, uid: p.uid, gid: p.gid, cuid: p.cuid, cgid: p.cgid });

export function dumpIpc(state: KernelState, ns: NsId): IpcDump {
  const ipc = getIpcNs(state, ns);
  return {
    msg: objectsOf(ipc.msg).map((q) => ({
      ...owner(q.perm), usedBytes: q.messages.reduce((n, m) => n + m.size, 0), messages: q.messages.length,
      lspid: q.lspid, lrpid: q.lrpid, stimeNs: q.stimeNs, rtimeNs: q.rtimeNs, ctimeNs: q.ctimeNs,
    })),
    shm: objectsOf(ipc.shm).map((s) => ({
      ...owner(s.perm), bytes: s.size, nattch: s.nattch, dest: (s.perm.mode & SHM_DEST) !== 0, locked: (s.perm.mode & SHM_LOCKED) !== 0,
      cpid: s.cpid, lpid: s.lpid, atimeNs: s.atimeNs, dtimeNs: s.dtimeNs, ctimeNs: s.ctimeNs,
    })),
    sem: objectsOf(ipc.sem).map((a) => ({ ...owner(a.perm), nsems: a.values.length, otimeNs: a.otimeNs, ctimeNs: a.ctimeNs })),
  };
}
