/**
 * GNU coreutils' simplest programs: cat, echo, true, false, sleep. Each is a process that
 * reads and writes through its descriptors; messages follow coreutils 9.4 (Ubuntu 24.04).
 */
import type { Timespec } from "../../kernel/index.ts";
import { CLOCK_MONOTONIC, TIMER_ABSTIME, strerror } from "../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { close, open, readSome, sys, writeAll } from "../process/sys";

const tryHelp = (prog: string) => `Try '${prog} --help' for more information.\n`;

/** cat [FILE]…: each file (or `-`, or stdin when none) copied to stdout. */
export function* cat(args: ProgramArgs): ProgramRun {
  const files = args.argv.slice(1).filter((a) => a !== "--");
  const bad = files.find((a) => a.startsWith("-") && a !== "-");
  if (bad) {
    yield* writeAll(2, `cat: invalid option -- '${bad.slice(1, 2)}'\n${tryHelp("cat")}`);
    return 1;
  }
  let status = 0;
  for (const file of files.length ? files : ["-"]) {
    let fd = 0;
    if (file !== "-") {
      const opened = yield* open(file, 0);
      if (!opened.ok) {
        yield* writeAll(2, `cat: ${file}: ${strerror(opened.error)}\n`);
        status = 1;
        continue;
      }
      fd = opened.value;
    }
    for (;;) {
      const chunk = yield* readSome(fd);
      if (!chunk.ok) {
        yield* writeAll(2, `cat: ${file}: ${strerror(chunk.error)}\n`);
        status = 1;
        break;
      }
      if (chunk.value === "") break;
      const err = yield* writeAll(1, chunk.value);
      if (err) {
        yield* writeAll(2, `cat: write error: ${strerror(err)}\n`);
        return 1;
      }
    }
    if (fd !== 0) yield* close(fd);
  }
  return status;
}

/** /usr/bin/echo: like the builtin, -n, -e and -E. */
export function* echo(args: ProgramArgs): ProgramRun {
  let i = 1;
  let newline = true;
  for (; i < args.argv.length && /^-[neE]+$/.test(args.argv[i]!); i++) if (args.argv[i]!.includes("n")) newline = false;
  const err = yield* writeAll(1, args.argv.slice(i).join(" ") + (newline ? "\n" : ""));
  return err ? 1 : 0;
}

export function* trueProgram(): ProgramRun {
  return 0;
}

export function* falseProgram(): ProgramRun {
  return 1;
}

const UNITS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86400 };

/** sleep NUMBER[SUFFIX]…: the sum of the intervals, slept on CLOCK_MONOTONIC. */
export function* sleep(args: ProgramArgs): ProgramRun {
  const operands = args.argv.slice(1);
  if (operands.length === 0) {
    yield* writeAll(2, `sleep: missing operand\n${tryHelp("sleep")}`);
    return 1;
  }
  let seconds = 0;
  for (const op of operands) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(op);
    if (!m) {
      yield* writeAll(2, `sleep: invalid time interval ‘${op}’\n${tryHelp("sleep")}`);
      return 1;
    }
    seconds += Number(m[1]) * UNITS[m[2]!]!;
  }
  const now = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_MONOTONIC });
  if (!now.ok) return 1;
  const deadline = now.value.sec * 1e9 + now.value.nsec + Math.round(seconds * 1e9);
  const slept = yield* sys<0>({ name: "clock_nanosleep", clock: CLOCK_MONOTONIC, flags: TIMER_ABSTIME, ns: deadline });
  return slept.ok ? 0 : 1;
}
