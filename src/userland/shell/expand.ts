/**
 * Word expansion (XCU 2.6): tilde, parameters, command substitution, arithmetic, then field
 * splitting on IFS and pathname expansion for the unquoted parts, and quote removal (the parts
 * already carry their quoting). Command substitution runs a subshell; the interpreter supplies it.
 */
import type { ParamPart, Script, Word, WordPart } from "./ast";
import { ArithError, evalArith } from "./arith";
import { hasGlob, matchPattern, removeAffix } from "./pattern";
import type { Sys } from "../process/sys";
import { listDir, sys } from "../process/sys";
import type { ShellState } from "./state";
import { errorPrefix, getVar, setVar } from "./state";

/** An error the shell reports and that ends the command (or a non-interactive shell). */
export class ShellError extends Error {
  constructor(message: string, readonly status = 1, readonly fatal = false) {
    super(message);
  }
}

export interface ExpandCtx {
  readonly state: ShellState;
  /** Runs `script` in a subshell and returns its standard output. */
  substitute(script: Script): Sys<string>;
}

/** One field being built: characters, and which of them were quoted (no splitting, no globbing). */
interface Field {
  text: string;
  quoted: boolean[];
  /** A quoted part was seen: the field exists even when empty (`""`). */
  keep: boolean;
}

const newField = (): Field => ({ text: "", quoted: [], keep: false });
const add = (f: Field, text: string, quoted: boolean) => {
  f.text += text;
  for (let i = 0; i < text.length; i++) f.quoted.push(quoted);
};

function special(state: ShellState, name: string): string | undefined {
  switch (name) {
    case "?": return String(state.status);
    case "$": return String(state.topPid);
    case "!": return state.lastBackground === undefined ? "" : String(state.lastBackground);
    case "#": return String(state.positional.length);
    case "0": return state.name;
    case "-": return `${state.options.errexit ? "e" : ""}${state.flavour === "bash" ? "hB" : ""}${state.options.nounset ? "u" : ""}${state.options.xtrace ? "x" : ""}${state.origin === "-c" ? "c" : ""}`;
    case "@":
    case "*": return state.positional.join(" ");
    default:
      if (/^[1-9][0-9]*$/.test(name)) return state.positional[Number(name) - 1];
      return getVar(state, name);
  }
}

/** `${name…}` and `$name`, as one string (field splitting happens afterwards). */
function* param(ctx: ExpandCtx, p: ParamPart): Sys<string> {
  const { state } = ctx;
  const value = special(state, p.name);
  if (p.length) return String((value ?? "").length);
  const unsetOrNull = (op: string) => value === undefined || (op.startsWith(":") && value === "");
  switch (p.op) {
    case undefined:
      if (value === undefined && state.options.nounset && p.name !== "@" && p.name !== "*") throw new ShellError(`${errorPrefix(state)}${p.name}: unbound variable`, 1, true);
      return value ?? "";
    case ":-":
    case "-":
      return unsetOrNull(p.op) ? yield* expandString(ctx, p.arg!) : value!;
    case ":=":
    case "=": {
      if (!unsetOrNull(p.op)) return value!;
      const v = yield* expandString(ctx, p.arg!);
      setVar(state, p.name, v);
      return v;
    }
    case ":?":
    case "?": {
      if (!unsetOrNull(p.op)) return value!;
      const msg = yield* expandString(ctx, p.arg!);
      throw new ShellError(`${errorPrefix(state)}${p.name}: ${msg || "parameter null or not set"}`, 1, true);
    }
    case ":+":
    case "+":
      return unsetOrNull(p.op) ? "" : yield* expandString(ctx, p.arg!);
    default:
      return removeAffix(value ?? "", yield* expandString(ctx, p.arg!), p.op);
  }
}

function* arith(ctx: ExpandCtx, expr: Word): Sys<string> {
  const text = yield* expandString(ctx, expr);
  try {
    return String(evalArith(text, { get: (n) => special(ctx.state, n), set: (n, v) => setVar(ctx.state, n, v) }));
  } catch (e) {
    if (e instanceof ArithError) throw new ShellError(`${errorPrefix(ctx.state)}${e.message}`, 1, true);
    throw e;
  }
}

/** A part's value as text (no splitting); `"$@"` handled by the caller. */
function* partText(ctx: ExpandCtx, part: WordPart): Sys<string> {
  switch (part.type) {
    case "lit":
    case "quoted":
      return part.text;
    case "dq": {
      let out = "";
      for (const p of part.parts) out += yield* partText(ctx, p);
      return out;
    }
    case "param":
      return yield* param(ctx, part);
    case "cmd":
      return (yield* ctx.substitute(part.script)).replace(/\n+$/, "");
    case "arith":
      return yield* arith(ctx, part.expr);
  }
}

/** A word as one string: assignments, redirection targets, `case` words, here-documents. */
export function* expandString(ctx: ExpandCtx, word: Word): Sys<string> {
  let out = "";
  for (const [i, p] of word.parts.entries()) {
    if (i === 0 && p.type === "lit" && p.text.startsWith("~")) out += tilde(ctx.state, p.text);
    else out += yield* partText(ctx, p);
  }
  return out;
}

function tilde(state: ShellState, text: string): string {
  const m = /^~([^/]*)(.*)$/s.exec(text)!;
  if (m[1] === "") return (getVar(state, "HOME") ?? "~") + m[2];
  if (m[1] === "root") return `/root${m[2]}`;
  return text;
}

/** Splits `text` on IFS into `fields`, continuing the current field (XCU 2.6.5). */
function splitInto(fields: Field[], text: string, ifs: string): void {
  if (ifs === "") {
    add(fields[fields.length - 1]!, text, false);
    return;
  }
  const white = [...ifs].filter((c) => " \t\n".includes(c)).join("");
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (ifs.includes(c)) {
      let j = i;
      while (j < text.length && white.includes(text[j]!)) j++;
      if (j < text.length && ifs.includes(text[j]!) && !white.includes(text[j]!)) {
        j++;
        while (j < text.length && white.includes(text[j]!)) j++;
      }
      const cur = fields[fields.length - 1]!;
      if (cur.text !== "" || cur.keep || !white.includes(c)) fields.push(newField());
      i = j;
    } else {
      add(fields[fields.length - 1]!, c, false);
      i++;
    }
  }
}

/** Words to fields: the arguments of a command or the items of a `for`. */
export function* expandWords(ctx: ExpandCtx, words: readonly Word[]): Sys<string[]> {
  const out: string[] = [];
  for (const word of words) {
    const fields: Field[] = [newField()];
    const ifs = getVar(ctx.state, "IFS") ?? " \t\n";
    for (const [i, p] of word.parts.entries()) {
      const cur = () => fields[fields.length - 1]!;
      if (i === 0 && p.type === "lit" && p.text.startsWith("~")) add(cur(), tilde(ctx.state, p.text), true);
      else if (p.type === "lit") add(cur(), p.text, false);
      else if (p.type === "quoted") {
        add(cur(), p.text, true);
        cur().keep = true;
      } else if (p.type === "dq") {
        cur().keep = true;
        const at = p.parts.findIndex((q) => q.type === "param" && q.name === "@" && !q.op && !q.length);
        if (at >= 0 && ctx.state.positional.length !== 1) {
          // "$@": one field per positional parameter (none at all when there are none).
          let before = "";
          for (const q of p.parts.slice(0, at)) before += yield* partText(ctx, q);
          let after = "";
          for (const q of p.parts.slice(at + 1)) after += yield* partText(ctx, q);
          const params = ctx.state.positional;
          if (params.length === 0) {
            add(cur(), before + after, true);
            if (before + after === "") cur().keep = fields.length > 1 || cur().text !== "";
          } else {
            params.forEach((param, k) => {
              if (k > 0) fields.push({ ...newField(), keep: true });
              add(cur(), (k === 0 ? before : "") + param + (k === params.length - 1 ? after : ""), true);
            });
          }
        } else add(cur(), yield* partText(ctx, p), true);
      } else splitInto(fields, yield* partText(ctx, p), ifs);
    }
    for (const f of fields) {
      if (f.text === "" && !f.keep) continue;
      if (hasGlob(f.text, f.quoted)) {
        const matches = yield* glob(f.text, f.quoted);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
  }
  return out;
}

/** Pathname expansion: every existing path the pattern matches, sorted; hidden files only when asked. */
function* glob(pattern: string, quoted: readonly boolean[]): Sys<string[]> {
  const absolute = pattern.startsWith("/");
  const segments: { text: string; quoted: boolean[] }[] = [];
  let start = absolute ? 1 : 0;
  for (let i = start; i <= pattern.length; i++) {
    if (i === pattern.length || pattern[i] === "/") {
      segments.push({ text: pattern.slice(start, i), quoted: quoted.slice(start, i) as boolean[] });
      start = i + 1;
    }
  }
  let bases = [absolute ? "/" : ""];
  for (const [n, seg] of segments.entries()) {
    const last = n === segments.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      if (!hasGlob(seg.text, seg.quoted)) {
        next.push(base + seg.text + (last ? "" : "/"));
        continue;
      }
      const entries = yield* listDir(base === "" ? "." : base);
      if (!entries.ok) continue;
      const names = entries.value.map((e) => e.name).filter((name) => name !== "." && name !== "..");
      for (const name of names.sort()) {
        if (name.startsWith(".") && !seg.text.startsWith(".")) continue;
        if (matchPattern(seg.text, name, seg.quoted)) next.push(base + name + (last ? "" : "/"));
      }
    }
    bases = next;
  }
  if (segments.length === 1) return bases;
  // A literal segment after a pattern was never listed: keep only the paths that exist.
  const found: string[] = [];
  for (const path of bases) if ((yield* sys<unknown>({ name: "lstat", path })).ok) found.push(path);
  return found;
}
