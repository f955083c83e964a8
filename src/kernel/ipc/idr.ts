/**
 * IPC identifiers (`ipc/util.c: ipc_idr_alloc()`): an index from idr_alloc_cyclic() below a
 * bound that grows with use (at least 64), and a sequence number that goes up each time the
 * cursor wraps, so that `id = seq * 32768 + index` (IPCMNI_SHIFT = 15). The first objects are
 * ids 0, 1, 2…; a removed id is not reused until the indexes wrap, with a new sequence.
 */
import { Map as IMap } from "immutable";
import type { IdTable, IpcPerm } from "./types";

export const IPCMNI = 32768;
const IPCMNI_SHIFT = 15;
const IPC_MIN_CYCLE = 64;
/** ipcid_seq_max(): INT_MAX >> IPCMNI_SHIFT. */
const SEQ_MAX = 0x7fffffff >> IPCMNI_SHIFT;

export const emptyTable = <T>(): IdTable<T> => ({ byIdx: IMap(), next: 0, lastIdx: -1, seq: 0 });

export const idxOf = (id: number): number => id % IPCMNI;
export const seqOf = (id: number): number => Math.floor(id / IPCMNI);

function freeIn(table: IdTable<unknown>, from: number, end: number): number | undefined {
  for (let i = from; i < end; i++) if (!table.byIdx.has(i)) return i;
  return undefined;
}

export interface Slot {
  readonly idx: number;
  readonly id: number;
  readonly seq: number;
}

/** The next id, or undefined when `limit` objects exist already (ENOSPC). */
export function allocSlot<T>(table: IdTable<T>, limit: number): readonly [IdTable<T>, Slot] | undefined {
  const inUse = table.byIdx.size;
  if (inUse >= Math.min(limit, IPCMNI)) return undefined;
  const end = Math.min(Math.max(Math.floor((inUse * 3) / 2), IPC_MIN_CYCLE), IPCMNI);
  const start = table.next < end ? table.next : 0;
  const idx = freeIn(table, start, end) ?? (start > 0 ? freeIn(table, 0, end) : undefined);
  if (idx === undefined) return undefined;
  let seq = table.seq;
  if (idx <= table.lastIdx) seq = seq + 1 >= SEQ_MAX ? 0 : seq + 1;
  const slot = { idx, seq, id: seq * IPCMNI + idx };
  return [{ ...table, next: idx + 1, lastIdx: idx, seq }, slot] as const;
}

export const putObject = <T>(table: IdTable<T>, idx: number, obj: T): IdTable<T> => ({ ...table, byIdx: table.byIdx.set(idx, obj) });
export const removeObject = <T>(table: IdTable<T>, idx: number): IdTable<T> => ({ ...table, byIdx: table.byIdx.delete(idx) });

/** ipc_obtain_object_check(): the object at the id's index, if its sequence matches. */
export function lookupId<T extends { readonly perm: IpcPerm }>(table: IdTable<T>, id: number): T | undefined {
  if (!Number.isInteger(id) || id < 0) return undefined;
  const obj = table.byIdx.get(idxOf(id));
  return obj && obj.perm.seq === seqOf(id) ? obj : undefined;
}

/** ipc_findkey(): the object with this key (IPC_PRIVATE objects are never found). */
export function findKey<T extends { readonly perm: IpcPerm }>(table: IdTable<T>, key: number): T | undefined {
  if (key === 0) return undefined;
  return [...table.byIdx.values()].find((o) => o.perm.key === key);
}

/** Objects in index order, as /proc/sysvipc lists them. */
export const objectsOf = <T>(table: IdTable<T>): T[] =>
  [...table.byIdx.entries()].sort(([a], [b]) => a - b).map(([, o]) => o);
