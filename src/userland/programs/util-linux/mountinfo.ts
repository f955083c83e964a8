/**
 * The mount table as libmount 2.39 reads it from /proc/self/mountinfo (proc(5)): one entry per
 * mount with its id, parent, device, root, mount point, per-mount (VFS) options, optional
 * propagation fields, filesystem type, source and superblock options. `options()` is
 * mnt_fs_get_options(): the VFS and superblock options merged with one rw/ro in front.
 */
import type { Errno } from "../../../kernel/index.ts";
import type { Sys } from "../../process/sys";
import { readFile } from "../../process/sys";

export interface MountEntry {
  readonly id: number;
  readonly parent: number;
  readonly major: number;
  readonly minor: number;
  /** The path inside the filesystem that is the mount's root (not "/" for a bind of a subdirectory). */
  readonly root: string;
  readonly target: string;
  readonly vfsOptions: string;
  /** `shared:N`, `master:N`, `propagate_from:N`, `unbindable`. */
  readonly optional: readonly string[];
  readonly fstype: string;
  readonly source: string;
  readonly fsOptions: string;
}

/** Undoes the kernel's octal escapes (`\040` for a space) in paths and sources. */
export const unescapeMount = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split("\n")) {
    const f = line.split(" ");
    const dash = f.indexOf("-");
    if (f.length < 10 || dash < 6) continue;
    const [major, minor] = f[2]!.split(":").map(Number);
    out.push({
      id: Number(f[0]), parent: Number(f[1]), major: major ?? 0, minor: minor ?? 0,
      root: unescapeMount(f[3]!), target: unescapeMount(f[4]!), vfsOptions: f[5]!, optional: f.slice(6, dash),
      fstype: f[dash + 1]!, source: unescapeMount(f[dash + 2]!), fsOptions: f[dash + 3] ?? "",
    });
  }
  return out;
}

/** /proc/self/mountinfo, parsed. */
export function* readMountinfo(path = "/proc/self/mountinfo"): Sys<{ ok: true; value: MountEntry[] } | { ok: false; error: Errno }> {
  const r = yield* readFile(path);
  return r.ok ? { ok: true, value: parseMountinfo(r.value) } : r;
}

/** libmount merge_optstr(): rw/ro first, then the VFS options, then the filesystem's own. */
export function mergedOptions(m: MountEntry): string {
  if (m.vfsOptions === m.fsOptions) return m.vfsOptions;
  const words = [...m.vfsOptions.split(","), ...m.fsOptions.split(",")].filter((w) => w !== "");
  const ro = words.includes("ro");
  const rest = words.filter((w) => w !== "rw" && w !== "ro");
  return [ro ? "ro" : "rw", ...rest].join(",");
}

/** findmnt's SOURCE: the source, with `[root]` when the mount shows a subdirectory. */
export const sourceWithRoot = (m: MountEntry) => (m.root !== "/" ? `${m.source}[${m.root}]` : m.source);

/** Propagation as findmnt's PROPAGATION column words it. */
export function propagation(m: MountEntry): string {
  const words: string[] = [];
  if (m.optional.some((o) => o.startsWith("shared:"))) words.push("shared");
  if (m.optional.some((o) => o.startsWith("master:"))) words.push("slave");
  if (m.optional.includes("unbindable")) words.push("unbindable");
  return words.length === 0 ? "private" : words.join(",");
}

/** The entry mounted last on `target` (the one that is visible), if any. */
export const mountedOn = (table: readonly MountEntry[], target: string) => [...table].reverse().find((m) => m.target === target);
