/**
 * unshare(2): move the caller into new namespaces. PID and time namespaces apply to children
 * only (pid_for_children, time_for_children). Checks in ksys_unshare() order.
 */
import { capableCheck } from "../cred/capable";
import type { NsType } from "../ns/namespace";
import { CLONE_FLAG, CLONE_NEWUSER } from "../ns/namespace";
import { createNs, createUserNs } from "../ns/create";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { switchNamespaces } from "../task/nsproxy";
import { cgroupOf } from "../task/cgroup-effects";
import type { NsProxy, Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, fail, succeed } from "./outcome";
import { enterNewMntNs, isChrooted } from "../vfs/mnt-ns";

export interface UnshareCall {
  readonly name: "unshare";
  readonly flags: number;
}

const NS_ORDER: readonly Exclude<NsType, "user">[] = ["mnt", "uts", "ipc", "pid", "cgroup", "net", "time"];
/** check_unshare_flags(): CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD, CLONE_SYSVSEM. */
const NON_NS_FLAGS = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000;
const KNOWN = Object.values(CLONE_FLAG).reduce((a, b) => a | b, 0) | NON_NS_FLAGS;

const SLOT: Record<Exclude<NsType, "user">, keyof NsProxy> = {
  mnt: "mnt", uts: "uts", ipc: "ipc", pid: "pidForChildren", cgroup: "cgroup", net: "net", time: "timeForChildren",
};

export function sysUnshare(state: KernelState, caller: Task, call: UnshareCall): SyscallOutcome<0> {
  if (call.flags & ~KNOWN) return fail(state, [deny("kernel", "unshare flags", "unknown flag bits", "EINVAL")], "EINVAL");
  const trace: Check[] = [];
  let s = state;
  let cred = caller.cred;
  if (call.flags & CLONE_NEWUSER) {
    const made = createUserNs(s, cred, isChrooted(s, caller));
    trace.push(made.check);
    if (!made.ok) return denied(state, trace);
    s = made.state;
    cred = made.value;
  }
  const wanted = NS_ORDER.filter((t) => call.flags & CLONE_FLAG[t]);
  let ns = caller.ns;
  if (wanted.length > 0) {
    const cap = capableCheck(s, cred, cred.userNs, "CAP_SYS_ADMIN", `creating ${wanted.map((t) => `a ${t}`).join(", ")} namespace`);
    trace.push(cap);
    if (cap.verdict === "deny") return denied(state, trace);
    // copy_pid_ns(): a second unshare(CLONE_NEWPID) before any child is created is refused.
    if (wanted.includes("pid") && caller.ns.pidForChildren !== caller.pidNs) {
      trace.push(deny("namespace", "copy_pid_ns", "pid_for_children already differs from the caller's PID namespace: fork a child first", "EINVAL"));
      return denied(state, trace);
    }
    const from = { uts: getNs(s, caller.ns.uts, "uts"), time: getNs(s, caller.ns.time, "time"), pidForChildren: caller.ns.pidForChildren, cgroup: cgroupOf(s, caller.pid) };
    for (const type of wanted) {
      const made = createNs(s, type, cred.userNs, from);
      trace.push(made.check);
      if (!made.ok) return denied(state, trace);
      s = made.state;
      ns = { ...ns, [SLOT[type]]: made.value };
    }
  }
  const [copied, moved] = enterNewMntNs(s, caller.ns.mnt, ns.mnt, caller);
  const [next] = switchNamespaces(copied, moved, ns, cred);
  trace.push(pass("kernel", "unshare", "the caller now uses the new namespaces"));
  return succeed(next, trace, 0);
}
