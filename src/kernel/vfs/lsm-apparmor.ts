/**
 * What AppArmor asks of a profile for each VFS hook (security/apparmor/lsm.c): the name it
 * mediates, the permissions, the audit `operation`, and the uid of the file's owner. AppArmor
 * mediates by path, so a bind mount or a symlink does not let a task around a rule: the name
 * is computed from where the file really is in the task's mount namespace.
 */
import type { AaFileRequest, AaRequestPerm } from "../security/apparmor/file";
import { AA_MAY, aaPermsFromMask } from "../security/apparmor/file";
import { dPath } from "./d-path";
import type { LsmFile, LsmName, LsmPathRequest } from "./lsm-object";
import { isDir } from "./mode";
import { getMount, nsRootPath } from "./mount-tree";
import type { FsCtx } from "./node";
import { O_APPEND, O_CREAT, O_TRUNC, canRead, canWrite } from "./open-flags";
import { getSb } from "./sb-access";
import type { PathRef } from "./types";

/**
 * The name AppArmor mediates (path.c: d_namespace_path()): absolute from the root of the
 * task's mount namespace — not from a chroot, since docker-default lacks `chroot_relative` —
 * with a trailing '/' for a directory (PATH_IS_DIR). In a container that is the path the
 * container sees; for a host task in a chroot it is the full host path.
 */
export function aaPathName(c: FsCtx, p: PathRef, dir: boolean): string {
  const path = dPath(c, p, nsRootPath(c.state, c.task.ns.mnt));
  return dir && path !== "/" ? `${path}/` : path;
}

function aaNameIn(c: FsCtx, at: LsmName, dir: boolean): string {
  const parent = aaPathName(c, at.dir, false);
  return `${parent === "/" ? "" : parent}/${at.name}${dir ? "/" : ""}`;
}

/** path_mediated_fs(): filesystems mounted SB_NOUSER (nsfs) are not mediated by path. */
export function aaMediated(c: FsCtx, p: PathRef): boolean {
  return getSb(c.state, getMount(c.state, p.mnt).sb).fstype !== "nsfs";
}

/**
 * open(2): aa_map_file_to_perms() — read and write from the access mode, append instead of
 * write with O_APPEND, O_TRUNC implies write and O_CREAT asks for create (so a shell's
 * `echo 1 > FILE` is logged with requested_mask="wc").
 */
export function aaOpenPerms(flags: number): readonly AaRequestPerm[] {
  let mask = (canRead(flags) ? AA_MAY.READ : 0) | (canWrite(flags) ? AA_MAY.WRITE : 0);
  if (flags & O_APPEND && mask & AA_MAY.WRITE) mask = (mask & ~AA_MAY.WRITE) | AA_MAY.APPEND;
  if (flags & O_TRUNC) mask |= AA_MAY.WRITE;
  if (flags & O_CREAT) mask |= AA_MAY.CREATE;
  return aaPermsFromMask(mask);
}

/** The request for opening or executing `file` with `perms`. */
export function aaFileRequest(c: FsCtx, file: LsmFile, perms: readonly AaRequestPerm[], operation: "open" | "exec"): AaFileRequest {
  return { path: aaPathName(c, file.path, isDir(file.attr.mode)), perms, operation, fsuid: c.task.cred.fsuid, ouid: file.attr.uid };
}

/**
 * The checks of one path hook, in the order AppArmor makes them. Creating asks `c` with the
 * caller as owner (common_perm_create()); removing asks `d`; chmod, chown and truncate ask
 * `w` (map_mask_to_chr_mask() prints AA_MAY_CHMOD/CHOWN/SETATTR as w); a rename asks `wrd` of
 * the source (rename_src) and `wc` of the destination (rename_dest); link asks `l` of the new
 * name. security_path_chroot() has no AppArmor hook.
 */
export function aaPathRequests(c: FsCtx, req: LsmPathRequest): readonly AaFileRequest[] {
  const fsuid = c.task.cred.fsuid;
  const at = (path: string, perms: readonly AaRequestPerm[], operation: string, ouid: number): AaFileRequest =>
    ({ path, perms, operation, fsuid, ouid });
  switch (req.op) {
    case "mkdir": return [at(aaNameIn(c, req.at, true), ["c"], "mkdir", fsuid)];
    case "mknod":
    case "symlink": return [at(aaNameIn(c, req.at, false), ["c"], req.op, fsuid)];
    case "link": return [{ ...at(aaNameIn(c, req.at, false), ["l"], "link", req.old.attr.uid), target: aaPathName(c, req.old.path, false) }];
    case "unlink":
    case "rmdir": return [at(aaPathName(c, req.victim.path, req.op === "rmdir"), ["d"], req.op, req.victim.attr.uid)];
    case "rename": {
      const dir = isDir(req.victim.attr.mode);
      return [
        at(aaPathName(c, req.victim.path, dir), ["r", "w", "d"], "rename_src", req.victim.attr.uid),
        at(aaNameIn(c, req.to, dir), ["w", "c"], "rename_dest", req.victim.attr.uid),
      ];
    }
    case "chmod":
    case "chown":
    case "truncate": return [at(aaPathName(c, req.file.path, isDir(req.file.attr.mode)), ["w"], req.op, req.file.attr.uid)];
    case "chroot": return [];
  }
}
