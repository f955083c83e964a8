/**
 * shmat(2) (`ipc/shm.c: do_shmat()`): read access, plus write unless SHM_RDONLY, plus execute
 * with SHM_EXEC, checked by ipcperms(). A segment marked for removal can still be attached by
 * whoever knows its id.
 */
import { lookupId } from "../ipc/idr";
import { getIpcNs } from "../ipc/ipc-ns";
import { badId } from "../ipc/ipcget";
import { S_IRUGO, S_IWUGO, S_IXUGO, denies, ipcperms } from "../ipc/perms";
import { SHM_EXEC, SHM_RDONLY, attachSeg } from "../ipc/shm";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface ShmatCall {
  readonly name: "shmat";
  readonly shmid: number;
  readonly shmflg: number;
}

export function sysShmat(state: KernelState, caller: Task, call: ShmatCall): SyscallOutcome<{ addr: number }> {
  const ns = caller.ns.ipc;
  const seg = lookupId(getIpcNs(state, ns).shm, call.shmid);
  if (!seg) return denied(state, [badId(call.shmid, "shared memory segment")]);
  const readonly = (call.shmflg & SHM_RDONLY) !== 0;
  const want = S_IRUGO | (readonly ? 0 : S_IWUGO) | (call.shmflg & SHM_EXEC ? S_IXUGO : 0);
  const checks = ipcperms(state, caller.cred, ns, seg.perm, want, `attaching segment ${call.shmid}${readonly ? " read-only" : ""}`);
  if (denies(checks)) return denied(state, checks);
  const [next, addr] = attachSeg(state, caller.pid, ns, seg, readonly);
  return succeed(next, [...checks, pass("kernel", "do_shmat", `segment ${call.shmid} mapped at 0x${addr.toString(16)}`)], { addr });
}
