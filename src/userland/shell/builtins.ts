/**
 * Builtins: commands that run inside the shell process because they change it (cd, export,
 * exit…) or because shells provide them for speed (echo, test, kill). Messages follow bash
 * (`bash: cd: /x: No such file or directory`) or busybox ash (`sh: cd: can't cd to /x: …`).
 */
import { SIGNALS, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { readSome, sys, wait, writeAll } from "../process/sys";
import { ShellError } from "./expand";
import type { Shell } from "./interp";
import { ExitShell, LoopControl, ReturnFromFunction, complain, reapJobs, runScript, where } from "./interp";
import { parseScript } from "./parser";
import { syntaxErrorLines } from "./parse-error";
import { getVar, setVar } from "./state";
import { testBuiltin } from "./test-builtin";

export type Builtin = (sh: Shell, argv: string[]) => Sys<number>;

/** XCU 2.14: errors in these end a non-interactive shell; assignments before them persist. */
export const SPECIAL_BUILTINS = new Set([":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "trap", "unset"]);

const isName = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

function* echo(sh: Shell, argv: string[]): Sys<number> {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    for (const f of argv[i]!.slice(1)) {
      if (f === "n") newline = false;
      else escapes = f === "e";
    }
  }
  let text = argv.slice(i).join(" ");
  if (escapes) {
    const cut = text.indexOf("\\c");
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (_, e: string) => {
      const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", f: "\f", v: "\v", "\\": "\\" };
      if (e.startsWith("0")) return String.fromCharCode(parseInt(e.slice(1) || "0", 8));
      if (e.startsWith("x")) return String.fromCharCode(parseInt(e.slice(1), 16));
      return map[e] ?? `\\${e}`;
    });
  }
  const err = yield* writeAll(1, newline ? `${text}\n` : text);
  if (err) {
    yield* complain(sh, `${where(sh)}echo: write error: ${strerror(err)}`);
    return 1;
  }
  return 0;
}

function* cd(sh: Shell, argv: string[]): Sys<number> {
  const s = sh.state;
  let dir = argv[1] ?? getVar(s, "HOME");
  let print = false;
  if (dir === "-") {
    dir = getVar(s, "OLDPWD");
    print = true;
    if (dir === undefined) {
      yield* complain(sh, `${where(sh)}cd: OLDPWD not set`);
      return 1;
    }
  }
  if (dir === undefined) {
    yield* complain(sh, `${where(sh)}cd: HOME not set`);
    return 1;
  }
  if (argv.length > 2 && s.flavour === "bash") {
    yield* complain(sh, `${where(sh)}cd: too many arguments`);
    return 1;
  }
  const r = yield* sys<0>({ name: "chdir", path: dir });
  if (!r.ok) {
    yield* complain(sh, s.flavour === "bash" ? `${where(sh)}cd: ${dir}: ${strerror(r.error)}` : `${s.name}: cd: can't cd to ${dir}: ${strerror(r.error)}`);
    return s.flavour === "bash" ? 1 : 2;
  }
  const cwd = yield* sys<string>({ name: "getcwd" });
  setVar(s, "OLDPWD", getVar(s, "PWD") ?? "");
  if (cwd.ok) setVar(s, "PWD", cwd.value);
  if (print && cwd.ok) yield* writeAll(1, `${cwd.value}\n`);
  return 0;
}

function* pwd(sh: Shell): Sys<number> {
  const cwd = yield* sys<string>({ name: "getcwd" });
  if (!cwd.ok) {
    yield* complain(sh, `${where(sh)}pwd: error retrieving current directory: getcwd: cannot access parent directories: ${strerror(cwd.error)}`);
    return 1;
  }
  yield* writeAll(1, `${cwd.value}\n`);
  return 0;
}

function* exportBuiltin(sh: Shell, argv: string[]): Sys<number> {
  let status = 0;
  const names = argv.slice(1).filter((a) => a !== "-p" && a !== "--");
  if (names.length === 0) {
    const lines = [...sh.state.vars].filter(([, v]) => v.exported).sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, v]) => (sh.state.flavour === "bash" ? `declare -x ${n}="${v.value.replace(/(["\\$`])/g, "\\$1")}"` : `export ${n}='${v.value.replace(/'/g, "'\\''")}'`));
    yield* writeAll(1, lines.map((l) => `${l}\n`).join(""));
    return 0;
  }
  for (const arg of names) {
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!isName(name)) {
      yield* complain(sh, `${where(sh)}export: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (eq >= 0) setVar(sh.state, name, arg.slice(eq + 1), true);
    else sh.state.vars.set(name, { value: sh.state.vars.get(name)?.value ?? "", exported: true });
  }
  return status;
}

function* unset(sh: Shell, argv: string[]): Sys<number> {
  for (const name of argv.slice(1).filter((a) => !a.startsWith("-"))) {
    if (argv.includes("-f")) sh.state.functions.delete(name);
    else sh.state.vars.delete(name);
  }
  return 0;
}

function* exit(sh: Shell, argv: string[]): Sys<number> {
  const arg = argv[1];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    yield* complain(sh, sh.state.flavour === "bash" ? `${where(sh)}exit: ${arg}: numeric argument required` : `${sh.state.name}: exit: Illegal number: ${arg}`);
    throw new ExitShell(2);
  }
  throw new ExitShell(arg === undefined ? sh.state.status : Number(arg) & 0xff);
}

function* loopControl(sh: Shell, argv: string[]): Sys<number> {
  const n = Number(argv[1] ?? "1");
  if (sh.loops === 0) return 0; // bash: "only meaningful in a `for', `while', or `until' loop"
  throw new LoopControl(argv[0] === "break" ? "break" : "continue", Math.min(Math.max(1, n), sh.loops));
}

function* returnBuiltin(sh: Shell, argv: string[]): Sys<number> {
  if (sh.functions === 0) {
    yield* complain(sh, `${where(sh)}return: can only \`return' from a function or sourced script`);
    return 1;
  }
  throw new ReturnFromFunction(argv[1] === undefined ? sh.state.status : Number(argv[1]) & 0xff);
}

function* set(sh: Shell, argv: string[]): Sys<number> {
  const s = sh.state;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!/^[-+][euxo]+$/.test(a)) break;
    const on = a[0] === "-";
    for (const f of a.slice(1)) {
      if (f === "e") s.options.errexit = on;
      if (f === "u") s.options.nounset = on;
      if (f === "x") s.options.xtrace = on;
    }
  }
  if (i < argv.length || argv.includes("--")) s.positional = argv.slice(i);
  return 0;
}

function* shift(sh: Shell, argv: string[]): Sys<number> {
  const n = Number(argv[1] ?? "1");
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
}

function* evalBuiltin(sh: Shell, argv: string[]): Sys<number> {
  const text = argv.slice(1).join(" ");
  const parsed = parseScript(text);
  if (!parsed.ok) {
    for (const line of syntaxErrorLines(sh.state.flavour, parsed.error, { shell: sh.state.name, text, origin: "eval" })) yield* complain(sh, line);
    return 2;
  }
  return yield* runScript(sh, parsed.script);
}

function* waitBuiltin(sh: Shell, argv: string[]): Sys<number> {
  const targets = argv.slice(1).map(Number);
  let status = 0;
  if (targets.length === 0) {
    for (;;) {
      const w = yield* wait(-1);
      if (!w.ok || w.value.kind !== "reaped") break;
    }
    sh.state.jobs = [];
    return 0;
  }
  for (const pid of targets) {
    const done = sh.state.jobs.find((j) => j.pid === pid && j.status === "Done");
    if (done) {
      status = done.exit ?? 0;
      sh.state.jobs = sh.state.jobs.filter((j) => j !== done);
      continue;
    }
    const w = yield* wait(pid);
    if (!w.ok) {
      yield* complain(sh, `${where(sh)}wait: pid ${pid} is not a child of this shell`);
      status = 127;
    } else if (w.value.kind === "reaped") status = w.value.status >> 8 ? (w.value.status >> 8) & 0xff : w.value.status & 0x7f ? 128 + (w.value.status & 0x7f) : 0;
  }
  return status;
}

function* kill(sh: Shell, argv: string[]): Sys<number> {
  let sig = SIGNALS.SIGTERM as number;
  let args = argv.slice(1);
  if (args[0] === "-l") {
    yield* writeAll(1, `${Object.keys(SIGNALS).map((n) => n.slice(3)).join(" ")}\n`);
    return 0;
  }
  const flag = args[0]?.match(/^-(?:s\s*)?(\w+)$/);
  if (flag) {
    const name = flag[1]!.toUpperCase();
    const num = /^\d+$/.test(name) ? Number(name) : (SIGNALS as Record<string, number>)[name.startsWith("SIG") ? name : `SIG${name}`];
    if (num === undefined) {
      yield* complain(sh, `${where(sh)}kill: ${flag[1]}: invalid signal specification`);
      return 1;
    }
    sig = num;
    args = args.slice(1);
  }
  let status = 0;
  for (const target of args) {
    const r = yield* sys<0>({ name: "kill", pid: Number(target), sig });
    if (!r.ok) {
      yield* complain(sh, sh.state.flavour === "bash" ? `${where(sh)}kill: (${target}) - ${strerror(r.error)}` : `${sh.state.name}: can't kill pid ${target}: ${strerror(r.error)}`);
      status = 1;
    }
  }
  return status;
}

function* read(sh: Shell, argv: string[]): Sys<number> {
  const names = argv.slice(1).filter((a) => !a.startsWith("-"));
  let line = "";
  for (;;) {
    const r = yield* readSome(0, 1);
    if (!r.ok || r.value === "") {
      if (line === "") return 1;
      break;
    }
    if (r.value === "\n") break;
    line += r.value;
  }
  const fields = line.trim().split(/[ \t]+/);
  const vars = names.length ? names : ["REPLY"];
  vars.forEach((name, i) => setVar(sh.state, name, i === vars.length - 1 ? fields.slice(i).join(" ") : (fields[i] ?? "")));
  return 0;
}

function* jobs(sh: Shell): Sys<number> {
  yield* reapJobs(sh);
  const lines = sh.state.jobs.map((j, i, all) => `[${j.id}]${i === all.length - 1 ? "+" : i === all.length - 2 ? "-" : " "}  ${j.status.padEnd(24)}${j.command}\n`);
  yield* writeAll(1, lines.join(""));
  sh.state.jobs = sh.state.jobs.filter((j) => j.status !== "Done");
  return 0;
}

function* colon(): Sys<number> {
  return 0;
}
function* falseBuiltin(): Sys<number> {
  return 1;
}

export const BUILTINS = new Map<string, Builtin>([
  [":", colon], ["true", colon], ["false", falseBuiltin], ["echo", echo], ["cd", cd], ["pwd", pwd],
  ["export", exportBuiltin], ["unset", unset], ["exit", exit], ["break", loopControl], ["continue", loopControl],
  ["return", returnBuiltin], ["set", set], ["shift", shift], ["eval", evalBuiltin], ["wait", waitBuiltin],
  ["kill", kill], ["read", read], ["jobs", jobs], ["test", testBuiltin], ["[", testBuiltin],
]);

export { ShellError };
