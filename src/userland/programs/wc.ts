/**
 * wc (coreutils 9.4): lines, words and bytes (-l -w -c, -m characters, -L the longest line),
 * every count right-aligned to one width: the digits of the regular files' total size from
 * stat(2), at least 7 when an input is not a regular file (a pipe), 1 when one count of one
 * input is asked for (compute_number_width()).
 * SIMPLIFICATION: the kernel stores one character per byte, so -m counts what -c counts.
 */
import type { StatResult } from "../../kernel/index.ts";
import { strerror } from "../../kernel/index.ts";
import { close, readSome, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, Stdout, getopt, helpText, isRegMode, quotef, tryHelp, versionText } from "./common";

const WC_LONG = {
  ...STANDARD_LONG,
  bytes: { key: "c", arg: "none" }, chars: { key: "m", arg: "none" }, lines: { key: "l", arg: "none" },
  words: { key: "w", arg: "none" }, "max-line-length": { key: "L", arg: "none" }, total: { key: "total", arg: "required" },
} as const;

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  longest: number;
}

const SPACE = new Set([" ", "\t", "\n", "\v", "\f", "\r"]);

/** Counts one chunk, carrying whether the previous chunk ended inside a word and the column. */
function countChunk(c: Counts, text: string, state: { inWord: boolean; col: number }): void {
  c.bytes += text.length;
  c.chars += text.length;
  for (const ch of text) {
    if (ch === "\n" || ch === "\r" || ch === "\f") {
      if (ch === "\n") c.lines++;
      c.longest = Math.max(c.longest, state.col);
      state.col = 0;
      state.inWord = false;
    } else if (ch === "\t") {
      state.col += 8 - (state.col % 8);
      state.inWord = false;
    } else if (SPACE.has(ch)) {
      if (ch === " ") state.col++;
      state.inWord = false;
    } else {
      if (ch >= " ") state.col++;
      if (!state.inWord) c.words++;
      state.inWord = true;
    }
  }
}

/** wc [OPTION]… [FILE]… */
export function* wc(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "wc";
  const parsed = getopt(args.argv, { short: "clLmw", long: WC_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  const keys = new Set(parsed.options.map((o) => o.key));
  if (keys.has("help")) return (yield* writeAll(1, helpText(prog, "[OPTION]... [FILE]...\n  or:  wc [OPTION]... --files0-from=F", "Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a nonempty sequence of non white\nspace delimited by white space characters or by start or end of input."))) ? 1 : 0;
  if (keys.has("version")) return (yield* writeAll(1, versionText("wc", "Paul Rubin and David MacKenzie"))) ? 1 : 0;
  const totalMode = parsed.options.find((o) => o.key === "total")?.value ?? "auto";
  if (!["auto", "always", "only", "never"].includes(totalMode)) {
    yield* writeAll(2, `${prog}: invalid argument ‘${totalMode}’ for ‘--total’\nValid arguments are:\n  - ‘auto’\n  - ‘always’\n  - ‘only’\n  - ‘never’\n${tryHelp(prog)}`);
    return 1;
  }
  const show = (["l", "w", "m", "c", "L"] as const).filter((k) => keys.has(k));
  if (show.length === 0) show.push("l", "w", "c");
  const order = (["l", "w", "m", "c", "L"] as const).filter((k) => show.includes(k));
  const files = parsed.operands.length > 0 ? parsed.operands : [undefined];
  // get_input_fstatus() and compute_number_width().
  let width = 1;
  if (totalMode !== "only" && !(files.length === 1 && order.length === 1)) {
    let minimum = 1;
    let total = 0;
    for (const f of files) {
      const st = f === undefined || f === "-" ? yield* sys<StatResult>({ name: "fstat", fd: 0 }) : yield* sys<StatResult>({ name: "stat", path: f });
      if (!st.ok) continue;
      if (!isRegMode(st.value.mode)) minimum = 7;
      else total += st.value.size;
    }
    width = Math.max(String(total).length, minimum);
  }
  const out = new Stdout();
  const line = (c: Counts, name: string | undefined) => {
    const field: Record<string, number> = { l: c.lines, w: c.words, m: c.chars, c: c.bytes, L: c.longest };
    const nums = order.map((k) => String(field[k]).padStart(width)).join(" ");
    return `${nums}${name === undefined ? "" : ` ${name.includes("\n") ? quotef(name) : name}`}\n`;
  };
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
  let ok = true;
  for (const file of files) {
    let fd = 0;
    if (file !== undefined && file !== "-") {
      const r = yield* sys<{ fd: number }>({ name: "openat", path: file, flags: 0 });
      if (!r.ok) {
        yield* out.flush();
        yield* writeAll(2, `${prog}: ${quotef(file)}: ${strerror(r.error)}\n`);
        ok = false;
        continue;
      }
      fd = r.value.fd;
    }
    const c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
    const state = { inWord: false, col: 0 };
    let failure: string | undefined;
    for (;;) {
      const r = yield* readSome(fd);
      if (!r.ok) {
        failure = strerror(r.error);
        break;
      }
      if (r.value === "") break;
      countChunk(c, r.value, state);
    }
    c.longest = Math.max(c.longest, state.col);
    if (fd !== 0) yield* close(fd);
    if (totalMode !== "only") out.put(line(c, file));
    if (failure !== undefined) {
      yield* out.flush();
      yield* writeAll(2, `${prog}: ${quotef(file ?? "standard input")}: ${failure}\n`);
      ok = false;
    }
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    total.longest = Math.max(total.longest, c.longest);
  }
  if (totalMode === "always" || (totalMode === "auto" && files.length > 1)) out.put(line(total, "total"));
  else if (totalMode === "only") out.put(line(total, undefined));
  if (!(yield* out.close(prog))) return 1;
  return ok ? 0 : 1;
}
