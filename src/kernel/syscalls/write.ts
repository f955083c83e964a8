/**
 * write(2): regular files take the data at the file position (at the end with O_APPEND; an
 * overlay copies the file up first), devices go to their driver (/dev/full: ENOSPC), generated
 * files to their handler (a cgroup limit, a sysctl).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { deviceWrite } from "../vfs/devices";
import { fileOf, putFile } from "../vfs/files";
import { fileTypeOf } from "../vfs/mode";
import { getMount } from "../vfs/mount-tree";
import { backingOf } from "../vfs/node";
import { writeRegular } from "../vfs/mutate";
import { O_APPEND, canWrite } from "../vfs/open-flags";
import { attrAt } from "../vfs/open";
import { failed, fsCtx } from "../vfs/sys-common";
import type { Blocked, SyscallOutcome } from "./outcome";
import { BLOCKED, succeed } from "./outcome";
import { deliverSignal } from "../task/deliver";
import { SIGNALS } from "../task/signals";
import { pipeOfFile, pipeWrite } from "../vfs/pipe";

export interface WriteCall {
  readonly name: "write";
  readonly fd: number;
  /** The bytes to write, one character per byte. */
  readonly data: string;
}

/** The bytes written, or (a full pipe) that the writer sleeps. */
export function sysWrite(state: KernelState, caller: Task, call: WriteCall): SyscallOutcome<number | Blocked> {
  const file = fileOf(state, caller, call.fd);
  if (!file || !canWrite(file.flags)) return failed(state, [deny("kernel", "ksys_write", `${call.fd} is not open for writing`, "EBADF")]);
  const pipe = pipeOfFile(state, file);
  if (pipe) {
    const out = pipeWrite(state, pipe, call.data);
    if (!out.ok) {
      // pipe_write(): "no readers" sends SIGPIPE to the writer, then fails with EPIPE.
      const [s] = deliverSignal(state, caller.pid, SIGNALS.SIGPIPE, false);
      return failed(s, [deny("kernel", "pipe_write", `pipe:[${pipe.ino}] has no reader left: SIGPIPE, then EPIPE`, "EPIPE")]);
    }
    const [s, wrote] = out.value;
    if (wrote.kind === "blocked") return succeed(state, [pass("kernel", "pipe_write", `pipe:[${pipe.ino}] is full: the writer sleeps`)], BLOCKED);
    return succeed(s, [pass("kernel", "pipe_write", `${wrote.count} bytes into pipe:[${pipe.ino}]`)], wrote.count);
  }
  const c = fsCtx(state, caller);
  const attr = attrAt(c, file.path);
  if (!attr) return failed(state, [deny("kernel", "vfs_write", `the file open at ${call.fd} was removed`, "ENOENT")]);
  const type = fileTypeOf(attr.mode);
  if (type === "chr" || type === "blk") {
    const out = deviceWrite(type, attr.rdev, call.data);
    if (!out.ok) return failed(state, [deny("kernel", "vfs_write", `device ${attr.rdev.major}:${attr.rdev.minor} refused the write`, out.error)]);
    return succeed(state, [pass("kernel", "vfs_write", `${out.value} bytes to device ${attr.rdev.major}:${attr.rdev.minor}`)], out.value);
  }
  const b = backingOf(c, getMount(state, file.path.mnt).sb, file.path.node);
  if (b?.kind === "synthetic") {
    if (!b.fs.write) return failed(state, [deny("kernel", "vfs_write", "this file has no write handler", "EINVAL")]);
    const out = b.fs.write(b.ctx, b.key, call.data);
    const checks: Check[] = [...out.checks];
    if (out.errno) return failed(state, checks.length > 0 ? checks : [deny("kernel", "vfs_write", "the handler refused the write", out.errno)], out.errno);
    return succeed(out.state, [...checks, pass("kernel", "vfs_write", `${call.data.length} bytes written`)], call.data.length);
  }
  if (type !== "reg") return failed(state, [deny("kernel", "vfs_write", "not a regular file", "EINVAL")]);
  const pos = file.flags & O_APPEND ? attr.size : file.pos;
  const out = writeRegular(c, file.path, pos, call.data);
  if (!out.ok) return failed(state, [deny("kernel", "vfs_write", `descriptor ${call.fd} cannot be written`, out.error)]);
  const next = putFile(out.value.state, { ...file, pos: pos + call.data.length });
  return succeed(next, [pass("kernel", "vfs_write", `${call.data.length} bytes at offset ${pos}`)], call.data.length);
}
