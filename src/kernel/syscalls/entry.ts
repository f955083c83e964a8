/**
 * Syscall entry: the checks every syscall meets before its own code runs. Seccomp comes
 * first ("the filter is run on every system call", before the kernel looks at arguments —
 * seccomp(2); arch/x86/entry/common.c: syscall_trace_enter()).
 */
import { seccompCheck } from "../security/seccomp/check";
import type { SeccompCall, SeccompFilter } from "../security/seccomp/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import type { SyscallCall } from "./table";

/** A numeric argument, 0 when absent (module-level: a named closure costs under tsx, see identity.ts). */
const num = (c: Record<string, unknown>, key: string): number => (typeof c[key] === "number" ? (c[key] as number) : 0);

/** How the simulator's calls appear to a seccomp filter: the Linux name and the argument words. */
export function seccompView(call: SyscallCall): SeccompCall {
  const c = call as SyscallCall & Record<string, unknown>;
  switch (call.name) {
    case "clone":
    case "unshare":
      return { name: call.name, args: [num(c, "flags")] };
    case "socket":
      return { name: call.name, args: [num(c, "domain"), num(c, "type"), num(c, "protocol")] };
    case "kill":
      return { name: call.name, args: [num(c, "pid"), num(c, "sig")] };
    case "setns":
      return { name: call.name, args: [0, num(c, "nstype")] };
    // `ip` talks rtnetlink with sendmsg(2) on an AF_NETLINK socket.
    case "netlink":
      return { name: "sendmsg", args: [] };
    default:
      return { name: call.name, args: [] };
  }
}

/** The seccomp check for a task that has filters; undefined when it has none. */
export function entryCheck(state: KernelState, caller: Task, call: SyscallCall): Check | undefined {
  if (caller.seccomp.mode !== 2) return undefined;
  const filters: SeccompFilter[] = [];
  for (const id of caller.seccomp.filters) {
    const filter = state.seccompFilters.get(id);
    if (filter) filters.push(filter);
  }
  return seccompCheck(filters, seccompView(call));
}
