/**
 * msgsnd(2) (`ipc/msg.c: do_msgsnd()`): mtype must be positive and the text at most msgmax
 * bytes (EINVAL); write permission (EACCES); a full queue blocks, or is EAGAIN with
 * IPC_NOWAIT. "The queue is full when its bytes would exceed msg_qbytes" — msgop(2).
 */
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { IPC_NOWAIT, badId } from "../ipc/ipcget";
import { S_IWUGO, denies, ipcperms } from "../ipc/perms";
import { putObj } from "../ipc/ipc-ns";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface MsgsndCall {
  readonly name: "msgsnd";
  readonly msqid: number;
  readonly mtype: number;
  readonly text: string;
  readonly msgflg: number;
}

/** SIMPLIFICATION: `blocked` stands for sleeping until there is room; the scheduler retries. */
export type MsgsndResult = { readonly kind: "sent" } | { readonly kind: "blocked" };

export function sysMsgsnd(state: KernelState, caller: Task, call: MsgsndCall): SyscallOutcome<MsgsndResult> {
  const ns = caller.ns.ipc;
  const ipc = getIpcNs(state, ns);
  const size = call.text.length;
  if (call.mtype < 1 || size > ipc.limits.msgmax) {
    return denied(state, [deny("kernel", "do_msgsnd", call.mtype < 1 ? "mtype must be greater than 0" : `${size} bytes is more than msgmax (${ipc.limits.msgmax})`, "EINVAL")]);
  }
  const q = lookupId(ipc.msg, call.msqid);
  if (!q) return denied(state, [badId(call.msqid, "message queue")]);
  const checks = ipcperms(state, caller.cred, ns, q.perm, S_IWUGO, `sending to queue ${call.msqid}`);
  if (denies(checks)) return denied(state, checks);
  const used = q.messages.reduce((n, m) => n + m.size, 0);
  // msg_fits_inqueue(): bytes and message count are both bounded by msg_qbytes.
  if (used + size > q.qbytes || q.messages.length + 1 > q.qbytes) {
    if (call.msgflg & IPC_NOWAIT) return denied(state, [...checks, deny("kernel", "msg_fits_inqueue", `queue ${call.msqid} is full and IPC_NOWAIT was given`, "EAGAIN")]);
    return succeed(state, [...checks, pass("kernel", "msg_fits_inqueue", `queue ${call.msqid} is full: the caller sleeps`)], { kind: "blocked" });
  }
  const next = putObj(state, ns, "msg", { ...q, messages: [...q.messages, { type: call.mtype, text: call.text, size }], lspid: caller.pid, stimeNs: state.nowNs });
  return succeed(next, [...checks, pass("kernel", "do_msgsnd", `${size} bytes of type ${call.mtype} queued`)], { kind: "sent" });
}
