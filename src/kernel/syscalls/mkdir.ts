/** mkdir(2) / mkdirat(2): a new directory, mode filtered by the umask, owned by the caller. */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { filenameCreate } from "../vfs/create-path";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { S_IFDIR } from "../vfs/mode";
import { createNode } from "../vfs/mutate";
import { failed, fsCtx, newOwner, startAt } from "../vfs/sys-common";
import { Map as IMap } from "immutable";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface MkdirCall {
  readonly name: "mkdir";
  readonly path: string;
  readonly mode: number;
  readonly dirfd?: number;
}

export function sysMkdir(state: KernelState, caller: Task, call: MkdirCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const t = filenameCreate(c, start.path, call.path, true);
  if (!t.ok) return failed(state, t.checks, t.errno);
  const checks = [...t.checks];
  const lsm = lsmPathOp(state, caller, { op: "mkdir", at: t, mode: S_IFDIR | call.mode });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  const owner = newOwner(caller, t.dirAttr, call.mode, S_IFDIR);
  const made = createNode(c, t.dir, t.name, { ...owner, data: { kind: "dir", entries: IMap() } });
  if (!made.ok) return failed(state, [...checks, deny("kernel", "vfs_mkdir", `${call.path}: this filesystem does not create directories here`, made.error)]);
  const note = pass("kernel", "vfs_mkdir", `created directory ${call.path} (mode ${(owner.mode & 0o7777).toString(8).padStart(4, "0")})`);
  return succeed(made.value.state, [...checks, ...made.value.checks, note], 0);
}
