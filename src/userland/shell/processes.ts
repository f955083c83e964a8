/**
 * The shell's processes: pipelines (one child per command, joined by pipe2), forked subshells
 * with bash's fork retry, and command substitution read from a pipe.
 */
import type { Pid, Timespec, WaitResult } from "../../kernel/index.ts";
import { CLOCK_MONOTONIC, TIMER_ABSTIME, shellStatus, strerror } from "../../kernel/index.ts";
import type { ProgramRun } from "../process/program";
import type { Sys } from "../process/sys";
import { close, readAll, sys, wait } from "../process/sys";
import type { Command, Script } from "./ast";
import { ShellError } from "./expand";
import type { Shell } from "./interp";
import { ExitShell, LoopControl, ReturnFromFunction, complain, runAndOrInChild, runCommand, runList, where } from "./interp";
import { forkState } from "./state";

/** A wait status as `$?`. */
export const statusOf = (w: WaitResult): number => (w.kind === "reaped" ? shellStatus(w.status) : 0);

/** cmd1 | cmd2 | …: one child each, stdout of one into stdin of the next; `$?` is the last's. */
export function* runMany(sh: Shell, commands: readonly Command[]): Sys<number> {
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

export function* moveFd(from: number, to: number): Sys<void> {
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
export function* substitute(sh: Shell, script: Script): Sys<string> {
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
