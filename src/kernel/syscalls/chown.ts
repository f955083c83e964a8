/**
 * chown(2) / lchown(2) (`fs/open.c: chown_common()`, `fs/attr.c: chown_ok()`, `chgrp_ok()`):
 * the new ids are the caller's namespace's view, and must map to global ids (EINVAL); changing
 * the owner needs CAP_CHOWN (with the file's owner mapped), a group change by the owner only
 * to a group the caller is in. The setuid bit (and an executable setgid bit) is cleared.
 */
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { Kgid, Kuid } from "../ids";
import { mapIdDown } from "../ns/id-map";
import { lsmPathOp } from "../vfs/lsm-hooks";
import { S_ISGID, S_ISUID, S_IXGRP, isDir } from "../vfs/mode";
import { setAttrs } from "../vfs/mutate";
import { resolvePath } from "../vfs/namei";
import type { Attr, FsCtx } from "../vfs/node";
import { capableWrtInode, inGroup } from "../vfs/permission";
import { failed, fsCtx, hasDeny, mntWantWrite } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface ChownCall {
  readonly name: "chown";
  readonly path: string;
  /** -1 leaves the owner (or group) as it is. */
  readonly uid: number;
  readonly gid: number;
  /** lchown(2): change a symlink itself. */
  readonly nofollow?: boolean;
}

function permission(c: FsCtx, a: Attr, uid: Kuid | undefined, gid: Kgid | undefined, shown: string): Check {
  const cred = c.task.cred;
  const ownerOk = uid === undefined || (cred.fsuid === a.uid && uid === a.uid);
  const groupOk = gid === undefined || (cred.fsuid === a.uid && (gid === a.gid || inGroup(cred, gid)));
  if (ownerOk && groupOk) return pass("dac", "chown_ok", `the caller owns ${shown} and is in the new group`);
  if (capableWrtInode(c.state, cred, a, "CAP_CHOWN")) return pass("capability", "capable_wrt_inode_uidgid(CAP_CHOWN)", `changing the owner of ${shown}: the caller has CAP_CHOWN`);
  return deny("capability", "capable_wrt_inode_uidgid(CAP_CHOWN)", `changing the owner or group of ${shown} needs CAP_CHOWN with its owner mapped in the caller's user namespace`, "EPERM");
}

export function sysChown(state: KernelState, caller: Task, call: ChownCall): SyscallOutcome<0> {
  const c = fsCtx(state, caller);
  const r = resolvePath(c, caller.cwd, call.path, { follow: !call.nofollow });
  if (!r.ok) return failed(state, r.checks, r.errno);
  const user = getNs(state, caller.cred.userNs, "user");
  const uid = call.uid === -1 ? undefined : mapIdDown(user.uidMap, call.uid);
  const gid = call.gid === -1 ? undefined : mapIdDown(user.gidMap, call.gid);
  if ((call.uid !== -1 && uid === undefined) || (call.gid !== -1 && gid === undefined)) {
    return failed(state, [...r.checks, deny("namespace", "make_kuid", `uid ${call.uid} or gid ${call.gid} has no mapping in the caller's user namespace`, "EINVAL")]);
  }
  const checks: Check[] = [...r.checks];
  const ro = mntWantWrite(c, r.path, call.path);
  if (ro) return failed(state, [...checks, ro]);
  checks.push(permission(c, r.attr, uid as Kuid | undefined, gid as Kgid | undefined, call.path));
  const lsm = lsmPathOp(state, caller, { op: "chown", file: r });
  if (lsm) checks.push(lsm);
  if (hasDeny(checks)) return failed(state, checks);
  let mode = r.attr.mode;
  if (!isDir(mode)) mode &= ~(S_ISUID | (mode & S_IXGRP ? S_ISGID : 0));
  const done = setAttrs(c, r.path, { mode, ...(uid !== undefined ? { uid: uid as Kuid } : {}), ...(gid !== undefined ? { gid: gid as Kgid } : {}) });
  if (!done.ok) return failed(state, [...checks, deny("kernel", "notify_change", `${call.path}: this filesystem keeps its owners`, done.error)]);
  return succeed(done.value.state, [...checks, pass("kernel", "notify_change", `${call.path} is now owned by ${uid ?? r.attr.uid}:${gid ?? r.attr.gid}`)], 0);
}
