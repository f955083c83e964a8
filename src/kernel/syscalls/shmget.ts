/**
 * shmget(2) (`ipc/shm.c: newseg()`, `shm_more_checks()`): a size below SHMMIN (1) or above
 * shmmax is EINVAL, as is asking an existing segment for more than its size; shmmni
 * segments or shmall pages in the namespace are ENOSPC.
 */
import { allocSlot } from "../ipc/idr";
import { getIpcNs, putIpcNs } from "../ipc/ipc-ns";
import { lookupKey, newPerm, noSpace } from "../ipc/ipcget";
import { pagesOf, putSeg, shmPages } from "../ipc/shm";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface ShmgetCall {
  readonly name: "shmget";
  readonly key: number;
  readonly size: number;
  /** IPC_CREAT, IPC_EXCL and the nine mode bits. */
  readonly shmflg: number;
}

export function sysShmget(state: KernelState, caller: Task, call: ShmgetCall): SyscallOutcome<{ shmid: number }> {
  const ns = caller.ns.ipc;
  const ipc = getIpcNs(state, ns);
  const found = lookupKey(state, caller.cred, ns, ipc.shm, call.key, call.shmflg, (seg) =>
    call.size > seg.size ? deny("kernel", "shm_more_checks", `segment ${seg.perm.id} is only ${seg.size} bytes`, "EINVAL") : undefined);
  if (found.kind === "fail") return denied(state, found.checks);
  if (found.kind === "found") return succeed(state, [...found.checks, pass("kernel", "shmget", `segment ${found.obj.perm.id}`)], { shmid: found.obj.perm.id });
  const { limits } = ipc;
  if (call.size < 1 || call.size > limits.shmmax) {
    return denied(state, [deny("kernel", "newseg", `${call.size} bytes is outside 1..shmmax`, "EINVAL")]);
  }
  if (shmPages(state, ns) + pagesOf(call.size) > limits.shmall) return denied(state, [noSpace("segment (shmall)")]);
  const slot = ipc.shm.byIdx.size < limits.shmmni ? allocSlot(ipc.shm, limits.shmmni) : undefined;
  if (!slot) return denied(state, [noSpace("segment (shmmni)")]);
  const [table, s1] = slot;
  const seg = {
    perm: newPerm(s1, call.key, caller.cred, call.shmflg), size: call.size, nattch: 0, cpid: caller.pid, lpid: 0 as Task["pid"],
    atimeNs: 0, dtimeNs: 0, ctimeNs: state.nowNs,
  };
  const next = putSeg(putIpcNs(state, { ...ipc, shm: table }), ns, seg);
  return succeed(next, [pass("kernel", "newseg", `new segment ${s1.id} of ${call.size} bytes in IPC namespace ${ns}`)], { shmid: s1.id });
}
