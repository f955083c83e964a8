/**
 * The memory counters /proc/PID/status, statm and stat print, derived from the address space
 * (`fs/proc/task_mmu.c: task_mem()`, `task_statm()`). All values in KiB.
 */
import type { Task } from "../task/task";
import type { MmLayout } from "./mm-layout";

export interface MmStats {
  /** total_vm: every mapping but [vsyscall] (VmSize). */
  readonly totalVm: number;
  readonly rss: number;
  readonly rssAnon: number;
  readonly rssFile: number;
  /** data_vm: private writable mappings that are not the stack (VmData). */
  readonly dataVm: number;
  /** stack_vm (VmStk). */
  readonly stackVm: number;
  /** The executable's code (VmExe) and every other executable mapping (VmLib, vDSO included). */
  readonly exe: number;
  readonly lib: number;
  /** mm_pgtables_bytes() in KiB (VmPTE). */
  readonly pte: number;
}

const kb = (bytes: number): number => Math.floor(bytes / 1024);
const round4 = (n: number): number => Math.floor(n / 4) * 4;

/**
 * SIMPLIFICATION: the task model keeps only VmSize and VmRSS (task.memory); the split of RSS
 * into file and anonymous pages is estimated (about 60% of RSS is file pages, never more than
 * 70% of what is file-mapped), there is no shmem or swap, and the high-water marks equal the
 * current values. Page tables take one 4 KiB page per 2 MiB mapped plus the upper levels.
 */
export function mmStats(task: Task, mm: MmLayout): MmStats {
  const vmas = mm.vmas.filter((v) => v.name !== "[vsyscall]");
  const sum = (pred: (v: MmLayout["vmas"][number]) => boolean) => kb(vmas.filter(pred).reduce((n, v) => n + v.end - v.start, 0));
  const totalVm = sum(() => true);
  const fileMapped = sum((v) => v.file !== undefined);
  const execVm = sum((v) => v.perms === "r-xp");
  const exe = kb(mm.endCode - mm.startCode);
  const rss = task.memory.rssKb;
  const rssFile = Math.min(round4(rss * 0.6), round4(fileMapped * 0.7));
  return {
    totalVm, rss, rssFile, rssAnon: rss - rssFile,
    dataVm: sum((v) => v.perms === "rw-p" && v.name !== "[stack]"),
    stackVm: sum((v) => v.name === "[stack]"),
    exe, lib: execVm - exe,
    pte: 4 * Math.ceil(totalVm / 2048) + 28,
  };
}
