/** shmdt(2): unmaps the attachment at `addr`; EINVAL when there is none. */
import { attachesOf } from "../ipc/ipc-ns";
import { detach, releaseAttachRef } from "../ipc/shm";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface ShmdtCall {
  readonly name: "shmdt";
  readonly addr: number;
}

export function sysShmdt(state: KernelState, caller: Task, call: ShmdtCall): SyscallOutcome<0> {
  const attach = attachesOf(state, caller.pid).find((a) => a.addr === call.addr);
  if (!attach) return denied(state, [deny("kernel", "shmdt", `no shared memory is attached at 0x${call.addr.toString(16)}`, "EINVAL")]);
  const next = releaseAttachRef(detach(state, caller.pid, attach), caller.pid, attach.ns);
  return succeed(next, [pass("kernel", "shmdt", `segment ${attach.shmid} detached`)], 0);
}
