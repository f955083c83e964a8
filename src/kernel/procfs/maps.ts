/**
 * /proc/PID/maps (`fs/proc/task_mmu.c: show_map_vma()`): one line per mapping,
 * `start-end perms offset major:minor inode`, then the name padded to column 73. Paths are
 * shown as the mapped file's path (d_path): a container process's files show their paths
 * inside the container, whoever reads them. Reading another process's maps needs
 * ptrace_may_access(PTRACE_MODE_READ) — the VFS checks that on open (ptrace-access.ts).
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { fnv1a } from "./elf-images";
import type { Vma } from "./mm-layout";
import { mmLayout } from "./mm-layout";
import type { ProcView } from "./view";

/** Device and inode of a mapped file, as `stat` would show them. */
export interface FileId {
  /** `MAJOR:MINOR` in two-digit hex, e.g. `08:01`. */
  readonly dev: string;
  readonly ino: number;
}

export type FileIdLookup = (task: Task, path: string) => FileId | undefined;

/**
 * SIMPLIFICATION: until the VFS answers `lookup`, every file lives on the host's root disk
 * (`/dev/sda1`, 08:01, ext4) with an inode number derived from a hash of the task's root and
 * the path — stable, and equal for every process that maps the same file.
 */
export const defaultFileId: FileIdLookup = (task, path) => ({ dev: "08:01", ino: 262144 + (fnv1a(`${JSON.stringify(task.root)}:${path}`) % 3_000_000) });

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

/** seq_setwidth(25 + sizeof(void *) * 6 - 1): the name starts after column 72 and one space. */
const NAME_COLUMN = 72;

export function mapsLine(vma: Vma, id: FileId | undefined): string {
  const dev = vma.file !== undefined && id ? id.dev : "00:00";
  const ino = vma.file !== undefined && id ? id.ino : 0;
  const prefix = `${hex(vma.start, 8)}-${hex(vma.end, 8)} ${vma.perms} ${hex(vma.offset, 8)} ${dev} ${ino} `;
  const name = vma.file ?? vma.name;
  return name === undefined ? prefix : `${prefix.padEnd(NAME_COLUMN)} ${name}`;
}

/** A kernel thread or zombie has no mm: its maps file is empty. */
export function renderMaps(_state: KernelState, task: Task, _view: ProcView, lookup: FileIdLookup = defaultFileId): string {
  const mm = mmLayout(task);
  if (!mm) return "";
  return mm.vmas.map((vma) => `${mapsLine(vma, vma.file !== undefined ? lookup(task, vma.file) ?? defaultFileId(task, vma.file) : undefined)}\n`).join("");
}
