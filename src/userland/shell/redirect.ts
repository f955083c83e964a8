/**
 * Redirections (XCU 2.7): each one opens, duplicates or closes a descriptor of the process that
 * runs the command. For a builtin or a compound command in the shell itself, the descriptors it
 * replaces are saved above 10 and put back afterwards, as shells do.
 */
import type { Errno } from "../../kernel/index.ts";
import { F_DUPFD_CLOEXEC, O_APPEND, O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { close, open, sys, writeAll } from "../process/sys";
import type { Redirect } from "./ast";
import type { ExpandCtx } from "./expand";
import { expandString } from "./expand";
import { errorPrefix } from "./state";

export interface Applied {
  /** Descriptors to restore: fd → its saved copy (or -1: it was closed before). */
  readonly saved: Map<number, number>;
}

const defaultFd = (op: Redirect["op"]): number => (op.startsWith("<") && op !== "<>" ? 0 : op === "<>" ? 0 : 1);

function* moveTo(fd: number, target: number): Sys<Errno | undefined> {
  if (fd === target) return undefined;
  const r = yield* sys<number>({ name: "dup2", oldfd: fd, newfd: target });
  yield* close(fd);
  return r.ok ? undefined : r.error;
}

/** Keeps a copy of `fd` so it can be restored (only once per descriptor). */
function* save(applied: Applied | undefined, fd: number): Sys<void> {
  if (!applied || applied.saved.has(fd)) return;
  const r = yield* sys<number>({ name: "fcntl", fd, cmd: F_DUPFD_CLOEXEC, arg: 10 });
  applied.saved.set(fd, r.ok ? r.value : -1);
}

/**
 * Applies `redirects` in order; returns the message of the first failure (the command then
 * does not run). With `applied`, replaced descriptors are saved for `restore`.
 */
export function* applyRedirects(ctx: ExpandCtx, redirects: readonly Redirect[], applied?: Applied): Sys<string | undefined> {
  for (const r of redirects) {
    const fd = r.fd ?? defaultFd(r.op);
    if (r.op === "<<" || r.op === "<<-" || r.op === "<<<") {
      const doc = r.heredoc;
      const body = r.op === "<<<" ? `${yield* expandString(ctx, r.target)}\n` : doc?.parts ? yield* expandString(ctx, { parts: doc.parts }) : (doc?.body ?? "");
      const p = yield* sys<{ fds: readonly [number, number] }>({ name: "pipe2" });
      if (!p.ok) return `${errorPrefix(ctx.state)}cannot create temp file for here-document: ${strerror(p.error)}`;
      yield* writeAll(p.value.fds[1], body);
      yield* close(p.value.fds[1]);
      yield* save(applied, fd);
      yield* moveTo(p.value.fds[0], fd);
      continue;
    }
    const target = yield* expandString(ctx, r.target);
    if (r.op === ">&" || r.op === "<&") {
      if (target === "-") {
        yield* save(applied, fd);
        yield* close(fd);
        continue;
      }
      if (/^\d+$/.test(target)) {
        yield* save(applied, fd);
        const d = yield* sys<number>({ name: "dup2", oldfd: Number(target), newfd: fd });
        if (!d.ok) return `${errorPrefix(ctx.state)}${target}: ${strerror(d.error)}`;
        continue;
      }
      if (r.op === "<&") return `${errorPrefix(ctx.state)}${target}: ambiguous redirect`;
    }
    const both = r.op === "&>" || r.op === "&>>" || (r.op === ">&" && r.fd === undefined);
    const flags =
      r.op === "<" ? O_RDONLY
      : r.op === "<>" ? O_RDWR | O_CREAT
      : r.op === ">>" || r.op === "&>>" ? O_WRONLY | O_CREAT | O_APPEND
      : O_WRONLY | O_CREAT | O_TRUNC;
    const opened = yield* open(target, flags, 0o666);
    if (!opened.ok) return `${errorPrefix(ctx.state)}${target}: ${strerror(opened.error)}`;
    const dests = both ? [1, 2] : [fd];
    for (const d of dests) yield* save(applied, d);
    if (both) {
      yield* sys<number>({ name: "dup2", oldfd: opened.value, newfd: 2 });
      yield* moveTo(opened.value, 1);
    } else yield* moveTo(opened.value, fd);
  }
  return undefined;
}

/** Puts back every descriptor `applyRedirects` replaced. */
export function* restoreRedirects(applied: Applied): Sys<void> {
  for (const [fd, copy] of applied.saved) {
    if (copy < 0) yield* close(fd);
    else {
      yield* sys<number>({ name: "dup2", oldfd: copy, newfd: fd });
      yield* close(copy);
    }
  }
  applied.saved.clear();
}
