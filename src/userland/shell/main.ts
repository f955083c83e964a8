/**
 * The shells as programs: `bash` and busybox `sh`/`ash`, run by execve(2) like any binary.
 * `sh -c SCRIPT [NAME [ARG…]]` runs SCRIPT with $0 = NAME; `sh FILE [ARG…]` reads FILE; with
 * neither, the script is read from standard input to its end.
 */
import type { ProgramArgs, ProgramRun } from "../process/program";
import { readAll, readFile, sys, writeAll } from "../process/sys";
import { strerror } from "../../kernel/index.ts";
import type { Shell } from "./interp";
import { reapJobs, runScript } from "./interp";
import type { ShellFlavour } from "./parse-error";
import { syntaxErrorLines } from "./parse-error";
import { parseScript } from "./parser";
import { newShellState } from "./state";

export function* shellMain(flavour: ShellFlavour, args: ProgramArgs): ProgramRun {
  const argv = [...args.argv];
  const name = argv[0] ?? (flavour === "bash" ? "bash" : "sh");
  // $$ is the PID in the shell's own PID namespace.
  const self = yield* sys<number>({ name: "getpid" });
  const state = newShellState(flavour, name.replace(/^.*\//, ""), self.ok ? self.value : args.pid, args.env);
  const sh: Shell = { pid: args.pid, state, loops: 0, functions: 0, conditions: 0 };
  let i = 1;
  let command: string | undefined;
  for (; i < argv.length && argv[i]!.startsWith("-") && argv[i] !== "-"; i++) {
    const opt = argv[i]!;
    if (opt === "--") {
      i++;
      break;
    }
    if (opt === "-c") command = argv[++i] ?? "";
    else if (opt === "-e") state.options.errexit = true;
    else if (opt === "-x") state.options.xtrace = true;
    else if (opt === "-u") state.options.nounset = true;
    else {
      yield* writeAll(2, flavour === "bash" ? `${state.name}: ${opt}: invalid option\n` : `${state.name}: illegal option ${opt}\n`);
      return 2;
    }
  }
  let text: string;
  if (command !== undefined) {
    if (argv[i] !== undefined) state.name = argv[i]!;
    state.positional = argv.slice(i + 1);
    state.origin = "-c";
    text = command;
  } else if (argv[i] !== undefined) {
    const file = argv[i]!;
    const read = yield* readFile(file);
    if (!read.ok) {
      yield* writeAll(2, `${state.name}: ${file}: ${strerror(read.error)}\n`);
      return 127;
    }
    state.name = file;
    state.positional = argv.slice(i + 1);
    state.origin = file;
    text = read.value;
  } else {
    const read = yield* readAll(0);
    text = read.ok ? read.value : "";
    state.origin = "stdin";
  }
  const parsed = parseScript(text);
  if (!parsed.ok) {
    const lines = syntaxErrorLines(flavour, parsed.error, { shell: state.name, text, origin: state.origin! });
    yield* writeAll(2, lines.map((l) => `${l}\n`).join(""));
    return 2;
  }
  const status = yield* runScript(sh, parsed.script);
  yield* reapJobs(sh);
  return status;
}
