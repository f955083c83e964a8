/**
 * uname(2) (`kernel/sys.c: newuname()`): the `struct utsname` of the caller's UTS namespace.
 * nodename and domainname are the namespace's; sysname, release, version and machine are the
 * kernel's own (copied into every UTS namespace, and never changed by sethostname(2)) — which
 * is why `uname -r` in a container prints the host kernel's release.
 */
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface UnameCall {
  readonly name: "uname";
}

export interface Utsname {
  readonly sysname: string;
  readonly nodename: string;
  readonly release: string;
  readonly version: string;
  readonly machine: string;
  readonly domainname: string;
}

export function sysUname(state: KernelState, caller: Task, _call: UnameCall): SyscallOutcome<Utsname> {
  const ns = getNs(state, caller.ns.uts, "uts");
  const { release, version, machine } = state.config;
  const value: Utsname = { sysname: "Linux", nodename: ns.hostname, release, version, machine, domainname: ns.domainname };
  return succeed(state, [pass("namespace", "newuname", `names of UTS namespace ${ns.id}: nodename "${ns.hostname}"`)], value);
}
