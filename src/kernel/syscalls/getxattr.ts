/**
 * getxattr(2) and lgetxattr(2): the value of one extended attribute (fs/xattr.c: vfs_getxattr()).
 * `security.*` names are answered by the security module from the label it keeps for the inode
 * (xattr_getsecurity(): under SELinux, `security.selinux` is the file's context with its NUL,
 * which `ls -Z` and `getfattr -n security.selinux` show); `trusted.*` reads as absent without
 * CAP_SYS_ADMIN (xattr_permission()); `user.*` needs read permission on a regular file or
 * directory. A missing attribute is ENODATA; procfs has no xattr handler (EOPNOTSUPP).
 */
import { initNsId } from "../boot/init-namespaces";
import { nsCapable } from "../cred/capable";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { MAY_READ, isDir, isReg } from "../vfs/mode";
import { getMount } from "../vfs/mount-tree";
import { resolvePath } from "../vfs/namei";
import type { FsCtx } from "../vfs/node";
import { backingOf } from "../vfs/node";
import { inodePermission } from "../vfs/permission";
import { getSb } from "../vfs/sb-access";
import { XATTR_SELINUX, inodeLabel } from "../vfs/selinux-label";
import { formatContext } from "../security/selinux/context";
import { failed, fsCtx, hasDeny } from "../vfs/sys-common";
import type { PathRef } from "../vfs/types";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface GetxattrCall {
  /** lgetxattr does not follow a final symlink. */
  readonly name: "getxattr" | "lgetxattr";
  readonly path: string;
  /** The attribute's full name: `security.selinux`, `user.comment`, `trusted.overlay.opaque`. */
  readonly attr: string;
}

export interface GetxattrResult {
  readonly value: string;
}

/** The stored value, from the inode (overlay: the topmost real inode). */
function storedXattr(c: FsCtx, p: PathRef, name: string): string | undefined {
  const b = backingOf(c, getMount(c.state, p.mnt).sb, p.node);
  return b?.kind === "inode" ? b.inode.xattrs?.[name] : undefined;
}

function permission(c: FsCtx, p: PathRef, attr: Parameters<typeof inodePermission>[2], name: string, shown: string): Check[] | Check {
  if (name.startsWith("trusted.") && !nsCapable(c.state, c.task.cred, initNsId("user"), "CAP_SYS_ADMIN")) {
    return deny("capability", "xattr_permission", `trusted.* attributes read as absent without CAP_SYS_ADMIN in the initial user namespace`, "ENODATA");
  }
  if (!name.startsWith("user.")) return [];
  if (!isReg(attr.mode) && !isDir(attr.mode)) return deny("kernel", "xattr_permission", `user.* attributes exist only on regular files and directories`, "ENODATA");
  return inodePermission(c, p, attr, MAY_READ, shown);
}

export function sysGetxattr(state: KernelState, caller: Task, call: GetxattrCall): SyscallOutcome<GetxattrResult> {
  const c = fsCtx(state, caller);
  const r = resolvePath(c, caller.cwd, call.path, { follow: call.name === "getxattr" });
  if (!r.ok) return failed(state, r.checks, r.errno);
  if (!/^(security|system|trusted|user)\.[^\0]+$/.test(call.attr)) return failed(state, [...r.checks, deny("kernel", "xattr_resolve_name", `${call.attr}: not a known attribute namespace`, "EOPNOTSUPP")]);
  const perm = permission(c, r.path, r.attr, call.attr, call.path);
  if (!Array.isArray(perm)) return failed(state, [...r.checks, perm]);
  const checks = [...r.checks, ...perm];
  if (hasDeny(checks)) return failed(state, checks);
  if (call.attr === XATTR_SELINUX && state.config.lsm === "selinux") {
    const value = `${formatContext(inodeLabel(c, r.path))}\0`;
    return succeed(state, [...checks, pass("lsm", "selinux_inode_getsecurity", `${call.path} is labelled ${value.slice(0, -1)}`)], { value });
  }
  const fstype = getSb(state, getMount(state, r.path.mnt).sb).fstype;
  if (fstype === "proc") return failed(state, [...checks, deny("kernel", "__vfs_getxattr", "procfs keeps no extended attributes", "EOPNOTSUPP")]);
  const value = storedXattr(c, r.path, call.attr);
  if (value === undefined) return failed(state, [...checks, deny("kernel", "__vfs_getxattr", `${call.path} has no ${call.attr} attribute`, "ENODATA")]);
  return succeed(state, [...checks, pass("kernel", "__vfs_getxattr", `${call.path}: ${call.attr} is ${value.length} bytes`)], { value });
}
