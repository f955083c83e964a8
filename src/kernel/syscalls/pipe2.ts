/**
 * pipe2(2): a new pipe, its read end at the lowest free descriptor and its write end at the
 * next (`fs/pipe.c: do_pipe2()`); O_CLOEXEC marks both close-on-exec.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { installFile } from "../vfs/files";
import { O_CLOEXEC, O_RDONLY, O_WRONLY } from "../vfs/open-flags";
import { createPipe } from "../vfs/pipe";
import { failed } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface Pipe2Call {
  readonly name: "pipe2";
  /** 0 or O_CLOEXEC (O_NONBLOCK and O_DIRECT are not modelled). */
  readonly flags?: number;
}

export interface Pipe2Result {
  /** [read end, write end]. */
  readonly fds: readonly [number, number];
}

export function sysPipe2(state: KernelState, caller: Task, call: Pipe2Call): SyscallOutcome<Pipe2Result> {
  const flags = call.flags ?? 0;
  if (flags & ~O_CLOEXEC) return failed(state, [deny("kernel", "do_pipe2", "flags other than O_CLOEXEC are not valid here", "EINVAL")]);
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const [s0, pipe] = createPipe(state, caller.cred.fsuid, caller.cred.fsgid);
  const path = { mnt: s0.vfs.pipefsMount, node: String(pipe.id) };
  const read = installFile(s0, caller.pid, { path, flags: O_RDONLY, snapshot: null, heldNs: null }, cloexec);
  if (!read.ok) return failed(state, [deny("kernel", "get_unused_fd_flags", "no free descriptor below RLIMIT_NOFILE", read.error)]);
  const [s1, rfd] = read.value;
  const write = installFile(s1, caller.pid, { path, flags: O_WRONLY, snapshot: null, heldNs: null }, cloexec);
  if (!write.ok) return failed(state, [deny("kernel", "get_unused_fd_flags", "no free descriptor below RLIMIT_NOFILE", write.error)]);
  const [s2, wfd] = write.value;
  return succeed(s2, [pass("kernel", "do_pipe2", `pipe:[${pipe.ino}]: read end ${rfd}, write end ${wfd}`)], { fds: [rfd, wfd] as const });
}
