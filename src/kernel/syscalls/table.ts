/**
 * The syscall table: one entry per syscall, names as in Linux. `syscall()` is the only way
 * userland changes kernel state (DESIGN.md contract 2).
 */
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import { KERN_NOTICE, printk } from "../state";
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
import type { SetdomainnameCall, SethostnameCall } from "./sethostname";
import { sysSetdomainname, sysSethostname } from "./sethostname";
import type { UnameCall } from "./uname";
import { sysUname } from "./uname";
import type { NetlinkCall } from "./netlink";
import { sysNetlink } from "./netlink";
import type { SocketCall } from "./socket";
import { sysSocket } from "./socket";
import type { BindCall } from "./bind";
import { sysBind } from "./bind";
import type { ListenCall } from "./listen";
import { sysListen } from "./listen";
import type { ConnectCall } from "./connect";
import { sysConnect } from "./connect";
import type { SendtoCall } from "./sendto";
import { sysSendto } from "./sendto";
import type { SetsockoptCall } from "./setsockopt";
import { sysSetsockopt } from "./setsockopt";
import type { CloseCall } from "./close";
import { sysClose } from "./close";
import type { ShmgetCall } from "./shmget";
import { sysShmget } from "./shmget";
import type { ShmatCall } from "./shmat";
import { sysShmat } from "./shmat";
import type { ShmdtCall } from "./shmdt";
import { sysShmdt } from "./shmdt";
import type { ShmctlCall } from "./shmctl";
import { sysShmctl } from "./shmctl";
import type { MsggetCall } from "./msgget";
import { sysMsgget } from "./msgget";
import type { MsgsndCall } from "./msgsnd";
import { sysMsgsnd } from "./msgsnd";
import type { MsgrcvCall } from "./msgrcv";
import { sysMsgrcv } from "./msgrcv";
import type { MsgctlCall } from "./msgctl";
import { sysMsgctl } from "./msgctl";
import type { SemgetCall } from "./semget";
import { sysSemget } from "./semget";
import type { SemopCall } from "./semop";
import { sysSemop } from "./semop";
import type { SemctlCall } from "./semctl";
import { sysSemctl } from "./semctl";
import type { MqOpenCall } from "./mq-open";
import { sysMqOpen } from "./mq-open";
import type { MqUnlinkCall } from "./mq-unlink";
import { sysMqUnlink } from "./mq-unlink";
import type { FsSyscallCall } from "./fs-table";
import { FS_TABLE } from "./fs-table";
import type { Wait4Call } from "./wait4";
import { entryCheck } from "./entry";
import type { ExecveCall } from "./execve";
import { sysExecve } from "./execve";
import type { SetpgidCall, SetsidCall } from "./setsid";
import { sysSetpgid, sysSetsid } from "./setsid";
import type { SeccompCall } from "./seccomp";
import { sysSeccomp } from "./seccomp";
import type { BpfCall } from "./bpf";
import { sysBpf } from "./bpf";
import { sysWait4 } from "./wait4";

export type SyscallCall =
  | CloneCall | UnshareCall | SetnsCall | KillCall | Wait4Call | ExitCall
  | IdentityCall | SetresCall | SetgroupsCall | CapsetCall | SeccompCall | BpfCall | ExecveCall | SetsidCall | SetpgidCall | PrctlCall
  | SethostnameCall | SetdomainnameCall | UnameCall
  | NetlinkCall | SocketCall | BindCall | ListenCall | ConnectCall | SendtoCall | SetsockoptCall | CloseCall
  | ShmgetCall | ShmatCall | ShmdtCall | ShmctlCall | MsggetCall | MsgsndCall | MsgrcvCall | MsgctlCall
  | SemgetCall | SemopCall | SemctlCall | MqOpenCall | MqUnlinkCall
  | FsSyscallCall;
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
  seccomp: sysSeccomp,
  bpf: sysBpf,
  execve: sysExecve,
  setsid: sysSetsid,
  setpgid: sysSetpgid,
  prctl: sysPrctl,
  sethostname: sysSethostname,
  setdomainname: sysSetdomainname,
  uname: sysUname,
  netlink: sysNetlink,
  socket: sysSocket,
  bind: sysBind,
  listen: sysListen,
  connect: sysConnect,
  sendto: sysSendto,
  setsockopt: sysSetsockopt,
  close: sysClose,
  shmget: sysShmget,
  shmat: sysShmat,
  shmdt: sysShmdt,
  shmctl: sysShmctl,
  msgget: sysMsgget,
  msgsnd: sysMsgsnd,
  msgrcv: sysMsgrcv,
  msgctl: sysMsgctl,
  semget: sysSemget,
  semop: sysSemop,
  semctl: sysSemctl,
  mq_open: sysMqOpen,
  mq_unlink: sysMqUnlink,
  ...FS_TABLE,
};

/** Runs one syscall as task `pid`. A zombie or missing caller cannot make syscalls. */
export function syscall(state: KernelState, pid: Pid, call: SyscallCall): SyscallOutcome {
  const caller = state.tasks.get(pid);
  if (!caller || caller.state === "Z") {
    return fail(state, [deny("kernel", "current", `task ${pid} is not running`, "ESRCH")], "ESRCH");
  }
  const entry = entryCheck(state, caller, call);
  if (entry?.verdict === "deny") return fail(state, [entry], entry.errno ?? "EPERM");
  const handler = TABLE[call.name] as Handler<SyscallCall>;
  const out = logAudits(handler(state, caller, call));
  return entry ? { ...out, trace: [entry, ...out.trace] } : out;
}

/** LSM audit records the syscall's checks carry go to the kernel log (audit: type=1400 …). */
function logAudits(out: SyscallOutcome): SyscallOutcome {
  let audited = false;
  for (const c of out.trace) if (c.audit !== undefined) audited = true;
  if (!audited) return out;
  const audits = out.trace.filter((c) => c.audit !== undefined);
  let s = out.state;
  for (const c of audits) s = printk(s, KERN_NOTICE, c.audit ?? "");
  return { ...out, state: { ...s, lsm: { ...s.lsm, auditSerial: s.lsm.auditSerial + audits.length } } };
}
