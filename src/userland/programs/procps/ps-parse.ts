/**
 * parse_all_options() of procps-ng 4.0.4 ps: each argument is classified (SysV `-x`, BSD `x`,
 * GNU `--x`, a PID) and its letters applied to the options; arg_parse() retries a failed parse
 * in BSD mode and reports the first attempt's error.
 */
import type { Sys } from "../../process/sys";
import type { ParseEnv, PsOptions, SelType } from "./ps-args";
import { FF, FM, NotSimulated, SS, TF, freshOptions, parseList } from "./ps-args";

export const PS_VERSION = "ps from procps-ng 4.0.4\n";

interface Cursor {
  index: number;
  pos: number;
}

/** get_opt_arg(): the rest of this word, else the next (non-empty) word. */
function optArg(env: ParseEnv, c: Cursor): string | undefined {
  const word = env.argv[c.index]!;
  if (c.pos + 1 < word.length) return word.slice(c.pos + 1);
  const next = env.argv[c.index + 1];
  if (next === undefined || next === "") return undefined;
  c.index++;
  return next;
}

const exclusive = (env: ParseEnv, x: string) => (env.argv.length !== 2 || env.argv[1] !== x ? `the option is exclusive: ${x}` : undefined);
const version = (o: PsOptions) => (o.exit = { text: PS_VERSION, toStderr: false, status: 0 });

function* list(env: ParseEnv, c: Cursor, o: PsOptions, type: SelType, missing: string): Sys<string | null | undefined> {
  const arg = optArg(env, c);
  if (arg === undefined) return missing;
  const err = yield* parseList(arg, type, o, env);
  return err ?? null;
}

/** parse_sysv_option(); null means "this word is done". */
function* sysv(env: ParseEnv, c: Cursor, o: PsOptions): Sys<string | null | undefined> {
  const word = env.argv[c.index]!;
  for (c.pos = 1; c.pos < word.length; c.pos++) {
    const ch = word[c.pos]!;
    switch (ch) {
      case "A": case "e": o.all = true; break;
      case "C": return yield* list(env, c, o, "comm", "list of command names must follow -C");
      case "F": o.formatModifiers |= FM.F; o.formatFlags |= FF.Uf; o.unixF = true; break;
      case "G": return yield* list(env, c, o, "rgid", "list of real groups must follow -G");
      case "L": o.threadFlags |= TF.L; break;
      case "M": case "Z": o.formatModifiers |= FM.M; break;
      case "N": o.negate = true; break;
      case "O": case "o": {
        const arg = optArg(env, c);
        if (arg === undefined) return ch === "O" ? "format or sort specification must follow -O" : "format specification must follow -o";
        o.sf.push({ code: ch === "O" ? "U_O" : "U_o", arg });
        return null;
      }
      case "P": o.formatModifiers |= FM.P; break;
      case "T": o.threadFlags |= TF.T; break;
      case "U": return yield* list(env, c, o, "ruid", "list of real users must follow -U");
      case "V": return exclusive(env, "-V") ?? (version(o), null);
      case "a": o.simpleSelect |= SS.Ua; break;
      case "d": o.simpleSelect |= SS.Ud; break;
      case "f": o.formatFlags |= FF.Uf; o.unixF = true; break;
      case "g": {
        const arg = optArg(env, c);
        if (arg === undefined) return "list of session leaders OR effective group names must follow -g";
        if ((yield* parseList(arg, "sess", o, env)) === undefined) return null;
        if ((yield* parseList(arg, "egid", o, env)) === undefined) return null;
        return "list of session leaders OR effective group IDs was invalid";
      }
      case "j": o.formatModifiers |= FM.j; break;
      case "l": o.formatFlags |= FF.Ul; break;
      case "p": case "q": return yield* list(env, c, o, "pid", ch === "p" ? "list of process IDs must follow -p" : "List of process IDs must follow -q.");
      case "s": return yield* list(env, c, o, "sess", "list of session IDs must follow -s");
      case "t": return yield* list(env, c, o, "tty", "list of terminals (pty, tty...) must follow -t");
      case "u": return yield* list(env, c, o, "euid", "list of users must follow -u");
      case "w": o.wCount++; break;
      case "x": return "must set personality to get -x option";
      case "y": o.formatModifiers |= FM.y; break;
      case "-": return "embedded '-' among SysV options makes no sense";
      case "D": case "H": case "c": case "m": throw new NotSimulated(`-${ch}`);
      default: return "unsupported SysV option";
    }
  }
  return undefined;
}

/** parse_bsd_option(). */
function* bsd(env: ParseEnv, c: Cursor, o: PsOptions): Sys<string | null | undefined> {
  const word = env.argv[c.index]!;
  for (c.pos = word.startsWith("-") ? 1 : 0; c.pos < word.length; c.pos++) {
    const ch = word[c.pos]!;
    if (/[0-9]/.test(ch)) return (yield* parseList(word.slice(c.pos), "pid", o, env)) ?? null;
    switch (ch) {
      case "O": case "o": {
        const arg = optArg(env, c);
        if (arg === undefined) return ch === "O" ? "format or sort specification must follow O" : "format specification must follow o";
        o.sf.push({ code: ch === "O" ? "B_O" : "B_o", arg });
        return null;
      }
      case "T": o.selections.push({ type: "tty", values: [env.myTty] }); break;
      case "U": return yield* list(env, c, o, "euid", "list of users must follow U");
      case "V": return exclusive(env, "V") ?? (version(o), null);
      case "W": return "obsolete W option not supported (you have a /dev/drum?)";
      case "Z": o.formatModifiers |= FM.M; break;
      case "a": o.simpleSelect |= SS.Ba; break;
      case "c": o.bsdC = true; break;
      case "g": o.simpleSelect |= SS.Bg; break;
      case "h":
        if (o.header) return "only one heading option may be specified";
        o.header = "none";
        break;
      case "j": o.formatFlags |= FF.Bj; break;
      case "l": o.formatFlags |= FF.Bl; break;
      case "n": o.userIsNumber = true; break;
      case "p": case "q": return yield* list(env, c, o, "pid", ch === "p" ? "list of process IDs must follow p" : "List of process IDs must follow q.");
      case "r": o.runningOnly = true; break;
      case "t": {
        const arg = optArg(env, c);
        if (arg === undefined) {
          o.selections.push({ type: "tty", values: [env.myTty] });
          return null;
        }
        return (yield* parseList(arg, "tty", o, env)) ?? null;
      }
      case "u": o.formatFlags |= FF.Bu; break;
      case "w": o.wCount++; break;
      case "x": o.simpleSelect |= SS.Bx; break;
      case "-": return "embedded '-' among BSD options makes no sense";
      case "H": case "L": case "M": case "S": case "X": case "e": case "f": case "k": case "m": case "s": case "v":
        throw new NotSimulated(ch);
      default: return "unsupported option (BSD syntax)";
    }
  }
  return undefined;
}

const GNU_LISTS: Record<string, [SelType, string]> = {
  Group: ["rgid", "list of real groups must follow --Group"], User: ["ruid", "list of real users must follow --User"],
  group: ["egid", "list of effective groups must follow --group"], pid: ["pid", "list of process IDs must follow --pid"],
  ppid: ["ppid", "list of process IDs must follow --ppid"], "quick-pid": ["pid", "List of process IDs must follow --quick-pid."],
  sid: ["sess", "some sid thing(s) must follow --sid"], tty: ["tty", "list of ttys must follow --tty"],
  user: ["euid", "list of effective users must follow --user"],
};
const NO_HEADER = ["no-header", "no-headers", "no-heading", "no-headings", "noheader", "noheaders", "noheading", "noheadings"];

/** parse_gnu_option(). */
function* gnu(env: ParseEnv, c: Cursor, o: PsOptions): Sys<string | null | undefined> {
  const s = env.argv[c.index]!.slice(2);
  const name = /^[^:=]*/.exec(s)![0];
  const rest = s.slice(name.length);
  if (name.length > 15) return "unknown gnu long option";
  const grab = (): string | undefined => {
    if (rest !== "") return rest.length > 1 ? rest.slice(1) : undefined;
    const next = env.argv[c.index + 1];
    if (next === undefined || next === "") return undefined;
    c.index++;
    return next;
  };
  const hit = GNU_LISTS[name];
  if (hit) {
    const arg = grab();
    return arg === undefined ? hit[1] : ((yield* parseList(arg, hit[0], o, env)) ?? null);
  }
  const flag = (what: string, apply: () => string | undefined) => (rest !== "" ? `option --${what} does not take an argument` : apply() ?? null);
  if (NO_HEADER.includes(name) || ["header", "headers", "heading", "headings"].includes(name)) {
    const none = NO_HEADER.includes(name);
    return flag(none ? "no-heading" : "heading", () => (o.header ? "only one heading option may be specified" : ((o.header = none ? "none" : "multi"), undefined)));
  }
  switch (name) {
    case "cols": case "columns": case "width": case "lines": case "rows": {
      const arg = grab();
      const t = arg && /^\d+$/.test(arg) ? Number(arg) : 0;
      const rows = name === "lines" || name === "rows";
      if (t > 0 && t < 2_000_000_000) return rows ? ((o.rows = t), null) : ((o.cols = t), null);
      return rows ? "number of rows must follow --rows or --lines" : "number of columns must follow --cols, --width, or --columns";
    }
    case "context": o.formatFlags |= FF.Fc; return null;
    case "deselect": return flag("deselect", () => ((o.negate = true), undefined));
    case "format": {
      const arg = grab();
      if (arg === undefined) return "format specification must follow --format";
      o.sf.push({ code: "G_format", arg });
      return null;
    }
    case "help": o.exit = { text: HELP, toStderr: false, status: 0 }; return null;
    case "version": return exclusive(env, "--version") ?? (version(o), null);
    case "cumulative": case "date-format": case "forest": case "info": case "sort": throw new NotSimulated(`--${name}`);
    default: return "unknown gnu long option";
  }
}

/** parse_trailing_pids(): the rest of the words, `-N` a process group and `+N` a session. */
function* trailing(env: ParseEnv, c: Cursor, o: PsOptions): Sys<string | null | undefined> {
  for (; c.index < env.argv.length; c.index++) {
    const word = env.argv[c.index]!;
    const type: SelType = word.startsWith("-") ? "pgrp" : word.startsWith("+") ? "sess" : "pid";
    const item = type === "pid" ? word : word.slice(1);
    const err = item.includes(",") || item.includes(" ") || item === "" ? "process ID list syntax error" : yield* parseList(item, type, o, env);
    if (err) return err;
  }
  return null;
}

function argType(s: string): "gnu" | "end" | "sysv" | "bsd" | "pid" | "fail" {
  const letter = (ch: string | undefined) => ch !== undefined && /[a-zA-Z]/.test(ch);
  if (letter(s[0])) return "bsd";
  if (/[0-9+]/.test(s[0] ?? "")) return "pid";
  if (s[0] !== "-") return "fail";
  if (letter(s[1])) return "sysv";
  if (/[0-9]/.test(s[1] ?? "")) return "pid";
  if (s[1] !== "-") return "fail";
  if (letter(s[2])) return "gnu";
  return s.length === 2 ? "end" : "fail";
}

/** One pass over the arguments; the options, or the first error. */
export function* parsePass(env: ParseEnv, forceBsd: boolean): Sys<PsOptions | string> {
  const o = freshOptions();
  if (forceBsd) o.preferBsd = true;
  const c: Cursor = { index: 1, pos: 0 };
  for (; c.index < env.argv.length && !o.exit; c.index++) {
    const word = env.argv[c.index]!;
    let err: string | null | undefined;
    switch (argType(word)) {
      case "gnu": err = yield* gnu(env, c, o); break;
      case "sysv": err = forceBsd ? yield* bsd(env, c, ((o.preferBsd = true), o)) : yield* sysv(env, c, o); break;
      case "bsd":
        if (forceBsd) return "way bad";
        o.preferBsd = true;
        err = yield* bsd(env, c, o);
        break;
      case "pid": o.preferBsd = true; err = yield* trailing(env, c, o); break;
      default: return "garbage option";
    }
    if (err) return err;
  }
  if ((o.threadFlags & TF.L) && (o.threadFlags & TF.T)) return "thread flags conflict; can't use both -L and -T";
  return o;
}

/** do_help(NULL, …): the usage summary ps prints after an error (on stderr) and for --help. */
export const HELP =
  "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n" +
  " for additional help text.\n\nFor more details see ps(1).\n";
