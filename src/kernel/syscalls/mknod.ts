/**
 * mknod(2): a device node, FIFO, socket or empty regular file. Device nodes need CAP_MKNOD
 * in the *initial* user namespace (`vfs_mknod()` calls capable(), not ns_capable()), so root
 * of a user namespace cannot make them; an overlayfs whiteout (character device 0:0) needs
 * nothing. Whether the node can be opened is another matter: nodev mounts and the device
 * cgroup decide that.
 */
import { capableCheck } from "../cred/capable";
import { initNsId } from "../boot/init-namespaces";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { filenameCreate } from "../vfs/create-path";
import { deviceCgroupCheck, lsmPathOp } from "../vfs/lsm-hooks";
import type { DevNum } from "../vfs/mode";
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK } from "../vfs/mode";
import { createNode } from "../vfs/mutate";
import { failed, fsCtx, newOwner, startAt } from "../vfs/sys-common";
import type { InodeData } from "../vfs/types";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface MknodCall {
  readonly name: "mknod";
  readonly path: string;
  /** File type and permission bits: S_IFCHR | 0600, S_IFIFO | 0644, … (type 0 is a regular file). */
  readonly mode: number;
  readonly dev?: DevNum;
  readonly dirfd?: number;
}

/** may_mknod(): which file types mknod(2) makes. */
function typeCheck(type: number): Check | undefined {
  if (type === S_IFDIR) return deny("kernel", "may_mknod", "mknod cannot make directories (use mkdir)", "EPERM");
  if (![0, S_IFREG, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK].includes(type)) return deny("kernel", "may_mknod", "not a file type mknod makes", "EINVAL");
  return undefined;
}

export function sysMknod(state: KernelState, caller: Task, call: MknodCall): SyscallOutcome<0> {
  const type = call.mode & S_IFMT;
  const bad = typeCheck(type);
  if (bad) return failed(state, [bad]);
  const c = fsCtx(state, caller);
  const start = startAt(c, call.dirfd);
  if (!start.ok) return failed(state, [start.check]);
  const t = filenameCreate(c, start.path, call.path, false);
  if (!t.ok) return failed(state, t.checks, t.errno);
  const checks: Check[] = [...t.checks];
  const realType = type === 0 ? S_IFREG : type;
  const lsm = lsmPathOp(state, caller, { op: "mknod", at: t, mode: realType | (call.mode & 0o7777) });
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return failed(state, checks);
  const dev = call.dev ?? { major: 0, minor: 0 };
  const isDev = type === S_IFCHR || type === S_IFBLK;
  const whiteout = type === S_IFCHR && dev.major === 0 && dev.minor === 0;
  if (isDev && !whiteout) {
    checks.push(capableCheck(state, caller.cred, initNsId("user"), "CAP_MKNOD", "creating a device node"));
    if (checks[checks.length - 1]?.verdict === "deny") return failed(state, checks);
    // devcgroup_inode_mknod(): the device cgroup must allow `m` (Docker's rules say `c *:* m`, `b *:* m`).
    const devcg = deviceCgroupCheck(state, caller, type === S_IFCHR ? "chr" : "blk", dev.major, dev.minor, "m");
    if (devcg) checks.push(devcg);
    if (devcg?.verdict === "deny") return failed(state, checks);
  }
  const owner = newOwner(caller, t.dirAttr, call.mode, realType);
  const data: InodeData = isDev ? { kind: "device", rdev: dev } : realType === S_IFREG ? { kind: "text", text: "" } : { kind: "special" };
  const made = createNode(c, t.dir, t.name, { ...owner, data });
  if (!made.ok) return failed(state, [...checks, deny("kernel", "vfs_mknod", `${call.path}: this filesystem cannot make nodes`, made.error)]);
  return succeed(made.value.state, [...checks, pass("kernel", "vfs_mknod", `created ${call.path}${isDev ? ` (device ${dev.major}:${dev.minor})` : ""}`)], 0);
}
