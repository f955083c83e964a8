/**
 * msgrcv(2) (`ipc/msg.c: do_msgrcv()`): "If msgtyp is 0, the first message is read. If msgtyp
 * is greater than 0, the first message of type msgtyp is read, unless MSG_EXCEPT … If msgtyp
 * is less than 0, the first message with the lowest type less than or equal to the absolute
 * value of msgtyp" — msgop(2). Read permission; a longer message is E2BIG unless MSG_NOERROR
 * truncates it; no message blocks, or is ENOMSG with IPC_NOWAIT.
 */
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { IPC_NOWAIT, badId } from "../ipc/ipcget";
import { S_IRUGO, denies, ipcperms } from "../ipc/perms";
import { putObj } from "../ipc/ipc-ns";
import type { Msg } from "../ipc/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export const MSG_NOERROR = 0o10000;
export const MSG_EXCEPT = 0o20000;

export interface MsgrcvCall {
  readonly name: "msgrcv";
  readonly msqid: number;
  readonly msgsz: number;
  readonly msgtyp: number;
  readonly msgflg: number;
}

/** SIMPLIFICATION: `blocked` stands for sleeping until a message comes; the scheduler retries. */
export type MsgrcvResult = { readonly kind: "received"; readonly mtype: number; readonly text: string } | { readonly kind: "blocked" };

/** find_msg(): the index of the message msgtyp selects, or -1. */
export function findMsg(messages: readonly Msg[], msgtyp: number, except: boolean): number {
  if (msgtyp === 0) return messages.length > 0 ? 0 : -1;
  if (msgtyp > 0) return messages.findIndex((m) => (except ? m.type !== msgtyp : m.type === msgtyp));
  let best = -1;
  messages.forEach((m, i) => {
    if (m.type <= -msgtyp && (best < 0 || m.type < (messages[best] as Msg).type)) best = i;
  });
  return best;
}

export function sysMsgrcv(state: KernelState, caller: Task, call: MsgrcvCall): SyscallOutcome<MsgrcvResult> {
  const ns = caller.ns.ipc;
  if (call.msgsz < 0) return denied(state, [deny("kernel", "do_msgrcv", "msgsz is negative", "EINVAL")]);
  const q = lookupId(getIpcNs(state, ns).msg, call.msqid);
  if (!q) return denied(state, [badId(call.msqid, "message queue")]);
  const checks = ipcperms(state, caller.cred, ns, q.perm, S_IRUGO, `receiving from queue ${call.msqid}`);
  if (denies(checks)) return denied(state, checks);
  const at = findMsg(q.messages, call.msgtyp, (call.msgflg & MSG_EXCEPT) !== 0);
  if (at < 0) {
    if (call.msgflg & IPC_NOWAIT) return denied(state, [...checks, deny("kernel", "do_msgrcv", `no message of the requested type in queue ${call.msqid}`, "ENOMSG")]);
    return succeed(state, [...checks, pass("kernel", "do_msgrcv", "no matching message: the caller sleeps")], { kind: "blocked" });
  }
  const msg = q.messages[at] as Msg;
  if (msg.size > call.msgsz && !(call.msgflg & MSG_NOERROR)) {
    return denied(state, [...checks, deny("kernel", "do_msgrcv", `the message has ${msg.size} bytes, more than msgsz ${call.msgsz}`, "E2BIG")]);
  }
  const next = putObj(state, ns, "msg", { ...q, messages: q.messages.filter((_, i) => i !== at), lrpid: caller.pid, rtimeNs: state.nowNs });
  return succeed(next, [...checks, pass("kernel", "do_msgrcv", `received ${Math.min(msg.size, call.msgsz)} bytes of type ${msg.type}`)], {
    kind: "received", mtype: msg.type, text: msg.text.slice(0, call.msgsz),
  });
}
