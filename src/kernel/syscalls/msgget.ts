/** msgget(2) (`ipc/msg.c: newque()`): a new queue holds up to msgmnb bytes; msgmni queues at most. */
import { allocSlot } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { lookupKey, newPerm, noSpace } from "../ipc/ipcget";
import { putObj, putTable } from "../ipc/ipc-ns";
import type { MsgQueue } from "../ipc/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface MsggetCall {
  readonly name: "msgget";
  readonly key: number;
  readonly msgflg: number;
}

export function sysMsgget(state: KernelState, caller: Task, call: MsggetCall): SyscallOutcome<{ msqid: number }> {
  const ns = caller.ns.ipc;
  const ipc = getIpcNs(state, ns);
  const found = lookupKey(state, caller.cred, ns, ipc.msg, call.key, call.msgflg);
  if (found.kind === "fail") return denied(state, found.checks);
  if (found.kind === "found") return succeed(state, [...found.checks, pass("kernel", "msgget", `queue ${found.obj.perm.id}`)], { msqid: found.obj.perm.id });
  const slot = allocSlot(ipc.msg, ipc.limits.msgmni);
  if (!slot) return denied(state, [noSpace("message queue (msgmni)")]);
  const [table, s1] = slot;
  const q: MsgQueue = {
    perm: newPerm(s1, call.key, caller.cred, call.msgflg), messages: [], qbytes: ipc.limits.msgmnb,
    lspid: 0 as Task["pid"], lrpid: 0 as Task["pid"], stimeNs: 0, rtimeNs: 0, ctimeNs: state.nowNs,
  };
  const next = putObj(putTable(state, ns, "msg", table), ns, "msg", q);
  return succeed(next, [pass("kernel", "newque", `new message queue ${s1.id} in IPC namespace ${ns}`)], { msqid: s1.id });
}
