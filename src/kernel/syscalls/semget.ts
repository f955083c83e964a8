/**
 * semget(2) (`ipc/sem.c: newary()`, `sem_more_checks()`): nsems must be 1..semmsl to create
 * (EINVAL), and at most the array's size when opening one; semmni arrays and semmns
 * semaphores in the namespace at most (ENOSPC).
 */
import { allocSlot } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { lookupKey, newPerm, noSpace } from "../ipc/ipcget";
import { putObj, putTable } from "../ipc/ipc-ns";
import type { SemArray } from "../ipc/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface SemgetCall {
  readonly name: "semget";
  readonly key: number;
  readonly nsems: number;
  readonly semflg: number;
}

export function sysSemget(state: KernelState, caller: Task, call: SemgetCall): SyscallOutcome<{ semid: number }> {
  const ns = caller.ns.ipc;
  const ipc = getIpcNs(state, ns);
  const { limits } = ipc;
  if (call.nsems < 0 || call.nsems > limits.semmsl) return denied(state, [deny("kernel", "ksys_semget", `nsems ${call.nsems} is outside 0..semmsl (${limits.semmsl})`, "EINVAL")]);
  const found = lookupKey(state, caller.cred, ns, ipc.sem, call.key, call.semflg, (sma) =>
    call.nsems > sma.values.length ? deny("kernel", "sem_more_checks", `array ${sma.perm.id} has only ${sma.values.length} semaphores`, "EINVAL") : undefined);
  if (found.kind === "fail") return denied(state, found.checks);
  if (found.kind === "found") return succeed(state, [...found.checks, pass("kernel", "semget", `array ${found.obj.perm.id}`)], { semid: found.obj.perm.id });
  if (call.nsems === 0) return denied(state, [deny("kernel", "newary", "a new semaphore array needs at least one semaphore", "EINVAL")]);
  const used = [...ipc.sem.byIdx.values()].reduce((n, a) => n + a.values.length, 0);
  if (used + call.nsems > limits.semmns) return denied(state, [noSpace("semaphore (semmns)")]);
  const slot = allocSlot(ipc.sem, limits.semmni);
  if (!slot) return denied(state, [noSpace("semaphore array (semmni)")]);
  const [table, s1] = slot;
  const sma: SemArray = {
    perm: newPerm(s1, call.key, caller.cred, call.semflg), values: Array<number>(call.nsems).fill(0),
    pids: Array<Task["pid"]>(call.nsems).fill(0 as Task["pid"]), otimeNs: 0, ctimeNs: state.nowNs,
  };
  const next = putObj(putTable(state, ns, "sem", table), ns, "sem", sma);
  return succeed(next, [pass("kernel", "newary", `new array ${s1.id} of ${call.nsems} semaphores in IPC namespace ${ns}`)], { semid: s1.id });
}
