/**
 * semop(2) (`ipc/sem.c: do_semtimedop()`, `perform_atomic_semop()`): the operations apply all
 * together or not at all. Alter permission if any op is non-zero, read permission otherwise;
 * a sem_num past the array is EFBIG; a value past SEMVMX (32767) is ERANGE; an op that would
 * block blocks the caller, or is EAGAIN with IPC_NOWAIT in its sem_flg.
 * SIMPLIFICATION: SEM_UNDO is accepted but nothing is undone at exit.
 */
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { IPC_NOWAIT, badId } from "../ipc/ipcget";
import { S_IRUGO, S_IWUGO, denies, ipcperms } from "../ipc/perms";
import { putObj } from "../ipc/ipc-ns";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export const SEMVMX = 32767;
export const SEM_UNDO = 0x1000;

export interface Sembuf {
  readonly num: number;
  readonly op: number;
  readonly flg: number;
}

export interface SemopCall {
  readonly name: "semop";
  readonly semid: number;
  readonly sops: readonly Sembuf[];
}

export type SemopResult = { readonly kind: "done" } | { readonly kind: "blocked" };

/** The values after the operations, "block", or "range" when one would pass SEMVMX. */
function perform(values: readonly number[], sops: readonly Sembuf[]): number[] | "block" | "range" {
  const next = [...values];
  for (const { num, op } of sops) {
    const v = next[num] as number;
    if (op === 0 ? v !== 0 : v + op < 0) return "block";
    if (v + op > SEMVMX) return "range";
    next[num] = v + op;
  }
  return next;
}

export function sysSemop(state: KernelState, caller: Task, call: SemopCall): SyscallOutcome<SemopResult> {
  const ns = caller.ns.ipc;
  const ipc = getIpcNs(state, ns);
  if (call.sops.length < 1) return denied(state, [deny("kernel", "do_semtimedop", "no operations", "EINVAL")]);
  if (call.sops.length > ipc.limits.semopm) return denied(state, [deny("kernel", "do_semtimedop", `more than semopm (${ipc.limits.semopm}) operations`, "E2BIG")]);
  const sma = lookupId(ipc.sem, call.semid);
  if (!sma) return denied(state, [badId(call.semid, "semaphore array")]);
  if (call.sops.some((o) => o.num < 0 || o.num >= sma.values.length)) {
    return denied(state, [deny("kernel", "do_semtimedop", `a sem_num is not below nsems (${sma.values.length})`, "EFBIG")]);
  }
  const alter = call.sops.some((o) => o.op !== 0);
  const checks = ipcperms(state, caller.cred, ns, sma.perm, alter ? S_IWUGO : S_IRUGO, `${alter ? "changing" : "waiting on"} array ${call.semid}`);
  if (denies(checks)) return denied(state, checks);
  const result = perform(sma.values, call.sops);
  if (result === "range") return denied(state, [...checks, deny("kernel", "perform_atomic_semop", `a value would exceed SEMVMX (${SEMVMX})`, "ERANGE")]);
  if (result === "block") {
    if (call.sops.some((o) => o.flg & IPC_NOWAIT)) return denied(state, [...checks, deny("kernel", "perform_atomic_semop", "the operations would block and IPC_NOWAIT was given", "EAGAIN")]);
    return succeed(state, [...checks, pass("kernel", "perform_atomic_semop", "the operations cannot proceed yet: the caller sleeps")], { kind: "blocked" });
  }
  const pids = sma.pids.map((p, i) => (call.sops.some((o) => o.num === i) ? caller.pid : p));
  const next = putObj(state, ns, "sem", { ...sma, values: result, pids, otimeNs: state.nowNs });
  return succeed(next, [...checks, pass("kernel", "perform_atomic_semop", `${call.sops.length} operation(s) applied`)], { kind: "done" });
}
