/**
 * How GNU ls (coreutils 9.4) prints one file in the long format: gnulib's filemodestring(),
 * human_readable() for -h and the `total` line, the two strftime formats of the date column,
 * and print_long_format()'s columns, each as wide as the widest value in the listing.
 */
import type { StatResult, Timespec } from "../../kernel/index.ts";
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from "./common";

/** DT_* values of <dirent.h>, for the type letter of a file whose lstat failed. */
const DT_LETTER: Record<number, string> = { 1: "p", 2: "c", 4: "d", 6: "b", 8: "-", 10: "l", 12: "s" };

export function typeLetter(mode: number): string {
  switch (mode & S_IFMT) {
    case S_IFDIR: return "d";
    case S_IFLNK: return "l";
    case S_IFCHR: return "c";
    case S_IFBLK: return "b";
    case S_IFIFO: return "p";
    case S_IFSOCK: return "s";
    case S_IFREG: return "-";
    default: return "?";
  }
}

/** filemodestring(): `drwxr-xr-x`, with s/S and t/T for the set-id and sticky bits. */
export function modeString(mode: number): string {
  const rwx = (shift: number, special: number, on: string, off: string) => {
    const bits = (mode >> shift) & 7;
    const x = bits & 1 ? (mode & special ? on : "x") : mode & special ? off : "-";
    return `${bits & 4 ? "r" : "-"}${bits & 2 ? "w" : "-"}${x}`;
  };
  return typeLetter(mode) + rwx(6, 0o4000, "s", "S") + rwx(3, 0o2000, "s", "S") + rwx(0, 0o1000, "t", "T");
}

const SUFFIXES = "KMGTPEZYRQ";

/**
 * human_readable() with human_autoscale | human_SI | human_base_1024 and the default
 * ceiling rounding: 4096 → 4.0K, 10300 → 11K, 1023 → 1023.
 */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let exp = 0;
  let scale = 1;
  while (Math.floor(bytes / scale) >= 1024 && exp < SUFFIXES.length) {
    scale *= 1024;
    exp++;
  }
  const tenths = Math.ceil((bytes * 10) / scale);
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${SUFFIXES[exp - 1]}`;
  const whole = Math.ceil(bytes / scale);
  if (whole >= 1024 && exp < SUFFIXES.length) return `1.0${SUFFIXES[exp]}`;
  return `${whole}${SUFFIXES[exp - 1]}`;
}

/** The `total` line's number: 512-byte blocks in 1024-byte units (rounded up), or -h's form. */
export const totalBlocks = (blocks: number, human: boolean) => (human ? humanSize(blocks * 512) : String(Math.ceil(blocks / 2)));

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Half a Gregorian year, ls's line between a recent and an old file. */
const SIX_MONTHS_SEC = 31_556_952 / 2;

/**
 * `%b %e %H:%M` for a file changed in the last six months, `%b %e  %Y` otherwise, in UTC
 * (the image has no /etc/localtime). A file stamped at the very instant of `now` counts as
 * recent: the simulated clock does not move between two syscalls as a real one does.
 */
export function formatDate(t: Timespec, now: Timespec): string {
  const when = t.sec + t.nsec / 1e9;
  const current = now.sec + now.nsec / 1e9;
  const recent = current - SIX_MONTHS_SEC < when && when <= current;
  const d = new Date(t.sec * 1000);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const tail = recent
    ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`
    : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** One file of a listing, as gobble_file() leaves it. */
export interface LsFile {
  /** The name shown. */
  readonly name: string;
  /** The path the syscalls use. */
  readonly path: string;
  readonly st: StatResult | undefined;
  /** d_type from getdents64 (for the type letter when lstat failed). */
  readonly dtype: number;
  /** d_ino from getdents64, used by -i when the file was not stat'ed. */
  readonly dino: number;
  readonly target?: string;
}

export interface LongOptions {
  readonly owner: boolean;
  readonly group: boolean;
  readonly numeric: boolean;
  readonly human: boolean;
  readonly inode: boolean;
  readonly time: "mtime" | "ctime" | "atime";
  readonly now: Timespec;
  readonly userName: (uid: number) => string | undefined;
  readonly groupName: (gid: number) => string | undefined;
}

const isDevice = (mode: number) => (mode & S_IFMT) === S_IFCHR || (mode & S_IFMT) === S_IFBLK;

/** Column widths over a listing, as gobble_file() accumulates them. */
export function inodeWidth(files: readonly LsFile[]): number {
  return Math.max(0, ...files.map((f) => String(f.st?.ino ?? f.dino).length));
}

/**
 * The long-format lines of a listing (print_long_format() for each file). Widths come from
 * `widthFiles`: for the operands, every one that was stat'ed, directories included.
 */
export function longLines(files: readonly LsFile[], o: LongOptions, widthFiles: readonly LsFile[] = files): string[] {
  const user = (f: LsFile) => (o.numeric ? undefined : o.userName(f.st!.uid)) ?? String(f.st!.uid);
  const group = (f: LsFile) => (o.numeric ? undefined : o.groupName(f.st!.gid)) ?? String(f.st!.gid);
  const size = (f: LsFile) => (o.human ? humanSize(f.st!.size) : String(f.st!.size));
  const ok = widthFiles.filter((f) => f.st);
  const w = (values: string[]) => Math.max(0, ...values.map((v) => v.length));
  const devs = ok.filter((f) => isDevice(f.st!.mode));
  const majorW = w(devs.map((f) => String(f.st!.rdev.major)));
  const minorW = w(devs.map((f) => String(f.st!.rdev.minor)));
  const sizeW = Math.max(w(ok.filter((f) => !isDevice(f.st!.mode)).map(size)), devs.length ? majorW + 2 + minorW : 0);
  const nlinkW = w(ok.map((f) => String(f.st!.nlink)));
  const ownerW = w(ok.map(user));
  const groupW = w(ok.map(group));
  const inoW = inodeWidth(widthFiles);
  // An id without a name is a number, right-aligned; a name is left-aligned (format_user_or_group()).
  const idCol = (text: string, width: number, isName: boolean) => (isName ? text.padEnd(width) : text.padStart(width));
  return files.map((f) => {
    let line = o.inode ? `${String(f.st?.ino ?? f.dino).padStart(inoW)} ` : "";
    const st = f.st;
    if (!st) {
      line += `${DT_LETTER[f.dtype] ?? "?"}?????????`;
      line += ` ${"?".padStart(nlinkW)} `;
      if (o.owner) line += `${"?".padEnd(ownerW)} `;
      if (o.group) line += `${"?".padEnd(groupW)} `;
      return `${line}${"?".padStart(sizeW)} ${"?".padStart(12)} ${f.name}`;
    }
    line += `${modeString(st.mode)} ${String(st.nlink).padStart(nlinkW)} `;
    if (o.owner) line += `${idCol(user(f), ownerW, !o.numeric && o.userName(st.uid) !== undefined)} `;
    if (o.group) line += `${idCol(group(f), groupW, !o.numeric && o.groupName(st.gid) !== undefined)} `;
    if (isDevice(st.mode)) {
      const blanks = sizeW - (majorW + 2 + minorW);
      line += `${" ".repeat(Math.max(0, blanks))}${String(st.rdev.major).padStart(majorW)}, ${String(st.rdev.minor).padStart(minorW)} `;
    } else line += `${size(f).padStart(sizeW)} `;
    line += `${formatDate(st[o.time], o.now)} ${f.name}`;
    if (f.target !== undefined) line += ` -> ${f.target}`;
    return line;
  });
}
