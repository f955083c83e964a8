/**
 * The second half of /proc/PID/status: signals (`task_sig()`), capabilities (`task_cap()`),
 * no_new_privs, seccomp and speculation controls (`task_seccomp()`), the CPU and memory-node
 * masks (`task_cpus_allowed()`, `cpuset_task_status_allowed()`), context switches and the x86
 * thread features (`arch/x86/kernel/fpu/xstate.c`, shown with CONFIG_X86_USER_SHADOW_STACK).
 */
import { capHex } from "../caps/capabilities";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { threadsMax } from "./kernel-info";
import { ctxtSwitches } from "./task-traits";

/** A 64-signal set as render_sigset_t() prints it: 16 hex digits, signal 1 in the lowest bit. */
export function sigsetHex(signals: Iterable<number>): string {
  let hi = 0;
  let lo = 0;
  for (const sig of signals) {
    if (sig < 1 || sig > 64) continue;
    if (sig <= 32) lo |= 1 << (sig - 1);
    else hi |= 1 << (sig - 33);
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

export const ignoredSignals = (task: Task): number[] => dispositions(task, "ignore");
export const caughtSignals = (task: Task): number[] => dispositions(task, "handler");

function dispositions(task: Task, which: "ignore" | "handler"): number[] {
  return Object.entries(task.signals.dispositions).filter(([, d]) => d === which).map(([sig]) => Number(sig));
}

/**
 * SigQ counts the signals queued for the task's user (its ucounts) against RLIMIT_SIGPENDING,
 * which fork_init() sets to max_threads / 2. Signals sent with kill(2) wait on the thread
 * group's shared queue, so they show as ShdPnd; the task blocks nothing (SIMPLIFICATION).
 */
export function taskSig(state: KernelState, task: Task): string {
  let queued = 0;
  for (const t of state.tasks.values()) {
    if (t.cred.uid === task.cred.uid && t.cred.userNs === task.cred.userNs) queued += t.signals.pending.length;
  }
  return [
    "Threads:\t1",
    `SigQ:\t${queued}/${Math.floor(threadsMax(state.config) / 2)}`,
    `SigPnd:\t${sigsetHex([])}`,
    `ShdPnd:\t${sigsetHex(task.signals.pending)}`,
    `SigBlk:\t${sigsetHex([])}`,
    `SigIgn:\t${sigsetHex(ignoredSignals(task))}`,
    `SigCgt:\t${sigsetHex(caughtSignals(task))}`,
  ].join("\n") + "\n";
}

export function taskCap(task: Task): string {
  const c = task.cred.caps;
  return `CapInh:\t${capHex(c.inheritable)}\nCapPrm:\t${capHex(c.permitted)}\nCapEff:\t${capHex(c.effective)}\nCapBnd:\t${capHex(c.bounding)}\nCapAmb:\t${capHex(c.ambient)}\n`;
}

/**
 * The speculation lines are what a current Intel or AMD CPU reports with the default
 * `spec_store_bypass_disable=prctl` and `spectre_v2_user=prctl` mitigations.
 */
export function taskSeccomp(task: Task): string {
  return [
    `NoNewPrivs:\t${task.noNewPrivs ? 1 : 0}`,
    `Seccomp:\t${task.seccomp.mode}`,
    `Seccomp_filters:\t${task.seccomp.filters.length}`,
    "Speculation_Store_Bypass:\tthread vulnerable",
    "SpeculationIndirectBranch:\tconditional enabled",
  ].join("\n") + "\n";
}

/**
 * `%*pb`: a bitmap of `bits` bits in 32-bit hex groups separated by commas, most significant
 * first; the first group has only as many digits as its bits need.
 */
export function bitmapHex(bits: number, set: (bit: number) => boolean): string {
  const groups: string[] = [];
  for (let base = 0; base < bits; base += 32) {
    const width = Math.min(32, bits - base);
    let word = 0;
    for (let b = 0; b < width; b++) if (set(base + b)) word |= 1 << b;
    groups.unshift((word >>> 0).toString(16).padStart(Math.ceil(width / 4), "0"));
  }
  return groups.join(",");
}

/** `%*pbl`: the same bitmap as a range list (`0-3`). */
export const rangeList = (n: number): string => (n <= 1 ? "0" : `0-${n - 1}`);

/** MAX_NUMNODES on Ubuntu's x86-64 kernels (CONFIG_NODES_SHIFT=10): one memory node online. */
const MAX_NUMNODES = 1024;

export function taskCpusAndMems(cpus: number): string {
  return [
    `Cpus_allowed:\t${bitmapHex(cpus, () => true)}`,
    `Cpus_allowed_list:\t${rangeList(cpus)}`,
    `Mems_allowed:\t${bitmapHex(MAX_NUMNODES, (b) => b === 0)}`,
    "Mems_allowed_list:\t0",
  ].join("\n") + "\n";
}

/** Context switches, then the shadow-stack features (none enabled, none locked). */
export function taskTail(task: Task): string {
  const [vol, nonvol] = ctxtSwitches(task);
  return `voluntary_ctxt_switches:\t${vol}\nnonvoluntary_ctxt_switches:\t${nonvol}\nx86_Thread_features:\t\nx86_Thread_features_locked:\t\n`;
}
