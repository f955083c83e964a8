/**
 * What the VFS hands the LSM hooks (include/linux/lsm_hook_defs.h): the file being opened or
 * executed, or for the path hooks (security_path_mkdir(), _unlink(), _rename(), …) the
 * directory and name an operation acts on, with the file there when it exists.
 */
import type { Attr } from "./node";
import type { PathRef } from "./types";

/** An existing file: where it is and its attributes. */
export interface LsmFile {
  readonly path: PathRef;
  readonly attr: Attr;
}

/** A name in a directory: about to be made, or about to be removed. */
export interface LsmName {
  readonly dir: PathRef;
  readonly dirAttr: Attr;
  readonly name: string;
}

/** One path hook call, with what that hook receives. */
export type LsmPathRequest =
  /** security_path_mkdir(), _mknod() (also for open(O_CREAT)), _symlink(): `mode` carries the new file's type. */
  | { readonly op: "mkdir" | "mknod" | "symlink"; readonly at: LsmName; readonly mode: number }
  /** security_path_link(): the existing file and the new name. */
  | { readonly op: "link"; readonly old: LsmFile; readonly at: LsmName }
  /** security_path_unlink(), _rmdir(). */
  | { readonly op: "unlink" | "rmdir"; readonly at: LsmName; readonly victim: LsmFile }
  /** security_path_rename(): the source entry and the destination name. */
  | { readonly op: "rename"; readonly from: LsmName; readonly victim: LsmFile; readonly to: LsmName }
  /** security_path_chmod(), _chown(), _truncate(), _chroot(). */
  | { readonly op: "chmod" | "chown" | "truncate" | "chroot"; readonly file: LsmFile };

export type LsmPathOp = LsmPathRequest["op"];
