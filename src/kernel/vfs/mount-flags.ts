/** mount(2) and umount2(2) flags (`include/uapi/linux/mount.h`). */
import type { MntFlags } from "./types";

export const MS_RDONLY = 1;
export const MS_NOSUID = 2;
export const MS_NODEV = 4;
export const MS_NOEXEC = 8;
export const MS_SYNCHRONOUS = 16;
export const MS_REMOUNT = 32;
export const MS_MANDLOCK = 64;
export const MS_DIRSYNC = 128;
export const MS_NOSYMFOLLOW = 256;
export const MS_NOATIME = 1024;
export const MS_NODIRATIME = 2048;
export const MS_BIND = 4096;
export const MS_MOVE = 8192;
export const MS_REC = 16384;
export const MS_SILENT = 32768;
export const MS_UNBINDABLE = 1 << 17;
export const MS_PRIVATE = 1 << 18;
export const MS_SLAVE = 1 << 19;
export const MS_SHARED = 1 << 20;
export const MS_RELATIME = 1 << 21;
export const MS_STRICTATIME = 1 << 24;
export const MS_LAZYTIME = 1 << 25;
export const MS_NOUSER = -2147483648;
/** The magic number old programs put in the top 16 bits (MS_MGC_VAL), ignored. */
export const MS_MGC_VAL = 0xc0ed0000;

export const MS_PROPAGATION = MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE;

export const MNT_FORCE = 1;
export const MNT_DETACH = 2;
export const MNT_EXPIRE = 4;
export const UMOUNT_NOFOLLOW = 8;

/** Drops the MS_MGC_VAL magic (`path_mount()`: "Discard magic"). */
export const stripMagic = (flags: number): number => ((flags & 0xffff0000) >>> 0 === MS_MGC_VAL ? flags & 0xffff : flags);

/**
 * The per-mount flags a mount(2) call asks for: "Default to relatime unless overriden";
 * MS_STRICTATIME clears it. On a remount without atime flags the mount keeps its own.
 */
export function mntFlagsFrom(flags: number, keepAtime?: MntFlags): MntFlags {
  const atimeGiven = (flags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME)) !== 0;
  let atime: MntFlags["atime"] = flags & MS_NOATIME ? "noatime" : "relatime";
  if (flags & MS_STRICTATIME) atime = "strictatime";
  const nodiratime = (flags & MS_NODIRATIME) !== 0;
  return {
    ro: (flags & MS_RDONLY) !== 0, nosuid: (flags & MS_NOSUID) !== 0, nodev: (flags & MS_NODEV) !== 0,
    noexec: (flags & MS_NOEXEC) !== 0, nosymfollow: (flags & MS_NOSYMFOLLOW) !== 0,
    atime: keepAtime && !atimeGiven ? keepAtime.atime : atime,
    nodiratime: keepAtime && !atimeGiven ? keepAtime.nodiratime : nodiratime,
  };
}

/** can_change_locked_flags(): which locked flag a change would clear, if any. */
export function lockedFlagChange(m: { readonly flags: MntFlags; readonly locks: { readonly ro: boolean; readonly nosuid: boolean; readonly nodev: boolean; readonly noexec: boolean; readonly atime: boolean } | null }, next: MntFlags): string | undefined {
  const l = m.locks;
  if (!l) return undefined;
  if (l.ro && !next.ro) return "ro";
  if (l.nodev && !next.nodev) return "nodev";
  if (l.nosuid && !next.nosuid) return "nosuid";
  if (l.noexec && !next.noexec) return "noexec";
  if (l.atime && (m.flags.atime !== next.atime)) return "atime";
  return undefined;
}
