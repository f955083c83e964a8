/**
 * File type and permission bits of `st_mode` (`include/uapi/linux/stat.h`), the access masks of
 * `inode_permission()` (`include/linux/fs.h`: MAY_*), and device numbers.
 */

export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;
export const S_IXUGO = 0o111;
export const S_IXGRP = 0o010;
/** Permission and special bits: what chmod(2) may change. */
export const S_IALLUGO = 0o7777;

export const MAY_EXEC = 1;
export const MAY_WRITE = 2;
export const MAY_READ = 4;
export const MAY_APPEND = 8;

export type FileType = "reg" | "dir" | "lnk" | "chr" | "blk" | "fifo" | "sock";

const TYPE_BITS: Readonly<Record<FileType, number>> = {
  reg: S_IFREG, dir: S_IFDIR, lnk: S_IFLNK, chr: S_IFCHR, blk: S_IFBLK, fifo: S_IFIFO, sock: S_IFSOCK,
};

export const typeBits = (type: FileType): number => TYPE_BITS[type];

export function fileTypeOf(mode: number): FileType {
  switch (mode & S_IFMT) {
    case S_IFDIR: return "dir";
    case S_IFLNK: return "lnk";
    case S_IFCHR: return "chr";
    case S_IFBLK: return "blk";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "sock";
    default: return "reg";
  }
}

export const isDir = (mode: number): boolean => (mode & S_IFMT) === S_IFDIR;
export const isLnk = (mode: number): boolean => (mode & S_IFMT) === S_IFLNK;
export const isReg = (mode: number): boolean => (mode & S_IFMT) === S_IFREG;
export const isDev = (mode: number): boolean => (mode & S_IFMT) === S_IFCHR || (mode & S_IFMT) === S_IFBLK;

/** `d_type` of getdents64(2) (`include/linux/fs_types.h`: DT_*). */
export const DT: Readonly<Record<FileType, number>> = { fifo: 1, chr: 2, dir: 4, blk: 6, reg: 8, lnk: 10, sock: 12 };

/** A device number as `MAJOR:MINOR` (`include/linux/kdev_t.h`). */
export interface DevNum {
  readonly major: number;
  readonly minor: number;
}

export const devNum = (major: number, minor: number): DevNum => ({ major, minor });
export const devText = (d: DevNum): string => `${d.major}:${d.minor}`;
export const NO_DEV: DevNum = { major: 0, minor: 0 };

/** `0644` style octal, as strace and error reasons print a mode. */
export const octal = (mode: number, width = 4): string => (mode & S_IALLUGO).toString(8).padStart(width, "0");

/** `-rw-r-----` as ls -l prints it: used in trace reasons so a learner sees the bits. */
export function modeString(mode: number): string {
  const typeChar: Readonly<Record<FileType, string>> = { reg: "-", dir: "d", lnk: "l", chr: "c", blk: "b", fifo: "p", sock: "s" };
  const bit = (mask: number, ch: string) => (mode & mask ? ch : "-");
  const exec = (x: number, special: number, on: string, off: string) =>
    mode & special ? (mode & x ? on : off) : bit(x, "x");
  return typeChar[fileTypeOf(mode)] +
    bit(0o400, "r") + bit(0o200, "w") + exec(0o100, S_ISUID, "s", "S") +
    bit(0o040, "r") + bit(0o020, "w") + exec(0o010, S_ISGID, "s", "S") +
    bit(0o004, "r") + bit(0o002, "w") + exec(0o001, S_ISVTX, "t", "T");
}
