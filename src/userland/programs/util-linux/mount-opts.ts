/**
 * libmount's option map (libmount/src/optmap.c, MNT_LINUX_MAP and MNT_USERSPACE_MAP): which
 * words of `-o` are mount(2) flags, which are for mount(8) itself (dropped before the kernel
 * sees them), and which are the filesystem's own (passed on as mount(2)'s data string).
 */
import {
  MS_BIND, MS_DIRSYNC, MS_LAZYTIME, MS_MANDLOCK, MS_MOVE, MS_NOATIME, MS_NODEV, MS_NODIRATIME, MS_NOEXEC, MS_NOSUID,
  MS_NOSYMFOLLOW, MS_PRIVATE, MS_RDONLY, MS_REC, MS_RELATIME, MS_REMOUNT, MS_SHARED, MS_SILENT, MS_SLAVE,
  MS_STRICTATIME, MS_SYNCHRONOUS, MS_UNBINDABLE,
} from "./flags";

/** A word sets `flag`, or (inverted) clears it. */
const LINUX_MAP: Readonly<Record<string, readonly [number, boolean]>> = {
  ro: [MS_RDONLY, false], rw: [MS_RDONLY, true], exec: [MS_NOEXEC, true], noexec: [MS_NOEXEC, false],
  suid: [MS_NOSUID, true], nosuid: [MS_NOSUID, false], dev: [MS_NODEV, true], nodev: [MS_NODEV, false],
  sync: [MS_SYNCHRONOUS, false], async: [MS_SYNCHRONOUS, true], dirsync: [MS_DIRSYNC, false],
  remount: [MS_REMOUNT, false], bind: [MS_BIND, false], rbind: [MS_BIND | MS_REC, false],
  mand: [MS_MANDLOCK, false], nomand: [MS_MANDLOCK, true], atime: [MS_NOATIME, true], noatime: [MS_NOATIME, false],
  diratime: [MS_NODIRATIME, true], nodiratime: [MS_NODIRATIME, false], relatime: [MS_RELATIME, false],
  norelatime: [MS_RELATIME, true], strictatime: [MS_STRICTATIME, false], nostrictatime: [MS_STRICTATIME, true],
  lazytime: [MS_LAZYTIME, false], nolazytime: [MS_LAZYTIME, true], nosymfollow: [MS_NOSYMFOLLOW, false],
  symfollow: [MS_NOSYMFOLLOW, true], silent: [MS_SILENT, false], loud: [MS_SILENT, true], move: [MS_MOVE, false],
  shared: [MS_SHARED, false], rshared: [MS_SHARED | MS_REC, false], slave: [MS_SLAVE, false],
  rslave: [MS_SLAVE | MS_REC, false], private: [MS_PRIVATE, false], rprivate: [MS_PRIVATE | MS_REC, false],
  unbindable: [MS_UNBINDABLE, false], runbindable: [MS_UNBINDABLE | MS_REC, false],
};

/** mount(8)'s own words, never passed to the kernel. */
const USERSPACE = /^(defaults|auto|noauto|users?|nouser|owner|noowner|group|nogroup|_netdev|nofail|loop(=.*)?|offset=.*|sizelimit=.*|encryption=.*|uhelper=.*|helper=.*|comment=.*|[xX]-.*|user=.*)$/;

/** MNT_BIND_SETTABLE: what a bind mount's second, remounting mount(2) may set. */
export const BIND_SETTABLE = MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_RDONLY | MS_NOSYMFOLLOW;

export interface MountOptions {
  readonly flags: number;
  /** The filesystem's own options, comma-separated, or null when there are none. */
  readonly data: string | null;
  /** Whether `rw` or `ro` was said explicitly. */
  readonly rwGiven: boolean;
}

/** Splits an option string, honouring double quotes (`context="a,b"`). */
export function splitOptions(optstr: string): string[] {
  const out: string[] = [];
  let word = "";
  let quoted = false;
  for (const c of optstr) {
    if (c === '"') quoted = !quoted;
    if (c === "," && !quoted) {
      if (word !== "") out.push(word);
      word = "";
    } else word += c;
  }
  if (word !== "") out.push(word);
  return out;
}

/** Folds option words left to right into flags and data, as libmount's optlist does. */
export function parseOptions(words: readonly string[], start = 0): MountOptions {
  let flags = start;
  let rwGiven = false;
  const data: string[] = [];
  for (const w of words) {
    const m = LINUX_MAP[w];
    if (m) {
      const [flag, clear] = m;
      flags = clear ? flags & ~flag : flags | flag;
      if (w === "ro" || w === "rw") rwGiven = true;
    } else if (!USERSPACE.test(w)) data.push(w);
  }
  return { flags, data: data.length > 0 ? data.join(",") : null, rwGiven };
}

/** The per-mount flags a mountinfo VFS option string says are on (for a remount). */
export const vfsFlags = (vfsOptions: string) =>
  parseOptions(splitOptions(vfsOptions).filter((w) => w !== "rw" && LINUX_MAP[w] !== undefined)).flags;
