/**
 * readlink(2): the text of a symlink. For /proc magic links (root, cwd, exe, fd/N, ns/*) the
 * reader needs ptrace access to the process: "ls: cannot read symbolic link '/proc/1/root':
 * Permission denied" inside a user namespace (reference §6).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { isLnk } from "../vfs/mode";
import { getMount } from "../vfs/mount-tree";
import { resolvePath } from "../vfs/namei";
import { linkOf } from "../vfs/node";
import { failed, fsCtx, startAt } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface ReadlinkCall {
  readonly name: "readlink";
  readonly path: string;
  readonly dirfd?: number;
}

export function sysReadlink(state: KernelState, caller: Task, call: ReadlinkCall): SyscallOutcome<string> {
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const r = resolvePath(c, start.path, call.path, { follow: false });
  if (!r.ok) return failed(state, r.checks, r.errno);
  const link = isLnk(r.attr.mode) ? linkOf(c, getMount(state, r.path.mnt).sb, r.path.node) : undefined;
  if (!link) return failed(state, [...r.checks, deny("kernel", "do_readlinkat", `${call.path} is not a symbolic link`, "EINVAL")]);
  if (link.kind === "magic") {
    const refused = link.access();
    if (refused && !refused.ok) return failed(state, [...r.checks, ...refused.checks], refused.errno);
  }
  return succeed(state, [...r.checks, pass("kernel", "vfs_readlink", `${call.path} -> ${link.text}`)], link.text);
}
