/**
 * A host filesystem described as data: one entry per path, parents created on the way
 * (root-owned, 0755). Builders keep the data files short and readable.
 */
import type { DevNum } from "../mode";

export type HostEntryType = "dir" | "file" | "program" | "symlink" | "socket" | "chr" | "blk" | "fifo";

export interface HostEntry {
  readonly path: string;
  readonly type: HostEntryType;
  /** Permission bits (with setuid, setgid, sticky). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly text?: string;
  /** For programs: the command the userland runs, and the binary's size in bytes. */
  readonly program?: string;
  readonly size?: number;
  readonly target?: string;
  readonly rdev?: DevNum;
}

interface Owner {
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

const own = (o: Owner, mode: number) => ({ mode: o.mode ?? mode, uid: o.uid ?? 0, gid: o.gid ?? 0 });

export const dir = (path: string, o: Owner = {}): HostEntry => ({ path, type: "dir", ...own(o, 0o755) });
export const file = (path: string, text: string, o: Owner = {}): HostEntry => ({ path, type: "file", text, ...own(o, 0o644) });
export const link = (path: string, target: string): HostEntry => ({ path, type: "symlink", target, mode: 0o777, uid: 0, gid: 0 });
export const socket = (path: string, o: Owner = {}): HostEntry => ({ path, type: "socket", ...own(o, 0o755) });

/** An executable: `program` defaults to the file name. */
export const prog = (path: string, size: number, o: Owner & { readonly program?: string } = {}): HostEntry => ({
  path, type: "program", size, program: o.program ?? path.slice(path.lastIndexOf("/") + 1), ...own(o, 0o755),
});

/** Programs of one directory, as `[name, size]` pairs. */
export const progs = (dirPath: string, list: readonly (readonly [string, number])[]): HostEntry[] =>
  list.map(([name, size]) => prog(`${dirPath}/${name}`, size));

/** Symlinks of one directory, as `[name, target]` pairs. */
export const links = (dirPath: string, list: readonly (readonly [string, string])[]): HostEntry[] =>
  list.map(([name, target]) => link(`${dirPath}/${name}`, target));
