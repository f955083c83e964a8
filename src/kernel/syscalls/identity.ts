/**
 * Syscalls that read the caller's identity. Ids come back as the caller's user namespace sees
 * them (`from_kuid_munged()`: an unmapped id reads as the overflow uid 65534); PIDs as the
 * caller's PID namespace sees them (0 for a parent outside it).
 */
import type { CapSets } from "../cred/cred";
import { OVERFLOW_UID } from "../ids";
import { mapIdUp } from "../ns/id-map";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { pidNrIn } from "../task/pid-alloc";
import type { Task } from "../task/task";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface IdentityCall {
  readonly name: "getpid" | "getppid" | "getpgid" | "getsid" | "getresuid" | "getresgid" | "getgroups" | "capget";
}

export interface Identity {
  readonly getpid: number;
  readonly getppid: number;
  readonly getpgid: number;
  readonly getsid: number;
  readonly getresuid: readonly [number, number, number];
  readonly getresgid: readonly [number, number, number];
  readonly getgroups: readonly number[];
  readonly capget: CapSets;
}

/** from_kuid_munged() for the caller's own user namespace. */
export function uidAsSeen(state: KernelState, task: Task, id: number, kind: "uid" | "gid"): number {
  const ns = getNs(state, task.cred.userNs, "user");
  return mapIdUp(kind === "uid" ? ns.uidMap : ns.gidMap, id) ?? OVERFLOW_UID;
}

export function sysIdentity(state: KernelState, caller: Task, call: IdentityCall): SyscallOutcome<Identity[keyof Identity]> {
  return succeed(state, [], identity(state, caller, call.name));
}

/**
 * Performance: no named closures in syscall paths. tsx, which runs the benchmarks and scripts,
 * keeps function names by wrapping every named function expression in __name(), a
 * defineProperty() on each call; anonymous callbacks are left alone.
 */
function identity(state: KernelState, t: Task, name: IdentityCall["name"]): Identity[keyof Identity] {
  const c = t.cred;
  switch (name) {
    case "getpid": return pidNrIn(state, t.pid, t.pidNs) ?? 0;
    case "getppid": return pidNrIn(state, t.ppid, t.pidNs) ?? 0;
    case "getpgid": return pidNrIn(state, t.pgid, t.pidNs) ?? 0;
    case "getsid": return pidNrIn(state, t.sid, t.pidNs) ?? 0;
    case "getresuid": return [uidAsSeen(state, t, c.uid, "uid"), uidAsSeen(state, t, c.euid, "uid"), uidAsSeen(state, t, c.suid, "uid")] as const;
    case "getresgid": return [uidAsSeen(state, t, c.gid, "gid"), uidAsSeen(state, t, c.egid, "gid"), uidAsSeen(state, t, c.sgid, "gid")] as const;
    case "getgroups": return c.groups.map((id) => uidAsSeen(state, t, id, "gid"));
    case "capget": return c.caps;
  }
}
