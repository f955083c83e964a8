/**
 * The file, pipe, descriptor, clock, kernel-log and mount syscalls (src/kernel/vfs), kept in their own part of the syscall table:
 * table.ts spreads FS_TABLE into TABLE and adds FsSyscallCall to SyscallCall.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { ChdirCall } from "./chdir";
import { sysChdir } from "./chdir";
import type { ChmodCall } from "./chmod";
import { sysChmod } from "./chmod";
import type { ChownCall } from "./chown";
import { sysChown } from "./chown";
import type { ChrootCall } from "./chroot";
import { sysChroot } from "./chroot";
import type { FstatCall } from "./fstat";
import { sysFstat } from "./fstat";
import type { GetxattrCall } from "./getxattr";
import { sysGetxattr } from "./getxattr";
import type { GetcwdCall } from "./getcwd";
import { sysGetcwd } from "./getcwd";
import type { Getdents64Call } from "./getdents64";
import { sysGetdents64 } from "./getdents64";
import type { LinkCall } from "./link";
import { sysLink } from "./link";
import type { LseekCall } from "./lseek";
import { sysLseek } from "./lseek";
import type { LstatCall } from "./lstat";
import { sysLstat } from "./lstat";
import type { MkdirCall } from "./mkdir";
import { sysMkdir } from "./mkdir";
import type { MknodCall } from "./mknod";
import { sysMknod } from "./mknod";
import type { MountCall } from "./mount";
import { sysMount } from "./mount";
import type { OpenatCall } from "./openat";
import { sysOpenat } from "./openat";
import type { SyscallOutcome } from "./outcome";
import type { PivotRootCall } from "./pivot-root";
import { sysPivotRoot } from "./pivot-root";
import type { ReadCall } from "./read";
import { sysRead } from "./read";
import type { ReadlinkCall } from "./readlink";
import { sysReadlink } from "./readlink";
import type { RenameCall } from "./rename";
import { sysRename } from "./rename";
import type { RmdirCall } from "./rmdir";
import { sysRmdir } from "./rmdir";
import type { StatCall } from "./stat";
import { sysStat } from "./stat";
import type { SymlinkCall } from "./symlink";
import { sysSymlink } from "./symlink";
import type { TruncateCall } from "./truncate";
import { sysTruncate } from "./truncate";
import type { Umount2Call } from "./umount2";
import { sysUmount2 } from "./umount2";
import type { UnlinkCall } from "./unlink";
import { sysUnlink } from "./unlink";
import type { DupCall, Dup3Call, FcntlCall } from "./dup";
import { sysDup, sysDup3, sysFcntl } from "./dup";
import type { Pipe2Call } from "./pipe2";
import { sysPipe2 } from "./pipe2";
import type { ClockGettimeCall, ClockNanosleepCall } from "./clock";
import { sysClockGettime, sysClockNanosleep } from "./clock";
import type { SyslogCall } from "./syslog";
import { sysSyslog } from "./syslog";
import type { WriteCall } from "./write";
import { sysWrite } from "./write";

export type FsSyscallCall =
  | OpenatCall | ReadCall | WriteCall | LseekCall | Getdents64Call | StatCall | LstatCall | FstatCall
  | ReadlinkCall | MkdirCall | RmdirCall | UnlinkCall | RenameCall | SymlinkCall | LinkCall | ChmodCall
  | ChownCall | TruncateCall | MknodCall | ChdirCall | GetcwdCall | ChrootCall | MountCall | Umount2Call
  | PivotRootCall | GetxattrCall | Pipe2Call | DupCall | Dup3Call | FcntlCall | ClockGettimeCall | ClockNanosleepCall | SyslogCall;

type Handler<C> = (state: KernelState, caller: Task, call: C) => SyscallOutcome;

export const FS_TABLE: { readonly [N in FsSyscallCall["name"]]: Handler<Extract<FsSyscallCall, { name: N }>> } = {
  openat: sysOpenat, read: sysRead, write: sysWrite, lseek: sysLseek, getdents64: sysGetdents64,
  stat: sysStat, lstat: sysLstat, fstat: sysFstat, readlink: sysReadlink, mkdir: sysMkdir, rmdir: sysRmdir,
  unlink: sysUnlink, rename: sysRename, symlink: sysSymlink, link: sysLink, chmod: sysChmod, chown: sysChown,
  truncate: sysTruncate, mknod: sysMknod, chdir: sysChdir, getcwd: sysGetcwd, chroot: sysChroot,
  mount: sysMount, umount2: sysUmount2, pivot_root: sysPivotRoot, getxattr: sysGetxattr, lgetxattr: sysGetxattr,
  pipe2: sysPipe2, dup: sysDup, dup2: sysDup3, dup3: sysDup3, fcntl: sysFcntl,
  clock_gettime: sysClockGettime, clock_nanosleep: sysClockNanosleep, syslog: sysSyslog,
};
