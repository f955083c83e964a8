/**
 * System V shared memory objects (`ipc/shm.c`): segments, attachments, and the SHM_DEST rule
 * — a removed segment that is still attached loses its key and lives until the last detach
 * ("The segment will actually be destroyed only after the last process detaches it" —
 * shmctl(2)). SIMPLIFICATION: a segment holds no pages, attach addresses are handed out
 * top-down from a fixed base, and attachments are not inherited across fork.
 */
import type { NsId, Pid } from "../ids";
import { getNsRef, putNsRef } from "../ns/ns-ops";
import type { KernelState } from "../state";
import { getTask, putTask } from "../state";
import { lookupId } from "./idr";
import { attachesOf, getIpcNs, putObj, removeObj } from "./ipc-ns";
import type { ShmAttach, ShmSeg } from "./types";

export const SHM_RDONLY = 0o10000;
export const SHM_EXEC = 0o100000;
/** Mode bits ipcs shows as the status `dest` and `locked`. */
export const SHM_DEST = 0o1000;
export const SHM_LOCKED = 0o2000;
export const PAGE_SIZE = 4096;

/** Where the first attachment of a task lands; later ones go below (top-down mmap). */
const MMAP_TOP = 0x7f0000000000;

export const pagesOf = (size: number): number => Math.ceil(size / PAGE_SIZE);

export const putSeg = (state: KernelState, ns: NsId, seg: ShmSeg): KernelState => putObj(state, ns, "shm", seg);

/** shm_destroy(). */
export const destroySeg = (state: KernelState, ns: NsId, seg: ShmSeg): KernelState => removeObj(state, ns, "shm", seg.perm.id);

/** do_shmat(): a new mapping; the attachment holds the IPC namespace, as the shm file does. */
export function attachSeg(state: KernelState, pid: Pid, ns: NsId, seg: ShmSeg, readonly: boolean): readonly [KernelState, number] {
  const mine = attachesOf(state, pid);
  const below = mine.reduce((low, a) => Math.min(low, a.addr), MMAP_TOP);
  const addr = below - pagesOf(seg.size) * PAGE_SIZE;
  const attach: ShmAttach = { ns, shmid: seg.perm.id, addr, readonly };
  let s = putSeg(state, ns, { ...seg, nattch: seg.nattch + 1, lpid: pid, atimeNs: state.nowNs });
  s = { ...s, ipc: { ...s.ipc, attaches: s.ipc.attaches.set(pid, [...mine, attach]) } };
  const task = getTask(s, pid);
  s = putTask(s, { ...task, heldNs: [...task.heldNs, ns] });
  return [getNsRef(s, ns), addr] as const;
}

/** shm_close() for one attachment: nattch drops, and a removed segment dies with the last. */
export function detach(state: KernelState, pid: Pid, attach: ShmAttach): KernelState {
  const rest = attachesOf(state, pid).filter((a) => a !== attach);
  let s: KernelState = { ...state, ipc: { ...state.ipc, attaches: rest.length ? state.ipc.attaches.set(pid, rest) : state.ipc.attaches.delete(pid) } };
  const ipc = s.ipc.namespaces.get(attach.ns);
  const seg = ipc && lookupId(ipc.shm, attach.shmid);
  if (!seg) return s;
  const left: ShmSeg = { ...seg, nattch: seg.nattch - 1, lpid: pid, dtimeNs: s.nowNs };
  s = left.nattch === 0 && left.perm.mode & SHM_DEST ? destroySeg(s, attach.ns, left) : putSeg(s, attach.ns, left);
  return s;
}

/**
 * exit_mm() at exit: every attachment is detached. The namespace references they held are
 * in the task's heldNs, which do_exit() drops next.
 */
export function exitShm(state: KernelState, pid: Pid): KernelState {
  return attachesOf(state, pid).reduce((s, a) => detach(s, pid, a), state);
}

/** Bytes of shared memory in use in the namespace, in pages (shm_tot). */
export const shmPages = (state: KernelState, ns: NsId): number =>
  [...getIpcNs(state, ns).shm.byIdx.values()].reduce((n, seg) => n + pagesOf(seg.size), 0);

/** shmdt(2): the attachment's reference on the namespace goes too. */
export function releaseAttachRef(state: KernelState, pid: Pid, ns: NsId): KernelState {
  const task = state.tasks.get(pid);
  if (!task) return state;
  const at = task.heldNs.indexOf(ns);
  if (at < 0) return state;
  return putNsRef(putTask(state, { ...task, heldNs: task.heldNs.filter((_, i) => i !== at) }), ns);
}
