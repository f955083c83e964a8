/**
 * The magic links of /proc/PID (`fs/proc/base.c: proc_pid_get_link()`, `proc_ns_get_link()`,
 * `proc_fd_link()`): following them jumps straight to the target task's root, cwd, executable,
 * open file or namespace (`nd_jump_link()`), whatever the reader's own root is — after a
 * ptrace_may_access(PTRACE_MODE_READ_FSCREDS) check on the target (proc(5)). This is how a
 * process that sees host PIDs and holds CAP_SYS_PTRACE reaches the host's files through
 * /proc/1/root.
 */
import type { NsEntry } from "../../procfs/ns-links";
import { nsLink } from "../../procfs/ns-links";
import { pidNrIn } from "../../task/pid-alloc";
import type { Task } from "../../task/task";
import type { Check } from "../../trace";
import { deny, pass } from "../../trace";
import { dPath } from "../d-path";
import type { FsCtx } from "../node";
import { resolvePath } from "../namei";
import { allowed, ptraceChecks } from "../ptrace";
import type { MagicTarget, SynthCtx, SynthLink } from "../synthetic";
import type { PathRef } from "../types";

type Kind = "root" | "cwd" | "exe" | { readonly fd: number } | { readonly ns: NsEntry };

const fsCtx = (ctx: SynthCtx): FsCtx => ({ state: ctx.state, task: ctx.viewer });

function access(ctx: SynthCtx, task: Task): MagicTarget | null {
  const checks = ptraceChecks(ctx.state, ctx.viewer, task, "read");
  return allowed(checks) ? null : { ok: false, checks, errno: "EACCES" };
}

function jump(ctx: SynthCtx, task: Task, target: () => PathRef | undefined, what: string): MagicTarget {
  const checks = ptraceChecks(ctx.state, ctx.viewer, task, "read");
  if (!allowed(checks)) return { ok: false, checks, errno: "EACCES" };
  const path = target();
  if (!path) return { ok: false, checks: [...checks, deny("kernel", "proc_pid_get_link", `${what} of process ${task.pid} is gone`, "ENOENT")], errno: "ENOENT" };
  const nr = pidNrIn(ctx.state, task.pid, ctx.viewer.pidNs) ?? task.pid;
  const note: Check = pass("kernel", "nd_jump_link", `the /proc magic link leads to ${what} of process ${nr}`);
  return { ok: true, path, checks: [...checks, note] };
}

function exePath(ctx: SynthCtx, task: Task): PathRef | undefined {
  if (task.exe === "") return undefined;
  // SIMPLIFICATION: the executable is found again by its path, from the task's own root.
  const found = resolvePath({ state: ctx.state, task }, task.root, task.exe, { follow: true });
  return found.ok ? found.path : undefined;
}

/** The link for `kind` of `task`, as the reader `ctx.viewer` sees it; undefined when absent. */
export function magicLink(ctx: SynthCtx, task: Task, kind: Kind): SynthLink | undefined {
  const c = fsCtx(ctx);
  const readerRoot = ctx.viewer.root;
  if (kind === "root" || kind === "cwd") {
    if (task.state === "Z" || task.kthread) return undefined;
    const p = kind === "root" ? task.root : task.cwd;
    return { kind: "magic", text: dPath(c, p, readerRoot), target: () => jump(ctx, task, () => p, `the ${kind}`), access: () => access(ctx, task) };
  }
  if (kind === "exe") {
    if (task.state === "Z" || task.kthread || task.exe === "") return undefined;
    return { kind: "magic", text: task.exe, target: () => jump(ctx, task, () => exePath(ctx, task), "the executable"), access: () => access(ctx, task) };
  }
  if ("fd" in kind) {
    const entry = task.fds.get(kind.fd);
    const file = entry && ctx.state.vfs.files.get(entry.file);
    if (!file) return undefined;
    const text = file.heldNs !== null ? nsText(ctx, file.heldNs) : dPath(c, file.path, readerRoot);
    return { kind: "magic", text, target: () => jump(ctx, task, () => file.path, `descriptor ${kind.fd}`), access: () => access(ctx, task) };
  }
  const link = nsLink(ctx.state, task, kind.ns);
  if (!link) return undefined;
  const path: PathRef = { mnt: ctx.state.vfs.nsfsMount, node: String(link.id) };
  return { kind: "magic", text: link.text, target: () => jump(ctx, task, () => path, `the ${kind.ns} namespace`), access: () => access(ctx, task) };
}

function nsText(ctx: SynthCtx, id: number): string {
  const ns = ctx.state.namespaces.get(id as never);
  return ns ? `${ns.type}:[${ns.id}]` : `nsfs:[${id}]`;
}
