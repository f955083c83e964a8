/**
 * msgctl(2): IPC_STAT (read permission), IPC_SET and IPC_RMID (owner, creator or
 * CAP_SYS_ADMIN). "Raising msg_qbytes beyond the system parameter MSGMNB requires privilege"
 * (CAP_SYS_RESOURCE in the initial user namespace) — msgctl(2).
 */
import { capableCheck } from "../cred/capable";
import type { IpcCmd, PermSet, PermView } from "../ipc/ctl";
import { permView, pidView, updatePerm } from "../ipc/ctl";
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { badId } from "../ipc/ipcget";
import { S_IRUGO, denies, ipcperms, ownerCheck } from "../ipc/perms";
import { nsId } from "../ids";
import { INIT_NS_INODE } from "../ns/namespace";
import { putObj, removeObj } from "../ipc/ipc-ns";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface MsgctlCall {
  readonly name: "msgctl";
  readonly msqid: number;
  readonly cmd: IpcCmd;
  readonly set?: PermSet & { readonly qbytes?: number };
}

export interface MsqidDs {
  readonly perm: PermView;
  readonly cbytes: number;
  readonly qnum: number;
  readonly qbytes: number;
  readonly lspid: number;
  readonly lrpid: number;
  readonly stimeNs: number;
  readonly rtimeNs: number;
  readonly ctimeNs: number;
}

export function sysMsgctl(state: KernelState, caller: Task, call: MsgctlCall): SyscallOutcome<MsqidDs | 0> {
  const ns = caller.ns.ipc;
  const ipc = getIpcNs(state, ns);
  const q = lookupId(ipc.msg, call.msqid);
  if (!q) return denied(state, [badId(call.msqid, "message queue")]);
  if (call.cmd === "IPC_STAT") {
    const checks = ipcperms(state, caller.cred, ns, q.perm, S_IRUGO, `reading queue ${call.msqid}`);
    if (denies(checks)) return denied(state, checks);
    return succeed(state, checks, {
      perm: permView(state, caller, q.perm), cbytes: q.messages.reduce((n, m) => n + m.size, 0), qnum: q.messages.length,
      qbytes: q.qbytes, lspid: pidView(state, caller, q.lspid), lrpid: pidView(state, caller, q.lrpid),
      stimeNs: q.stimeNs, rtimeNs: q.rtimeNs, ctimeNs: q.ctimeNs,
    });
  }
  const checks: Check[] = [ownerCheck(state, caller.cred, ns, q.perm, `${call.cmd} on queue ${call.msqid}`)];
  if (denies(checks)) return denied(state, checks);
  if (call.cmd === "IPC_RMID") return succeed(removeObj(state, ns, "msg", q.perm.id), [...checks, pass("kernel", "freeque", `queue ${call.msqid} removed`)], 0);
  const perm = call.set && updatePerm(state, caller, q.perm, call.set);
  if (!perm) return denied(state, [...checks, deny("kernel", "ipc_update_perm", "the new owner or group has no mapping in the caller's user namespace", "EINVAL")]);
  const qbytes = call.set?.qbytes ?? q.qbytes;
  if (qbytes > ipc.limits.msgmnb) {
    // msgctl_down() asks capable(), i.e. in the initial user namespace.
    checks.push(capableCheck(state, caller.cred, nsId(INIT_NS_INODE.user), "CAP_SYS_RESOURCE", `raising msg_qbytes above msgmnb (${ipc.limits.msgmnb})`));
    if (denies(checks)) return denied(state, checks);
  }
  return succeed(putObj(state, ns, "msg", { ...q, perm, qbytes, ctimeNs: state.nowNs }), [...checks, pass("kernel", "msgctl_down", "queue updated")], 0);
}
