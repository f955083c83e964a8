/**
 * seq and yes (coreutils 9.4), the two endless writers. Both write through a stdio-sized
 * buffer and stop at the first failed write; a reader that went away means SIGPIPE, which
 * ends them before they see EPIPE (as `yes | head -3` needs).
 */
import { strerror } from "../../kernel/index.ts";
import { writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, Stdout, complain, getopt, helpText, quote, tryHelp, versionText } from "./common";
import { Printf, directive } from "./printf";

interface Operand {
  readonly text: string;
  readonly value: number;
  /** Digits after the point; undefined for exponent or hex forms (then %g is used). */
  readonly precision: number | undefined;
  readonly integer: bigint | undefined;
}

function scan(text: string): Operand | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?(inf(inity)?|nan)$/i.test(t)) return undefined;
  const value = Number(t.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity"));
  const plain = /^[+-]?\d+$/.test(t);
  const dot = t.indexOf(".");
  const precision = /[eE]|inf|nan/i.test(t) ? undefined : dot < 0 ? 0 : t.length - dot - 1;
  return { text: t, value, precision, integer: plain ? BigInt(t) : undefined };
}

/** seq [OPTION]… [FIRST [INCREMENT]] LAST */
export function* seq(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "seq";
  // A negative number ends the options, as seq's own loop decides before calling getopt.
  let cut = 1;
  for (; cut < args.argv.length; cut++) {
    const a = args.argv[cut]!;
    if (/^-[.\d]/.test(a) || !a.startsWith("-") || a === "-") break;
    if (a === "--") break;
    if (/^-[fs]$/.test(a) || /^--(format|separator)$/.test(a)) cut++;
  }
  const parsed = getopt(args.argv.slice(0, cut), {
    short: "+f:s:w",
    long: { ...STANDARD_LONG, format: { key: "f", arg: "required" }, separator: { key: "s", arg: "required" }, "equal-width": { key: "w", arg: "none" } },
  });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  let format: string | undefined;
  let sep = "\n";
  let equalWidth = false;
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST", "Print numbers from FIRST to LAST, in steps of INCREMENT."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("seq", "Ulrich Drepper"))) ? 1 : 0;
    if (key === "f") format = value;
    else if (key === "s") sep = value!;
    else if (key === "w") equalWidth = true;
  }
  const rest = [...parsed.operands, ...args.argv.slice(cut)];
  if (rest[0] === "--" && cut < args.argv.length) rest.shift();
  if (rest.length === 0 || rest.length > 3) {
    yield* writeAll(2, `${prog}: ${rest.length === 0 ? "missing operand" : `extra operand ${quote(rest[3]!)}`}\n${tryHelp(prog)}`);
    return 1;
  }
  if (format !== undefined && equalWidth) {
    yield* writeAll(2, `${prog}: format string may not be specified when printing equal width strings\n${tryHelp(prog)}`);
    return 1;
  }
  const ops: Operand[] = [];
  for (const text of rest) {
    const op = scan(text);
    if (!op || Number.isNaN(op.value)) {
      yield* writeAll(2, `${prog}: ${op ? `invalid ${quote(text)} argument` : `invalid floating point argument: ${quote(text)}`}\n${tryHelp(prog)}`);
      return 1;
    }
    ops.push(op);
  }
  const one = scan("1")!;
  const [first, step, last] = ops.length === 1 ? [one, one, ops[0]!] : ops.length === 2 ? [ops[0]!, one, ops[1]!] : [ops[0]!, ops[1]!, ops[2]!];
  if (step.value === 0) {
    yield* writeAll(2, `${prog}: invalid Zero increment value: ${quote(step.text)}\n${tryHelp(prog)}`);
    return 1;
  }
  let show: (x: number, i: bigint | undefined) => string;
  if (format !== undefined) {
    const m = /^((?:[^%]|%%)*)%([-+ #0']*)(\d+)?(?:\.(\d*))?L?([eEfFgGaA])((?:[^%]|%%)*)$/.exec(format);
    if (!m) {
      const directives = format.replace(/%%/g, "").match(/%/g)?.length ?? 0;
      const bad = /%[-+ #0']*\d*(?:\.\d*)?L?(.)/.exec(format.replace(/%%/g, ""))?.[1];
      const why = directives === 0 ? `format ${quote(format)} has no % directive` : directives > 1 ? `format ${quote(format)} has too many % directives` : `format ${quote(format)} has unknown %${bad ?? ""} directive`;
      yield* complain(prog, why);
      return 1;
    }
    const p = new Printf(prog);
    const unpercent = (s: string) => s.replace(/%%/g, "%");
    show = (x) => unpercent(m[1]!) + directive(p, m[2]!, m[3] === undefined ? undefined : Number(m[3]), m[4] === undefined ? undefined : Number(m[4] || 0), m[5]!, String(x)) + unpercent(m[6]!);
  } else if (first.integer !== undefined && step.integer !== undefined && last.integer !== undefined) {
    const width = equalWidth ? Math.max(first.text.replace(/^\+/, "").length, last.text.replace(/^\+/, "").length) : 0;
    show = (_x, i) => {
      const s = (i! < 0n ? -i! : i!).toString();
      return i! < 0n ? `-${s.padStart(width - 1, "0")}` : s.padStart(width, "0");
    };
  } else {
    const prec = first.precision === undefined || step.precision === undefined || last.precision === undefined ? undefined : Math.max(first.precision, step.precision);
    const p = new Printf(prog);
    let width: number | undefined;
    if (equalWidth && prec !== undefined) {
      const widthOf = (o: Operand) => o.text.length + (prec - o.precision!) + (o.precision === 0 && prec > 0 ? 1 : 0) - (o.precision! > 0 && prec === 0 ? 1 : 0);
      width = Math.max(widthOf(first), widthOf(last));
    }
    show = (x) => (prec === undefined ? directive(p, "", undefined, undefined, "g", String(x)) : directive(p, equalWidth ? "0" : "", width, prec, "f", String(x)));
  }
  const out = new Stdout();
  const ints = first.integer !== undefined && step.integer !== undefined && last.integer !== undefined;
  const beyond = (x: number, i: bigint | undefined) => (ints ? (step.integer! < 0n ? i! < last.integer! : i! > last.integer!) : step.value < 0 ? x < last.value : x > last.value);
  if (beyond(first.value, first.integer)) return 0;
  let text = show(first.value, first.integer);
  for (let n = 1; ; n++) {
    const i = ints ? first.integer! + BigInt(n) * step.integer! : undefined;
    const x = first.value + n * step.value;
    if (beyond(x, i)) {
      // seq prints one more value when rounding made it land on LAST's printed form.
      if (!ints && format === undefined && show(x, i) === show(last.value, undefined) && show(x, i) !== text) text += sep + show(x, i);
      break;
    }
    if (out.put(text + sep)) {
      yield* out.flush();
      if (out.error) break;
    }
    text = show(x, i);
  }
  out.put(`${text}\n`);
  return (yield* out.close(prog)) ? 0 : 1;
}

/** yes [STRING]…: the line again and again, in 8 KiB writes. */
export function* yes(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "yes";
  const parsed = getopt(args.argv, { short: "+", long: STANDARD_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  if (parsed.options.some((o) => o.key === "help")) return (yield* writeAll(1, helpText(prog, "[STRING]...\n  or:  yes OPTION", "Repeatedly output a line with all specified STRING(s), or 'y'."))) ? 1 : 0;
  if (parsed.options.some((o) => o.key === "version")) return (yield* writeAll(1, versionText("yes", "David MacKenzie"))) ? 1 : 0;
  const line = `${parsed.operands.length > 0 ? parsed.operands.join(" ") : "y"}\n`;
  const chunk = line.repeat(Math.max(1, Math.floor(8192 / line.length)));
  for (;;) {
    const err = yield* writeAll(1, chunk);
    if (err) {
      yield* complain(prog, `standard output: ${strerror(err)}`);
      return 1;
    }
  }
}
