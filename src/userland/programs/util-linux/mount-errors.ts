/**
 * How mount(8) and umount(8) word a failed mount(2)/umount2(2) (libmount 2.39
 * mnt_context_get_mount_excode() and mnt_context_get_umount_excode()): the errno, looked at
 * together with the target and source (stat(2)ed again to tell "does not exist" from "not a
 * directory"), becomes `mount: TARGET: MESSAGE.`, followed for mount by the dmesg hint.
 */
import type { Errno, StatResult } from "../../../kernel/index.ts";
import { strerror } from "../../../kernel/index.ts";
import type { Sys } from "../../process/sys";
import { sys } from "../../process/sys";
import { S_IFBLK, S_IFMT, S_IFREG, isDirMode } from "../common";
import { MS_BIND, MS_MOVE, MS_RDONLY, MS_REMOUNT } from "./flags";
import type { MountEntry } from "./mountinfo";

/** MNT_EX_* (libmount.h). */
export const MNT_EX_SUCCESS = 0;
export const MNT_EX_USAGE = 1;
export const MNT_EX_FAIL = 32;

export const DMESG_HINT = "       dmesg(1) may have more information after failed mount system call.\n";

export interface MountAttempt {
  readonly source: string | null;
  readonly target: string;
  readonly fstype: string | null;
  readonly flags: number;
  /** `rw` said explicitly (mnt_context_is_rwonly_mount()). */
  readonly rwOnly: boolean;
  readonly euid: number;
  readonly table: readonly MountEntry[];
  /** A propagation change after (or instead of) the mount (-MNT_ERR_APPLYFLAGS). */
  readonly applyFlags?: boolean;
}

/** is_shared_tree(): whether the mount holding SOURCE's parent directory is shared. */
function underShared(table: readonly MountEntry[], src: string): boolean {
  const dir = src.replace(/\/[^/]*$/, "") || "/";
  const holder = [...table].reverse().filter((m) => m.target === "/" || dir === m.target || dir.startsWith(`${m.target}/`))
    .sort((x, y) => y.target.length - x.target.length)[0];
  return holder?.optional.some((o) => o.startsWith("shared:")) ?? false;
}

function* statOf(path: string, follow = true): Sys<StatResult | undefined> {
  const r = yield* sys<StatResult>({ name: follow ? "stat" : "lstat", path });
  return r.ok ? r.value : undefined;
}

/** The message for a mount(2) failure (without the `mount: TARGET: ` and the final dot). */
export function* mountMessage(e: Errno, a: MountAttempt): Sys<string> {
  const { source: src, target: tgt, flags } = a;
  const generic = `mount(2) system call failed: ${strerror(e)}`;
  switch (e) {
    case "EPERM": {
      if (a.euid !== 0) return "must be superuser to use mount";
      const st = yield* statOf(tgt);
      return st && isDirMode(st.mode) ? "permission denied" : "mount point is not a directory";
    }
    case "EBUSY": {
      if (flags & MS_REMOUNT) return "mount point is busy";
      const there = src === null ? undefined : a.table.find((m) => m.source === src);
      return there ? `${src} already mounted on ${there.target}` : `${src} already mounted or mount point busy`;
    }
    case "ENOENT":
      if (!(yield* statOf(tgt, false))) return "mount point does not exist";
      if (!(yield* statOf(tgt))) return "mount point is a symbolic link to nowhere";
      if (src !== null && !(yield* statOf(src))) return `special device ${src} does not exist`;
      return generic;
    case "ENOTDIR": {
      const st = yield* statOf(tgt);
      if (!st || !isDirMode(st.mode)) return "mount point is not a directory";
      if (src !== null) {
        const r = yield* sys<StatResult>({ name: "stat", path: src });
        if (!r.ok && r.error === "ENOTDIR") return `special device ${src} does not exist (a path prefix is not a directory)`;
      }
      return generic;
    }
    case "EINVAL":
      if (flags & MS_REMOUNT) return "mount point not mounted or bad option";
      if (a.applyFlags) return "not mount point or bad option";
      if (flags & MS_MOVE && src !== null && underShared(a.table, src)) return "bad option; moving a mount residing under a shared mount is unsupported";
      return `wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error`;
    case "EMFILE":
      return "mount table full";
    case "EIO":
      return `can't read superblock on ${src}`;
    case "ENODEV":
      return a.fstype ? `unknown filesystem type '${a.fstype}'` : "unknown filesystem type";
    case "ENOTBLK": {
      const st = src === null ? undefined : yield* statOf(src);
      if (!st) return `${src} is not a block device, and stat(2) fails?`;
      if ((st.mode & S_IFMT) === S_IFBLK) return `the kernel does not recognize ${src} as a block device; maybe "modprobe driver" is necessary`;
      if ((st.mode & S_IFMT) === S_IFREG) return `${src} is not a block device; try "-o loop"`;
      return `${src} is not a block device`;
    }
    case "ENXIO":
      return `${src} is not a valid block device`;
    case "EACCES":
    case "EROFS":
      if (flags & MS_RDONLY) return `cannot mount ${src} read-only`;
      if (a.rwOnly) return `${src} is write-protected but explicit read-write mode requested`;
      if (flags & MS_REMOUNT) return `cannot remount ${src} read-write, is write-protected`;
      if (flags & MS_BIND) return `bind ${src} failed`;
      return generic;
    default:
      return generic;
  }
}

/** The message for an umount2(2) failure. */
export function umountMessage(e: Errno): string {
  switch (e) {
    case "ENXIO": return "invalid block device";
    case "EINVAL": return "not mounted";
    case "EIO": return "can't write superblock";
    case "EBUSY": return "target is busy";
    case "ENOENT": return "no mount point specified";
    case "EPERM": return "must be superuser to unmount";
    case "EACCES": return "block devices are not permitted on filesystem";
    default: return `umount(2) system call failed: ${strerror(e)}`;
  }
}

/** A path made absolute against `cwd` and cleaned of `.`, `..` and doubled slashes (no symlinks). */
export function absolutePath(path: string, cwd: string): string {
  const parts: string[] = [];
  for (const p of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return `/${parts.join("/")}`;
}
