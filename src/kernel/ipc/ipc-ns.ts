/**
 * IPC namespaces' contents: "Each IPC namespace has its own set of System V IPC identifiers
 * and its own POSIX message queue filesystem" — ipc_namespaces(7). A new namespace starts
 * empty with default limits; when it is freed, its objects go with it (`free_ipcs()`).
 */
import { Map as IMap } from "immutable";
import type { NsId, Pid } from "../ids";
import type { KernelState } from "../state";
import { emptyTable, idxOf, putObject, removeObject } from "./idr";
import type { IdTable, IpcLimits, IpcNs, IpcPerm, IpcState } from "./types";

/** ULONG_MAX - (1UL << 24): the shmmax and shmall defaults, beyond a double's precision. */
export const SHM_UNLIMITED = 2 ** 64 - 2 ** 24;

export const DEFAULT_IPC_LIMITS: IpcLimits = {
  shmmax: SHM_UNLIMITED, shmall: SHM_UNLIMITED, shmmni: 4096,
  msgmax: 8192, msgmnb: 16384, msgmni: 32000,
  semmsl: 32000, semmns: 1024000000, semopm: 500, semmni: 32000,
  mqQueuesMax: 256, mqMsgMax: 10, mqMsgsizeMax: 8192, mqMsgDefault: 10, mqMsgsizeDefault: 8192,
};

export const emptyIpcState = (): IpcState => ({ namespaces: IMap(), attaches: IMap() });

export function createIpcNs(state: KernelState, id: NsId): KernelState {
  const ns: IpcNs = { id, shm: emptyTable(), msg: emptyTable(), sem: emptyTable(), mqueues: IMap(), limits: DEFAULT_IPC_LIMITS };
  return putIpcNs(state, ns);
}

export function getIpcNs(state: KernelState, id: NsId): IpcNs {
  const ns = state.ipc.namespaces.get(id);
  if (!ns) throw new Error(`kernel invariant: no IPC state for namespace ${id}`);
  return ns;
}

export const putIpcNs = (state: KernelState, ns: IpcNs): KernelState => ({
  ...state, ipc: { ...state.ipc, namespaces: state.ipc.namespaces.set(ns.id, ns) },
});

/**
 * The namespace is gone: shm_exit_ns(), msg_exit_ns(), sem_exit_ns() and mq_put_mnt(). An
 * attached segment holds its namespace (do_shmat() takes a reference), so none is left by
 * now; attachments are dropped anyway, to keep the tables consistent.
 */
export function freeIpcNs(state: KernelState, id: NsId): KernelState {
  if (!state.ipc.namespaces.has(id)) return state;
  const attaches = state.ipc.attaches.map((list) => list.filter((a) => a.ns !== id)).filter((list) => list.length > 0);
  return { ...state, ipc: { namespaces: state.ipc.namespaces.delete(id), attaches } };
}

export const attachesOf = (state: KernelState, pid: Pid) => state.ipc.attaches.get(pid) ?? [];

/** The three System V id tables; objects are stored and removed in them by id. */
export type SysvKind = "shm" | "msg" | "sem";
type ObjOf<K extends SysvKind> = IpcNs[K] extends IdTable<infer T> ? T : never;

export function putObj<K extends SysvKind>(state: KernelState, ns: NsId, kind: K, obj: ObjOf<K> & { readonly perm: IpcPerm }): KernelState {
  const ipc = getIpcNs(state, ns);
  const table = ipc[kind] as IdTable<ObjOf<K>>;
  return putIpcNs(state, { ...ipc, [kind]: putObject(table, idxOf(obj.perm.id), obj) });
}

export function removeObj(state: KernelState, ns: NsId, kind: SysvKind, id: number): KernelState {
  const ipc = getIpcNs(state, ns);
  const table = ipc[kind] as IdTable<unknown>;
  return putIpcNs(state, { ...ipc, [kind]: removeObject(table, idxOf(id)) });
}

/** Replaces a table after allocSlot() moved its cursor. */
export function putTable<K extends SysvKind>(state: KernelState, ns: NsId, kind: K, table: IpcNs[K]): KernelState {
  return putIpcNs(state, { ...getIpcNs(state, ns), [kind]: table });
}
