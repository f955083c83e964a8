/**
 * /proc/PID and /proc/PID/task/TID: per-process directories generated from the task. Files and
 * directories belong to the task's effective uid and gid (`task_dump_owner()`); kernel threads'
 * to root.
 */
import type { Result } from "../../../lib";
import { err, ok } from "../../../lib";
import type { Errno } from "../../errno";
import { kgid, kuid } from "../../ids";
import { NS_ENTRIES } from "../../procfs/ns-links";
import type { NsEntry } from "../../procfs/ns-links";
import { procView } from "../../procfs/view";
import { pidNrIn } from "../../task/pid-alloc";
import type { Task } from "../../task/task";
import type { Check } from "../../trace";
import { O_ACCMODE, O_RDONLY, O_WRONLY } from "../open-flags";
import { ptraceChecks } from "../ptrace";
import type { SynthAttr, SynthCtx, SynthLink, SynthWrite } from "../synthetic";
import { magicLink } from "./magic-links";
import type { PidEntry } from "./pid-entries";
import { ATTR_ENTRIES, PID_ENTRIES } from "./pid-entries";

const owner = (task: Task) => (task.kthread ? { uid: kuid(0), gid: kgid(0) } : { uid: task.cred.euid, gid: task.cred.egid });

export const viewOf = (ctx: SynthCtx) => procView(ctx.viewer, ctx.sb.backing.kind === "synthetic" && ctx.sb.backing.scope !== null ? ctx.sb.backing.scope : ctx.viewer.pidNs);

/** The table entry a path below /proc/PID names, skipping `task/TID/`. */
function entryOf(rest: readonly string[]): PidEntry | undefined {
  if (rest.length === 1) return PID_ENTRIES[rest[0] as string];
  if (rest.length === 2 && rest[0] === "attr") return ATTR_ENTRIES[rest[1] as string];
  return undefined;
}

/** SIMPLIFICATION: tasks are single-threaded: task/ lists only the thread-group leader. */
/** Strips `task/TID` so a thread's directory reads like its process's. */
function strip(ctx: SynthCtx, task: Task, rest: readonly string[]): readonly string[] | undefined {
  if (rest[0] !== "task" || rest.length < 2) return rest;
  const pidNs = viewOf(ctx).pidNs;
  if (rest[1] !== String(pidNrIn(ctx.state, task.pid, pidNs))) return undefined;
  const inner = rest.slice(2);
  return inner[0] === "task" ? undefined : inner;
}

export function pidAttr(ctx: SynthCtx, task: Task, restIn: readonly string[]): SynthAttr | undefined {
  const rest = strip(ctx, task, restIn);
  if (!rest) return undefined;
  const own = owner(task);
  if (rest.length === 0) return { type: "dir", mode: 0o555, ...own, nlink: 9 };
  if (rest[0] === "ns" && rest.length === 2) return NS_ENTRIES.includes(rest[1] as NsEntry) ? { type: "lnk", mode: 0o777, ...own } : undefined;
  if (rest[0] === "fd" && rest.length === 2) {
    const fd = task.fds.get(Number(rest[1]));
    const file = fd && ctx.state.vfs.files.get(fd.file);
    if (!file || String(Number(rest[1])) !== rest[1]) return undefined;
    const acc = file.flags & O_ACCMODE;
    return { type: "lnk", mode: (acc === O_WRONLY ? 0 : 0o500) | (acc === O_RDONLY ? 0 : 0o300), ...own };
  }
  if (rest[0] === "task" && rest.length === 1) return { type: "dir", mode: 0o555, ...own };
  const e = entryOf(rest);
  return e ? { type: e.type, mode: e.mode, ...own } : undefined;
}

export function pidList(ctx: SynthCtx, task: Task, restIn: readonly string[]): readonly string[] {
  const rest = strip(ctx, task, restIn);
  if (!rest) return [];
  if (rest.length === 0) return Object.keys(PID_ENTRIES).filter((n) => !(restIn[0] === "task" && n === "task"));
  if (rest[0] === "ns") return NS_ENTRIES;
  if (rest[0] === "fd") return [...task.fds.keys()].sort((a, b) => a - b).map(String);
  if (rest[0] === "attr") return Object.keys(ATTR_ENTRIES);
  if (rest[0] === "task") return [String(pidNrIn(ctx.state, task.pid, viewOf(ctx).pidNs) ?? task.pid)];
  return [];
}

export function pidRead(ctx: SynthCtx, task: Task, restIn: readonly string[]): Result<string, Errno> {
  const rest = strip(ctx, task, restIn);
  const e = rest && entryOf(rest);
  if (!e || e.type !== "reg") return err("EINVAL");
  return ok(e.render ? e.render(ctx.state, task, viewOf(ctx)) : "");
}

export function pidReadlink(ctx: SynthCtx, task: Task, restIn: readonly string[]): SynthLink | undefined {
  const rest = strip(ctx, task, restIn);
  if (!rest) return undefined;
  if (rest.length === 1 && (rest[0] === "root" || rest[0] === "cwd" || rest[0] === "exe")) return magicLink(ctx, task, rest[0]);
  if (rest.length === 2 && rest[0] === "ns") return magicLink(ctx, task, { ns: rest[1] as NsEntry });
  if (rest.length === 2 && rest[0] === "fd") return magicLink(ctx, task, { fd: Number(rest[1]) });
  return undefined;
}

/** proc_mem_open(): files that expose another process's memory need ptrace access. */
export function pidOpenChecks(ctx: SynthCtx, task: Task, restIn: readonly string[]): readonly Check[] {
  const rest = strip(ctx, task, restIn);
  const e = rest && entryOf(rest);
  return e?.ptrace ? ptraceChecks(ctx.state, ctx.viewer, task, "read") : [];
}

export function pidWrite(ctx: SynthCtx, task: Task, restIn: readonly string[], data: string): SynthWrite {
  const rest = strip(ctx, task, restIn);
  const e = rest && entryOf(rest);
  if (!e?.write) return { state: ctx.state, checks: [], errno: "EINVAL" };
  const out = e.write(ctx.state, ctx.viewer, task, data);
  return out.result.ok ? { state: out.state, checks: out.trace } : { state: ctx.state, checks: out.trace, errno: out.result.error };
}
