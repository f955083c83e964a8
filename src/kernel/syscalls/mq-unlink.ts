/**
 * mq_unlink(3) → mq_unlink(2). The mqueue root is sticky (`drwxrwxrwt`), so only the queue's
 * owner — or a holder of CAP_FOWNER — may remove it (`may_delete()`: EPERM). SIMPLIFICATION:
 * the capability is asked in the IPC namespace's owner, and the root directory's owner gets
 * no special right.
 */
import { capableCheck } from "../cred/capable";
import { getIpcNs, putIpcNs } from "../ipc/ipc-ns";
import { ipcOwner } from "../ipc/perms";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";
import { mqName } from "./mq-open";

export interface MqUnlinkCall {
  readonly name: "mq_unlink";
  readonly path: string;
}

export function sysMqUnlink(state: KernelState, caller: Task, call: MqUnlinkCall): SyscallOutcome<0> {
  const name = mqName(call.path);
  if (typeof name !== "string") return denied(state, [name]);
  const ipc = getIpcNs(state, caller.ns.ipc);
  const q = ipc.mqueues.get(name);
  if (!q) return denied(state, [deny("kernel", "do_mq_unlink", `no queue ${call.path} in IPC namespace ${ipc.id}`, "ENOENT")]);
  const checks = caller.cred.fsuid === q.uid
    ? [pass("dac", "check_sticky", "the caller owns the queue")]
    : [capableCheck(state, caller.cred, ipcOwner(state, ipc.id), "CAP_FOWNER", `removing another user's queue ${call.path} from the sticky mqueue directory`)];
  if (checks[0]?.verdict === "deny") return denied(state, checks);
  return succeed(putIpcNs(state, { ...ipc, mqueues: ipc.mqueues.delete(name) }), [...checks, pass("kernel", "do_mq_unlink", `${call.path} removed`)], 0);
}
