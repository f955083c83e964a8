/**
 * What the GNU programs share: getopt_long as glibc 2.39 parses and words it, gnulib's quoting
 * (quote() gives ‘x’ in a UTF-8 locale, quoteaf() the shell-escaped 'x'), the stdio buffer
 * that stdout is when it is not a terminal, and the `--version` text of coreutils 9.4.
 */
import type { Errno } from "../../kernel/index.ts";
import { O_RDONLY, strerror } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { sys, writeAll } from "../process/sys";

export const tryHelp = (prog: string) => `Try '${prog} --help' for more information.\n`;

/** gnulib quote(): locale quoting, curly quotes under C.UTF-8. */
export const quote = (s: string) => `‘${s}’`;

/** gnulib quoteaf(): shell-escape-always quoting, as `ls` and `rm` name files in errors. */
export function quoteaf(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!/["$`\\!]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** gnulib quotef(): quoted only when the shell would need it. */
export const quotef = (s: string) => (s !== "" && /^[A-Za-z0-9_./+,:@%^=-]+$/.test(s) ? s : quoteaf(s));

export interface LongOption {
  readonly key: string;
  readonly arg: "none" | "required" | "optional";
}

export interface OptionSpec {
  /** getopt's optstring: letters, `:` after one that takes an argument; a leading `+` stops at the first operand. */
  readonly short: string;
  readonly long?: Readonly<Record<string, LongOption>>;
}

export interface ParsedOption {
  readonly key: string;
  readonly value: string | undefined;
}

export type Parsed =
  | { readonly ok: true; readonly options: readonly ParsedOption[]; readonly operands: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** getopt_long(3) with GNU argument permutation; messages in glibc's words. */
export function getopt(argv: readonly string[], spec: OptionSpec): Parsed {
  const prog = argv[0] ?? "";
  const inOrder = spec.short.startsWith("+");
  const letters = inOrder ? spec.short.slice(1) : spec.short;
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  const fail = (message: string): Parsed => ({ ok: false, message: `${prog}: ${message}\n` });
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && spec.long) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const exact = spec.long[name];
      const matches = exact ? [name] : Object.keys(spec.long).filter((n) => n.startsWith(name));
      const distinct = new Set(matches.map((m) => spec.long![m]!.key));
      if (matches.length === 0) return fail(`unrecognized option '${arg.slice(0, eq < 0 ? undefined : eq)}'`);
      if (distinct.size > 1) return fail(`option '${arg}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join("")}`);
      const full = matches[0]!;
      const opt = spec.long[full]!;
      if (eq >= 0) {
        if (opt.arg === "none") return fail(`option '--${full}' doesn't allow an argument`);
        options.push({ key: opt.key, value: arg.slice(eq + 1) });
      } else if (opt.arg === "required") {
        if (i + 1 >= argv.length) return fail(`option '--${full}' requires an argument`);
        options.push({ key: opt.key, value: argv[++i] });
      } else options.push({ key: opt.key, value: undefined });
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      if (inOrder) {
        operands.push(...argv.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const at = c === ":" ? -1 : letters.indexOf(c);
      if (at < 0) return fail(`invalid option -- '${c}'`);
      if (letters[at + 1] !== ":") {
        options.push({ key: c, value: undefined });
        continue;
      }
      if (j + 1 < arg.length) options.push({ key: c, value: arg.slice(j + 1) });
      else if (i + 1 < argv.length) options.push({ key: c, value: argv[++i] });
      else return fail(`option requires an argument -- '${c}'`);
      break;
    }
  }
  return { ok: true, options, operands };
}

/** `--help` and `--version`, which every GNU program takes. */
export const STANDARD_LONG: Readonly<Record<string, LongOption>> = {
  help: { key: "help", arg: "none" },
  version: { key: "version", arg: "none" },
};

/** The `--version` text of a coreutils 9.4 program. */
export const versionText = (prog: string, authors: string) =>
  `${prog} (GNU coreutils) 9.4\nCopyright (C) 2023 Free Software Foundation, Inc.\n` +
  "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n" +
  "This is free software: you are free to change and redistribute it.\n" +
  `There is NO WARRANTY, to the extent permitted by law.\n\nWritten by ${authors}.\n`;

/**
 * `--help`, abridged: the real usage line and the pointer to the manual.
 * SIMPLIFICATION: the option list of the real help text is left out.
 */
export const helpText = (prog: string, usage: string, summary: string) =>
  `Usage: ${prog} ${usage}\n${summary}\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n` +
  `Full documentation <https://www.gnu.org/software/coreutils/${prog}>\n` +
  `or available locally via: info '(coreutils) ${prog} invocation'\n`;

/**
 * stdout as stdio buffers it when it is a pipe or a file: text collects until 4096 bytes are
 * waiting, then goes out in one write(2). A failed write is remembered; `close()` reports it
 * as close_stdout() does.
 */
export class Stdout {
  private buf = "";
  error: Errno | undefined;

  constructor(private readonly fd = 1, private readonly size = 4096) {}

  /** Adds text; true when the buffer should be flushed. */
  put(text: string): boolean {
    this.buf += text;
    return this.buf.length >= this.size;
  }

  *flush(): Sys<boolean> {
    if (this.buf === "" || this.error) return !this.error;
    const text = this.buf;
    this.buf = "";
    this.error = yield* writeAll(this.fd, text);
    return !this.error;
  }

  /** Writes what is left; on failure prints `prog: write error: …` (or `what`) and returns false. */
  *close(prog: string, what = "write error"): Sys<boolean> {
    yield* this.flush();
    if (!this.error) return true;
    yield* writeAll(2, `${prog}: ${what}: ${strerror(this.error)}\n`);
    return false;
  }
}

/** Writes `prog: message` to stderr. */
export function* complain(prog: string, message: string): Sys<void> {
  yield* writeAll(2, `${prog}: ${message}\n`);
}

/** The environment's value of `name`, from execve's `NAME=value` strings. */
export function getenv(env: readonly string[], name: string): string | undefined {
  const hit = env.find((e) => e.startsWith(`${name}=`));
  return hit === undefined ? undefined : hit.slice(name.length + 1);
}

/** <sys/stat.h> file type bits: the kernel's own definitions. */
export { S_IFMT, S_IFSOCK, S_IFLNK, S_IFREG, S_IFBLK, S_IFDIR, S_IFCHR, S_IFIFO } from "../../kernel/index.ts";
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from "../../kernel/index.ts";

export const isDirMode = (mode: number) => (mode & S_IFMT) === S_IFDIR;
export const isRegMode = (mode: number) => (mode & S_IFMT) === S_IFREG;
export const isLnkMode = (mode: number) => (mode & S_IFMT) === S_IFLNK;


/** lseek(2) whence values (<unistd.h>). */
export const SEEK_SET = 0;
export const SEEK_CUR = 1;

/**
 * Opens FILE for reading ("-" is stdin), or says `prog: cannot open 'FILE' for reading: …`
 * as head, tail and wc do; undefined after such a complaint.
 */
export function* openForReading(prog: string, file: string): Sys<number | undefined> {
  if (file === "-") return 0;
  const r = yield* sys<{ fd: number }>({ name: "openat", path: file, flags: O_RDONLY });
  if (r.ok) return r.value.fd;
  yield* writeAll(2, `${prog}: cannot open ${quoteaf(file)} for reading: ${strerror(r.error)}\n`);
  return undefined;
}

const EXPONENTS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6 };

/**
 * xstrtoumax() with head's and tail's suffixes: 512-byte `b`, K/M/G… (powers of 1024, or
 * of 1000 with a trailing `B`, `KiB` the same as `K`). undefined for anything else.
 */
export function parseCount(text: string): number | undefined {
  const m = /^\s*\+?(\d+)(b|[kKmMGTPE](?:iB|B)?)?$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2];
  if (!suffix) return n;
  if (suffix === "b") return n * 512;
  const base = suffix.endsWith("B") && !suffix.endsWith("iB") ? 1000 : 1024;
  return n * base ** EXPONENTS[suffix[0]!]!;
}
