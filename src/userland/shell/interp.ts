/**
 * The interpreter (XCU 2.9): lists, and-or lists, pipelines, compound commands and functions.
 * Every external command is fork + execve + wait4 (simple.ts); a pipeline forks one child per
 * command, joined by pipe2, and `&` forks and does not wait (processes.ts). Builtins run in the
 * shell's own process, with their redirections saved and restored around them.
 */
import type { Pid } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { wait, writeAll } from "../process/sys";
import type { AndOr, Command, CompoundCommand, List, Pipeline, Script } from "./ast";
import { ShellError, expandString, expandWords } from "./expand";
import type { ExpandCtx } from "./expand";
import { matchPattern } from "./pattern";
import { applyRedirects, restoreRedirects } from "./redirect";
import type { ShellState } from "./state";
import { errorPrefix, setVar } from "./state";
import { forkChild, runMany, statusOf, substitute } from "./processes";
import { reapJobs, runSimple } from "./simple";

export { reapJobs };

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
export function* runAndOrInChild(sh: Shell, andOr: AndOr): Sys<number> {
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
