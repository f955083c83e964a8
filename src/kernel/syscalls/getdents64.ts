/**
 * getdents64(2): the entries of an open directory, "." and ".." first, from the file
 * position on. SIMPLIFICATION: all remaining entries come in one call (no buffer size), in
 * name order rather than the filesystem's hash order.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { fileOf, putFile } from "../vfs/files";
import { DT, fileTypeOf, isDir } from "../vfs/mode";
import { getMount } from "../vfs/mount-tree";
import { dotdot } from "../vfs/namei";
import { listDir } from "../vfs/node";
import { attrAt } from "../vfs/open";
import { failed, fsCtx } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface Getdents64Call {
  readonly name: "getdents64";
  readonly fd: number;
}

/** `struct linux_dirent64` without the record length. */
export interface Dirent64 {
  readonly ino: number;
  /** The offset of the next entry (d_off). */
  readonly off: number;
  /** DT_DIR, DT_REG, … */
  readonly type: number;
  readonly name: string;
}

export function sysGetdents64(state: KernelState, caller: Task, call: Getdents64Call): SyscallOutcome<readonly Dirent64[]> {
  const file = fileOf(state, caller, call.fd);
  if (!file) return failed(state, [deny("kernel", "fdget_pos", `${call.fd} is not an open file descriptor`, "EBADF")]);
  const c = fsCtx(state, caller);
  const attr = attrAt(c, file.path);
  if (!attr) return failed(state, [deny("kernel", "iterate_dir", "the directory was removed", "ENOENT")]);
  if (!isDir(attr.mode)) return failed(state, [deny("kernel", "iterate_dir", `descriptor ${call.fd} is not a directory`, "ENOTDIR")]);
  const up = attrAt(c, dotdot(c, file.path)) ?? attr;
  const all = [
    { name: ".", ino: attr.ino, mode: attr.mode },
    { name: "..", ino: up.ino, mode: up.mode },
    ...listDir(c, getMount(state, file.path.mnt).sb, file.path.node),
  ];
  const out = all.slice(file.pos).map((e, i): Dirent64 => ({ ino: e.ino, off: file.pos + i + 1, type: DT[fileTypeOf(e.mode)], name: e.name }));
  const next = putFile(state, { ...file, pos: all.length });
  return succeed(next, [pass("kernel", "iterate_dir", `${out.length} entries from descriptor ${call.fd}`)], out);
}
