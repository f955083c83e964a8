/**
 * Per-task values /proc shows that the task model does not keep as fields (yet): the
 * scheduler state letter, umask, the fd table size, scheduling policy and priority, PF_*
 * flags and context-switch counts. Each is derived deterministically from what the task has;
 * every rule here is a SIMPLIFICATION listed in SIMPLIFICATIONS.md.
 */
import type { Task } from "../task/task";

/** `fs/proc/array.c: task_state_array[]`. */
export const STATE_TEXT: Readonly<Record<string, string>> = {
  R: "R (running)", S: "S (sleeping)", D: "D (disk sleep)", T: "T (stopped)", t: "t (tracing stop)",
  X: "X (dead)", Z: "Z (zombie)", P: "P (parked)", I: "I (idle)",
};

/**
 * The state letter. Idle kernel threads that wait in TASK_IDLE (workqueue workers, RCU
 * kthreads) report `I`: SIMPLIFICATION, chosen by name since tasks have no wait-state field.
 */
export function stateLetter(task: Task): string {
  if (task.kthread && task.state === "S" && /^(kworker\/|rcu_)/.test(task.comm)) return "I";
  return task.state;
}

/** SIMPLIFICATION: no umask field; systemd (PID 1) and kernel threads run with 0000, the rest 0022. */
export const umaskOf = (task: Task): number => (task.kthread || task.argv[0] === "/sbin/init" ? 0 : 0o022);

/**
 * SIMPLIFICATION: no fd table; the table starts at 64 slots (NR_OPEN_DEFAULT) and grows to 256
 * for shells, which keep a descriptor at fd 255.
 */
export const fdSizeOf = (task: Task): number => (/^-?(ba)?sh$/.test(task.argv[0]?.split("/").pop() ?? "") ? 256 : 64);

export interface Sched {
  /** task_prio(): 20 + nice for normal tasks, -1 - rt_priority for real-time ones. */
  readonly priority: number;
  readonly nice: number;
  readonly rtPriority: number;
  /** SCHED_OTHER 0, SCHED_FIFO 1. */
  readonly policy: number;
}

/**
 * SIMPLIFICATION: no scheduler attributes on tasks. Per-CPU stoppers (migration/N) are
 * SCHED_FIFO 99, idle_inject/N SCHED_FIFO 50, high-priority and rescuer workers nice -20.
 */
export function schedOf(task: Task): Sched {
  if (task.kthread && task.comm.startsWith("migration/")) return { priority: -100, nice: 0, rtPriority: 99, policy: 1 };
  if (task.kthread && task.comm.startsWith("idle_inject/")) return { priority: -51, nice: 0, rtPriority: 50, policy: 1 };
  if (task.kthread && /^kworker\/(R-|\d+:\d+H)/.test(task.comm)) return { priority: 0, nice: -20, rtPriority: 0, policy: 0 };
  return { priority: 20, nice: 0, rtPriority: 0, policy: 0 };
}

const PF_FORKNOEXEC = 0x40;
const PF_WQ_WORKER = 0x20;
const PF_NOFREEZE = 0x8000;
const PF_KTHREAD = 0x200000;
const PF_RANDOMIZE = 0x400000;
const PF_NO_SETAFFINITY = 0x4000000;

/** task->flags (stat field 9): what `ps -o flags` decodes. */
export function pfFlags(task: Task): number {
  if (!task.kthread) return PF_RANDOMIZE;
  const base = PF_KTHREAD | PF_NOFREEZE | PF_FORKNOEXEC;
  return task.comm.startsWith("kworker/") ? base | PF_WQ_WORKER | PF_NO_SETAFFINITY : base;
}

/** task_cpu(): SIMPLIFICATION, the CPU a task last ran on is its pid modulo the CPU count. */
export const processorOf = (task: Task, cpus: number): number => task.pid % Math.max(1, cpus);

/** nvcsw / nivcsw: SIMPLIFICATION, derived from the CPU time used. */
export const ctxtSwitches = (task: Task): readonly [number, number] =>
  [Math.floor(task.cpuNs / 1_000_000) + (task.kthread ? 0 : 2), Math.floor(task.cpuNs / 10_000_000)];

/** seq_escape_str(ESCAPE_SPACE | ESCAPE_SPECIAL, "\n\\"): how `Name:` shows odd characters. */
export function escapeName(comm: string): string {
  const map: Readonly<Record<string, string>> = { "\n": "\\n", "\t": "\\t", "\\": "\\\\", "\r": "\\r", "\f": "\\f", "\v": "\\v" };
  return comm.replace(/[\n\t\\\r\f\v]/g, (c) => map[c] ?? c);
}
