/**
 * /proc/PID/status (`fs/proc/array.c: proc_pid_status()`), field for field as Linux 6.18
 * prints it on x86-64: Name, task_state() (Umask … Kthread), task_mem() with CoreDumping,
 * THP_enabled and untag_mask when the task has an mm, task_sig(), task_cap(), task_seccomp(),
 * the CPU and memory-node masks, context switches and the x86 thread features.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { mmLayout } from "./mm-layout";
import type { MmStats } from "./mm-stats";
import { mmStats } from "./mm-stats";
import { taskCap, taskCpusAndMems, taskSeccomp, taskSig, taskTail } from "./status-tail";
import { STATE_TEXT, escapeName, fdSizeOf, stateLetter, umaskOf } from "./task-traits";
import type { ProcView } from "./view";
import { idMunged, nrIn, pidNsChain, viewLevel } from "./view";

export function renderStatus(state: KernelState, task: Task, view: ProcView): string {
  const mm = mmLayout(task);
  return [
    `Name:\t${escapeName(task.comm)}\n`,
    taskState(state, task, view),
    mm ? taskMem(mmStats(task, mm)) + "CoreDumping:\t0\nTHP_enabled:\t1\nuntag_mask:\t0xffffffffffffffff\n" : "",
    taskSig(state, task),
    taskCap(task),
    taskSeccomp(task),
    taskCpusAndMems(state.config.cpus),
    taskTail(task),
  ].join("");
}

/** task_state(): ids shown in the reader's user namespace and PIDs in the mount's PID namespace. */
function taskState(state: KernelState, task: Task, view: ProcView): string {
  const { cred } = task;
  const ns = view.pidNs;
  const uid = (id: number) => idMunged(state, view.userNs, id, "uid");
  const gid = (id: number) => idMunged(state, view.userNs, id, "gid");
  // A zombie has released its fs_struct and files: no Umask line, FDSize 0.
  const alive = task.state !== "Z";
  const lines = [
    ...(alive ? [`Umask:\t${umaskOf(task).toString(8).padStart(4, "0")}`] : []),
    `State:\t${STATE_TEXT[stateLetter(task)] ?? STATE_TEXT.S}`,
    `Tgid:\t${nrIn(state, task.pid, ns)}`,
    "Ngid:\t0",
    `Pid:\t${nrIn(state, task.pid, ns)}`,
    `PPid:\t${nrIn(state, task.ppid, ns)}`,
    "TracerPid:\t0",
    `Uid:\t${[cred.uid, cred.euid, cred.suid, cred.fsuid].map(uid).join("\t")}`,
    `Gid:\t${[cred.gid, cred.egid, cred.sgid, cred.fsgid].map(gid).join("\t")}`,
    `FDSize:\t${alive ? fdSizeOf(task) : 0}`,
    // "Trailing space shouldn't have been added in the first place." — it is still there.
    `Groups:\t${cred.groups.map(gid).join(" ")} `,
    ...nsPidLines(state, task, view),
    `Kthread:\t${task.kthread ? 1 : 0}`,
  ];
  return lines.join("\n") + "\n";
}

/**
 * NStgid/NSpid/NSpgid/NSsid: one column per PID namespace level "from the level of the /proc
 * mount down to the process's own level" (linux-facts §1.3); a group or session leader not
 * visible at a level shows 0 there.
 */
function nsPidLines(state: KernelState, task: Task, view: ProcView): string[] {
  const levels = pidNsChain(state, task).slice(viewLevel(state, view));
  const row = (label: string, pid: Task["pid"]) => `${label}:${levels.map((ns) => `\t${nrIn(state, pid, ns.id)}`).join("")}`;
  return [row("NStgid", task.pid), row("NSpid", task.pid), row("NSpgid", task.pgid), row("NSsid", task.sid)];
}

const vm = (label: string, kb: number): string => `${label}:\t${String(kb).padStart(8)} kB\n`;

/** task_mem() (`fs/proc/task_mmu.c`): every value right-aligned in 8 columns, in kB. */
function taskMem(s: MmStats): string {
  return [
    vm("VmPeak", s.totalVm), vm("VmSize", s.totalVm), vm("VmLck", 0), vm("VmPin", 0),
    vm("VmHWM", s.rss), vm("VmRSS", s.rss), vm("RssAnon", s.rssAnon), vm("RssFile", s.rssFile), vm("RssShmem", 0),
    vm("VmData", s.dataVm), vm("VmStk", s.stackVm), vm("VmExe", s.exe), vm("VmLib", s.lib), vm("VmPTE", s.pte),
    vm("VmSwap", 0), vm("HugetlbPages", 0),
  ].join("");
}
