/**
 * Generated filesystems (procfs, sysfs, cgroup2, nsfs): nothing is stored; every lookup, listing
 * and read is computed from kernel state when it happens, and writes go to handler functions —
 * as the kernel's proc_ops, kernfs_ops and cftype handlers do. Nodes are named by their path
 * from the filesystem root ("" is the root, "1/status" a file).
 */
import type { Result } from "../../lib";
import type { Errno } from "../errno";
import type { Kgid, Kuid } from "../ids";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import type { PathRef, SuperBlock } from "./types";

export interface SynthCtx {
  readonly state: KernelState;
  readonly sb: SuperBlock;
  /** The task looking: what /proc/self means, and whose permissions apply. */
  readonly viewer: Task;
}

export interface SynthAttr {
  readonly type: "dir" | "reg" | "lnk" | "chr" | "fifo";
  /** Permission bits. */
  readonly mode: number;
  readonly uid?: Kuid;
  readonly gid?: Kgid;
  readonly ino?: number;
  readonly size?: number;
  readonly nlink?: number;
}

/** Where a magic link (/proc/PID/root, /proc/PID/ns/mnt) leads, once its access check passed. */
export type MagicTarget =
  | { readonly ok: true; readonly path: PathRef; readonly checks: readonly Check[] }
  | { readonly ok: false; readonly checks: readonly Check[]; readonly errno: Errno };

export type SynthLink =
  | { readonly kind: "text"; readonly text: string }
  /** `nd_jump_link()`: following it jumps to `target()`; readlink shows `text` (after `access`). */
  | { readonly kind: "magic"; readonly text: string; readonly target: () => MagicTarget; readonly access: () => MagicTarget | null };

export interface SynthWrite {
  readonly state: KernelState;
  readonly checks: readonly Check[];
  /** Set when the write failed; checks then end with the denial, if any. */
  readonly errno?: Errno;
}

export interface SynthFs {
  attr(ctx: SynthCtx, key: string): SynthAttr | undefined;
  list(ctx: SynthCtx, key: string): readonly string[];
  /** The text a read sees: taken once at open, like a seq_file's single show(). */
  read(ctx: SynthCtx, key: string): Result<string, Errno>;
  readlink(ctx: SynthCtx, key: string): SynthLink | undefined;
  /** A permission rule that replaces DAC for this node (`inode_operations.permission`). */
  permission?(ctx: SynthCtx, key: string, mask: number): Check | undefined;
  /** Checks beyond the mode bits that open() makes (ptrace access for /proc/PID/environ). */
  openChecks?(ctx: SynthCtx, key: string, write: boolean): readonly Check[];
  write?(ctx: SynthCtx, key: string, data: string): SynthWrite;
  mkdir?(ctx: SynthCtx, dir: string, name: string, mode: number): SynthWrite;
  rmdir?(ctx: SynthCtx, dir: string, name: string): SynthWrite;
}

export const childKey = (dir: string, name: string): string => (dir === "" ? name : `${dir}/${name}`);
export const parentKey = (key: string): string => (key.includes("/") ? key.slice(0, key.lastIndexOf("/")) : "");
export const baseName = (key: string): string => key.slice(key.lastIndexOf("/") + 1);

/** A stable inode number for a generated node: FNV-1a of its path (the kernel allocates them). */
export function keyIno(key: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 0x7ffffff0) + 16;
}
