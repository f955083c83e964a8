/**
 * rm (coreutils 9.4): unlink(2) each operand; -r empties a directory depth first and then
 * rmdir(2)s it (a directory whose child could not go stays, without a second complaint);
 * -d removes empty directories; -f ignores missing files; -i and -I ask on stderr and read
 * the answer from stdin. `.`/`..` and `/` are refused as rm's checks refuse them.
 * SIMPLIFICATION: without -i, rm never asks about write-protected files (it cannot tell
 * whether stdin is a terminal).
 */
import type { Errno, StatResult } from "../../kernel/index.ts";
import { strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { listDir, readSome, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK, STANDARD_LONG, complain, getopt, helpText, isDirMode, quoteaf, tryHelp, versionText } from "./common";

const RM_LONG = {
  ...STANDARD_LONG,
  force: { key: "f", arg: "none" }, interactive: { key: "interactive", arg: "optional" }, recursive: { key: "r", arg: "none" },
  dir: { key: "d", arg: "none" }, verbose: { key: "v", arg: "none" }, "one-file-system": { key: "one-file-system", arg: "none" },
  "no-preserve-root": { key: "no-preserve-root", arg: "none" }, "preserve-root": { key: "preserve-root", arg: "optional" },
} as const;

interface RmOptions {
  force: boolean;
  interactive: "never" | "once" | "always";
  recursive: boolean;
  dirs: boolean;
  verbose: boolean;
  preserveRoot: boolean;
}

function fileType(st: StatResult): string {
  switch (st.mode & S_IFMT) {
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symbolic link";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "socket";
    case S_IFCHR: return "character special file";
    case S_IFBLK: return "block special file";
    default: return st.size === 0 ? "regular empty file" : "regular file";
  }
}

class Rm {
  ok = true;
  constructor(readonly prog: string, readonly o: RmOptions) {}

  /** yesno(): a question on stderr, a line from stdin, yes if it starts with y or Y. */
  *ask(question: string): Sys<boolean> {
    yield* writeAll(2, `${this.prog}: ${question}? `);
    let line = "";
    while (!line.includes("\n")) {
      const r = yield* readSome(0, 1);
      if (!r.ok || r.value === "") break;
      line += r.value;
    }
    return /^[yY]/.test(line);
  }

  *fail(path: string, errno: Errno): Sys<false> {
    yield* complain(this.prog, `cannot remove ${quoteaf(path)}: ${strerror(errno)}`);
    this.ok = false;
    return false;
  }

  /** excise(): unlink or rmdir one name; true when it is gone. */
  *excise(path: string, dir: boolean): Sys<boolean> {
    const r = yield* sys<0>(dir ? { name: "rmdir", path } : { name: "unlink", path });
    if (r.ok) {
      if (this.o.verbose) yield* writeAll(1, `${dir ? "removed directory" : "removed"} ${quoteaf(path)}\n`);
      return true;
    }
    if (r.error === "ENOENT" && this.o.force) return true;
    return yield* this.fail(path, r.error);
  }

  /** One file or tree; true when it is gone. */
  *remove(path: string, top: boolean): Sys<boolean> {
    const st = yield* sys<StatResult>({ name: "lstat", path });
    if (!st.ok) {
      if (st.error === "ENOENT" && this.o.force) return true;
      return yield* this.fail(path, st.error);
    }
    if (!isDirMode(st.value.mode)) {
      if (this.o.interactive === "always" && !(yield* this.ask(`remove ${fileType(st.value)} ${quoteaf(path)}`))) return false;
      return yield* this.excise(path, false);
    }
    if (!this.o.recursive && !this.o.dirs) return yield* this.fail(path, "EISDIR");
    const entries = yield* listDir(path);
    const children = entries.ok ? entries.value.filter((e) => e.name !== "." && e.name !== "..") : [];
    const empty = entries.ok && children.length === 0;
    if (!this.o.recursive && !empty) return yield* this.fail(path, "ENOTEMPTY");
    if (top) {
      const base = path.replace(/\/+$/, "").split("/").pop();
      if (base === "." || base === "..") {
        yield* complain(this.prog, `refusing to remove '.' or '..' directory: skipping ${quoteaf(path)}`);
        this.ok = false;
        return false;
      }
      if (this.o.recursive && this.o.preserveRoot) {
        const root = yield* sys<StatResult>({ name: "stat", path: "/" });
        const same = root.ok && root.value.ino === st.value.ino && root.value.dev.major === st.value.dev.major && root.value.dev.minor === st.value.dev.minor;
        if (same) {
          const what = path === "/" ? quoteaf(path) : `${quoteaf(path)} (same as ${quoteaf("/")})`;
          yield* complain(this.prog, `it is dangerous to operate recursively on ${what}`);
          yield* complain(this.prog, "use --no-preserve-root to override this failsafe");
          this.ok = false;
          return false;
        }
      }
    }
    if (this.o.interactive === "always") {
      const question = empty ? `remove directory ${quoteaf(path)}` : `descend into directory ${quoteaf(path)}`;
      if (!(yield* this.ask(question))) return false;
      if (empty) return yield* this.excise(path, true);
    }
    let allGone = true;
    if (!entries.ok) {
      // Unreadable: rmdir is still tried, and its failure is told with the open's errno.
      const r = yield* sys<0>({ name: "rmdir", path });
      if (r.ok) return true;
      return yield* this.fail(path, r.error === "ENOTEMPTY" || r.error === "EEXIST" ? entries.error : r.error);
    }
    for (const e of children) {
      const child = path.endsWith("/") ? path + e.name : `${path}/${e.name}`;
      if (!(yield* this.remove(child, false))) allGone = false;
    }
    if (!allGone) return false;
    if (this.o.interactive === "always" && !empty && !(yield* this.ask(`remove directory ${quoteaf(path)}`))) return false;
    return yield* this.excise(path, true);
  }
}

/** rm [OPTION]… [FILE]… */
export function* rm(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "rm";
  const parsed = getopt(args.argv, { short: "dfirvIR", long: RM_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  const o: RmOptions = { force: false, interactive: "never", recursive: false, dirs: false, verbose: false, preserveRoot: true };
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... [FILE]...", "Remove (unlink) the FILE(s)."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("rm", "Paul Rubin, David MacKenzie, Richard M. Stallman,\nand Jim Meyering"))) ? 1 : 0;
    if (key === "f") [o.force, o.interactive] = [true, "never"];
    else if (key === "i") [o.force, o.interactive] = [false, "always"];
    else if (key === "I") [o.force, o.interactive] = [false, "once"];
    else if (key === "interactive") {
      const when = value ?? "always";
      o.interactive = when === "never" || when === "no" || when === "none" ? "never" : when === "once" ? "once" : "always";
      if (o.interactive !== "never") o.force = false;
    } else if (key === "r" || key === "R") o.recursive = true;
    else if (key === "d") o.dirs = true;
    else if (key === "v") o.verbose = true;
    else if (key === "no-preserve-root") o.preserveRoot = false;
    else if (key === "preserve-root") o.preserveRoot = true;
  }
  const files = parsed.operands;
  if (files.length === 0) {
    if (o.force) return 0;
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return 1;
  }
  const run = new Rm(prog, o);
  if (o.interactive === "once" && (files.length > 3 || o.recursive)) {
    const n = files.length;
    const question = `remove ${n} argument${n === 1 ? "" : "s"}${o.recursive ? " recursively" : ""}`;
    if (!(yield* run.ask(question))) return 0;
  }
  for (const f of files) yield* run.remove(f, true);
  return run.ok ? 0 : 1;
}
