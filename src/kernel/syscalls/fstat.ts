/** fstat(2): the attributes of an open file. */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { fileOf } from "../vfs/files";
import { getMount } from "../vfs/mount-tree";
import { attrOf } from "../vfs/node";
import type { StatResult } from "../vfs/stat-result";
import { statOf } from "../vfs/stat-result";
import { failed, fsCtx } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface FstatCall {
  readonly name: "fstat";
  readonly fd: number;
}

export function sysFstat(state: KernelState, caller: Task, call: FstatCall): SyscallOutcome<StatResult> {
  const file = fileOf(state, caller, call.fd);
  if (!file) return failed(state, [deny("kernel", "fdget", `${call.fd} is not an open file descriptor`, "EBADF")]);
  const c = fsCtx(state, caller);
  const attr = attrOf(c, getMount(state, file.path.mnt).sb, file.path.node);
  if (!attr) return failed(state, [deny("kernel", "vfs_getattr", `the file open at ${call.fd} was removed`, "ENOENT")]);
  return succeed(state, [pass("kernel", "vfs_fstat", `descriptor ${call.fd}: inode ${attr.ino}`)], statOf(c, attr));
}
