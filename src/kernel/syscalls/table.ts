/**
 * The syscall table: one entry per syscall, names as in Linux. `syscall()` is the only way
 * userland changes kernel state (DESIGN.md contract 2).
 */
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import { getTask } from "../state";
import type { Task } from "../task/task";
import { deny } from "../trace";
import type { CloneCall } from "./clone";
import { sysClone } from "./clone";
import type { ExitCall } from "./exit";
import { sysExit } from "./exit";
import type { KillCall } from "./kill";
import { sysKill } from "./kill";
import type { SyscallOutcome } from "./outcome";
import { fail } from "./outcome";
import type { SetnsCall } from "./setns";
import { sysSetns } from "./setns";
import type { UnshareCall } from "./unshare";
import { sysUnshare } from "./unshare";
import type { CapsetCall } from "./capset";
import { sysCapset } from "./capset";
import type { IdentityCall } from "./identity";
import { sysIdentity } from "./identity";
import type { PrctlCall } from "./prctl";
import { sysPrctl } from "./prctl";
import type { SetgroupsCall, SetresCall } from "./setid";
import { sysSetgroups, sysSetres } from "./setid";
import type { Wait4Call } from "./wait4";
import { sysWait4 } from "./wait4";

export type SyscallCall =
  | CloneCall | UnshareCall | SetnsCall | KillCall | Wait4Call | ExitCall
  | IdentityCall | SetresCall | SetgroupsCall | CapsetCall | PrctlCall;
export type SyscallName = SyscallCall["name"];

type Handler<C> = (state: KernelState, caller: Task, call: C) => SyscallOutcome;
type Table = { readonly [N in SyscallName]: Handler<Extract<SyscallCall, { name: N }>> };

const TABLE: Table = {
  clone: sysClone,
  unshare: sysUnshare,
  setns: sysSetns,
  kill: sysKill,
  wait4: sysWait4,
  exit_group: sysExit,
  getpid: sysIdentity,
  getppid: sysIdentity,
  getpgid: sysIdentity,
  getsid: sysIdentity,
  getresuid: sysIdentity,
  getresgid: sysIdentity,
  getgroups: sysIdentity,
  capget: sysIdentity,
  setresuid: sysSetres,
  setresgid: sysSetres,
  setgroups: sysSetgroups,
  capset: sysCapset,
  prctl: sysPrctl,
};

/** Runs one syscall as task `pid`. A zombie or missing caller cannot make syscalls. */
export function syscall(state: KernelState, pid: Pid, call: SyscallCall): SyscallOutcome {
  const caller = state.tasks.get(pid);
  if (!caller || caller.state === "Z") {
    return fail(state, [deny("kernel", "current", `task ${pid} is not running`, "ESRCH")], "ESRCH");
  }
  const handler = TABLE[call.name] as Handler<SyscallCall>;
  return handler(state, getTask(state, pid), call);
}
