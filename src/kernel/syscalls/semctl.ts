/**
 * semctl(2): reading values (GETVAL, GETALL, GETPID, GETNCNT, GETZCNT, IPC_STAT) needs read
 * permission, setting them (SETVAL, SETALL) alter permission with values in 0..SEMVMX
 * (ERANGE); IPC_SET and IPC_RMID need the owner, the creator or CAP_SYS_ADMIN.
 */
import type { PermSet, PermView } from "../ipc/ctl";
import { permView, pidView, updatePerm } from "../ipc/ctl";
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { badId } from "../ipc/ipcget";
import { S_IRUGO, S_IWUGO, denies, ipcperms, ownerCheck } from "../ipc/perms";
import { putObj, removeObj } from "../ipc/ipc-ns";
import type { SemArray } from "../ipc/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";
import { SEMVMX } from "./semop";

export type SemCmd = "GETVAL" | "SETVAL" | "GETALL" | "SETALL" | "GETPID" | "GETNCNT" | "GETZCNT" | "IPC_STAT" | "IPC_SET" | "IPC_RMID";

export interface SemctlCall {
  readonly name: "semctl";
  readonly semid: number;
  readonly semnum: number;
  readonly cmd: SemCmd;
  /** SETVAL: `[value]`; SETALL: one value per semaphore. */
  readonly values?: readonly number[];
  readonly set?: PermSet;
}

export interface SemidDs {
  readonly perm: PermView;
  readonly nsems: number;
  readonly otimeNs: number;
  readonly ctimeNs: number;
}

export type SemctlResult = number | readonly number[] | SemidDs;

export function sysSemctl(state: KernelState, caller: Task, call: SemctlCall): SyscallOutcome<SemctlResult> {
  const ns = caller.ns.ipc;
  const sma = lookupId(getIpcNs(state, ns).sem, call.semid);
  if (!sma) return denied(state, [badId(call.semid, "semaphore array")]);
  if (call.cmd === "IPC_SET" || call.cmd === "IPC_RMID") return semctlDown(state, caller, sma, call);
  const writes = call.cmd === "SETVAL" || call.cmd === "SETALL";
  const checks = ipcperms(state, caller.cred, ns, sma.perm, writes ? S_IWUGO : S_IRUGO, `${call.cmd} on array ${call.semid}`);
  if (denies(checks)) return denied(state, checks);
  const perSem = call.cmd === "GETVAL" || call.cmd === "SETVAL" || call.cmd === "GETPID" || call.cmd === "GETNCNT" || call.cmd === "GETZCNT";
  if (perSem && (call.semnum < 0 || call.semnum >= sma.values.length)) {
    return denied(state, [...checks, deny("kernel", "semctl_main", `semnum ${call.semnum} is not below nsems (${sma.values.length})`, "EINVAL")]);
  }
  const n = call.semnum;
  switch (call.cmd) {
    case "GETVAL": return succeed(state, checks, sma.values[n] as number);
    case "GETPID": return succeed(state, checks, pidView(state, caller, sma.pids[n] as Task["pid"]));
    // SIMPLIFICATION: no task is ever counted as waiting on a semaphore.
    case "GETNCNT": case "GETZCNT": return succeed(state, checks, 0);
    case "GETALL": return succeed(state, checks, sma.values);
    case "IPC_STAT": return succeed(state, checks, { perm: permView(state, caller, sma.perm), nsems: sma.values.length, otimeNs: sma.otimeNs, ctimeNs: sma.ctimeNs });
    default: return setValues(state, caller, sma, call, checks);
  }
}

function setValues(state: KernelState, caller: Task, sma: SemArray, call: SemctlCall, checks: ReturnType<typeof ipcperms>): SyscallOutcome<SemctlResult> {
  const given = call.values ?? [];
  const values = call.cmd === "SETVAL" ? sma.values.map((v, i) => (i === call.semnum ? (given[0] ?? 0) : v)) : given;
  if (values.length !== sma.values.length || values.some((v) => v < 0 || v > SEMVMX)) {
    return denied(state, [...checks, deny("kernel", "semctl_setval", `values must be 0..${SEMVMX}, one per semaphore`, "ERANGE")]);
  }
  const pids = sma.pids.map((p, i) => (call.cmd === "SETALL" || i === call.semnum ? caller.pid : p));
  const next = putObj(state, caller.ns.ipc, "sem", { ...sma, values, pids, ctimeNs: state.nowNs });
  return succeed(next, [...checks, pass("kernel", "semctl_main", `${call.cmd} on array ${call.semid}`)], 0);
}

function semctlDown(state: KernelState, caller: Task, sma: SemArray, call: SemctlCall): SyscallOutcome<SemctlResult> {
  const ns = caller.ns.ipc;
  const own = ownerCheck(state, caller.cred, ns, sma.perm, `${call.cmd} on array ${call.semid}`);
  if (own.verdict === "deny") return denied(state, [own]);
  if (call.cmd === "IPC_RMID") return succeed(removeObj(state, ns, "sem", sma.perm.id), [own, pass("kernel", "freeary", `array ${call.semid} removed`)], 0);
  const perm = call.set && updatePerm(state, caller, sma.perm, call.set);
  if (!perm) return denied(state, [own, deny("kernel", "ipc_update_perm", "the new owner or group has no mapping in the caller's user namespace", "EINVAL")]);
  return succeed(putObj(state, ns, "sem", { ...sma, perm, ctimeNs: state.nowNs }), [own, pass("kernel", "semctl_down", "permissions updated")], 0);
}
