/**
 * head (coreutils 9.4): the first 10 lines, -n N lines, -c N bytes, or with a leading `-`
 * all but the last N. It stops reading once it has printed enough, so `yes | head -3` ends:
 * head exits, and the writer's next write(2) meets a pipe with no reader.
 */
import { strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { close, readAll, readSome, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { SEEK_CUR, STANDARD_LONG, Stdout, getopt, helpText, openForReading, parseCount, quote, quoteaf, tryHelp, versionText } from "./common";

interface HeadOptions {
  lines: boolean;
  count: number;
  elide: boolean;
  headers: "multiple" | "always" | "never";
  eol: string;
}

const HEAD_LONG = {
  ...STANDARD_LONG,
  bytes: { key: "c", arg: "required" }, lines: { key: "n", arg: "required" }, quiet: { key: "q", arg: "none" },
  silent: { key: "q", arg: "none" }, verbose: { key: "v", arg: "none" }, "zero-terminated": { key: "z", arg: "none" },
} as const;

/** The number of a -n/-c value; a complaint (and exit 1) for anything else. */
function count(prog: string, lines: boolean, text: string): number | string {
  const n = parseCount(text);
  return n ?? `${prog}: invalid number of ${lines ? "lines" : "bytes"}: ${quote(text)}\n`;
}

/** The first `n` lines (or bytes) read from fd; what was read past them is sought back. */
function* headFrom(fd: number, o: HeadOptions, out: Stdout): Sys<string | undefined> {
  let left = o.count;
  while (left > 0) {
    const r = yield* readSome(fd);
    if (!r.ok) return strerror(r.error);
    const chunk = r.value;
    if (chunk === "") return undefined;
    let take = chunk.length;
    if (o.lines) {
      for (let i = chunk.indexOf(o.eol); i >= 0; i = chunk.indexOf(o.eol, i + 1)) {
        if (--left === 0) {
          take = i + 1;
          break;
        }
      }
    } else {
      take = Math.min(left, chunk.length);
      left -= take;
    }
    if (out.put(chunk.slice(0, take))) yield* out.flush();
    if (take < chunk.length) yield* sys<number>({ name: "lseek", fd, offset: take - chunk.length, whence: SEEK_CUR });
    if (out.error) return undefined;
  }
  return undefined;
}

/** Everything but the last `n` lines (or bytes). */
function* elideFrom(fd: number, o: HeadOptions, out: Stdout): Sys<string | undefined> {
  const r = yield* readAll(fd);
  if (!r.ok) return strerror(r.error);
  const text = r.value;
  let end = Math.max(0, text.length - o.count);
  if (o.lines) {
    end = text.length;
    // A last line without its terminator still counts as a line.
    let skip = o.count;
    if (skip > 0 && text !== "" && !text.endsWith(o.eol)) {
      end = text.lastIndexOf(o.eol) + 1;
      skip--;
    }
    for (; skip > 0 && end > 0; skip--) end = end < 2 ? 0 : text.lastIndexOf(o.eol, end - 2) + 1;
  }
  out.put(text.slice(0, end));
  return undefined;
}

/** head [OPTION]… [FILE]… */
export function* head(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "head";
  const argv = [...args.argv];
  const o: HeadOptions = { lines: true, count: 10, elide: false, headers: "multiple", eol: "\n" };
  // The obsolete form: `head -5`, `head -5c`, as the first argument only.
  const old = argv.length > 1 ? /^-(\d+)([a-z]*)$/.exec(argv[1]!) : null;
  if (old) {
    o.count = Number(old[1]);
    for (const c of old[2]!) {
      if (c === "c") o.lines = false;
      else if (c === "b" || c === "k" || c === "m") [o.lines, o.count] = [false, o.count * (c === "b" ? 512 : c === "k" ? 1024 : 1024 ** 2)];
      else if (c === "l") o.lines = true;
      else if (c === "q") o.headers = "never";
      else if (c === "v") o.headers = "always";
      else if (c === "z") o.eol = "\0";
      else {
        yield* writeAll(2, `${prog}: invalid trailing option -- ${c}\n${tryHelp(prog)}`);
        return 1;
      }
    }
    argv.splice(1, 1);
  }
  const parsed = getopt(argv, { short: "c:n:qvz", long: HEAD_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... [FILE]...", "Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("head", "David MacKenzie and Jim Meyering"))) ? 1 : 0;
    if (key === "c" || key === "n") {
      o.lines = key === "n";
      o.elide = value!.startsWith("-");
      const n = count(prog, o.lines, o.elide ? value!.slice(1) : value!);
      if (typeof n === "string") {
        yield* writeAll(2, n);
        return 1;
      }
      o.count = n;
    } else if (key === "q") o.headers = "never";
    else if (key === "v") o.headers = "always";
    else if (key === "z") o.eol = "\0";
  }
  const files = parsed.operands.length > 0 ? parsed.operands : ["-"];
  const headers = o.headers === "always" || (o.headers === "multiple" && files.length > 1);
  const out = new Stdout();
  let ok = true;
  let first = true;
  for (const file of files) {
    const fd = yield* openForReading(prog, file);
    if (fd === undefined) {
      ok = false;
      continue;
    }
    const shown = file === "-" ? "standard input" : file;
    if (headers) out.put(`${first ? "" : "\n"}==> ${shown} <==\n`);
    first = false;
    const failure = o.elide ? yield* elideFrom(fd, o, out) : yield* headFrom(fd, o, out);
    if (failure) {
      yield* out.flush();
      yield* writeAll(2, `${prog}: error reading ${quoteaf(shown)}: ${failure}\n`);
      ok = false;
    }
    if (fd !== 0) yield* close(fd);
    if (out.error) break;
  }
  if (!(yield* out.close(prog, `error writing ${quoteaf("standard output")}`))) return 1;
  return ok ? 0 : 1;
}
