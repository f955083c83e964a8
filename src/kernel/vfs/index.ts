// The VFS's public surface; src/kernel/index.ts re-exports from here.
export type {
  FdEntry, FileId, FsType, Inode, MntFlags, Mount, MountId, NodeKey, OpenFile, PathRef, SbId, SuperBlock, Timespec, VfsState,
} from "./types";
export type { DevNum, FileType } from "./mode";
export {
  DT, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, S_ISVTX, fileTypeOf, modeString,
} from "./mode";
export {
  AT_FDCWD, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, SEEK_CUR, SEEK_END, SEEK_SET,
} from "./open-flags";
export {
  MNT_DETACH, MNT_FORCE, MS_BIND, MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_PRIVATE, MS_RDONLY, MS_REC, MS_REMOUNT, MS_SHARED, MS_SLAVE,
  MS_STRICTATIME, MS_UNBINDABLE, UMOUNT_NOFOLLOW,
} from "./mount-flags";
export type { StatResult } from "./stat-result";
export type { Executable, ExecLookup } from "./exec-lookup";
export { lookupExecutable } from "./exec-lookup";
export { renderMountinfo, renderMounts } from "./mountinfo";
export { HOST_ROOT, bootVfs } from "./boot/boot-vfs";
export { isChrooted } from "./mnt-ns";
export { nsRootPath } from "./mount-tree";
export { BOOT_REALTIME_SEC, realtimeNow } from "./clock";
