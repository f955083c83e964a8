/**
 * mkdir (coreutils 9.4): mkdir(2) for each operand; -p makes the missing ancestors (u+wx added
 * to their mode, as mkdir does) and accepts a directory that exists; -m MODE (octal or
 * symbolic) is set with chmod(2) after the umask has had its say, so `-m 777` means 777.
 */
import type { Errno, StatResult } from "../../kernel/index.ts";
import { strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { readFile, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, complain, getopt, helpText, isDirMode, quote, quoteaf, tryHelp, versionText } from "./common";

const MKDIR_LONG = {
  ...STANDARD_LONG,
  mode: { key: "m", arg: "required" }, parents: { key: "p", arg: "none" }, verbose: { key: "v", arg: "none" },
  context: { key: "Z", arg: "optional" },
} as const;

/** The umask, from the Umask: line of /proc/self/status (there is no umask(2) to ask). */
function* currentUmask(): Sys<number> {
  const status = yield* readFile("/proc/self/status");
  const m = status.ok ? /^Umask:\s*([0-7]+)$/m.exec(status.value) : null;
  return m ? parseInt(m[1]!, 8) : 0o022;
}

/**
 * mode_compile() + mode_adjust() on a directory's 0777: an octal mode, or clauses like
 * `u+rwx,go=rx`. A clause without `ugoa` is filtered by the umask. undefined if invalid.
 */
export function parseMode(spec: string, umask: number, base = 0o777): number | undefined {
  if (/^[0-7]+$/.test(spec)) return parseInt(spec, 8) & 0o7777;
  let mode = base;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1]!;
    let mask = 0;
    if (who === "") mask = 0o7777 & ~umask;
    for (const w of who) mask |= w === "u" ? 0o4700 : w === "g" ? 0o2070 : w === "o" ? 0o1007 : 0o7777;
    for (const [, op, perms] of m[2]!.matchAll(/([-+=])([rwxXst]*)/g)) {
      let bits = 0;
      for (const p of perms!) {
        if (p === "r") bits |= 0o444;
        else if (p === "w") bits |= 0o222;
        else if (p === "x" || p === "X") bits |= 0o111;
        else if (p === "s") bits |= 0o6000;
        else if (p === "t") bits |= 0o1000;
      }
      bits &= mask;
      if (op === "+") mode |= bits;
      else if (op === "-") mode &= ~bits;
      else mode = (mode & ~(who === "" ? 0o7777 : mask)) | bits;
    }
  }
  return mode;
}

/** mkdir [OPTION]… DIRECTORY… */
export function* mkdir(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "mkdir";
  const parsed = getopt(args.argv, { short: "m:pvZ", long: MKDIR_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  let parents = false;
  let verbose = false;
  let modeSpec: string | undefined;
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... DIRECTORY...", "Create the DIRECTORY(ies), if they do not already exist."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("mkdir", "David MacKenzie"))) ? 1 : 0;
    if (key === "p") parents = true;
    else if (key === "v") verbose = true;
    else if (key === "m") modeSpec = value;
  }
  if (parsed.operands.length === 0) {
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return 1;
  }
  const umask = yield* currentUmask();
  let mode: number | undefined;
  if (modeSpec !== undefined) {
    mode = parseMode(modeSpec, umask);
    if (mode === undefined) {
      yield* complain(prog, `invalid mode ${quote(modeSpec)}`);
      return 1;
    }
  }
  const announce = function* (dir: string): Sys<void> {
    if (verbose) yield* writeAll(1, `${prog}: created directory ${quoteaf(dir)}\n`);
  };
  let ok = true;
  for (const dir of parsed.operands) {
    const failure = parents ? yield* makeAncestors(dir, announce) : undefined;
    if (failure) {
      yield* complain(prog, `cannot create directory ${quote(dir)}: ${strerror(failure)}`);
      ok = false;
      continue;
    }
    const made = yield* sys<0>({ name: "mkdir", path: dir, mode: mode ?? 0o777 });
    if (!made.ok) {
      const st = parents && made.error !== "ENOENT" ? yield* sys<StatResult>({ name: "stat", path: dir }) : undefined;
      if (st?.ok && isDirMode(st.value.mode)) continue;
      yield* complain(prog, `cannot create directory ${quote(dir)}: ${strerror(made.error)}`);
      ok = false;
      continue;
    }
    yield* announce(dir);
    if (mode !== undefined) {
      const ch = yield* sys<0>({ name: "chmod", path: dir, mode });
      if (!ch.ok) {
        yield* complain(prog, `cannot change permissions of ${quote(dir)}: ${strerror(ch.error)}`);
        ok = false;
      }
    }
  }
  return ok ? 0 : 1;
}

/** mkancesdirs(): each missing ancestor of `dir`, made u+wx; the errno that stopped it. */
function* makeAncestors(dir: string, announce: (d: string) => Sys<void>): Sys<Errno | undefined> {
  const parts = dir.split("/");
  let prefix = dir.startsWith("/") ? "/" : "";
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (part === "" || part === ".") continue;
    prefix = prefix === "" || prefix.endsWith("/") ? prefix + part : `${prefix}/${part}`;
    if (parts.slice(i + 1).every((p) => p === "" || p === ".")) break;
    if (part === "..") continue;
    const made = yield* sys<0>({ name: "mkdir", path: prefix, mode: 0o777 });
    if (made.ok) {
      yield* announce(prefix);
      continue;
    }
    const st = yield* sys<StatResult>({ name: "stat", path: prefix });
    if (st.ok && isDirMode(st.value.mode)) continue;
    if (st.ok) return "ENOTDIR";
    return made.error === "EEXIST" ? st.error : made.error;
  }
  return undefined;
}
