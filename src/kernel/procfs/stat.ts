/**
 * /proc/PID/stat and /proc/PID/statm (`fs/proc/array.c: do_task_stat()`, `proc_pid_statm()`).
 * stat is the one line ps(1) and top(1) parse: 52 space-separated fields, times in clock ticks
 * (USER_HZ = 100), the address-space fields zeroed unless the reader passes
 * ptrace_may_access(PTRACE_MODE_READ_FSCREDS).
 */
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Task } from "../task/task";
import { RLIM_INFINITY_TEXT } from "./kernel-info";
import type { MmLayout } from "./mm-layout";
import { PAGE, mmLayout } from "./mm-layout";
import { mmStats } from "./mm-stats";
import { caughtSignals, ignoredSignals } from "./status-tail";
import { allowed, ptraceChecks } from "../vfs/ptrace";
import { pfFlags, processorOf, schedOf, stateLetter } from "./task-traits";
import type { ProcView } from "./view";
import { nrIn } from "./view";

/** nsec_to_clock_t() with USER_HZ = 100. */
export const clockTicks = (ns: number): number => Math.floor(ns / 10_000_000);

/** The old decimal signal words: signals 1–31 only (`sig[0] & 0x7fffffff`). */
function sigWord(signals: Iterable<number>): number {
  let word = 0;
  for (const sig of signals) if (sig >= 1 && sig <= 31) word |= 1 << (sig - 1);
  return word >>> 0;
}

/**
 * SIMPLIFICATION: tasks have no controlling terminal (tty_nr 0, tpgid -1), no page-fault
 * counts, and CPU time is split two thirds user, one third system (kernel threads: all system).
 */
export function renderStat(state: KernelState, task: Task, view: ProcView): string {
  const mm = mmLayout(task);
  const reader = state.tasks.get(view.readerPid);
  const permitted = reader !== undefined && allowed(ptraceChecks(state, reader, task, "read"));
  const ticks = clockTicks(task.cpuNs);
  const utime = task.kthread ? 0 : Math.floor((ticks * 2) / 3);
  const sched = schedOf(task);
  const boottimeOffset = getNs(state, view.nsproxy.time, "time").boottimeOffsetNs;
  const stats = mm ? mmStats(task, mm) : undefined;
  const head = [
    nrIn(state, task.pid, view.pidNs), `(${task.comm})`, stateLetter(task),
    nrIn(state, task.ppid, view.pidNs), nrIn(state, task.pgid, view.pidNs), nrIn(state, task.sid, view.pidNs),
    0, -1, pfFlags(task), 0, 0, 0, 0, utime, ticks - utime, 0, 0,
    sched.priority, sched.nice, 1, 0, clockTicks(task.startNs + boottimeOffset),
    stats ? stats.totalVm * 1024 : 0, stats ? Math.floor(stats.rss / 4) : 0, RLIM_INFINITY_TEXT,
  ];
  const addr = (pick: (m: MmLayout) => number) => (mm ? (permitted ? pick(mm) : 1) : 0);
  // Field 31 is the per-thread queue only; kill(2) queues on the shared one (ShdPnd in status).
  const middle = [
    addr((m) => m.startCode), addr((m) => m.endCode), mm && permitted ? mm.startStack : 0, 0, 0,
    0, 0, sigWord(ignoredSignals(task)), sigWord(caughtSignals(task)),
    permitted && task.state !== "R" ? 1 : 0, 0, 0, 17, processorOf(task, state.config.cpus),
    sched.rtPriority, sched.policy, 0, 0, 0,
  ];
  const tail = mm && permitted
    ? [mm.startData, mm.endData, mm.startBrk, mm.argStart, mm.argEnd, mm.envStart, mm.envEnd]
    : [0, 0, 0, 0, 0, 0, 0];
  const exitCode = permitted && task.exitStatus !== null ? task.exitStatus : 0;
  return `${[...head, ...middle, ...tail, exitCode].join(" ")}\n`;
}

/** statm: size resident shared text lib(0) data dt(0), in pages. */
export function renderStatm(_state: KernelState, task: Task, _view: ProcView): string {
  const mm = mmLayout(task);
  if (!mm) return "0 0 0 0 0 0 0\n";
  const s = mmStats(task, mm);
  const pages = (kb: number) => Math.floor((kb * 1024) / PAGE);
  return `${pages(s.totalVm)} ${pages(s.rss)} ${pages(s.rssFile)} ${pages(s.exe)} 0 ${pages(s.dataVm + s.stackVm)} 0\n`;
}
