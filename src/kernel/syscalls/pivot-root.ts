/** pivot_root(2): swap the root mount of the caller's mount namespace (see vfs/do-pivot-root.ts). */
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { doPivotRoot } from "../vfs/do-pivot-root";
import { lsmSbPivotroot } from "../vfs/lsm-hooks";
import { resolvePath } from "../vfs/namei";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface PivotRootCall {
  readonly name: "pivot_root";
  readonly newRoot: string;
  readonly putOld: string;
}

export function sysPivotRoot(state: KernelState, caller: Task, call: PivotRootCall): SyscallOutcome<0> {
  const owner = state.namespaces.get(caller.ns.mnt)?.owner ?? caller.cred.userNs;
  const cap = capableCheck(state, caller.cred, owner, "CAP_SYS_ADMIN", "pivot_root (may_mount)");
  if (cap.verdict === "deny") return failed(state, [cap]);
  const c = fsCtx(state, caller);
  const n = resolvePath(c, caller.cwd, call.newRoot, { follow: true, directory: true });
  if (!n.ok) return failed(state, [cap, ...n.checks], n.errno);
  const o = resolvePath(c, caller.cwd, call.putOld, { follow: true, directory: true });
  if (!o.ok) return failed(state, [cap, ...n.checks, ...o.checks], o.errno);
  const checks: Check[] = [cap, ...n.checks, ...o.checks];
  const lsm = lsmSbPivotroot(state, caller, call.newRoot, call.putOld);
  if (lsm) checks.push(lsm);
  if (hasDeny(checks)) return failed(state, checks);
  const out = doPivotRoot(c, n.path, o.path, checks);
  return out.ok ? succeed(out.value.state, out.value.checks, 0) : failed(state, out.error.checks, out.error.errno);
}
