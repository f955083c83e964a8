/**
 * Simulated time (DESIGN.md contract 3). The clock moves in fixed ticks so that a run is the
 * same whatever step sizes the caller used; in each tick sleepers whose timer expired wake,
 * CPU time is shared among runnable tasks as CFS and cgroup cpu.max/cpu.weight share it,
 * memory hogs allocate (and may meet the OOM killer), and fork bombs fork.
 */
import { accountCpu } from "../cgroup/cpu-share";
import { chargeMemory } from "../cgroup/memory-charge";
import { isFrozen, taskCgroupOf } from "../cgroup/tree";
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import { putTask } from "../state";
import { syscall } from "../syscalls/table";
import type { Task } from "../task/task";
import { IDLE } from "../task/activity";
import { memcgOomKill } from "./oom-kill";

/** Scheduler tick: 10 ms, a tenth of cpu.max's default 100 ms period. */
export const TICK_NS = 10_000_000;

export function advanceTime(state: KernelState, ns: number): KernelState {
  let s = state;
  let left = ns;
  while (left > 0) {
    const step = Math.min(left, TICK_NS);
    s = tick(s, step);
    left -= step;
  }
  return s;
}

const busy = (t: Task) => t.state !== "Z" && t.state !== "T" && (t.activity.kind === "burn" || t.activity.kind === "hog" || t.activity.kind === "forkbomb");

function tick(state: KernelState, ns: number): KernelState {
  const nowNs = state.nowNs + ns;
  let s: KernelState = { ...state, nowNs };
  const running: Task[] = [];
  for (const t of state.tasks.values()) {
    if (t.activity.kind === "sleep" && t.activity.untilNs <= nowNs) s = putTask(s, { ...t, state: "R", activity: IDLE });
    else if (busy(t) && !frozen(s, t.pid)) running.push(t);
  }
  if (running.length === 0) return s;
  const usec = ns / 1000;
  const cpu = accountCpu(s.cgroup, { nowUsec: state.nowNs / 1000, tickUsec: usec, tasks: running.map((t) => ({ pid: t.pid, demandUsec: usec })) });
  s = { ...s, cgroup: cpu.state };
  for (const t of running) {
    const granted = cpu.granted.get(t.pid) ?? 0;
    const live = s.tasks.get(t.pid);
    if (!live || live.state === "Z") continue;
    s = putTask(s, { ...live, cpuNs: live.cpuNs + granted * 1000, state: granted > 0 ? "R" : live.state });
    if (granted <= 0) continue;
    if (t.activity.kind === "hog") s = allocate(s, t.pid, Math.ceil((t.activity.bytesPerSec * granted) / 1e6));
    if (t.activity.kind === "forkbomb") s = forkOnce(s, t.pid);
  }
  return s;
}

const frozen = (s: KernelState, pid: Pid): boolean => {
  const cg = taskCgroupOf(s.cgroup, pid);
  return cg !== undefined && isFrozen(s.cgroup, cg);
};

/** A page fault that needs memory: charge the memcg, and OOM-kill inside it when it is full. */
function allocate(state: KernelState, pid: Pid, bytes: number): KernelState {
  const charged = chargeMemory(state.cgroup, pid, bytes);
  if (!charged.ok) return memcgOomKill({ ...state, cgroup: charged.error.state }, charged.error.memcg, pid);
  const task = state.tasks.get(pid);
  if (!task) return state;
  const rssKb = task.memory.rssKb + bytes / 1024;
  return putTask({ ...state, cgroup: charged.value }, { ...task, memory: { rssKb, vszKb: Math.max(task.memory.vszKb, rssKb) } });
}

/** A fork bomb's loop body: fork, and the child does the same. A refused fork just retries. */
function forkOnce(state: KernelState, pid: Pid): KernelState {
  const out = syscall(state, pid, { name: "clone", flags: 0 });
  if (!out.result.ok) return out.state;
  const child = out.state.tasks.get((out.result.value as { child: Pid }).child);
  return child ? putTask(out.state, { ...child, activity: { kind: "forkbomb" } }) : out.state;
}
