/**
 * shmctl(2): IPC_STAT needs read permission; IPC_SET and IPC_RMID need the owner, the creator
 * or CAP_SYS_ADMIN in the IPC namespace's owner. IPC_RMID of an attached segment only marks it
 * (SHM_DEST, key reset to IPC_PRIVATE) until the last detach.
 */
import type { IpcCmd, PermSet, PermView } from "../ipc/ctl";
import { permView, pidView, updatePerm } from "../ipc/ctl";
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { badId } from "../ipc/ipcget";
import { S_IRUGO, denies, ipcperms, ownerCheck } from "../ipc/perms";
import { SHM_DEST, destroySeg, putSeg } from "../ipc/shm";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface ShmctlCall {
  readonly name: "shmctl";
  readonly shmid: number;
  readonly cmd: IpcCmd;
  readonly set?: PermSet;
}

export interface ShmidDs {
  readonly perm: PermView;
  readonly size: number;
  readonly nattch: number;
  readonly cpid: number;
  readonly lpid: number;
  readonly atimeNs: number;
  readonly dtimeNs: number;
  readonly ctimeNs: number;
}

export function sysShmctl(state: KernelState, caller: Task, call: ShmctlCall): SyscallOutcome<ShmidDs | 0> {
  const ns = caller.ns.ipc;
  const seg = lookupId(getIpcNs(state, ns).shm, call.shmid);
  if (!seg) return denied(state, [badId(call.shmid, "shared memory segment")]);
  if (call.cmd === "IPC_STAT") {
    const checks = ipcperms(state, caller.cred, ns, seg.perm, S_IRUGO, `reading segment ${call.shmid}`);
    if (denies(checks)) return denied(state, checks);
    const ds: ShmidDs = {
      perm: permView(state, caller, seg.perm), size: seg.size, nattch: seg.nattch, cpid: pidView(state, caller, seg.cpid),
      lpid: pidView(state, caller, seg.lpid), atimeNs: seg.atimeNs, dtimeNs: seg.dtimeNs, ctimeNs: seg.ctimeNs,
    };
    return succeed(state, checks, ds);
  }
  const own = ownerCheck(state, caller.cred, ns, seg.perm, `${call.cmd} on segment ${call.shmid}`);
  if (own.verdict === "deny") return denied(state, [own]);
  if (call.cmd === "IPC_SET") {
    const perm = call.set && updatePerm(state, caller, seg.perm, call.set);
    if (!perm) return denied(state, [own, deny("kernel", "ipc_update_perm", "the new owner or group has no mapping in the caller's user namespace", "EINVAL")]);
    return succeed(putSeg(state, ns, { ...seg, perm, ctimeNs: state.nowNs }), [own, pass("kernel", "shmctl_down", "permissions updated")], 0);
  }
  if (seg.nattch > 0) {
    const marked = { ...seg, perm: { ...seg.perm, key: 0, mode: seg.perm.mode | SHM_DEST } };
    return succeed(putSeg(state, ns, marked), [own, pass("kernel", "do_shm_rmid", `segment ${call.shmid} is attached ${seg.nattch} time(s): marked for destruction`)], 0);
  }
  return succeed(destroySeg(state, ns, seg), [own, pass("kernel", "do_shm_rmid", `segment ${call.shmid} removed`)], 0);
}
