/**
 * printf (coreutils 9.4): FORMAT with backslash escapes and %-directives (d i o u x X c s b q
 * f F e E g G and %%, with flags, width and precision, `*` taking an argument), reused while
 * arguments remain. Numbers are checked as strtoimax() would: `‘x’: expected a numeric value`
 * prints 0 and makes the status 1; `'c` is the code of c.
 * SIMPLIFICATION: %a is left out (GNU prints a long double in hex); floats are doubles.
 */
import { writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { Stdout, helpText, quote, quotef, tryHelp, versionText } from "./common";

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

class Stop extends Error {}

export class Printf {
  status = 0;
  errors = "";
  out = "";

  constructor(readonly prog: string) {}

  warn(message: string) {
    this.errors += `${this.prog}: ${message}\n`;
    this.status = 1;
  }

  /** One escape at s[i] (just after the backslash); the index after it. `\c` throws Stop. */
  escape(s: string, i: number, percentB: boolean): number {
    const c = s[i];
    if (c === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (!m) throw new Error(`${this.prog}: missing hexadecimal number in escape\n`);
      this.out += String.fromCharCode(parseInt(m[0], 16));
      return i + 1 + m[0].length;
    }
    if (c !== undefined && (percentB ? c === "0" : /[0-7]/.test(c))) {
      const m = percentB && c === "0" ? /^0([0-7]{0,3})/.exec(s.slice(i))! : /^[0-7]{1,3}/.exec(s.slice(i))!;
      const digits = percentB && c === "0" ? m[1]! : m[0];
      this.out += String.fromCharCode(parseInt(digits || "0", 8) & 0xff);
      return i + m[0].length;
    }
    if (c === "c") throw new Stop();
    if (c !== undefined && SIMPLE_ESCAPES[c] !== undefined) {
      this.out += SIMPLE_ESCAPES[c];
      return i + 1;
    }
    if (c === "u" || c === "U") {
      const n = c === "u" ? 4 : 8;
      const m = new RegExp(`^[0-9a-fA-F]{${n}}`).exec(s.slice(i + 1));
      if (!m) throw new Error(`${this.prog}: missing hexadecimal number in escape\n`);
      this.out += String.fromCodePoint(parseInt(m[0], 16));
      return i + 1 + n;
    }
    this.out += "\\";
    if (c === undefined) return i;
    this.out += c;
    return i + 1;
  }

  /** %b: the argument with its escapes expanded, straight to the output (width and precision do not apply). */
  expand(s: string): void {
    for (let i = 0; i < s.length; ) {
      if (s[i] === "\\") i = this.escape(s, i + 1, true);
      else this.out += s[i++];
    }
  }

  /** strtoimax() (strtoumax() for o u x X) with printf's checks; BigInt to keep 64 bits exact. */
  integer(arg: string | undefined, unsigned = false): bigint {
    if (arg === undefined) return 0n;
    if ((arg.startsWith("'") || arg.startsWith('"')) && arg.length > 1) {
      const cp = arg.codePointAt(1)!;
      if (arg.length > String.fromCodePoint(cp).length + 1) this.errors += `${this.prog}: warning: ${arg.slice(String.fromCodePoint(cp).length + 1)}: character(s) following character constant have been ignored\n`;
      return BigInt(cp);
    }
    const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(arg);
    if (!m) {
      this.warn(`${quote(arg)}: expected a numeric value`);
      return 0n;
    }
    const digits = m[2]!;
    let v = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits.startsWith("0") ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    const max = unsigned ? (1n << 64n) - 1n : (1n << 63n) - 1n;
    const limit = unsigned ? max : m[1] === "-" ? max + 1n : max;
    if (v > limit) {
      this.warn(`${quote(arg)}: Numerical result out of range`);
      return unsigned ? max : m[1] === "-" ? -max - 1n : max;
    }
    if (m[1] === "-") v = unsigned ? (1n << 64n) - v : -v;
    if (m[0].length < arg.length) this.warn(`${quote(arg)}: value not completely converted`);
    return v;
  }

  float(arg: string | undefined): number {
    if (arg === undefined) return 0;
    if ((arg.startsWith("'") || arg.startsWith('"')) && arg.length > 1) return arg.codePointAt(1)!;
    const m = /^\s*[+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(arg);
    if (!m) {
      this.warn(`${quote(arg)}: expected a numeric value`);
      return 0;
    }
    if (m[0].length < arg.length) this.warn(`${quote(arg)}: value not completely converted`);
    return Number(m[0].trim().replace(/^([+-]?)inf(inity)?$/i, "$1Infinity").replace(/^[+-]?nan$/i, "NaN"));
  }
}

/** One directive's text, given its flags, width, precision and argument. */
export function directive(p: Printf, flags: string, width: number | undefined, prec: number | undefined, conv: string, arg: string | undefined): string {
  const left = flags.includes("-");
  const pad = (body: string, zeroOk: boolean) => {
    if (width === undefined || body.length >= width) return body;
    if (left) return body.padEnd(width);
    if (zeroOk && flags.includes("0")) {
      const sign = /^([+ -]|0[xX])?/.exec(body)![0];
      return sign + body.slice(sign.length).padStart(width - sign.length, "0");
    }
    return body.padStart(width);
  };
  if (conv === "s" || conv === "q") {
    let s = conv === "q" ? quotef(arg ?? "") : (arg ?? "");
    if (prec !== undefined) s = s.slice(0, prec);
    return pad(s, false);
  }
  if (conv === "c") return pad(arg ? arg.slice(0, 1) : "\0", false);
  if ("diouxX".includes(conv)) {
    const signed = conv === "d" || conv === "i";
    let v = p.integer(arg, !signed);
    if (v === 1n << 64n) v = 0n;
    const neg = v < 0n;
    let digits = (neg ? -v : v).toString(conv === "o" ? 8 : conv === "x" || conv === "X" ? 16 : 10);
    if (conv === "X") digits = digits.toUpperCase();
    if (prec !== undefined) digits = prec === 0 && v === 0n ? "" : digits.padStart(prec, "0");
    if (conv === "o" && flags.includes("#") && !digits.startsWith("0")) digits = `0${digits}`;
    const prefix = flags.includes("#") && v !== 0n && (conv === "x" || conv === "X") ? `0${conv}` : "";
    const sign = neg ? "-" : signed && flags.includes("+") ? "+" : signed && flags.includes(" ") ? " " : "";
    return pad(sign + prefix + digits, prec === undefined);
  }
  const v = p.float(arg);
  const upper = conv === conv.toUpperCase();
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
  else body = formatFloat(Math.abs(v), conv.toLowerCase(), prec ?? 6, flags.includes("#"));
  if (Number.isFinite(v) && (v < 0 || Object.is(v, -0))) body = `-${body}`;
  else if (!body.startsWith("-") && flags.includes("+")) body = `+${body}`;
  else if (!body.startsWith("-") && flags.includes(" ")) body = ` ${body}`;
  if (upper) body = body.toUpperCase();
  return pad(body, Number.isFinite(v));
}

/**
 * toFixed() rounds an exact tie away from zero; glibc rounds it to even (2.5 → 2). A tie is
 * exact only when the scaled value is a representable half.
 */
function fixed(v: number, prec: number): string {
  const scaled = v * 10 ** prec;
  if (prec <= 20 && scaled / 10 ** prec === v && !Number.isInteger(scaled) && Number.isInteger(scaled * 2)) {
    const even = Math.floor(scaled) % 2 === 0 ? Math.floor(scaled) : Math.ceil(scaled);
    return (even / 10 ** prec).toFixed(prec);
  }
  return v.toFixed(prec);
}

function expForm(v: number, prec: number): string {
  let s = v.toExponential(prec);
  const [mant, exp] = s.split("e");
  const digits = mant!.replace(".", "");
  const exact = Number(`${digits}e${Number(exp) - prec}`);
  // An exact tie in the last kept digit goes to even, as in fixed().
  const unrounded = v / 10 ** (Number(exp) - prec);
  if (Number.isInteger(unrounded * 2) && !Number.isInteger(unrounded) && exact !== v && Number(digits) % 2 === 1) {
    s = (Number(`${digits}e${Number(exp) - prec}`) - 10 ** (Number(exp) - prec)).toExponential(prec);
  }
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** %f, %e and %g of a non-negative finite value. */
function formatFloat(v: number, conv: string, prec: number, alt: boolean): string {
  if (conv === "f") return fixed(v, prec) + (alt && prec === 0 ? "." : "");
  if (conv === "e") return expForm(v, prec);
  const p = prec === 0 ? 1 : prec;
  const x = v === 0 ? 0 : Number(expForm(v, p - 1).split("e")[1]);
  let s = p > x && x >= -4 ? fixed(v, p - 1 - x) : expForm(v, p - 1);
  if (!alt) {
    const [mant, exp] = s.split("e");
    const trimmed = mant!.includes(".") ? mant!.replace(/0+$/, "").replace(/\.$/, "") : mant!;
    s = exp === undefined ? trimmed : `${trimmed}e${exp}`;
  }
  return s;
}

const DIRECTIVE = /^%([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|q|j|z|t)?([diouxXfFeEgGcsbq])/;

/** printf FORMAT [ARGUMENT]… */
export function* printf(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "printf";
  const argv = args.argv.slice(1);
  if (argv.length === 1 && argv[0] === "--help") return (yield* writeAll(1, helpText(prog, "FORMAT [ARGUMENT]...\n  or:  printf OPTION", "Print ARGUMENT(s) according to FORMAT, or execute according to OPTION:"))) ? 1 : 0;
  if (argv.length === 1 && argv[0] === "--version") return (yield* writeAll(1, versionText("printf", "David MacKenzie"))) ? 1 : 0;
  if (argv[0] === "--") argv.shift();
  if (argv.length === 0) {
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return 1;
  }
  const format = argv[0]!;
  const rest = argv.slice(1);
  const p = new Printf(prog);
  const out = new Stdout();
  let next = 0;
  let fatal: string | undefined;
  try {
    do {
      const before = next;
      let sawDirective = false;
      for (let i = 0; i < format.length; ) {
        const c = format[i]!;
        if (c === "\\") {
          i = p.escape(format, i + 1, false);
          continue;
        }
        if (c !== "%") {
          p.out += c;
          i++;
          continue;
        }
        if (format[i + 1] === "%") {
          p.out += "%";
          i += 2;
          continue;
        }
        const m = DIRECTIVE.exec(format.slice(i));
        if (!m) {
          const bad = format.slice(i, i + 1 + (/^[-+ #0']*(\*|\d+)?(\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|t)?./.exec(format.slice(i + 1))?.[0].length ?? 0));
          throw new Error(`${prog}: ${bad}: invalid conversion specification\n`);
        }
        i += m[0].length;
        sawDirective = true;
        const take = () => rest[next++];
        const star = (v: string | undefined) => (v === "*" ? Number(p.integer(take())) : v === undefined || v === "" ? undefined : Number(v));
        let flags = m[1]!;
        let width = star(m[2]);
        if (width !== undefined && width < 0) [flags, width] = [`${flags}-`, -width];
        let prec = m[3] === undefined ? undefined : (star(m[3]) ?? 0);
        if (prec !== undefined && prec < 0) prec = undefined;
        if (m[4] === "b") {
          const a = take();
          if (a !== undefined) p.expand(a);
        } else p.out += directive(p, flags, width, prec, m[4]!, take());
      }
      if (!sawDirective) {
        if (rest.length > next) p.errors += `${prog}: warning: ignoring excess arguments, starting with ${quote(rest[next]!)}\n`;
        break;
      }
      if (next === before) break;
    } while (next < rest.length);
  } catch (e) {
    if (!(e instanceof Stop)) fatal = (e as Error).message;
  }
  out.put(p.out);
  if (!(yield* out.close(prog))) return 1;
  if (p.errors) yield* writeAll(2, p.errors);
  if (fatal) {
    yield* writeAll(2, fatal);
    return 1;
  }
  return p.status;
}
