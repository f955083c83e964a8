/** open(2) flags on x86-64 (`include/uapi/asm-generic/fcntl.h`) and related constants. */

export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
export const O_ACCMODE = 0o3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;
export const O_PATH = 0o10000000;

/** The dirfd meaning "relative to the current directory". */
export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
export const AT_REMOVEDIR = 0x200;
export const AT_SYMLINK_FOLLOW = 0x400;
export const AT_EMPTY_PATH = 0x1000;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** PATH_MAX (including the NUL) and NAME_MAX (`include/uapi/linux/limits.h`). */
export const PATH_MAX = 4096;
export const NAME_MAX = 255;
/** MAXSYMLINKS (`include/linux/namei.h`): "Too many levels of symbolic links" beyond this. */
export const MAXSYMLINKS = 40;

/** The access a file's mode must grant for an open with these flags (`ACC_MODE()`). */
export function accMode(flags: number): number {
  const acc = flags & O_ACCMODE;
  const base = acc === O_RDONLY ? 4 : acc === O_WRONLY ? 2 : acc === O_RDWR ? 6 : 6;
  return flags & O_TRUNC ? base | 2 : base;
}

export const canRead = (flags: number): boolean => (flags & O_ACCMODE) !== O_WRONLY;
export const canWrite = (flags: number): boolean => (flags & O_ACCMODE) === O_WRONLY || (flags & O_ACCMODE) === O_RDWR;
