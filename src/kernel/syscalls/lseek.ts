/** lseek(2): move the file position of an open file description (shared after fork). */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { fileOf, putFile } from "../vfs/files";
import { fileTypeOf } from "../vfs/mode";
import { SEEK_CUR, SEEK_END, SEEK_SET } from "../vfs/open-flags";
import { attrAt } from "../vfs/open";
import { failed, fsCtx } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface LseekCall {
  readonly name: "lseek";
  readonly fd: number;
  readonly offset: number;
  readonly whence: number;
}

export function sysLseek(state: KernelState, caller: Task, call: LseekCall): SyscallOutcome<number> {
  const file = fileOf(state, caller, call.fd);
  if (!file) return failed(state, [deny("kernel", "fdget_pos", `${call.fd} is not an open file descriptor`, "EBADF")]);
  const attr = attrAt(fsCtx(state, caller), file.path);
  const type = attr ? fileTypeOf(attr.mode) : "reg";
  if (type === "fifo" || type === "sock") return failed(state, [deny("kernel", "no_llseek", "pipes and sockets have no position", "ESPIPE")]);
  if (type === "chr") return succeed(state, [pass("kernel", "noop_llseek", "character devices keep no position")], 0);
  const size = file.snapshot !== null ? file.snapshot.length : (attr?.size ?? 0);
  const base = call.whence === SEEK_SET ? 0 : call.whence === SEEK_CUR ? file.pos : call.whence === SEEK_END ? size : undefined;
  if (base === undefined) return failed(state, [deny("kernel", "generic_file_llseek", `whence ${call.whence} is not SEEK_SET, SEEK_CUR or SEEK_END`, "EINVAL")]);
  const pos = base + call.offset;
  if (pos < 0) return failed(state, [deny("kernel", "vfs_setpos", "the resulting offset would be negative", "EINVAL")]);
  return succeed(putFile(state, { ...file, pos }), [pass("kernel", "vfs_setpos", `descriptor ${call.fd} at offset ${pos}`)], pos);
}
