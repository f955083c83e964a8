/**
 * /proc/uptime (`fs/proc/uptime.c: uptime_proc_show()`) and /proc/loadavg
 * (`fs/proc/loadavg.c: loadavg_proc_show()`).
 */
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { ProcView } from "./view";

/** `%lu.%02lu`: whole seconds and hundredths, truncated. */
const secs = (ns: number): string => {
  const cs = Math.floor(Math.max(0, ns) / 10_000_000);
  return `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, "0")}`;
};

/**
 * Uptime is CLOCK_BOOTTIME plus the reader's time namespace boottime offset
 * (timens_add_boottime()); idle is the sum of every CPU's idle time and is not offset
 * (recorded: `unshare --time --boottime 86400000` → `86402854.41 5654.09` against a host
 * `2854.42 5654.09`). SIMPLIFICATION: idle time is CPUs × uptime minus the CPU time tasks used.
 */
export function renderUptime(state: KernelState, view: ProcView): string {
  const offset = getNs(state, view.nsproxy.time, "time").boottimeOffsetNs;
  let busy = 0;
  for (const t of state.tasks.values()) busy += t.cpuNs;
  const idle = state.config.cpus * state.nowNs - busy;
  return `${secs(state.nowNs + offset)} ${secs(idle)}\n`;
}

/** The 1, 5 and 15 minute decay periods of calc_load(). */
const PERIODS_S = [60, 300, 900] as const;

/** Tasks that want a CPU: busy loops, memory hogs and fork bombs (the rest sleep). */
const runnable = (state: KernelState) =>
  [...state.tasks.values()].filter((t) => t.state !== "Z" && ["burn", "hog", "forkbomb"].includes(t.activity.kind));

/**
 * `%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d`: the load averages, runnable/total tasks, and the
 * last PID allocated in the reader's PID namespace. SIMPLIFICATION: there is no load history;
 * each runnable task contributes 1 − e^(−t/period) for the time t it has existed, which is
 * what the exponential average gives for a task that has been running since it started.
 */
export function renderLoadavg(state: KernelState, view: ProcView): string {
  const running = runnable(state);
  const loads = PERIODS_S.map((p) =>
    running.reduce((sum, t) => sum + 1 - Math.exp(-(state.nowNs - t.startNs) / 1e9 / p), 0));
  const fmt = (x: number) => {
    const cs = Math.round(x * 100);
    return `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, "0")}`;
  };
  const lastPid = getNs(state, view.activePidNs, "pid").nextNr - 1;
  return `${loads.map(fmt).join(" ")} ${Math.max(1, running.length)}/${state.tasks.size} ${lastPid}\n`;
}
