/**
 * procfs (`fs/proc/`): one directory per process visible in the PID namespace the instance was
 * mounted for (`proc_pid_ns(sb)`), `self` and `thread-self`, /proc/sys, and the global files.
 */
import type { Result } from "../../../lib";
import { err, ok } from "../../../lib";
import type { Errno } from "../../errno";
import { findTaskByNr, pidNrIn } from "../../task/pid-alloc";
import type { Task } from "../../task/task";
import type { SynthAttr, SynthCtx, SynthFs, SynthLink, SynthWrite } from "../synthetic";
import { GLOBAL_ENTRIES, GLOBAL_LINKS } from "./global-entries";
import { pidAttr, pidList, pidOpenChecks, pidRead, pidReadlink, pidWrite, viewOf } from "./pid-dir";
import { SYSCTL_DIRS, SYSCTL_TABLE, sysctlEntry, sysctlPermission } from "../../procfs/sysctl-table";
import type { Check } from "../../trace";
import { deny, pass } from "../../trace";
import { MAY_EXEC, MAY_WRITE } from "../mode";

/** Directories of /proc/sys that hold no entry but are mountpoints (systemd's binfmt_misc). */
const EXTRA_SYS_DIRS = ["fs/binfmt_misc"];
const isSysDir = (path: string): boolean => path === "" || SYSCTL_DIRS.includes(path) || EXTRA_SYS_DIRS.includes(path);

function taskOf(ctx: SynthCtx, seg: string | undefined): Task | undefined {
  if (seg === undefined || !/^[1-9]\d*$/.test(seg)) return undefined;
  const pid = findTaskByNr(ctx.state, viewOf(ctx).pidNs, Number(seg));
  return pid === undefined ? undefined : ctx.state.tasks.get(pid);
}

const selfNr = (ctx: SynthCtx): number | undefined => pidNrIn(ctx.state, ctx.viewer.pid, viewOf(ctx).pidNs);

function attr(ctx: SynthCtx, key: string): SynthAttr | undefined {
  if (key === "") return { type: "dir", mode: 0o555, ino: 1 };
  const parts = key.split("/");
  const [head] = parts;
  const task = taskOf(ctx, head);
  if (task) return pidAttr(ctx, task, parts.slice(1));
  if (parts.length === 1 && (head === "self" || head === "thread-self")) return selfNr(ctx) === undefined ? undefined : { type: "lnk", mode: 0o777 };
  if (parts.length === 1 && head !== undefined && GLOBAL_LINKS[head]) return { type: "lnk", mode: 0o777 };
  if (head === "sys" && parts.length > 1) {
    const rest = parts.slice(1).join("/");
    const e = sysctlEntry(ctx.state, rest);
    if (e) return { type: "reg", mode: e.mode };
    return isSysDir(rest) ? { type: "dir", mode: 0o555 } : undefined;
  }
  const g = parts.length === 1 && head !== undefined ? GLOBAL_ENTRIES[head] : undefined;
  return g ? { type: g.type, mode: g.mode, ...(g.size ? { size: g.size } : {}) } : undefined;
}

function list(ctx: SynthCtx, key: string): readonly string[] {
  if (key === "") {
    const pids = [...(ctx.state.pidNrs.get(viewOf(ctx).pidNs)?.keys() ?? [])].filter((n) => n > 0).map(String);
    return [...Object.keys(GLOBAL_ENTRIES), ...Object.keys(GLOBAL_LINKS), "self", "thread-self", ...pids];
  }
  const parts = key.split("/");
  const task = taskOf(ctx, parts[0]);
  if (task) return pidList(ctx, task, parts.slice(1));
  if (parts[0] === "sys") {
    const dir = parts.slice(1).join("/");
    const prefix = dir === "" ? "" : `${dir}/`;
    const all = [...Object.keys(SYSCTL_TABLE), ...SYSCTL_DIRS, ...EXTRA_SYS_DIRS].filter((k) => sysctlEntry(ctx.state, k) || isSysDir(k));
    const names = all.filter((k) => k.startsWith(prefix) && k !== dir && !k.slice(prefix.length).includes("/"));
    return [...new Set(names.map((k) => k.slice(prefix.length)))];
  }
  return [];
}

function read(ctx: SynthCtx, key: string): Result<string, Errno> {
  const parts = key.split("/");
  const task = taskOf(ctx, parts[0]);
  if (task) return pidRead(ctx, task, parts.slice(1));
  if (parts[0] === "sys") {
    const e = sysctlEntry(ctx.state, parts.slice(1).join("/"));
    return e ? ok(e.read(ctx.state, viewOf(ctx))) : err("EISDIR");
  }
  const g = GLOBAL_ENTRIES[key];
  if (!g || g.type !== "reg") return err("EISDIR");
  return ok(g.render ? g.render(ctx.state, viewOf(ctx)) : "");
}

function readlink(ctx: SynthCtx, key: string): SynthLink | undefined {
  const parts = key.split("/");
  const task = taskOf(ctx, parts[0]);
  if (task) return pidReadlink(ctx, task, parts.slice(1));
  const nr = selfNr(ctx);
  if (key === "self" && nr !== undefined) return { kind: "text", text: String(nr) };
  if (key === "thread-self" && nr !== undefined) return { kind: "text", text: `${nr}/task/${nr}` };
  const text = GLOBAL_LINKS[key];
  return text ? { kind: "text", text } : undefined;
}

function write(ctx: SynthCtx, key: string, data: string): SynthWrite {
  const parts = key.split("/");
  const task = taskOf(ctx, parts[0]);
  if (task) return pidWrite(ctx, task, parts.slice(1), data);
  if (parts[0] === "sys") return sysWrite(ctx, parts.slice(1).join("/"), data);
  if (GLOBAL_ENTRIES[key]?.sink) {
    // SIMPLIFICATION: sysrq commands are accepted and not carried out.
    return { state: ctx.state, checks: [pass("kernel", "write_sysrq_trigger", `sysrq command ${JSON.stringify(data.trim())} accepted`)] };
  }
  return { state: ctx.state, checks: [], errno: "EINVAL" };
}

export const procFs: SynthFs = {
  attr, list, read, readlink, write,
  permission: (ctx, key, mask) => (key.startsWith("sys/") ? sysPermission(ctx, key.slice(4), mask) : undefined),
  openChecks: (ctx, key) => {
    const parts = key.split("/");
    const task = taskOf(ctx, parts[0]);
    return task ? pidOpenChecks(ctx, task, parts.slice(1)) : [];
  },
};

/** proc_sys_permission(): no execute on entries, then sysctl_perm() on the entry's mode. */
function sysPermission(ctx: SynthCtx, path: string, mask: number): Check | undefined {
  const entry = sysctlEntry(ctx.state, path);
  if (!entry) return undefined;
  if (mask & MAY_EXEC) return deny("dac", "proc_sys_permission", `/proc/sys/${path} is not executable`, "EACCES");
  return sysctlPermission(ctx.state, ctx.viewer.cred, ctx.viewer.ns.net, path, entry, mask & MAY_WRITE ? "write" : "read");
}

/** The entry's handler: open() already passed sysctl_perm(). */
function sysWrite(ctx: SynthCtx, path: string, data: string): SynthWrite {
  const entry = sysctlEntry(ctx.state, path);
  if (!entry?.write) return { state: ctx.state, checks: [deny("kernel", "proc_sys_call_handler", `/proc/sys/${path} cannot be written`, "EINVAL")], errno: "EINVAL" };
  const out = entry.write(ctx.state, ctx.viewer, data);
  return out.result.ok ? { state: out.state, checks: out.trace } : { state: ctx.state, checks: out.trace, errno: out.result.error };
}
