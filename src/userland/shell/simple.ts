/**
 * Simple commands (XCU 2.9.1): expansion, assignments, then a function, a builtin (in the
 * shell's process, redirections saved and restored) or a program found on PATH (fork + execve
 * + wait4, or execve in place when already in a child).
 */
import { WNOHANG, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { sys, wait } from "../process/sys";
import type { Compound, SimpleCommand } from "./ast";
import { BUILTINS, SPECIAL_BUILTINS } from "./builtins";
import { expandString, expandWords } from "./expand";
import type { Shell } from "./interp";
import { ExitShell, ReturnFromFunction, complain, ctxOf, runCommand, where } from "./interp";
import { forkChild, statusOf } from "./processes";
import { applyRedirects, restoreRedirects } from "./redirect";
import { findCommand } from "./search";
import { environ, setVar } from "./state";

export function* runSimple(sh: Shell, command: SimpleCommand, inChild: boolean): Sys<number> {
  const ctx = ctxOf(sh);
  sh.substStatus = undefined;
  const fields = yield* expandWords(ctx, command.words);
  const assigns = new Map<string, string>();
  for (const a of command.assigns) {
    const value = yield* expandString(ctx, a.value);
    assigns.set(a.name, a.append ? (sh.state.vars.get(a.name)?.value ?? "") + value : value);
  }
  const substStatus = sh.substStatus ?? 0;
  if (fields.length === 0) {
    for (const [name, value] of assigns) setVar(sh.state, name, value);
    const applied = { saved: new Map<number, number>() };
    const failure = yield* applyRedirects(ctx, command.redirects, applied);
    yield* restoreRedirects(applied);
    if (failure) {
      yield* complain(sh, failure);
      return 1;
    }
    return substStatus;
  }
  const name = fields[0]!;
  if (name === "exec") return yield* execBuiltin(sh, command, fields.slice(1), assigns);
  const fn = sh.state.functions.get(name);
  const builtin = BUILTINS.get(name);
  if (fn || builtin) {
    const applied = { saved: new Map<number, number>() };
    const failure = yield* applyRedirects(ctx, command.redirects, applied);
    if (failure) {
      yield* restoreRedirects(applied);
      yield* complain(sh, failure);
      return 1;
    }
    // Assignments before a special builtin stay; before others they last for the command.
    const keep = SPECIAL_BUILTINS.has(name) && !fn;
    const old = new Map([...assigns.keys()].map((k) => [k, sh.state.vars.get(k)]));
    for (const [k, v] of assigns) setVar(sh.state, k, v);
    try {
      return fn ? yield* callFunction(sh, fn, fields.slice(1)) : yield* builtin!(sh, fields);
    } finally {
      if (!keep) {
        for (const [k, v] of old) {
          if (v) sh.state.vars.set(k, v);
          else sh.state.vars.delete(k);
        }
      }
      yield* restoreRedirects(applied);
    }
  }
  return yield* runExternal(sh, command, fields, assigns, inChild);
}

/**
 * `exec CMD…` replaces the shell with CMD (no fork); `exec` with only redirections makes them
 * the shell's own for good.
 */
function* execBuiltin(sh: Shell, command: SimpleCommand, args: string[], assigns: ReadonlyMap<string, string>): Sys<number> {
  if (args.length > 0) {
    const status = yield* runExternal(sh, command, args, assigns, true);
    throw new ExitShell(status);
  }
  const failure = yield* applyRedirects(ctxOf(sh), command.redirects);
  if (failure) {
    yield* complain(sh, failure);
    return 1;
  }
  return 0;
}

function* callFunction(sh: Shell, body: Compound, args: string[]): Sys<number> {
  const saved = sh.state.positional;
  sh.state.positional = args;
  sh.functions++;
  try {
    return yield* runCommand(sh, body, false);
  } catch (e) {
    if (e instanceof ReturnFromFunction) return e.status;
    throw e;
  } finally {
    sh.functions--;
    sh.state.positional = saved;
  }
}

/** A program from the filesystem: found on PATH, run in a child (or in place, in a child already). */
export function* runExternal(sh: Shell, command: SimpleCommand, fields: string[], assigns: ReadonlyMap<string, string>, inChild: boolean): Sys<number> {
  const found = yield* findCommand(sh, fields[0]!);
  if (!found.ok) {
    yield* complain(sh, found.message);
    return found.status;
  }
  const env = environ(sh.state, assigns);
  const exec = function* (child: Shell): Sys<number> {
    const failure = yield* applyRedirects(ctxOf(child), command.redirects);
    if (failure) {
      yield* complain(child, failure);
      return 1;
    }
    const r = yield* sys<unknown>({ name: "execve", path: found.path, argv: fields, envp: env });
    if (r.ok) return 0; // not reached: the runner starts the new program
    const status = r.error === "ENOENT" ? 127 : 126;
    yield* complain(child, `${where(child)}${found.path}: ${r.error === "ENOEXEC" ? "cannot execute binary file: Exec format error" : strerror(r.error)}`);
    return status;
  };
  if (inChild) return yield* exec(sh);
  const pid = yield* forkChild(sh, exec);
  if (pid === undefined) return sh.state.status;
  const w = yield* wait(pid);
  return w.ok ? statusOf(w.value) : 1;
}

/** Reaps finished background jobs without waiting (`wait4(-1, WNOHANG)`), as shells do between commands. */
export function* reapJobs(sh: Shell): Sys<void> {
  for (;;) {
    const w = yield* wait(-1, WNOHANG);
    if (!w.ok || w.value.kind !== "reaped") return;
    const job = sh.state.jobs.find((j) => j.pid === (w.value as { nr: number }).nr);
    if (job) {
      job.status = "Done";
      job.exit = statusOf(w.value);
    }
  }
}
