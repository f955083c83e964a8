/**
 * env (coreutils 9.4): prints the environment, or runs a command in a changed one. The
 * command is found as glibc's execvp(3) finds it: a name with a slash is used as is,
 * otherwise each directory of the (new) PATH is tried with execve(2) in turn (/bin:/usr/bin
 * when PATH is unset), EACCES remembered, and a file without a #! line handed to /bin/sh.
 */
import type { Errno } from "../../kernel/index.ts";
import { strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, Stdout, complain, getenv, getopt, helpText, quote, tryHelp, versionText } from "./common";

const ENV_LONG = {
  ...STANDARD_LONG,
  "ignore-environment": { key: "i", arg: "none" }, null: { key: "0", arg: "none" }, unset: { key: "u", arg: "required" },
  chdir: { key: "C", arg: "required" }, "split-string": { key: "S", arg: "required" }, debug: { key: "v", arg: "none" },
  argv0: { key: "a", arg: "required" },
} as const;

/** execvp(3): one execve per PATH entry until one works; the errno when none does. */
export function* execvp(file: string, argv: readonly string[], env: readonly string[]): Sys<Errno> {
  const attempt = function* (path: string): Sys<Errno> {
    const r = yield* sys<unknown>({ name: "execve", path, argv, envp: env });
    if (r.ok) return "ENOENT"; // not reached: a successful execve never returns
    if (r.error !== "ENOEXEC") return r.error;
    const sh = yield* sys<unknown>({ name: "execve", path: "/bin/sh", argv: ["/bin/sh", path, ...argv.slice(1)], envp: env });
    return sh.ok ? "ENOENT" : sh.error;
  };
  if (file.includes("/")) return yield* attempt(file);
  let sawEacces = false;
  for (const dir of (getenv(env, "PATH") ?? "/bin:/usr/bin").split(":")) {
    const errno = yield* attempt(`${dir === "" ? "." : dir}/${file}`);
    if (errno === "EACCES") sawEacces = true;
    else if (errno !== "ENOENT" && errno !== "ENOTDIR" && errno !== "ENODEV" && errno !== "ETIMEDOUT") return errno;
  }
  return sawEacces ? "EACCES" : "ENOENT";
}

/** -S: the string split at blanks, with '…' and "…" quoting and backslash escapes. */
function splitString(s: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quoteChar = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoteChar) {
      if (c === quoteChar) quoteChar = "";
      else if (c === "\\" && quoteChar === '"' && i + 1 < s.length) word = (word ?? "") + s[++i];
      else word = (word ?? "") + c;
    } else if (c === " " || c === "\t" || c === "\n") {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      quoteChar = c;
      word ??= "";
    } else if (c === "\\" && i + 1 < s.length) word = (word ?? "") + s[++i];
    else word = (word ?? "") + c;
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** env [OPTION]… [-] [NAME=VALUE]… [COMMAND [ARG]…] */
export function* env(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "env";
  // -S splices its words into the arguments before the rest is parsed.
  let argv = [...args.argv];
  const sAt = argv.findIndex((a, i) => i > 0 && (a.startsWith("-S") || a.startsWith("--split-string")));
  if (sAt > 0) {
    const a = argv[sAt]!;
    const inline = a.startsWith("--split-string=") ? a.slice(15) : a.startsWith("-S") && a.length > 2 ? a.slice(2) : undefined;
    const text = inline ?? argv[sAt + 1] ?? "";
    argv = [...argv.slice(0, sAt), ...splitString(text), ...argv.slice(sAt + (inline === undefined ? 2 : 1))];
  }
  const parsed = getopt(argv, { short: "+a:C:iS:u:v0", long: ENV_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 125;
  }
  let environ = [...args.env];
  let nul = false;
  let dir: string | undefined;
  let argv0: string | undefined;
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]", "Set each NAME to VALUE in the environment and run COMMAND."))) ? 125 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("env", "Richard Mlynarik, David MacKenzie, and Assaf Gordon"))) ? 125 : 0;
    if (key === "i") environ = [];
    else if (key === "0") nul = true;
    else if (key === "C") dir = value;
    else if (key === "a") argv0 = value;
    else if (key === "u") {
      if (value === "" || value!.includes("=")) {
        yield* complain(prog, `cannot unset ${quote(value!)}: Invalid argument`);
        return 125;
      }
      environ = environ.filter((e) => !e.startsWith(`${value}=`));
    }
  }
  const operands = [...parsed.operands];
  if (operands[0] === "-") {
    environ = [];
    operands.shift();
  }
  while (operands.length > 0 && /^[^=]+=/.test(operands[0]!)) {
    const assignment = operands.shift()!;
    const name = assignment.slice(0, assignment.indexOf("="));
    environ = [...environ.filter((e) => !e.startsWith(`${name}=`)), assignment];
  }
  if (operands.length === 0) {
    if (dir !== undefined) {
      yield* writeAll(2, `${prog}: must specify command with --chdir (-C)\n${tryHelp(prog)}`);
      return 125;
    }
    const out = new Stdout();
    for (const e of environ) if (out.put(e + (nul ? "\0" : "\n"))) yield* out.flush();
    return (yield* out.close(prog)) ? 0 : 125;
  }
  if (nul) {
    yield* writeAll(2, `${prog}: cannot specify --null (-0) with command\n${tryHelp(prog)}`);
    return 125;
  }
  if (dir !== undefined) {
    const r = yield* sys<0>({ name: "chdir", path: dir });
    if (!r.ok) {
      yield* complain(prog, `cannot change directory to ${quote(dir)}: ${strerror(r.error)}`);
      return 125;
    }
  }
  const command = operands[0]!;
  const errno = yield* execvp(command, [argv0 ?? command, ...operands.slice(1)], environ);
  yield* complain(prog, `${quote(command)}: ${strerror(errno)}`);
  if (errno === "ENOENT" && /[ \t\n\v\f\r]/.test(command)) yield* complain(prog, "use -[v]S to pass options in shebang lines");
  return errno === "ENOENT" ? 127 : 126;
}
