/** umount2(2): detach the filesystem mounted at `target` (MNT_DETACH: lazily, with its subtree). */
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny } from "../trace";
import { doUmount } from "../vfs/do-umount";
import { lsmSbUmount } from "../vfs/lsm-hooks";
import { MNT_DETACH, MNT_EXPIRE, MNT_FORCE, UMOUNT_NOFOLLOW } from "../vfs/mount-flags";
import { resolvePath } from "../vfs/namei";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import { initNsId } from "../boot/init-namespaces";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface Umount2Call {
  readonly name: "umount2";
  readonly target: string;
  /** MNT_FORCE, MNT_DETACH, MNT_EXPIRE, UMOUNT_NOFOLLOW. */
  readonly flags: number;
}

export function sysUmount2(state: KernelState, caller: Task, call: Umount2Call): SyscallOutcome<0> {
  if (call.flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)) return failed(state, [deny("kernel", "ksys_umount", "unknown umount2 flags", "EINVAL")]);
  const c = fsCtx(state, caller);
  const t = resolvePath(c, caller.cwd, call.target, { follow: !(call.flags & UMOUNT_NOFOLLOW), mountpoint: true });
  if (!t.ok) return failed(state, t.checks, t.errno);
  const checks: Check[] = [...t.checks];
  const owner = state.namespaces.get(caller.ns.mnt)?.owner ?? caller.cred.userNs;
  checks.push(capableCheck(state, caller.cred, owner, "CAP_SYS_ADMIN", "unmounting (may_mount)"));
  if (hasDeny(checks)) return failed(state, checks);
  if (call.flags & MNT_FORCE) {
    checks.push(capableCheck(state, caller.cred, initNsId("user"), "CAP_SYS_ADMIN", "a forced unmount"));
    if (hasDeny(checks)) return failed(state, checks);
  }
  const lsm = lsmSbUmount(state, caller, call.target);
  if (lsm) checks.push(lsm);
  if (hasDeny(checks)) return failed(state, checks);
  const out = doUmount(c, t.path, call.target, call.flags, checks);
  return out.ok ? succeed(out.value.state, out.value.checks, 0) : failed(state, out.error.checks, out.error.errno);
}
