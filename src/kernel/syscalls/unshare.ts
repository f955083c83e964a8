/**
 * unshare(2): move the caller into new namespaces. PID and time namespaces apply to children
 * only (pid_for_children, time_for_children). Checks in ksys_unshare() order.
 */
import type { NsType } from "../ns/namespace";
import { CLONE_FLAG } from "../ns/namespace";
import { newNamespaces, pidNsAlreadyUnshared } from "../ns/new-namespaces";
import type { KernelState } from "../state";
import { switchNamespaces } from "../task/nsproxy";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, fail, succeed } from "./outcome";
import { enterNewMntNs } from "../vfs/mnt-ns";

export interface UnshareCall {
  readonly name: "unshare";
  readonly flags: number;
}

const NS_ORDER: readonly Exclude<NsType, "user">[] = ["mnt", "uts", "ipc", "pid", "cgroup", "net", "time"];
/** check_unshare_flags(): CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD, CLONE_SYSVSEM. */
const NON_NS_FLAGS = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000;
const KNOWN = Object.values(CLONE_FLAG).reduce((a, b) => a | b, 0) | NON_NS_FLAGS;

export function sysUnshare(state: KernelState, caller: Task, call: UnshareCall): SyscallOutcome<0> {
  if (call.flags & ~KNOWN) return fail(state, [deny("kernel", "unshare flags", "unknown flag bits", "EINVAL")], "EINVAL");
  const trace: Check[] = [];
  const made = newNamespaces(state, caller, call.flags, NS_ORDER, trace, pidNsAlreadyUnshared(caller));
  if (!made.ok) return denied(state, trace);
  const { state: s, cred, ns } = made;
  const [copied, moved] = enterNewMntNs(s, caller.ns.mnt, ns.mnt, caller);
  const [next] = switchNamespaces(copied, moved, ns, cred);
  trace.push(pass("kernel", "unshare", "the caller now uses the new namespaces"));
  return succeed(next, trace, 0);
}
