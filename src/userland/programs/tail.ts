/**
 * tail (coreutils 9.4): the last 10 lines, -n N / -c N from the end, `+N` from the start,
 * the obsolete `tail -5` and `tail +5` forms, and -f, which polls each regular file every
 * second (-s) on CLOCK_MONOTONIC as tail does without inotify, printing what was appended.
 */
import type { StatResult, Timespec } from "../../kernel/index.ts";
import { CLOCK_MONOTONIC, TIMER_ABSTIME, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { close, readAll, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { SEEK_SET, STANDARD_LONG, Stdout, getopt, helpText, isRegMode, openForReading, parseCount, quote, quoteaf, tryHelp, versionText } from "./common";

interface TailOptions {
  lines: boolean;
  count: number;
  fromStart: boolean;
  headers: "multiple" | "always" | "never";
  eol: string;
  follow: boolean;
  sleepSec: number;
}

const TAIL_LONG = {
  ...STANDARD_LONG,
  bytes: { key: "c", arg: "required" }, lines: { key: "n", arg: "required" }, follow: { key: "f", arg: "optional" },
  quiet: { key: "q", arg: "none" }, silent: { key: "q", arg: "none" }, verbose: { key: "v", arg: "none" },
  "sleep-interval": { key: "s", arg: "required" }, "zero-terminated": { key: "z", arg: "none" },
  retry: { key: "retry", arg: "none" }, pid: { key: "pid", arg: "required" },
} as const;

/** parse_obsolete_option(): `-5`, `+5`, `-5c`, `+3f`, with one option and at most one file. */
function obsolete(argv: readonly string[], o: TailOptions): boolean {
  const n = argv.length;
  if (!(n === 2 || (n === 3 && !(argv[2]!.startsWith("-") && argv[2]!.length > 1)) || ((n === 3 || n === 4) && argv[2] === "--"))) return false;
  const m = /^([+-])(\d*)([bcl]?)(f?)$/.exec(argv[1]!);
  if (!m) return false;
  // "-" is stdin and "-c" wants its argument: neither is the obsolete form.
  const rest = argv[1]!.slice(1);
  if (m[1] === "-" && rest[rest.startsWith("c") ? 1 : 0] === undefined) return false;
  o.fromStart = m[1] === "+";
  o.lines = m[3] !== "c" && m[3] !== "b";
  o.count = m[2] === "" ? (m[3] === "b" ? 10 * 512 : 10) : Number(m[2]) * (m[3] === "b" ? 512 : 1);
  o.follow = m[4] === "f";
  return true;
}

/** What tail prints of a whole input. */
function tailOf(text: string, o: TailOptions): string {
  if (!o.lines) return o.fromStart ? text.slice(Math.max(0, o.count - 1)) : text.slice(Math.max(0, text.length - o.count));
  if (o.fromStart) {
    let at = 0;
    for (let skip = o.count - 1; skip > 0 && at < text.length; skip--) {
      const i = text.indexOf(o.eol, at);
      at = i < 0 ? text.length : i + 1;
    }
    return text.slice(at);
  }
  if (o.count === 0) return "";
  // The last line may lack its terminator; it still counts.
  let start = text.endsWith(o.eol) ? text.length - 1 : text.length;
  for (let n = o.count; n > 0; n--) {
    if (start === 0) return text;
    const i = text.lastIndexOf(o.eol, start - 1);
    if (i < 0) return text;
    start = i;
  }
  return text.slice(start + 1);
}

interface Followed {
  readonly name: string;
  readonly fd: number;
  pos: number;
}

/** tail [OPTION]… [FILE]… */
export function* tail(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "tail";
  const argv = [...args.argv];
  const o: TailOptions = { lines: true, count: 10, fromStart: false, headers: "multiple", eol: "\n", follow: false, sleepSec: 1 };
  if (obsolete(argv, o)) argv.splice(1, 1);
  const parsed = getopt(argv, { short: "c:n:fFqs:vz", long: TAIL_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... [FILE]...", "Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("tail", "Paul Rubin, David MacKenzie, Ian Lance Taylor, and Jim Meyering"))) ? 1 : 0;
    if (key === "c" || key === "n") {
      o.lines = key === "n";
      o.fromStart = value!.startsWith("+");
      const n = parseCount(value!.replace(/^[+-]/, ""));
      if (n === undefined) {
        yield* writeAll(2, `${prog}: invalid number of ${o.lines ? "lines" : "bytes"}: ${quote(value!)}\n`);
        return 1;
      }
      o.count = n;
    } else if (key === "f" || key === "F") o.follow = true;
    else if (key === "q") o.headers = "never";
    else if (key === "v") o.headers = "always";
    else if (key === "z") o.eol = "\0";
    else if (key === "s") {
      const s = Number(value);
      if (!/^\d*\.?\d+$/.test(value!) || !Number.isFinite(s)) {
        yield* writeAll(2, `${prog}: invalid number of seconds: ${quote(value!)}\n`);
        return 1;
      }
      o.sleepSec = s;
    }
  }
  const files = parsed.operands.length > 0 ? parsed.operands : ["-"];
  const headers = o.headers === "always" || (o.headers === "multiple" && files.length > 1);
  const out = new Stdout();
  let ok = true;
  let first = true;
  const followed: Followed[] = [];
  for (const file of files) {
    const fd = yield* openForReading(prog, file);
    if (fd === undefined) {
      ok = false;
      continue;
    }
    const shown = file === "-" ? "standard input" : file;
    if (headers) out.put(`${first ? "" : "\n"}==> ${shown} <==\n`);
    first = false;
    const r = yield* readAll(fd);
    if (!r.ok) {
      yield* out.flush();
      yield* writeAll(2, `${prog}: error reading ${quoteaf(shown)}: ${strerror(r.error)}\n`);
      ok = false;
    } else if (out.put(tailOf(r.value, o))) yield* out.flush();
    const st = fd !== 0 ? yield* sys<StatResult>({ name: "fstat", fd }) : undefined;
    if (o.follow && r.ok && st?.ok && isRegMode(st.value.mode)) followed.push({ name: shown, fd, pos: r.value.length });
    else if (fd !== 0) yield* close(fd);
  }
  if (!(yield* out.flush())) {
    yield* out.close(prog);
    return 1;
  }
  if (o.follow && followed.length === 0 && files.some((f) => f !== "-")) {
    yield* writeAll(2, `${prog}: no files remaining\n`);
    return 1;
  }
  if (followed.length > 0) yield* follow(prog, followed, o, headers, out);
  if (!(yield* out.close(prog))) return 1;
  return ok ? 0 : 1;
}

/** tail_forever() without inotify: stat each file every interval, print what grew. */
function* follow(prog: string, files: Followed[], o: TailOptions, headers: boolean, out: Stdout): Sys<void> {
  let last = files[files.length - 1]!;
  for (;;) {
    const now = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_MONOTONIC });
    if (!now.ok) return;
    const deadline = now.value.sec * 1e9 + now.value.nsec + Math.round(o.sleepSec * 1e9);
    yield* sys<0>({ name: "clock_nanosleep", clock: CLOCK_MONOTONIC, flags: TIMER_ABSTIME, ns: deadline });
    for (const f of files) {
      const st = yield* sys<StatResult>({ name: "fstat", fd: f.fd });
      if (!st.ok) continue;
      if (st.value.size < f.pos) {
        yield* out.flush();
        yield* writeAll(2, `${prog}: ${f.name}: file truncated\n`);
        yield* sys<number>({ name: "lseek", fd: f.fd, offset: 0, whence: SEEK_SET });
        f.pos = 0;
      }
      if (st.value.size === f.pos) continue;
      const r = yield* readAll(f.fd);
      if (!r.ok || r.value === "") continue;
      f.pos += r.value.length;
      if (headers && f !== last) out.put(`\n==> ${f.name} <==\n`);
      last = f;
      out.put(r.value);
      if (!(yield* out.flush())) return;
    }
  }
}
