/**
 * What SELinux asks of the policy for each VFS hook (security/selinux/hooks.c): the object's
 * label and class and the permissions, in the order the kernel checks them. The first
 * refusal ends the operation with its AVC record.
 */
import type { SelinuxObject } from "../security/selinux/check";
import type { SelinuxContext } from "../security/selinux/context";
import { parseContext } from "../security/selinux/context";
import type { SelinuxPerm } from "../security/selinux/policy";
import { UNCONFINED_DOMAINS, selinuxPermsFromMask } from "../security/selinux/policy";
import type { Task } from "../task/task";
import type { LsmFile, LsmName, LsmPathRequest } from "./lsm-object";
import { isDir } from "./mode";
import type { FsCtx } from "./node";
import { selinuxObject, tclassOf } from "./selinux-label";

/** One access vector check: avc_has_perm(subject, object, class, perms). */
export interface SelinuxAsk {
  readonly obj: SelinuxObject;
  readonly perms: readonly SelinuxPerm[];
}

/**
 * The task's context when SELinux confines it; undefined for the unconfined domains
 * (unconfined_t, spc_t, init_t, kernel_t, container_runtime_t), which the policy lets do anything.
 */
export function selinuxSubject(task: Task): SelinuxContext | undefined {
  const subject = parseContext(task.lsm.label);
  return subject && !UNCONFINED_DOMAINS.includes(subject.type) ? subject : undefined;
}

/**
 * selinux_inode_permission() for an open or an exec: file_mask_to_av() of the access mask.
 * SIMPLIFICATION: directory search during path lookup is not mediated, and the `open`
 * permission selinux_file_open() adds is not asked separately (every rule that grants read
 * or write grants open too).
 */
export function selinuxFileAsks(c: FsCtx, file: LsmFile, mask: number): readonly SelinuxAsk[] {
  const perms = selinuxPermsFromMask(mask, isDir(file.attr.mode));
  return perms.length === 0 ? [] : [{ obj: selinuxObject(c, file.path, file.attr), perms }];
}

const dirAsk = (c: FsCtx, at: LsmName, perm: SelinuxPerm): SelinuxAsk => ({ obj: selinuxObject(c, at.dir, at.dirAttr), perms: [perm] });

/** A file about to be made: it inherits the directory's label (no type_transition rule applies). */
function newObject(c: FsCtx, at: LsmName, mode: number): SelinuxObject {
  const dir = selinuxObject(c, at.dir, at.dirAttr);
  return { label: dir.label, tclass: tclassOf(mode), name: at.name, ...(dir.dev !== undefined ? { dev: dir.dev } : {}) };
}

/**
 * may_create(), may_link(), may_rename() and selinux_inode_setattr(): write on the directory
 * (inode_permission() comes first), then add_name or remove_name, then the file's own create,
 * link, unlink, rmdir or rename; setattr for chmod and chown, write and open for truncate.
 * security_path_chroot() has no SELinux hook.
 */
export function selinuxPathAsks(c: FsCtx, req: LsmPathRequest): readonly SelinuxAsk[] {
  const file = (f: LsmFile, perms: readonly SelinuxPerm[]): SelinuxAsk => ({ obj: selinuxObject(c, f.path, f.attr), perms });
  switch (req.op) {
    case "mkdir":
    case "mknod":
    case "symlink":
      return [dirAsk(c, req.at, "write"), dirAsk(c, req.at, "add_name"), { obj: newObject(c, req.at, req.mode), perms: ["create"] }];
    case "link": return [dirAsk(c, req.at, "write"), dirAsk(c, req.at, "add_name"), file(req.old, ["link"])];
    case "unlink":
    case "rmdir":
      return [dirAsk(c, req.at, "write"), dirAsk(c, req.at, "remove_name"), file(req.victim, [req.op === "rmdir" ? "rmdir" : "unlink"])];
    case "rename": {
      const sameDir = req.from.dir.mnt === req.to.dir.mnt && req.from.dir.node === req.to.dir.node;
      return [
        dirAsk(c, req.from, "write"), ...(sameDir ? [] : [dirAsk(c, req.to, "write")]), dirAsk(c, req.from, "remove_name"),
        file(req.victim, ["rename"]), dirAsk(c, req.to, "add_name"),
      ];
    }
    case "chmod":
    case "chown": return [file(req.file, ["setattr"])];
    case "truncate": return [file(req.file, ["write", "open"])];
    case "chroot": return [];
  }
}
