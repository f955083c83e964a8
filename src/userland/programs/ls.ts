/**
 * ls (coreutils 9.4) with stdout not a terminal: one name per line, names unquoted. Operands
 * are stat'ed (lstat with -l/-d), files listed first, then each directory read with
 * getdents64(2), sorted in C.UTF-8 order (code points), `.` names hidden without -a/-A.
 * Exit status: 2 for a command-line operand that fails, 1 for a file inside a listing.
 */
import type { Dirent64, StatResult, Timespec } from "../../kernel/index.ts";
import { CLOCK_REALTIME, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { listDir, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import type { Accounts } from "./accounts";
import { groupById, loadAccounts, userById } from "./accounts";
import { STANDARD_LONG, Stdout, getopt, helpText, isDirMode, isLnkMode, quoteaf, tryHelp, versionText } from "./common";
import type { LsFile } from "./ls-format";
import { inodeWidth, longLines, totalBlocks } from "./ls-format";

interface Options {
  all: "none" | "almost" | "all";
  dirsOnly: boolean;
  long: boolean;
  owner: boolean;
  group: boolean;
  numeric: boolean;
  inode: boolean;
  human: boolean;
  reverse: boolean;
  sort: "name" | "time" | "size" | "none";
  time: "mtime" | "ctime" | "atime";
  recursive: boolean;
  deref: "never" | "cmdline-dirs" | "always";
}

const LS_LONG = {
  ...STANDARD_LONG,
  all: { key: "a", arg: "none" }, "almost-all": { key: "A", arg: "none" }, directory: { key: "d", arg: "none" },
  "human-readable": { key: "h", arg: "none" }, inode: { key: "i", arg: "none" }, "numeric-uid-gid": { key: "n", arg: "none" },
  reverse: { key: "r", arg: "none" }, recursive: { key: "R", arg: "none" }, dereference: { key: "L", arg: "none" },
  color: { key: "color", arg: "optional" }, "no-group": { key: "G", arg: "none" },
} as const;

function parseOptions(argv: readonly string[]): { ok: true; o: Options; operands: readonly string[]; help?: string } | { ok: false; message: string } {
  const parsed = getopt(argv, { short: "aAdlngoi1hrtSURLcuCG", long: LS_LONG });
  if (!parsed.ok) return parsed;
  const o: Options = {
    all: "none", dirsOnly: false, long: false, owner: true, group: true, numeric: false, inode: false, human: false,
    reverse: false, sort: "name", time: "mtime", recursive: false, deref: "cmdline-dirs",
  };
  let explicitDeref = false;
  let timeSort = false;
  for (const { key } of parsed.options) {
    if (key === "help" || key === "version") return { ok: true, o, operands: [], help: key };
    if (key === "a") o.all = "all";
    else if (key === "A") o.all = "almost";
    else if (key === "d") o.dirsOnly = true;
    else if (key === "l") o.long = true;
    else if (key === "n") [o.long, o.numeric] = [true, true];
    else if (key === "g") [o.long, o.owner] = [true, false];
    else if (key === "o") [o.long, o.group] = [true, false];
    else if (key === "G") o.group = false;
    else if (key === "i") o.inode = true;
    else if (key === "1" || key === "C") o.long = false;
    else if (key === "h") o.human = true;
    else if (key === "r") o.reverse = true;
    else if (key === "t") [o.sort, timeSort] = ["time", true];
    else if (key === "S") o.sort = "size";
    else if (key === "U") o.sort = "none";
    else if (key === "R") o.recursive = true;
    else if (key === "L") [o.deref, explicitDeref] = ["always", true];
    else if (key === "c") o.time = "ctime";
    else if (key === "u") o.time = "atime";
  }
  // -c/-u without -l sort by that time (ls(1)).
  if (o.time !== "mtime" && !o.long && !timeSort && o.sort === "name") o.sort = "time";
  if (!explicitDeref && (o.dirsOnly || o.long)) o.deref = "never";
  return { ok: true, o, operands: parsed.operands };
}

/** C.UTF-8 collation: code point order. */
const byName = (a: LsFile, b: LsFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const seconds = (t: Timespec | undefined) => (t ? t.sec + t.nsec / 1e9 : 0);

function sortFiles(files: LsFile[], o: Options): LsFile[] {
  if (o.sort === "none") return files;
  const cmp =
    o.sort === "time" ? (a: LsFile, b: LsFile) => seconds(b.st?.[o.time]) - seconds(a.st?.[o.time]) || byName(a, b)
      : o.sort === "size" ? (a: LsFile, b: LsFile) => (b.st?.size ?? 0) - (a.st?.size ?? 0) || byName(a, b)
        : byName;
  const sorted = [...files].sort(cmp);
  return o.reverse ? sorted.reverse() : sorted;
}

/** attach(): the name ls stats and names in messages ("." is left out). */
const joinPath = (dir: string, name: string) => (dir === "." ? name : concat(dir, name));
/** file_name_concat(): the name of a subdirectory -R queues ("./a" under "."). */
const concat = (dir: string, name: string) => (dir.endsWith("/") ? dir + name : `${dir}/${name}`);

class Ls {
  status = 0;
  readonly out = new Stdout();
  private accounts: Accounts | undefined;
  private firstDir = true;

  constructor(readonly prog: string, readonly o: Options, readonly now: Timespec) {}

  *fail(serious: boolean, message: string): Sys<void> {
    yield* this.out.flush();
    yield* writeAll(2, `${this.prog}: ${message}\n`);
    this.status = Math.max(this.status, serious ? 2 : 1);
  }

  /** gobble_file(): stat (or lstat) one file, and read its link when the long format shows it. */
  *gobble(name: string, path: string, cmdline: boolean, d?: Dirent64): Sys<LsFile | undefined> {
    const o = this.o;
    const needStat = cmdline || o.long || o.sort === "time" || o.sort === "size" || (o.recursive && d?.type === 0);
    let st: StatResult | undefined;
    if (needStat) {
      const follow = o.deref === "always" || (o.deref === "cmdline-dirs" && cmdline);
      let r = yield* sys<StatResult>({ name: follow ? "stat" : "lstat", path });
      // A command-line symlink is followed only to a directory; a dangling or looping one is listed itself.
      const relook = r.ok ? !isDirMode(r.value.mode) : r.error === "ENOENT" || r.error === "ELOOP";
      if (follow && o.deref === "cmdline-dirs" && relook) r = yield* sys<StatResult>({ name: "lstat", path });
      if (!r.ok) {
        yield* this.fail(cmdline, `cannot access ${quoteaf(path)}: ${strerror(r.error)}`);
        if (cmdline) return undefined;
      } else st = r.value;
    }
    let target: string | undefined;
    if (o.long && st && isLnkMode(st.mode)) {
      const t = yield* sys<string>({ name: "readlink", path });
      if (t.ok) target = t.value;
      else yield* this.fail(cmdline, `cannot read symbolic link ${quoteaf(path)}: ${strerror(t.error)}`);
    }
    return { name, path, st, dtype: d?.type ?? 0, dino: d?.ino ?? st?.ino ?? 0, target };
  }

  /** print_current_files(): the lines of one listing. */
  *print(files: readonly LsFile[], widthFiles: readonly LsFile[] = files): Sys<void> {
    const o = this.o;
    if (o.long) {
      if (files.length > 0 && !this.accounts) this.accounts = yield* loadAccounts();
      const a = this.accounts;
      const lines = longLines(files, {
        owner: o.owner, group: o.group, numeric: o.numeric, human: o.human, inode: o.inode, time: o.time, now: this.now,
        userName: (uid) => (a ? userById(a, uid)?.name : undefined), groupName: (gid) => (a ? groupById(a, gid)?.name : undefined),
      }, widthFiles);
      for (const line of lines) if (this.out.put(`${line}\n`)) yield* this.out.flush();
      return;
    }
    const w = inodeWidth(widthFiles);
    for (const f of files) {
      const ino = o.inode ? `${String(f.st?.ino ?? f.dino).padStart(w)} ` : "";
      if (this.out.put(`${ino}${f.name}\n`)) yield* this.out.flush();
    }
  }

  /** print_dir(): one directory's listing; its subdirectories when -R. */
  *dir(path: string, cmdline: boolean, header: boolean): Sys<void> {
    const o = this.o;
    const entries = yield* listDir(path);
    if (!entries.ok) {
      yield* this.fail(cmdline, `cannot open directory ${quoteaf(path)}: ${strerror(entries.error)}`);
      return;
    }
    if (header || o.recursive) {
      this.out.put(`${this.firstDir ? "" : "\n"}${path}:\n`);
    }
    this.firstDir = false;
    const files: LsFile[] = [];
    for (const d of entries.value) {
      const hidden = d.name.startsWith(".") && (o.all === "none" || (o.all === "almost" && (d.name === "." || d.name === "..")));
      if (hidden) continue;
      const f = yield* this.gobble(d.name, joinPath(path, d.name), false, d);
      if (f) files.push(f);
    }
    const sorted = sortFiles(files, o);
    if (o.long) this.out.put(`total ${totalBlocks(sorted.reduce((n, f) => n + (f.st?.blocks ?? 0), 0), o.human)}\n`);
    yield* this.print(sorted);
    if (!o.recursive) return;
    for (const f of sorted) {
      const isDir = f.st ? isDirMode(f.st.mode) : f.dtype === 4;
      if (isDir && f.name !== "." && f.name !== "..") yield* this.dir(concat(path, f.name), false, true);
    }
  }
}

/** ls [OPTION]… [FILE]… */
export function* ls(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "ls";
  const parsed = parseOptions(args.argv);
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 2;
  }
  if (parsed.help === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... [FILE]...", "List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified."))) ? 2 : 0;
  if (parsed.help === "version") return (yield* writeAll(1, versionText("ls", "Richard M. Stallman and David MacKenzie"))) ? 2 : 0;
  const o = parsed.o;
  const clock = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_REALTIME });
  const run = new Ls(prog, o, clock.ok ? clock.value : { sec: 0, nsec: 0 });
  const operands = parsed.operands.length > 0 ? parsed.operands : ["."];
  const gobbled: LsFile[] = [];
  for (const name of operands) {
    const f = yield* run.gobble(name, name, true);
    if (f) gobbled.push(f);
  }
  const sorted = sortFiles(gobbled, o);
  const isDir = (f: LsFile) => !o.dirsOnly && f.st !== undefined && isDirMode(f.st.mode);
  const files = sorted.filter((f) => !isDir(f));
  const dirs = sorted.filter(isDir);
  if (files.length > 0) {
    yield* run.print(files, sorted);
    if (dirs.length > 0) run.out.put("\n");
  }
  const header = files.length > 0 || operands.length > 1;
  for (const d of dirs) yield* run.dir(d.path, true, header);
  if (!(yield* run.out.close(prog))) return 2;
  return run.status;
}
