/**
 * Mount options of each filesystem type (`fs_context` parse_param and show_options): what
 * mount(2)'s data string may say, and how /proc/PID/mountinfo shows it afterwards. Unknown
 * options are EINVAL ("tmpfs: Unknown parameter 'foo'" in dmesg).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { FsType } from "./types";

export interface FsOptions {
  /** What show_options() prints, in its order. */
  readonly shown: readonly string[];
  /** The root directory's mode and owner (tmpfs mode=, uid=, gid=). */
  readonly rootMode?: number;
  readonly uid?: number;
  readonly gid?: number;
  /** devpts ptmxmode=. */
  readonly ptmxMode?: number;
}

const split = (data: string | null): string[] => (data ?? "").split(",").map((o) => o.trim()).filter((o) => o !== "");

/** tmpfs size=: bytes, k/m/g suffixes or a percentage of RAM; shown in KiB. */
function sizeKb(value: string, memKb: number): number | undefined {
  const m = /^(\d+)([kmgKMG%]?)$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  if (unit === "%") return Math.floor((memKb * n) / 100 / 4) * 4;
  const bytes = unit === "k" ? n * 1024 : unit === "m" ? n * 1024 ** 2 : unit === "g" ? n * 1024 ** 3 : n;
  return Math.ceil(bytes / 4096) * 4;
}

/**
 * SIMPLIFICATION: `inode64` is not shown (the recorded 6.18 kernel has no CONFIG_TMPFS_INODE64;
 * Ubuntu's has); tmpfs size= and nr_inodes= limits are shown but not enforced (no ENOSPC).
 */
function tmpfsOptions(opts: string[], memKb: number): Result<FsOptions, Errno> {
  let size: number | undefined;
  let inodes: string | undefined;
  let mode: number | undefined;
  let uid: number | undefined;
  let gid: number | undefined;
  for (const o of opts) {
    const [key, value = ""] = o.split("=", 2) as [string, string?];
    if (key === "size") size = sizeKb(value, memKb);
    else if (key === "nr_inodes") inodes = value;
    else if (key === "mode" && /^[0-7]{1,4}$/.test(value)) mode = parseInt(value, 8);
    else if (key === "uid" && /^\d+$/.test(value)) uid = Number(value);
    else if (key === "gid" && /^\d+$/.test(value)) gid = Number(value);
    else if (!["inode64", "inode32", "huge", "noswap", "mpol"].includes(key)) return err("EINVAL");
    if (key === "size" && size === undefined) return err("EINVAL");
  }
  const half = Math.floor(memKb / 2 / 4) * 4;
  const shown = [
    ...(size !== undefined && size !== half ? [`size=${size}k`] : []),
    ...(inodes !== undefined ? [`nr_inodes=${inodes}`] : []),
    ...(mode !== undefined && mode !== 0o1777 ? [`mode=${mode.toString(8).padStart(3, "0")}`] : []),
    ...(uid ? [`uid=${uid}`] : []), ...(gid ? [`gid=${gid}`] : []),
  ];
  return ok({ shown, rootMode: mode ?? 0o1777, uid: uid ?? 0, gid: gid ?? 0 });
}

function devptsOptions(opts: string[]): Result<FsOptions, Errno> {
  let gid: number | undefined;
  let mode = 0o600;
  let ptmx = 0;
  for (const o of opts) {
    const [key, value = ""] = o.split("=", 2) as [string, string?];
    if (key === "gid" && /^\d+$/.test(value)) gid = Number(value);
    else if (key === "mode" && /^[0-7]+$/.test(value)) mode = parseInt(value, 8) & 0o777;
    else if (key === "ptmxmode" && /^[0-7]+$/.test(value)) ptmx = parseInt(value, 8) & 0o777;
    else if (key !== "newinstance" && key !== "max") return err("EINVAL");
  }
  const o3 = (n: number) => n.toString(8).padStart(3, "0");
  return ok({ shown: [...(gid !== undefined ? [`gid=${gid}`] : []), `mode=${o3(mode)}`, `ptmxmode=${o3(ptmx)}`], ptmxMode: ptmx, rootMode: 0o755 });
}

/** Options each other type accepts (its fs_parameter_spec), shown as given. */
const ACCEPTED: Partial<Record<FsType, readonly string[]>> = {
  proc: ["hidepid", "subset", "gid"],
  sysfs: [],
  mqueue: [],
  cgroup2: ["nsdelegate", "favordynmods", "memory_localevents", "memory_recursiveprot", "memory_hugetlb_accounting", "pids_localevents"],
  ext4: ["errors", "discard", "nodiscard", "commit", "data", "noload", "barrier", "user_xattr", "acl", "noacl"],
  bpf: ["mode", "uid", "gid"],
  hugetlbfs: ["pagesize", "size", "mode", "uid", "gid", "min_size", "nr_inodes"],
};

/** Parses mount(2)'s data for `fstype` (`parse_monolithic_mount_data()`). */
export function parseFsOptions(fstype: FsType, data: string | null, memKb: number): Result<FsOptions, Errno> {
  const opts = split(data);
  if (fstype === "tmpfs") return tmpfsOptions(opts, memKb);
  if (fstype === "devpts") return devptsOptions(opts);
  const accepted = ACCEPTED[fstype] ?? [];
  // mount(8) passes these as flags; the kernel ignores them in data (`rw`, `ro`, …).
  const generic = ["rw", "ro", "defaults", "relatime", "noatime", "nosuid", "nodev", "noexec", "source"];
  const shown: string[] = [];
  for (const o of opts) {
    const key = o.split("=", 1)[0] ?? "";
    if (generic.includes(key)) continue;
    if (!accepted.includes(key)) return err("EINVAL");
    shown.push(o);
  }
  return ok({ shown });
}
