/**
 * /proc/meminfo (`fs/proc/meminfo.c: meminfo_proc_show()`, then `hugetlb_report_meminfo()`
 * and x86's `arch_report_meminfo()`), with the lines an Ubuntu x86-64 6.18 kernel prints
 * (CONFIG_ZSWAP, CONFIG_TRANSPARENT_HUGEPAGE, CONFIG_CMA, CONFIG_UNACCEPTED_MEMORY). The
 * file is not namespaced: a container reads the host's numbers, whatever its memory.max.
 */
import type { KernelState } from "../state";
import { mmLayout } from "./mm-layout";
import { mmStats } from "./mm-stats";
import type { ProcView } from "./view";

/** show_val_kb(): a 16-column label, the value right-aligned in 8, " kB". */
const kb = (label: string, value: number): string => `${`${label}:`.padEnd(16)}${String(Math.max(0, Math.round(value))).padStart(8)} kB\n`;
/** The one line with its own format: `HardwareCorrupted: %5lu kB`. */
const corrupted = (value: number): string => `HardwareCorrupted: ${String(value).padStart(5)} kB\n`;

interface Usage {
  readonly anon: number;
  readonly file: number;
  readonly pte: number;
  readonly tasks: number;
  readonly committed: number;
}

function usage(state: KernelState): Usage {
  let anon = 0, file = 0, pte = 0, committed = 0;
  for (const t of state.tasks.values()) {
    const mm = mmLayout(t);
    if (!mm) continue;
    const s = mmStats(t, mm);
    anon += s.rssAnon;
    file += s.rssFile;
    pte += s.pte;
    // Private writable memory counts when it is committed; runtimes that reserve far more
    // address space than they touch (Go) commit only what they use.
    committed += Math.min(s.dataVm + s.stackVm, 4 * s.rss + 4096);
  }
  return { anon, file, pte, tasks: state.tasks.size, committed };
}

/**
 * SIMPLIFICATION: the page cache, slab and other kernel memory are fixed shares of RAM
 * (Cached 14%, Buffers 1%, Slab 3%) rather than the result of any I/O; anonymous memory and
 * page tables are the sum over processes; shared libraries are counted once per process; there
 * is no swap (the simulated host has none, like the OOM model in cgroup/oom.ts).
 */
export function renderMeminfo(state: KernelState, _view: ProcView): string {
  const total = state.config.memTotalKb;
  const u = usage(state);
  const cached = Math.round(total * 0.14) + Math.min(u.file, total * 0.05);
  const buffers = Math.round(total * 0.01);
  const slab = Math.round(total * 0.03);
  const sreclaim = Math.round(slab * 0.55);
  const stacks = u.tasks * 16;
  const percpu = 672 * state.config.cpus;
  const reserved = Math.round(total * 0.012);
  const free = total - u.anon - cached - buffers - slab - stacks - u.pte - percpu - reserved;
  const available = free + Math.round(cached * 0.85) + buffers + Math.round(sreclaim * 0.5);
  const activeFile = Math.round(cached * 0.42);
  const activeAnon = Math.round(u.anon * 0.08);
  const directMap4k = 157696;
  const lines: [string, number][] = [
    ["MemTotal", total], ["MemFree", free], ["MemAvailable", available], ["Buffers", buffers], ["Cached", cached],
    ["SwapCached", 0], ["Active", activeAnon + activeFile], ["Inactive", u.anon - activeAnon + cached + buffers - activeFile],
    ["Active(anon)", activeAnon], ["Inactive(anon)", u.anon - activeAnon], ["Active(file)", activeFile],
    ["Inactive(file)", cached + buffers - activeFile], ["Unevictable", 0], ["Mlocked", 0], ["SwapTotal", 0], ["SwapFree", 0],
    ["Zswap", 0], ["Zswapped", 0], ["Dirty", 132], ["Writeback", 0], ["AnonPages", u.anon], ["Mapped", u.file],
    ["Shmem", 1560], ["KReclaimable", sreclaim], ["Slab", slab], ["SReclaimable", sreclaim], ["SUnreclaim", slab - sreclaim],
    ["KernelStack", stacks], ["PageTables", u.pte], ["SecPageTables", 0], ["NFS_Unstable", 0], ["Bounce", 0],
    ["WritebackTmp", 0], ["CommitLimit", Math.floor(total / 2)], ["Committed_AS", u.committed], ["VmallocTotal", 34359738367],
    ["VmallocUsed", 46000 + 2048 * state.config.cpus], ["VmallocChunk", 0], ["Percpu", percpu], ["HardwareCorrupted", 0],
    ["AnonHugePages", 0], ["ShmemHugePages", 0], ["ShmemPmdMapped", 0], ["FileHugePages", 0], ["FilePmdMapped", 0],
    ["CmaTotal", 0], ["CmaFree", 0], ["Unaccepted", 0], ["Balloon", 0],
  ];
  const huge = "HugePages_Total:       0\nHugePages_Free:        0\nHugePages_Rsvd:        0\nHugePages_Surp:        0\n";
  const direct2m = Math.ceil((total + reserved * 2 - directMap4k) / 2048) * 2048;
  return lines.map(([l, v]) => (l === "HardwareCorrupted" ? corrupted(v) : kb(l, v))).join("") + huge + kb("Hugepagesize", 2048) + kb("Hugetlb", 0) +
    kb("DirectMap4k", directMap4k) + kb("DirectMap2M", direct2m) + kb("DirectMap1G", 0);
}
