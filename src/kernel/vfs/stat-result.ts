/**
 * What stat(2) fills in (`struct stat`, `fs/stat.c: cp_new_stat()`): owner and group as the
 * caller's user namespace sees them (`from_kuid_munged()`: an unmapped id reads as the
 * overflow uid 65534, which `ls -l` shows as nobody/nogroup).
 */
import type { DevNum } from "./mode";
import type { Attr, FsCtx } from "./node";
import { idsIn } from "./permission";
import type { Timespec } from "./types";

export interface StatResult {
  readonly dev: DevNum;
  readonly ino: number;
  readonly mode: number;
  readonly nlink: number;
  readonly uid: number;
  readonly gid: number;
  readonly rdev: DevNum;
  readonly size: number;
  readonly blksize: number;
  readonly blocks: number;
  readonly atime: Timespec;
  readonly mtime: Timespec;
  readonly ctime: Timespec;
}

export function statOf(c: FsCtx, a: Attr): StatResult {
  const [uid, gid] = idsIn(c.state, c.task.cred.userNs, a.uid, a.gid);
  return {
    dev: a.dev, ino: a.ino, mode: a.mode, nlink: a.nlink, uid, gid, rdev: a.rdev, size: a.size, blksize: 4096,
    blocks: a.blocks, atime: a.atime, mtime: a.mtime, ctime: a.ctime,
  };
}
