/**
 * What the util-linux programs share (lib/ and include/ of util-linux 2.39): err()/errx()
 * messages, the `Try 'x --help'` hint, `--version`, errexec() and exec_shell(), and the fork
 * and wait of `unshare --fork` and `nsenter` (the parent returns the child's status, or dies of
 * the signal that killed it).
 */
import type { Errno, Pid, WaitResult } from "../../../kernel/index.ts";
import { O_WRONLY, strerror } from "../../../kernel/index.ts";
import type { ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { close, open, sys, writeAll } from "../../process/sys";
import { getenv } from "../common";
import { execvp } from "../env";

/** util-linux's version (Ubuntu 24.04 ships 2.39.3). */
export const UL_VERSION = "2.39.3";

export const versionLine = (prog: string) => `${prog} from util-linux ${UL_VERSION}\n`;
export const tryHelpUl = (prog: string) => `Try '${prog} --help' for more information.\n`;

/** errx(3): `prog: message`. */
export function* errx(prog: string, message: string): Sys<void> {
  yield* writeAll(2, `${prog}: ${message}\n`);
}

/** err(3): `prog: message: strerror(errno)`. */
export function* errno(prog: string, message: string, e: Errno): Sys<void> {
  yield* writeAll(2, `${prog}: ${message}: ${strerror(e)}\n`);
}

/** EX_EXEC_FAILED and EX_EXEC_ENOENT (include/exitcodes.h). */
export const execStatus = (e: Errno) => (e === "ENOENT" ? 127 : 126);

/** execvp(3), and errexec() when it fails: `prog: failed to execute NAME: …`. */
export function* execOrDie(prog: string, argv: readonly string[], env: readonly string[]): Sys<number> {
  const e = yield* execvp(argv[0]!, argv, env);
  yield* errno(prog, `failed to execute ${argv[0]}`, e);
  return execStatus(e);
}

/** exec_shell() (lib/exec_shell.c): $SHELL or /bin/sh as a login shell, argv[0] `-NAME`. */
export function* execShell(prog: string, env: readonly string[]): Sys<number> {
  const shell = getenv(env, "SHELL") || "/bin/sh";
  const arg0 = `-${shell.replace(/^.*\//, "")}`;
  const r = yield* sys<unknown>({ name: "execve", path: shell, argv: [arg0], envp: env });
  const e: Errno = r.ok ? "ENOENT" : r.error;
  yield* errno(prog, `failed to execute ${shell}`, e);
  return execStatus(e);
}

/** getpid(2). */
export function* getpid(): Sys<number> {
  const r = yield* sys<number>({ name: "getpid" });
  return r.ok ? r.value : 0;
}

/**
 * fork(2) with `child` as what the child runs, then waitpid(2) for it: the child's exit code,
 * or (killed by a signal) the same signal sent to ourselves, as unshare and nsenter do.
 * `undefined` with the errno when the fork itself fails.
 */
export function* forkAndWait(child: (pid: Pid) => ProgramRun): Sys<{ status: number } | { error: Errno }> {
  const outcome = yield { kind: "fork", flags: 0, child };
  if (!outcome.result.ok) return { error: outcome.result.error };
  const nr = (outcome.result.value as { nr: number }).nr;
  const w = yield* sys<WaitResult>({ name: "wait4", pid: nr, options: 0 });
  if (!w.ok || w.value.kind !== "reaped") return { error: w.ok ? "ECHILD" : w.error };
  const status = w.value.status;
  if ((status & 0x7f) === 0) return { status: (status >> 8) & 0xff };
  const me = yield* getpid();
  yield* sys<0>({ name: "kill", pid: me, sig: status & 0x7f });
  return { status: 1 };
}

/** open(2) O_WRONLY, one write(2), close(2), as util-linux writes /proc files. */
export function* writeProcFile(path: string, data: string): Sys<{ stage: "open" | "write"; errno: Errno } | undefined> {
  const fd = yield* open(path, O_WRONLY);
  if (!fd.ok) return { stage: "open", errno: fd.error };
  const w = yield* sys<number>({ name: "write", fd: fd.value, data });
  yield* close(fd.value);
  return w.ok ? undefined : { stage: "write", errno: w.error };
}

/** strtoul_or_err()-style number parsing: undefined for anything but a plain decimal. */
export const parseUnsigned = (text: string | undefined): number | undefined =>
  text !== undefined && /^\s*\+?\d+$/.test(text) ? Number(text.trim()) : undefined;

/**
 * getopt's optional short arguments (`m::`), which the shared getopt() does not know: an
 * argument attached to such a letter (`-m/path`) becomes its long form (`--mount=/path`), and the
 * letter is then given to getopt() as one without an argument. `required` lists the letters that
 * take one (their value is skipped); `longRequired` the long options that do.
 */
export function expandOptionalShorts(
  argv: readonly string[], optional: Readonly<Record<string, string>>, required: string, longRequired: readonly string[],
): string[] {
  const out = [...argv];
  for (let i = 1; i < out.length; i++) {
    const arg = out[i]!;
    if (arg === "--" || !arg.startsWith("-") || arg === "-") break;
    if (arg.startsWith("--")) {
      if (!arg.includes("=") && longRequired.includes(arg.slice(2))) i++;
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const long = optional[c];
      if (long !== undefined) {
        if (j + 1 < arg.length) out.splice(i, 1, ...(j > 1 ? [arg.slice(0, j)] : []), `--${long}=${arg.slice(j + 1)}`);
        break;
      }
      if (required.includes(c)) {
        if (j + 1 === arg.length) i++;
        break;
      }
    }
  }
  return out;
}

/** getresuid(2) / getresgid(2). */
export function* getRes(which: "getresuid" | "getresgid"): Sys<readonly [number, number, number]> {
  const r = yield* sys<readonly [number, number, number]>({ name: which });
  return r.ok ? r.value : [0, 0, 0];
}
