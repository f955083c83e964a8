/**
 * The interpreter (XCU 2.9): lists, and-or lists, pipelines, compound commands, functions and
 * simple commands. Every external command is fork + execve + wait4; a pipeline forks one child
 * per command, joined by pipe2; `&` forks and does not wait. Builtins run in the shell's own
 * process, with their redirections saved and restored around them.
 */
import type { Pid, Timespec, WaitResult } from "../../kernel/index.ts";
import { CLOCK_MONOTONIC, TIMER_ABSTIME, WNOHANG, shellStatus, strerror } from "../../kernel/index.ts";
import type { ProgramRun } from "../process/program";
import type { Sys } from "../process/sys";
import { close, readAll, sys, wait, writeAll } from "../process/sys";
import type { AndOr, Command, Compound, CompoundCommand, List, Pipeline, Script, SimpleCommand } from "./ast";
import { BUILTINS, SPECIAL_BUILTINS } from "./builtins";
import { ShellError, expandString, expandWords } from "./expand";
import type { ExpandCtx } from "./expand";
import { matchPattern } from "./pattern";
import { applyRedirects, restoreRedirects } from "./redirect";
import { findCommand } from "./search";
import type { ShellState } from "./state";
import { environ, errorPrefix, forkState, setVar } from "./state";

/** `exit`, or a fatal error in a non-interactive shell: unwinds to the top of the script. */
export class ExitShell extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** `break n` / `continue n`. */
export class LoopControl extends Error {
  constructor(readonly kind: "break" | "continue", public levels: number) {
    super(kind);
  }
}

/** `return n` from a function. */
export class ReturnFromFunction extends Error {
  constructor(readonly status: number) {
    super("return");
  }
}

export interface Shell {
  readonly pid: Pid;
  readonly state: ShellState;
  /** How deep in loops we are (for break/continue), and in functions (for return). */
  loops: number;
  functions: number;
  /** How deep in conditions (if, while, until, && and || operands) we are: set -e skips them. */
  conditions: number;
  /** The status of the last command substitution in the command being expanded. */
  substStatus?: number | undefined;
}

export const ctxOf = (sh: Shell): ExpandCtx => ({ state: sh.state, substitute: (script) => substitute(sh, script) });

/** The shell's own error line on stderr. */
export function* complain(_sh: Shell, message: string): Sys<void> {
  yield* writeAll(2, `${message}\n`);
}

/** The prefix bash puts before a runtime error in a script: `bash: line 3: `. */
export const where = (sh: Shell): string => errorPrefix(sh.state);

/** A wait status as `$?`. */
const statusOf = (w: WaitResult): number => (w.kind === "reaped" ? shellStatus(w.status) : 0);

export function* runScript(sh: Shell, script: Script): Sys<number> {
  try {
    return yield* runList(sh, script);
  } catch (e) {
    if (e instanceof ExitShell) return e.status;
    if (e instanceof ShellError) {
      yield* complain(sh, e.message);
      return e.status;
    }
    throw e;
  }
}

export function* runList(sh: Shell, list: List): Sys<number> {
  let status = sh.state.status;
  for (const item of list.items) {
    if (item.background) {
      const pid = yield* forkChild(sh, (child) => runAndOrInChild(child, item.andOr));
      if (pid !== undefined) {
        sh.state.lastBackground = pid;
        sh.state.jobs.push({ id: sh.state.jobs.length + 1, pid, command: "", status: "Running" });
      }
      status = 0;
    } else status = yield* runAndOr(sh, item.andOr);
    sh.state.status = status;
    // bash reaps finished background jobs as SIGCHLD arrives; between commands is close enough.
    if (sh.state.jobs.some((j) => j.status === "Running")) yield* reapJobs(sh);
  }
  return status;
}

function* runAndOr(sh: Shell, andOr: AndOr): Sys<number> {
  // set -e (XCU 2.8.1): a failure ends the shell, except in a condition, on the left of && or
  // ||, or under !.
  let status = yield* condition(sh, andOr.rest.length > 0, () => runPipeline(sh, andOr.first));
  let last = andOr.first;
  for (const [i, { op, pipeline }] of andOr.rest.entries()) {
    if ((op === "&&") !== (status === 0)) continue;
    status = yield* condition(sh, i < andOr.rest.length - 1, () => runPipeline(sh, pipeline));
    last = pipeline;
  }
  sh.state.status = status;
  if (status !== 0 && sh.state.options.errexit && sh.conditions === 0 && !last.bang && andOr.rest.length === 0) throw new ExitShell(status);
  return status;
}

/**
 * In a forked child, a lone simple command is exec'd in place, as bash does: `sleep 9 &` is
 * one process whose PID is `$!`, not a subshell with sleep under it.
 */
function* runAndOrInChild(sh: Shell, andOr: AndOr): Sys<number> {
  const only = andOr.rest.length === 0 && !andOr.first.bang && andOr.first.commands.length === 1 ? andOr.first.commands[0]! : undefined;
  return only ? yield* runCommand(sh, only, true) : yield* runAndOr(sh, andOr);
}

/** Runs `body` as a condition (set -e does not apply inside) when `isCondition`. */
function* condition<T>(sh: Shell, isCondition: boolean, body: () => Sys<T>): Sys<T> {
  if (!isCondition) return yield* body();
  sh.conditions++;
  try {
    return yield* body();
  } finally {
    sh.conditions--;
  }
}

function* runPipeline(sh: Shell, pipeline: Pipeline): Sys<number> {
  let status: number;
  if (pipeline.commands.length === 1) status = yield* runCommand(sh, pipeline.commands[0]!, false);
  else status = yield* runMany(sh, pipeline.commands);
  return pipeline.bang ? (status === 0 ? 1 : 0) : status;
}

/** cmd1 | cmd2 | …: one child each, stdout of one into stdin of the next; `$?` is the last's. */
function* runMany(sh: Shell, commands: readonly Command[]): Sys<number> {
  const pids: Pid[] = [];
  let input = -1;
  for (const [i, command] of commands.entries()) {
    const last = i === commands.length - 1;
    let pipeFds: readonly [number, number] | undefined;
    if (!last) {
      const p = yield* sys<{ fds: readonly [number, number] }>({ name: "pipe2" });
      if (!p.ok) {
        yield* complain(sh, `${where(sh)}pipe error: ${strerror(p.error)}`);
        break;
      }
      pipeFds = p.value.fds;
    }
    const stdin = input;
    const pid = yield* forkChild(sh, function* (child) {
      if (stdin >= 0) yield* moveFd(stdin, 0);
      if (pipeFds) {
        yield* close(pipeFds[0]);
        yield* moveFd(pipeFds[1], 1);
      }
      return yield* runCommand(child, command, true);
    });
    if (pid !== undefined) pids.push(pid);
    if (stdin >= 0) yield* close(stdin);
    if (pipeFds) {
      yield* close(pipeFds[1]);
      input = pipeFds[0];
    }
  }
  if (input >= 0) yield* close(input);
  let status = 0;
  for (const pid of pids) {
    const w = yield* wait(pid);
    if (w.ok) status = statusOf(w.value);
  }
  return status;
}

function* moveFd(from: number, to: number): Sys<void> {
  if (from === to) return;
  yield* sys<number>({ name: "dup2", oldfd: from, newfd: to });
  yield* close(from);
}

/**
 * Forks a subshell that runs `body` and exits with its status. Returns the child's PID, or
 * undefined when fork failed (the error is printed, in the shell's words).
 */
export function* forkChild(sh: Shell, body: (child: Shell) => Sys<number>): Sys<Pid | undefined> {
  // bash's make_child(): on EAGAIN, say "retry" and sleep 1, 2, 4, 8 seconds between tries.
  for (let forksleep = 1; ; forksleep *= 2) {
    const state = forkState(sh.state);
    const outcome = yield {
      kind: "fork",
      flags: 0,
      child: (pid: Pid): ProgramRun => subshellMain({ pid, state, loops: 0, functions: 0, conditions: sh.conditions }, body),
    };
    // The PID as this shell's namespace numbers it (fork's return value), not the global one.
    if (outcome.result.ok) return (outcome.result.value as { nr: number }).nr as Pid;
    const reason = strerror(outcome.result.error);
    if (sh.state.flavour === "bash" && outcome.result.error === "EAGAIN" && forksleep < FORKSLEEP_MAX) {
      yield* complain(sh, `${sh.state.name}: fork: retry: ${reason}`);
      yield* sleepSeconds(forksleep);
      continue;
    }
    yield* complain(sh, sh.state.flavour === "bash" ? `${sh.state.name}: fork: ${reason}` : `${sh.state.name}: can't fork: ${reason}`);
    sh.state.status = sh.state.flavour === "bash" ? 254 : 2;
    return undefined;
  }
}

/** bash's FORKSLEEP_MAX: the longest pause between fork retries. */
const FORKSLEEP_MAX = 16;

function* sleepSeconds(seconds: number): Sys<void> {
  const now = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_MONOTONIC });
  if (!now.ok) return;
  yield* sys<0>({ name: "clock_nanosleep", clock: CLOCK_MONOTONIC, flags: TIMER_ABSTIME, ns: now.value.sec * 1e9 + now.value.nsec + seconds * 1e9 });
}

function* subshellMain(child: Shell, body: (child: Shell) => Sys<number>): ProgramRun {
  try {
    return yield* body(child);
  } catch (e) {
    if (e instanceof ExitShell) return e.status;
    if (e instanceof ShellError) {
      yield* complain(child, e.message);
      return e.status;
    }
    if (e instanceof LoopControl || e instanceof ReturnFromFunction) return child.state.status;
    throw e;
  }
}

/** `$(…)`: a subshell whose stdout is a pipe the shell reads to the end. */
function* substitute(sh: Shell, script: Script): Sys<string> {
  const p = yield* sys<{ fds: readonly [number, number] }>({ name: "pipe2" });
  if (!p.ok) return "";
  const [r, w] = p.value.fds;
  const pid = yield* forkChild(sh, function* (child) {
    yield* close(r);
    yield* moveFd(w, 1);
    const single = script.items.length === 1 && !script.items[0]!.background ? script.items[0]!.andOr : undefined;
    return single ? yield* runAndOrInChild(child, single) : yield* runList(child, script);
  });
  yield* close(w);
  const out = yield* readAll(r);
  yield* close(r);
  if (pid !== undefined) {
    const st = yield* wait(pid);
    if (st.ok) sh.state.status = sh.substStatus = statusOf(st.value);
  }
  return out.ok ? out.value : "";
}

/** Runs one command; `inChild` means this process may exec the command in place. */
export function* runCommand(sh: Shell, command: Command, inChild: boolean): Sys<number> {
  sh.state.line = command.line;
  switch (command.type) {
    case "function":
      sh.state.functions.set(command.name, command.body);
      return 0;
    case "compound": {
      const applied = { saved: new Map<number, number>() };
      const failure = yield* applyRedirects(ctxOf(sh), command.redirects, applied);
      if (failure) {
        yield* restoreRedirects(applied);
        yield* complain(sh, failure);
        return 1;
      }
      try {
        return yield* runCompound(sh, command.command);
      } finally {
        yield* restoreRedirects(applied);
      }
    }
    case "simple":
      return yield* runSimple(sh, command, inChild);
  }
}

function* runCompound(sh: Shell, c: CompoundCommand): Sys<number> {
  switch (c.type) {
    case "group":
      return yield* runList(sh, c.body);
    case "subshell": {
      const single = c.body.items.length === 1 && !c.body.items[0]!.background ? c.body.items[0]!.andOr : undefined;
      const pid = yield* forkChild(sh, (child) => (single ? runAndOrInChild(child, single) : runList(child, c.body)));
      if (pid === undefined) return sh.state.status;
      const w = yield* wait(pid);
      return w.ok ? statusOf(w.value) : 1;
    }
    case "if": {
      for (const clause of c.clauses) {
        if ((yield* condition(sh, true, () => runList(sh, clause.cond))) === 0) return yield* runList(sh, clause.body);
      }
      return c.elseBody ? yield* runList(sh, c.elseBody) : 0;
    }
    case "while":
    case "until":
      return yield* runLoop(sh, function* () {
        const ok = (yield* condition(sh, true, () => runList(sh, c.cond))) === 0;
        return c.type === "while" ? ok : !ok;
      }, c.body);
    case "for": {
      const items = c.items ? yield* expandWords(ctxOf(sh), c.items) : [...sh.state.positional];
      let i = 0;
      return yield* runLoop(sh, function* () {
        if (i >= items.length) return false;
        setVar(sh.state, c.name, items[i++]!);
        return true;
      }, c.body);
    }
    case "case": {
      const subject = yield* expandString(ctxOf(sh), c.subject);
      for (let i = 0; i < c.items.length; i++) {
        const item = c.items[i]!;
        let matched = false;
        for (const pattern of item.patterns) {
          if (matchPattern(yield* expandString(ctxOf(sh), pattern), subject)) matched = true;
          if (matched) break;
        }
        if (!matched) continue;
        let status = yield* runList(sh, item.body);
        for (let j = i; c.items[j]?.terminator === ";&" && j + 1 < c.items.length; j++) status = yield* runList(sh, c.items[j + 1]!.body);
        return status;
      }
      return 0;
    }
  }
}

function* runLoop(sh: Shell, more: () => Sys<boolean>, body: List): Sys<number> {
  let status = 0;
  sh.loops++;
  try {
    while (yield* more()) {
      try {
        status = yield* runList(sh, body);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        if (e.kind === "break") break;
      }
    }
  } finally {
    sh.loops--;
  }
  return status;
}

function* runSimple(sh: Shell, command: SimpleCommand, inChild: boolean): Sys<number> {
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
