/**
 * basename, dirname (string work only) and readlink (coreutils 9.4): readlink(2) once, or with
 * -f/-e/-m gnulib's canonicalize_filename_mode(), which walks the name from getcwd(2) or `/`,
 * lstat(2)ing each component and splicing in each symlink's text.
 */
import type { Errno, StatResult } from "../../kernel/index.ts";
import { strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, Stdout, complain, getopt, helpText, isDirMode, isLnkMode, quote, tryHelp, versionText } from "./common";

/** base_name() then the suffix, unless the suffix is the whole name. */
function baseOf(name: string, suffix: string): string {
  const trimmed = name.replace(/\/+$/, "");
  if (trimmed === "") return name === "" ? "" : "/";
  const base = trimmed.slice(trimmed.lastIndexOf("/") + 1);
  return suffix !== "" && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

/** dir_name(): everything before the last component, `.` or `/` when that is nothing. */
function dirOf(name: string): string {
  const trimmed = name.replace(/\/+$/, "");
  if (trimmed === "") return name.startsWith("/") ? "/" : ".";
  const slash = trimmed.lastIndexOf("/");
  if (slash < 0) return ".";
  const dir = trimmed.slice(0, slash).replace(/\/+$/, "");
  return dir === "" ? "/" : dir;
}

const ZERO_LONG = { ...STANDARD_LONG, zero: { key: "z", arg: "none" } } as const;

/** basename NAME [SUFFIX] | basename OPTION… NAME… */
export function* basename(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "basename";
  const parsed = getopt(args.argv, { short: "as:z", long: { ...ZERO_LONG, multiple: { key: "a", arg: "none" }, suffix: { key: "s", arg: "required" } } });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  let multiple = false;
  let suffix = "";
  let end = "\n";
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "NAME [SUFFIX]\n  or:  basename OPTION... NAME...", "Print NAME with any leading directory components removed.\nIf specified, also remove a trailing SUFFIX."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("basename", "David MacKenzie"))) ? 1 : 0;
    if (key === "a") multiple = true;
    else if (key === "s") [multiple, suffix] = [true, value!];
    else if (key === "z") end = "\0";
  }
  const names = parsed.operands;
  if (names.length === 0) {
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return 1;
  }
  if (!multiple && names.length > 2) {
    yield* writeAll(2, `${prog}: extra operand ${quote(names[2]!)}\n${tryHelp(prog)}`);
    return 1;
  }
  const text = multiple ? names.map((n) => baseOf(n, suffix) + end).join("") : baseOf(names[0]!, names[1] ?? "") + end;
  return (yield* writeAll(1, text)) ? 1 : 0;
}

/** dirname [OPTION] NAME… */
export function* dirname(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "dirname";
  const parsed = getopt(args.argv, { short: "z", long: ZERO_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  const keys = new Set(parsed.options.map((o) => o.key));
  if (keys.has("help")) return (yield* writeAll(1, helpText(prog, "[OPTION] NAME...", "Output each NAME with its last non-slash component and trailing slashes\nremoved; if NAME contains no /'s, output '.' (meaning the current directory)."))) ? 1 : 0;
  if (keys.has("version")) return (yield* writeAll(1, versionText("dirname", "David MacKenzie and Jim Meyering"))) ? 1 : 0;
  if (parsed.operands.length === 0) {
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return 1;
  }
  const end = keys.has("z") ? "\0" : "\n";
  return (yield* writeAll(1, parsed.operands.map((n) => dirOf(n) + end).join(""))) ? 1 : 0;
}

/** How much of the name must exist: -e all, -f all but the last component, -m none. */
type CanMode = "existing" | "all-but-last" | "missing";

/** Linux's MAXSYMLINKS: more links than this in one resolution is ELOOP. */
const MAXSYMLINKS = 40;

/** canonicalize_filename_mode(): an absolute name without `.`, `..`, `//` or symlinks. */
export function* canonicalize(name: string, mode: CanMode): Sys<{ ok: true; path: string } | { ok: false; errno: Errno }> {
  if (name === "") return { ok: false, errno: "ENOENT" };
  let resolved = "";
  if (!name.startsWith("/")) {
    const cwd = yield* sys<string>({ name: "getcwd" });
    if (!cwd.ok) return { ok: false, errno: cwd.error };
    resolved = cwd.value === "/" ? "" : cwd.value;
  }
  let rest = name.split("/");
  let links = 0;
  while (rest.length > 0) {
    const part = rest.shift()!;
    if (part === "" || part === ".") continue;
    if (part === "..") {
      resolved = resolved.slice(0, Math.max(0, resolved.lastIndexOf("/")));
      continue;
    }
    const candidate = `${resolved}/${part}`;
    const last = rest.every((p) => p === "" || p === ".");
    const st = yield* sys<StatResult>({ name: "lstat", path: candidate });
    if (!st.ok) {
      if (mode === "missing" || (mode === "all-but-last" && last && st.error === "ENOENT")) {
        resolved = candidate;
        continue;
      }
      return { ok: false, errno: st.error };
    }
    if (isLnkMode(st.value.mode)) {
      if (++links > MAXSYMLINKS) return { ok: false, errno: "ELOOP" };
      const target = yield* sys<string>({ name: "readlink", path: candidate });
      if (!target.ok) return { ok: false, errno: target.error };
      if (target.value.startsWith("/")) resolved = "";
      rest = [...target.value.split("/"), ...rest];
      continue;
    }
    resolved = candidate;
    if (!isDirMode(st.value.mode) && !last && mode !== "missing") return { ok: false, errno: "ENOTDIR" };
  }
  return { ok: true, path: resolved === "" ? "/" : resolved };
}

const READLINK_LONG = {
  ...STANDARD_LONG,
  canonicalize: { key: "f", arg: "none" }, "canonicalize-existing": { key: "e", arg: "none" },
  "canonicalize-missing": { key: "m", arg: "none" }, "no-newline": { key: "n", arg: "none" }, quiet: { key: "q", arg: "none" },
  silent: { key: "s", arg: "none" }, verbose: { key: "v", arg: "none" }, zero: { key: "z", arg: "none" },
} as const;

/** readlink [OPTION]… FILE… */
export function* readlink(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "readlink";
  const parsed = getopt(args.argv, { short: "efmnqsvz", long: READLINK_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  let can: CanMode | undefined;
  let newline = true;
  let verbose = false;
  let end = "\n";
  for (const { key } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... FILE...", "Print value of a symbolic link or canonical file name"))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("readlink", "Dmitry V. Levin"))) ? 1 : 0;
    if (key === "f") can = "all-but-last";
    else if (key === "e") can = "existing";
    else if (key === "m") can = "missing";
    else if (key === "n") newline = false;
    else if (key === "q" || key === "s") verbose = false;
    else if (key === "v") verbose = true;
    else if (key === "z") end = "\0";
  }
  const files = parsed.operands;
  if (files.length === 0) {
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return 1;
  }
  if (!newline && files.length > 1) {
    yield* complain(prog, "ignoring --no-newline with multiple arguments");
    newline = true;
  }
  const out = new Stdout();
  let ok = true;
  for (const f of files) {
    let value: string | undefined;
    let errno: Errno | undefined;
    if (can) {
      const r = yield* canonicalize(f, can);
      if (r.ok) value = r.path;
      else errno = r.errno;
    } else {
      const r = yield* sys<string>({ name: "readlink", path: f });
      if (r.ok) value = r.value;
      else errno = r.error;
    }
    if (value !== undefined) out.put(value + (newline ? end : ""));
    else {
      ok = false;
      if (verbose) {
        yield* out.flush();
        yield* complain(prog, `${f}: ${strerror(errno!)}`);
      }
    }
  }
  if (!(yield* out.close(prog))) return 1;
  return ok ? 0 : 1;
}
