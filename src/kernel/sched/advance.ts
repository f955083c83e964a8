/**
 * Simulated time: advancing the clock wakes sleepers whose timer has expired. CPU, memory
 * and fork activity are stepped by the scheduler in fixed slices so that a run is the same
 * whatever the step sizes the caller used.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { IDLE } from "../task/activity";

/** Scheduler slice: 1 ms, the granularity of cgroup CPU accounting here. */
export const SLICE_NS = 1_000_000;

export function advanceTime(state: KernelState, ns: number): KernelState {
  if (ns <= 0) return state;
  const nowNs = state.nowNs + ns;
  let tasks = state.tasks;
  for (const task of state.tasks.values()) {
    if (task.activity.kind === "sleep" && task.activity.untilNs <= nowNs) {
      tasks = tasks.set(task.pid, wake(task));
    }
  }
  return { ...state, nowNs, tasks };
}

const wake = (task: Task): Task => ({ ...task, state: "R", activity: IDLE });
