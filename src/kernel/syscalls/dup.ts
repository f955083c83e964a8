/**
 * dup(2), dup2(2), dup3(2) and the descriptor commands of fcntl(2) (`fs/file.c`, `fs/fcntl.c`):
 * a second descriptor for the same open file description, sharing its offset and flags.
 * The close-on-exec flag belongs to the descriptor, not the description.
 */
import type { KernelState } from "../state";
import { getTask, putTask } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { NR_OPEN_DEFAULT, closeFd, putFile } from "../vfs/files";
import { O_CLOEXEC } from "../vfs/open-flags";
import { failed } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface DupCall {
  readonly name: "dup";
  readonly fd: number;
}

export interface Dup3Call {
  readonly name: "dup2" | "dup3";
  readonly oldfd: number;
  readonly newfd: number;
  /** dup3 only: 0 or O_CLOEXEC. */
  readonly flags?: number;
}

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_DUPFD_CLOEXEC = 1030;
export const FD_CLOEXEC = 1;

export interface FcntlCall {
  readonly name: "fcntl";
  readonly fd: number;
  readonly cmd: number;
  readonly arg?: number;
}

const badFd = (fd: number) => deny("kernel", "fget", `${fd} is not an open descriptor`, "EBADF");

/** Points `newfd` at `oldfd`'s description, closing whatever `newfd` was (`do_dup2()`). */
function installAt(state: KernelState, caller: Task, oldfd: number, newfd: number, cloexec: boolean): KernelState {
  let s = caller.fds.has(newfd) ? closeFd(state, caller.pid, newfd) : state;
  const entry = caller.fds.get(oldfd)!;
  const file = s.vfs.files.get(entry.file)!;
  s = putFile(s, { ...file, refs: file.refs + 1 });
  const task = getTask(s, caller.pid);
  return putTask(s, { ...task, fds: task.fds.set(newfd, { file: entry.file, cloexec }) });
}

function lowestFreeFrom(task: Task, min: number): number | undefined {
  for (let fd = Math.max(0, min); fd < NR_OPEN_DEFAULT; fd++) if (!task.fds.has(fd)) return fd;
  return undefined;
}

function dupFrom(state: KernelState, caller: Task, fd: number, min: number, cloexec: boolean, rule: string): SyscallOutcome<number> {
  if (!caller.fds.has(fd)) return failed(state, [badFd(fd)]);
  const newfd = lowestFreeFrom(caller, min);
  if (newfd === undefined) return failed(state, [deny("kernel", rule, "no free descriptor below RLIMIT_NOFILE", "EMFILE")]);
  return succeed(installAt(state, caller, fd, newfd, cloexec), [pass("kernel", rule, `descriptor ${newfd} now refers to what ${fd} does`)], newfd);
}

export function sysDup(state: KernelState, caller: Task, call: DupCall): SyscallOutcome<number> {
  return dupFrom(state, caller, call.fd, 0, false, "dup");
}

export function sysDup3(state: KernelState, caller: Task, call: Dup3Call): SyscallOutcome<number> {
  const rule = call.name === "dup2" ? "ksys_dup3" : "dup3";
  if (!caller.fds.has(call.oldfd)) return failed(state, [badFd(call.oldfd)]);
  if (call.newfd < 0 || call.newfd >= NR_OPEN_DEFAULT) return failed(state, [deny("kernel", rule, `${call.newfd} is beyond RLIMIT_NOFILE`, "EBADF")]);
  const flags = call.name === "dup3" ? (call.flags ?? 0) : 0;
  if (flags & ~O_CLOEXEC) return failed(state, [deny("kernel", rule, "flags other than O_CLOEXEC", "EINVAL")]);
  if (call.oldfd === call.newfd) {
    // dup2 of a descriptor onto itself does nothing; dup3 refuses it.
    if (call.name === "dup3") return failed(state, [deny("kernel", rule, "old and new descriptor are the same", "EINVAL")]);
    return succeed(state, [pass("kernel", rule, `descriptor ${call.newfd} already refers to itself`)], call.newfd);
  }
  const s = installAt(state, caller, call.oldfd, call.newfd, (flags & O_CLOEXEC) !== 0);
  return succeed(s, [pass("kernel", rule, `descriptor ${call.newfd} now refers to what ${call.oldfd} does`)], call.newfd);
}

export function sysFcntl(state: KernelState, caller: Task, call: FcntlCall): SyscallOutcome<number> {
  const entry = caller.fds.get(call.fd);
  if (!entry) return failed(state, [badFd(call.fd)]);
  switch (call.cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
      return dupFrom(state, caller, call.fd, call.arg ?? 0, call.cmd === F_DUPFD_CLOEXEC, "f_dupfd");
    case F_GETFD:
      return succeed(state, [pass("kernel", "fcntl", `close-on-exec of ${call.fd} is ${entry.cloexec ? "set" : "clear"}`)], entry.cloexec ? FD_CLOEXEC : 0);
    case F_SETFD: {
      const cloexec = ((call.arg ?? 0) & FD_CLOEXEC) !== 0;
      const s = putTask(state, { ...caller, fds: caller.fds.set(call.fd, { ...entry, cloexec }) });
      return succeed(s, [pass("kernel", "fcntl", `close-on-exec of ${call.fd} ${cloexec ? "set" : "cleared"}`)], 0);
    }
    case F_GETFL:
      return succeed(state, [pass("kernel", "fcntl", `status flags of ${call.fd}`)], state.vfs.files.get(entry.file)?.flags ?? 0);
    default:
      // SIMPLIFICATION: only the descriptor commands are modelled (no locks, leases, owners).
      return failed(state, [deny("kernel", "do_fcntl", `command ${call.cmd} is not modelled`, "EINVAL")]);
  }
}
