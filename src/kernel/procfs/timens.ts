/**
 * /proc/PID/timens_offsets (`kernel/time/namespace.c: proc_timens_show_offsets()`,
 * `proc_timens_set_offset()`, `fs/proc/base.c: timens_offsets_write()`). The file belongs to
 * the task's time_for_children namespace: after `unshare --time` the caller writes offsets
 * for the namespace its children will enter. Each line is `%-10s %10lld %9ld`: clock, seconds,
 * nanoseconds. "The offsets can be written only before the first process enters the
 * namespace" — time_namespaces(7); afterwards the write fails with EACCES.
 */
import { capableCheck } from "../cred/capable";
import type { TimeNs } from "../ns/namespace";
import type { KernelState } from "../state";
import { getNs, putNs } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { ProcView } from "./view";
import type { ProcWriteOutcome } from "./write-common";
import { PAGE_SIZE, badValue, refused, utf8Length, written } from "./write-common";

const NS_PER_S = 1_000_000_000;
/** KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC). */
const KTIME_SEC_MAX = 9223372036;

/** Seconds and nanoseconds of an offset, nanoseconds always in [0, 1e9) as in a timespec64. */
export function splitNs(ns: number): readonly [number, number] {
  const sec = Math.floor(ns / NS_PER_S);
  return [sec, ns - sec * NS_PER_S];
}

const line = (clock: string, ns: number): string => {
  const [sec, nsec] = splitNs(ns);
  return `${clock.padEnd(10)} ${String(sec).padStart(10)} ${String(nsec).padStart(9)}\n`;
};

export function renderTimensOffsets(state: KernelState, task: Task, _view: ProcView): string {
  const ns = getNs(state, task.ns.timeForChildren, "time");
  return line("monotonic", ns.monotonicOffsetNs) + line("boottime", ns.boottimeOffsetNs);
}

interface Offset { readonly clock: "monotonic" | "boottime"; readonly sec: number; readonly nsec: number }

/** `sscanf("%9s %lld %lu")` per line; clocks by name or by number (1 CLOCK_MONOTONIC, 7 CLOCK_BOOTTIME). */
function parseOffsets(text: string): Offset[] | string {
  const out: Offset[] = [];
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  for (const l of lines) {
    const m = /^\s*(\S{1,9})\s+([-+]?\d+)\s+(\d+)/.exec(l);
    if (!m) return `"${l}" is not "<clock> <seconds> <nanoseconds>"`;
    const clock = m[1] === "monotonic" || m[1] === "1" ? "monotonic" : m[1] === "boottime" || m[1] === "7" ? "boottime" : undefined;
    if (!clock) return `unknown clock "${m[1]}": only monotonic and boottime have offsets`;
    const nsec = Number(m[3]);
    if (nsec >= NS_PER_S) return "nanoseconds must be below 1000000000";
    out.push({ clock, sec: Number(m[2]), nsec });
    if (out.length === 2) break;
  }
  return out;
}

/** Has a process entered the namespace (timens_commit() sets frozen_offsets)? */
const entered = (state: KernelState, ns: TimeNs): boolean =>
  ns.frozen || [...state.tasks.values()].some((t) => t.ns.time === ns.id);

export function writeTimensOffsets(state: KernelState, writer: Task, target: Task, text: string): ProcWriteOutcome {
  if (utf8Length(text) >= PAGE_SIZE) return badValue(state, [], "timens_offsets_write", `the write must be shorter than one page`);
  const offsets = parseOffsets(text);
  if (typeof offsets === "string") return badValue(state, [], "timens_offsets_write", offsets);
  const ns = getNs(state, target.ns.timeForChildren, "time");
  const trace: Check[] = [];
  const cap = capableCheck(state, writer.cred, ns.owner!, "CAP_SYS_TIME", `setting the clock offsets of time namespace ${ns.id}`);
  if (cap.verdict === "deny") return refused(state, trace, cap);
  trace.push(cap);
  for (const o of offsets) {
    const after = state.nowNs / NS_PER_S + o.sec + o.nsec / NS_PER_S;
    if (Math.abs(o.sec) > KTIME_SEC_MAX || after < 0 || after > KTIME_SEC_MAX / 2) {
      return badValue(state, trace, "proc_timens_set_offset", `the ${o.clock} clock would read ${Math.floor(after)} s: out of range`, "ERANGE");
    }
  }
  if (entered(state, ns)) {
    return refused(state, trace, deny("namespace", "proc_timens_set_offset: frozen_offsets", `a process has already entered time namespace ${ns.id}: its offsets are fixed`, "EACCES"));
  }
  let next: TimeNs = ns;
  for (const o of offsets) {
    const value = o.sec * NS_PER_S + o.nsec;
    next = o.clock === "monotonic" ? { ...next, monotonicOffsetNs: value } : { ...next, boottimeOffsetNs: value };
  }
  trace.push(pass("namespace", "proc_timens_set_offset", `offsets of time namespace ${ns.id}: ${offsets.map((o) => `${o.clock} ${o.sec}s`).join(", ")}`));
  return written(putNs(state, next), trace, text);
}
