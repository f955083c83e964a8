/**
 * mount(2) (`fs/namespace.c: path_mount()`): after the target lookup and the LSM hook, the
 * caller needs CAP_SYS_ADMIN in the user namespace that owns its mount namespace (may_mount():
 * "mount: /mnt: permission denied." in a container without it). Then, by flags: remount,
 * bind, propagation change, move, or a new filesystem.
 */
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny } from "../trace";
import { doBind } from "../vfs/do-bind";
import type { Mounted, NewMount } from "../vfs/do-new-mount";
import { doNewMount } from "../vfs/do-new-mount";
import { doChangeType, doMove, doRemount } from "../vfs/do-reconfigure";
import { lsmSbMount } from "../vfs/lsm-hooks";
import { MS_BIND, MS_MOVE, MS_NOUSER, MS_PROPAGATION, MS_REC, MS_REMOUNT, stripMagic } from "../vfs/mount-flags";
import { resolvePath } from "../vfs/namei";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import type { FsCtx } from "../vfs/node";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface MountCall {
  readonly name: "mount";
  readonly source: string | null;
  readonly target: string;
  readonly fstype: string | null;
  /** MS_* flags. */
  readonly flags: number;
  /** The filesystem's options, e.g. `size=64m,mode=755` or overlay's `lowerdir=…`. */
  readonly data: string | null;
}

function dispatch(c: FsCtx, req: NewMount, checks: readonly Check[]): Mounted {
  const f = req.flags;
  if (f & MS_REMOUNT) return doRemount(c, req, checks);
  if (f & MS_BIND) return doBind(c, req, (f & MS_REC) !== 0, checks);
  if (f & MS_PROPAGATION) return doChangeType(c, req, checks);
  if (f & MS_MOVE) return doMove(c, req, checks);
  return doNewMount(c, req, checks);
}

export function sysMount(state: KernelState, caller: Task, call: MountCall): SyscallOutcome<0> {
  const flags = stripMagic(call.flags);
  if (flags & MS_NOUSER) return failed(state, [deny("kernel", "path_mount", "MS_NOUSER is for the kernel only", "EINVAL")]);
  const c = fsCtx(state, caller);
  const t = resolvePath(c, caller.cwd, call.target, { follow: true });
  if (!t.ok) return failed(state, t.checks, t.errno);
  const checks: Check[] = [...t.checks];
  const lsm = lsmSbMount(state, caller, call.source, call.target, call.fstype, flags);
  if (lsm) checks.push(lsm);
  if (hasDeny(checks)) return failed(state, checks);
  const owner = state.namespaces.get(caller.ns.mnt)?.owner ?? caller.cred.userNs;
  checks.push(capableCheck(state, caller.cred, owner, "CAP_SYS_ADMIN", "mounting (may_mount)"));
  if (hasDeny(checks)) return failed(state, checks);
  const req: NewMount = { source: call.source, target: t.path, targetAttr: t.attr, shown: call.target, fstype: call.fstype, flags, data: call.data };
  const out = dispatch(c, req, checks);
  return out.ok ? succeed(out.value.state, out.value.checks, 0) : failed(state, out.error.checks, out.error.errno);
}
