/**
 * clone(2) / fork(2): a new child task, optionally in new namespaces.
 * Checks in copy_process() order: flag validity, user namespace creation (no privilege
 * needed), CAP_SYS_ADMIN in the (new) user namespace for every other CLONE_NEW* flag,
 * the pids cgroup, then PID allocation in each PID namespace level.
 */
import type { Pid } from "../ids";
import type { NsType } from "../ns/namespace";
import { CLONE_NEWNS, CLONE_NEWTIME, CLONE_NEWUSER } from "../ns/namespace";
import { newNamespaces } from "../ns/new-namespaces";
import type { KernelState } from "../state";
import { putTask } from "../state";
import { linkChild } from "../task/fork";
import { applyCgroupEffects } from "../task/cgroup-effects";
import { forkTask } from "../cgroup/pids";
import { cgroupPath } from "../cgroup/tree";
import { allocPid, pidNrIn } from "../task/pid-alloc";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, fail, succeed } from "./outcome";
import { enterNewMntNs } from "../vfs/mnt-ns";

export const CLONE_FS = 0x00000200;

export interface CloneCall {
  readonly name: "clone";
  readonly flags: number;
}

export interface CloneResult {
  /** The child's PID as the caller sees it. */
  readonly nr: number;
  /** The child's task, for the simulator's executor (not visible to the program). */
  readonly child: Pid;
}

/** The order copy_namespaces() creates them in. */
const NS_ORDER: readonly Exclude<NsType, "user" | "time">[] = ["mnt", "uts", "ipc", "pid", "cgroup", "net"];

export function sysClone(state: KernelState, caller: Task, call: CloneCall): SyscallOutcome<CloneResult> {
  const trace: Check[] = [];
  const bad = invalidFlags(call.flags);
  if (bad) return fail(state, [deny("kernel", "clone flags", bad, "EINVAL")], "EINVAL");

  const made = newNamespaces(state, caller, call.flags, NS_ORDER, trace);
  if (!made.ok) return denied(state, trace);
  const { state: s, cred, ns } = made;
  const alloc = allocPid(s, ns.pidForChildren);
  if (!alloc.ok) {
    trace.push(alloc.errno === "ENOMEM"
      ? deny("namespace", "alloc_pid: PIDNS_ADDING", `PID namespace ${alloc.ns.id} takes no new processes: its init has exited`, "ENOMEM")
      : deny("kernel", "alloc_pid: pid_max", "every PID up to pid_max is in use", "EAGAIN"));
    return denied(state, trace);
  }
  // cgroup_can_fork(): the pids controller may refuse; its counters change even then.
  const charged = forkTask(alloc.state.cgroup, caller.pid, alloc.nr[0] as Pid);
  if (!charged.ok) {
    const { limitedBy, state: cgroup, effects } = charged.error;
    trace.push(deny("cgroup", "pids.max", `the pids controller refused the fork: ${cgroupPath(cgroup, limitedBy)} is at pids.max`, "EAGAIN"));
    return denied(applyCgroupEffects({ ...state, cgroup }, effects), trace);
  }
  const [linked, child] = linkChild({ ...alloc.state, cgroup: charged.value.state }, { parent: caller, cred, ns, nr: alloc.nr });
  const [copied, moved] = enterNewMntNs(linked, caller.ns.mnt, child.ns.mnt, child);
  const next = applyCgroupEffects(moved === child ? copied : putTask(copied, moved), charged.value.effects);
  const nr = pidNrIn(next, child.pid, caller.pidNs) ?? 0;
  trace.push(pass("kernel", "copy_process", `child ${nr} created${alloc.nr.length > 1 ? ` (PIDs ${alloc.nr.join(", ")} from the initial PID namespace down)` : ""}`));
  return succeed(next, trace, { nr, child: child.pid });
}

function invalidFlags(flags: number): string | undefined {
  if (flags & CLONE_NEWTIME) return "CLONE_NEWTIME shares its bit with the exit signal in clone(2); use unshare(2) or clone3(2)";
  if ((flags & (CLONE_NEWNS | CLONE_FS)) === (CLONE_NEWNS | CLONE_FS)) return "CLONE_NEWNS cannot be combined with CLONE_FS";
  if ((flags & (CLONE_NEWUSER | CLONE_FS)) === (CLONE_NEWUSER | CLONE_FS)) return "CLONE_NEWUSER cannot be combined with CLONE_FS";
  return undefined;
}
