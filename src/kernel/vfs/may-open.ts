/**
 * may_open() and vfs_open() (`fs/namei.c`, `fs/open.c`): what an open of an existing file
 * checks, in order — the file type (a symlink is ELOOP, writing a directory EISDIR), device
 * nodes on a nodev mount (EACCES), the mode bits (inode_permission()), the generated
 * filesystem's own checks (ptrace access for /proc/PID/environ), the device cgroup (EPERM), for
 * writing a writable mount (mnt_get_write_access(): EROFS), and last the LSMs
 * (do_dentry_open(): security_file_open(), EACCES).
 */
import type { Check } from "../trace";
import { deny } from "../trace";
import { deviceExists } from "./devices";
import { deviceAccessOf } from "./device-cgroup";
import { deviceCgroupCheck, lsmFilePermission } from "./lsm-hooks";
import { MAY_APPEND, MAY_EXEC, MAY_WRITE, fileTypeOf } from "./mode";
import { getMount } from "./mount-tree";
import type { Attr, FsCtx } from "./node";
import { backingOf } from "./node";
import { O_APPEND, O_CREAT, O_TRUNC, accMode } from "./open-flags";
import { inodePermission } from "./permission";
import { hasDeny, mntWantWrite } from "./sys-common";
import type { PathRef } from "./types";

function typeChecks(c: FsCtx, p: PathRef, attr: Attr, acc: number, shown: string): Check | undefined {
  const type = fileTypeOf(attr.mode);
  if (type === "lnk") return deny("kernel", "may_open", `${shown} is a symbolic link (O_NOFOLLOW)`, "ELOOP");
  if (type === "dir" && acc & MAY_WRITE) return deny("kernel", "may_open", `${shown} is a directory`, "EISDIR");
  if ((type === "chr" || type === "blk") && getMount(c.state, p.mnt).flags.nodev) {
    return deny("kernel", "may_open_dev", `${shown} is a device node on a nodev mount`, "EACCES");
  }
  if (acc & MAY_EXEC && type !== "reg") return deny("kernel", "may_open", `${shown} is not a regular file`, "EACCES");
  return undefined;
}

/** The checks of opening the existing file at `p` with `flags`; a denial ends the list. */
export function mayOpen(c: FsCtx, p: PathRef, attr: Attr, flags: number, shown: string): Check[] {
  const acc = accMode(flags & ~O_CREAT) & ~(fileTypeOf(attr.mode) === "reg" ? 0 : O_TRUNC);
  const bad = typeChecks(c, p, attr, acc, shown);
  if (bad) return [bad];
  const checks = inodePermission(c, p, attr, acc & 7, shown);
  if (hasDeny(checks)) return checks;
  const b = backingOf(c, getMount(c.state, p.mnt).sb, p.node);
  if (b?.kind === "synthetic" && b.fs.openChecks) {
    const extra = b.fs.openChecks(b.ctx, b.key, (acc & MAY_WRITE) !== 0);
    checks.push(...extra);
    if (hasDeny(extra)) return checks;
  }
  const type = fileTypeOf(attr.mode);
  const access = deviceAccessOf(acc);
  if ((type === "chr" || type === "blk") && access) {
    const dev = deviceCgroupCheck(c.state, c.task, type, attr.rdev.major, attr.rdev.minor, access);
    if (dev) checks.push(dev);
    if (dev?.verdict === "deny") return checks;
  }
  if (acc & MAY_WRITE && (type === "reg" || type === "dir" || type === "lnk")) {
    const ro = mntWantWrite(c, p, shown);
    if (ro) return [...checks, ro];
  }
  const lsm = lsmFilePermission(c.state, c.task, { path: p, attr }, (acc & 7) | (flags & O_APPEND ? MAY_APPEND : 0), flags);
  if (lsm) checks.push(lsm);
  if (lsm?.verdict === "deny") return checks;
  if ((type === "chr" || type === "blk") && !deviceExists(type, attr.rdev)) {
    return [...checks, deny("kernel", "chrdev_open", `no driver for device ${attr.rdev.major}:${attr.rdev.minor} (${shown})`, "ENXIO")];
  }
  if (type === "sock") return [...checks, deny("kernel", "no_open", `${shown} is a socket: connect(2) to it instead`, "ENXIO")];
  return checks;
}
