/**
 * openat(2): open (or with O_CREAT, create) a file and return the lowest free descriptor.
 * Generated files (procfs, sysfs, cgroupfs) are read from a snapshot taken here, as a
 * seq_file's single show() would be.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { installFile } from "../vfs/files";
import { O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_TRUNC } from "../vfs/open-flags";
import { openPath } from "../vfs/open";
import { failed, fsCtx, startAt } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface OpenatCall {
  readonly name: "openat";
  /** AT_FDCWD (default) or a directory descriptor for relative paths. */
  readonly dirfd?: number;
  readonly path: string;
  /** O_RDONLY, O_WRONLY or O_RDWR with O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC. */
  readonly flags: number;
  /** Permission bits for a file O_CREAT makes (the umask is applied). */
  readonly mode?: number;
}

export interface OpenResult {
  readonly fd: number;
}

/** Flags that only matter while opening; the open file description keeps the rest. */
const OPEN_ONLY = O_CREAT | O_EXCL | O_TRUNC | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC;

export function sysOpenat(state: KernelState, caller: Task, call: OpenatCall): SyscallOutcome<OpenResult> {
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const opened = openPath(c, start.path, call.path, call.flags, call.mode ?? 0o666);
  if (!opened.ok) return failed(state, opened.error.checks, opened.error.errno);
  const o = opened.value;
  const fd = installFile(o.state, caller.pid, { path: o.path, flags: call.flags & ~OPEN_ONLY, snapshot: o.snapshot, heldNs: o.heldNs }, (call.flags & O_CLOEXEC) !== 0);
  if (!fd.ok) return failed(state, [...o.checks, deny("kernel", "get_unused_fd_flags", "the descriptor table is full (RLIMIT_NOFILE)", "EMFILE")]);
  const [next, n] = fd.value;
  return succeed(next, [...o.checks, pass("kernel", "do_sys_openat2", `${call.path} is open as descriptor ${n}`)], { fd: n });
}
