/**
 * kill(2). The target is named by its number in the caller's PID namespace; invisible tasks
 * give ESRCH. Permission (`kernel/signal.c: kill_ok_by_cred()`): the sender's real or
 * effective uid matches the target's real or saved uid, or the sender has CAP_KILL in the
 * target's user namespace.
 */
import { nsCapable, userNsName } from "../cred/capable";
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import type { Delivery } from "../task/deliver";
import { deliverSignal } from "../task/deliver";
import { apparmorProfileOf, runLsm } from "../security/lsm";
import { apparmorSignalCheck } from "../security/apparmor/mediate";
import { findTaskByNr, pidNrIn } from "../task/pid-alloc";
import { signalName } from "../task/signals";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface KillCall {
  readonly name: "kill";
  /** >0 one process, 0 the caller's process group, -1 every process it may signal, < -1 a group. */
  readonly pid: number;
  readonly sig: number;
}

export function sysKill(state: KernelState, caller: Task, call: KillCall): SyscallOutcome<0> {
  if (call.sig < 0 || call.sig > 64) return denied(state, [deny("kernel", "kill: signal", `${call.sig} is not a signal number`, "EINVAL")]);
  const targets = resolveTargets(state, caller, call.pid);
  if (targets.length === 0) return denied(state, [deny("namespace", "find_vpid", `no process ${call.pid} in the caller's PID namespace`, "ESRCH")]);
  const trace: Check[] = [];
  let s = state;
  let delivered = 0;
  for (const target of targets) {
    // An earlier target's death can take later ones with it (a PID namespace's init zaps its
    // namespace): a task already gone gets nothing, as a dying task ignores the signal.
    const task = s.tasks.get(target);
    if (!task) continue;
    const perm = permission(s, caller, task);
    trace.push(perm);
    if (perm.verdict === "deny") continue;
    // security_task_kill(): AppArmor's signal rules (docker-default talks only to its own kind).
    const [audited, lsm] = s.config.lsm === "apparmor"
      ? runLsm(s, caller, (ctx) => apparmorSignalCheck(apparmorProfileOf(s, caller), apparmorProfileOf(s, task), call.sig, ctx))
      : [s, undefined];
    s = audited;
    if (lsm) trace.push(lsm);
    if (lsm?.verdict === "deny") continue;
    const fromAncestor = pidNrIn(s, caller.pid, task.pidNs) === undefined;
    const [next, what] = deliverSignal(s, target, call.sig, fromAncestor);
    s = next;
    delivered++;
    if (what !== "none") trace.push(pass("kernel", "send_signal", describe(what, call.sig, pidNrIn(state, target, caller.pidNs) ?? 0)));
  }
  // A refused signal still leaves its audit record in the log.
  return delivered === 0 ? { ...denied(state, trace), state: { ...state, dmesg: s.dmesg, lsm: s.lsm } } : succeed(s, trace, 0);
}

function resolveTargets(state: KernelState, caller: Task, nr: number): Pid[] {
  if (nr > 0) {
    const pid = findTaskByNr(state, caller.pidNs, nr);
    return pid === undefined ? [] : [pid];
  }
  const visible = state.pidNrs.get(caller.pidNs);
  const targets: Pid[] = [];
  if (!visible) return targets;
  if (nr === -1) {
    // "all processes for which the calling process has permission, except init and itself".
    const init = state.namespaces.get(caller.pidNs);
    visible.forEach((p) => {
      if (p !== caller.pid && !(init?.type === "pid" && init.init === p)) targets.push(p);
    });
    return targets;
  }
  const group = nr === 0 ? caller.pgid : findTaskByNr(state, caller.pidNs, -nr);
  // Performance: kill(0, …) is common and a group is small. One pass over the task table finds
  // the group's members without a map lookup per visible task; the targets then keep the
  // namespace's order, and that walk stops (returns false) once every member is placed.
  // forEach walks an immutable map much faster than its iterator does.
  if (group === undefined) return [...visible.values()].filter((p) => state.tasks.get(p) === undefined);
  const members = new Set<Pid>();
  state.tasks.forEach((t) => {
    if (t.pgid === group) members.add(t.pid);
  });
  if (members.size > 0) visible.forEach((p) => {
    if (members.has(p)) targets.push(p);
    return targets.length < members.size;
  });
  return targets;
}

function permission(state: KernelState, caller: Task, target: Task): Check {
  const c = caller.cred;
  const t = target.cred;
  if (c.euid === t.suid || c.euid === t.uid || c.uid === t.suid || c.uid === t.uid) {
    return pass("dac", "kill_ok_by_cred", `the sender's uid matches the target's (uid ${t.uid})`);
  }
  if (nsCapable(state, c, t.userNs, "CAP_KILL")) {
    return pass("capability", "ns_capable(CAP_KILL)", `the sender has CAP_KILL in ${userNsName(state, t.userNs)}`);
  }
  return deny("capability", "ns_capable(CAP_KILL)", `signalling another user's process needs CAP_KILL in ${userNsName(state, t.userNs)}`, "EPERM");
}

function describe(what: Delivery, sig: number, nr: number): string {
  const name = signalName(sig) ?? `signal ${sig}`;
  switch (what) {
    case "ignored-by-init":
      return `${name} to ${nr} ignored: the init of a PID namespace ignores signals it has no handler for`;
    case "killed":
      return `${name} terminated process ${nr}`;
    case "stopped":
      return `${name} stopped process ${nr}`;
    case "continued":
      return `${name} continued process ${nr}`;
    case "handled":
      return `${name} queued for process ${nr}'s handler`;
    default:
      return `${name} ignored by process ${nr}`;
  }
}
