/**
 * Reading one word's parts (XCU 2.2 Quoting, 2.6 Word Expansions): quotes, backslashes,
 * `$name`, `${…}`, `$(…)`, `` `…` ``, `$((…))`, and bash's `$'…'`.
 */
import type { ParamOp, ParamPart, Word, WordPart } from "./ast";
import { Lexer, METACHARS } from "./lexer";

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(["@", "*", "#", "?", "-", "$", "!", "0"]);
/** Longest first. */
const PARAM_OPS: readonly ParamOp[] = [":-", ":=", ":?", ":+", "##", "%%", "-", "=", "?", "+", "#", "%"];

/** Appends text to the last part when it is of the same kind, so "abc" stays one part. */
function push(parts: WordPart[], part: WordPart): void {
  const last = parts[parts.length - 1];
  if (last && (last.type === "lit" || last.type === "quoted") && last.type === part.type) {
    parts[parts.length - 1] = { type: last.type, text: last.text + (part as { text: string }).text };
  } else parts.push(part);
}

/** An unquoted word up to a metacharacter or one of `stops` (e.g. `}` inside `${…}`). */
export function readWord(lx: Lexer, stops: ReadonlySet<string>): Word {
  const parts: WordPart[] = [];
  const src = lx.source;
  while (lx.pos < src.length) {
    const c = src[lx.pos]!;
    if (METACHARS.has(c) || stops.has(c)) break;
    if (c === "\\") {
      if (src[lx.pos + 1] === "\n") {
        lx.pos += 2;
        lx.line++;
      } else if (lx.pos + 1 < src.length) {
        push(parts, { type: "quoted", text: src[lx.pos + 1]! });
        lx.pos += 2;
      } else {
        push(parts, { type: "lit", text: "\\" });
        lx.pos++;
      }
    } else if (c === "'") {
      const end = src.indexOf("'", lx.pos + 1);
      if (end < 0) lx.fail({ kind: "eof", line: lx.line, unterminated: "'" });
      const text = src.slice(lx.pos + 1, end);
      lx.line += text.split("\n").length - 1;
      push(parts, { type: "quoted", text });
      lx.pos = end + 1;
    } else if (c === '"') {
      lx.pos++;
      parts.push({ type: "dq", parts: readDoubleQuoted(lx) });
    } else if (c === "$" && src[lx.pos + 1] === "'") {
      push(parts, { type: "quoted", text: readAnsiC(lx) });
    } else if (c === "$" || c === "`") {
      parts.push(readDollarOrBacktick(lx));
    } else {
      push(parts, { type: "lit", text: c });
      lx.pos++;
    }
  }
  return { parts };
}

/** Inside "…": only $, `, and \ before $ ` " \ newline are special. */
function readDoubleQuoted(lx: Lexer): WordPart[] {
  const parts: WordPart[] = [];
  const src = lx.source;
  for (;;) {
    if (lx.pos >= src.length) lx.fail({ kind: "eof", line: lx.line, unterminated: '"' });
    const c = src[lx.pos]!;
    if (c === '"') {
      lx.pos++;
      return parts;
    }
    if (c === "\\" && "$`\"\\\n".includes(src[lx.pos + 1] ?? "")) {
      const next = src[lx.pos + 1]!;
      if (next === "\n") lx.line++;
      else push(parts, { type: "lit", text: next });
      lx.pos += 2;
    } else if (c === "$" || c === "`") {
      const part = readDollarOrBacktick(lx);
      parts.push(part);
    } else {
      if (c === "\n") lx.line++;
      push(parts, { type: "lit", text: c });
      lx.pos++;
    }
  }
}

/** A here-document's body for expansion: like "…" but a `"` is an ordinary character. */
export function readHeredocText(text: string, parseSub: Lexer["parseSub"], line: number): WordPart[] {
  const lx = new Lexer(text, parseSub, 0, line);
  const parts: WordPart[] = [];
  while (lx.pos < text.length) {
    const c = text[lx.pos]!;
    if (c === "\\" && "$`\\\n".includes(text[lx.pos + 1] ?? "")) {
      if (text[lx.pos + 1] !== "\n") push(parts, { type: "quoted", text: text[lx.pos + 1]! });
      lx.pos += 2;
    } else if (c === "$" || c === "`") parts.push(readDollarOrBacktick(lx));
    else {
      push(parts, { type: "quoted", text: c });
      lx.pos++;
    }
  }
  return parts;
}

/** `$'…'`: backslash escapes as in C (bash, busybox ash). */
function readAnsiC(lx: Lexer): string {
  const src = lx.source;
  const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
  let out = "";
  lx.pos += 2;
  for (;;) {
    if (lx.pos >= src.length) lx.fail({ kind: "eof", line: lx.line, unterminated: "'" });
    const c = src[lx.pos]!;
    if (c === "'") {
      lx.pos++;
      return out;
    }
    if (c === "\\") {
      const e = src[lx.pos + 1] ?? "";
      const hex = e === "x" ? /^[0-9a-fA-F]{1,2}/.exec(src.slice(lx.pos + 2)) : null;
      const oct = /^[0-7]{1,3}/.exec(src.slice(lx.pos + 1));
      if (hex) {
        out += String.fromCharCode(parseInt(hex[0], 16));
        lx.pos += 2 + hex[0].length;
      } else if (oct) {
        out += String.fromCharCode(parseInt(oct[0], 8));
        lx.pos += 1 + oct[0].length;
      } else {
        out += escapes[e] ?? `\\${e}`;
        lx.pos += 2;
      }
    } else {
      if (c === "\n") lx.line++;
      out += c;
      lx.pos++;
    }
  }
}

function readDollarOrBacktick(lx: Lexer): WordPart {
  const src = lx.source;
  if (src[lx.pos] === "`") return readBacktick(lx);
  const next = src[lx.pos + 1] ?? "";
  if (next === "(" && src[lx.pos + 2] === "(") return readArith(lx);
  if (next === "(") {
    const sub = lx.parseSub(src, lx.pos + 2, lx.line);
    lx.pos = sub.end;
    lx.line = sub.line;
    return { type: "cmd", script: sub.script, backtick: false };
  }
  if (next === "{") return readBraced(lx);
  if (NAME_START.test(next)) {
    let end = lx.pos + 1;
    while (end < src.length && NAME_CHAR.test(src[end]!)) end++;
    const name = src.slice(lx.pos + 1, end);
    lx.pos = end;
    return { type: "param", name };
  }
  if (/[1-9]/.test(next) || SPECIAL_PARAMS.has(next)) {
    lx.pos += 2;
    return { type: "param", name: next };
  }
  lx.pos++;
  return { type: "lit", text: "$" };
}

/** `…`: backslash keeps its meaning only before $ ` \ (XCU 2.6.3); the text is parsed again. */
function readBacktick(lx: Lexer): WordPart {
  const src = lx.source;
  let inner = "";
  let i = lx.pos + 1;
  for (;;) {
    if (i >= src.length) lx.fail({ kind: "eof", line: lx.line, unterminated: "`" });
    const c = src[i]!;
    if (c === "`") break;
    if (c === "\\" && "$`\\".includes(src[i + 1] ?? "")) {
      inner += src[i + 1];
      i += 2;
    } else {
      inner += c;
      i++;
    }
  }
  const sub = lx.parseSub(inner, 0, lx.line, true);
  lx.line += inner.split("\n").length - 1;
  lx.pos = i + 1;
  return { type: "cmd", script: sub.script, backtick: true };
}

/** `$((expr))`: the text up to the matching `))`, read again as a double-quoted word. */
function readArith(lx: Lexer): WordPart {
  const src = lx.source;
  const start = lx.pos + 3;
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0 && src[i + 1] === ")") {
        const text = src.slice(start, i);
        lx.pos = i + 2;
        return { type: "arith", expr: { parts: expandableText(lx, text) } };
      }
      depth--;
    }
  }
  return lx.fail({ kind: "eof", line: lx.line, unterminated: "$((" });
}

/** Text that expands like the inside of double quotes, without the quotes. */
function expandableText(lx: Lexer, text: string): WordPart[] {
  return readDoubleQuoted(new Lexer(`${text}"`, lx.parseSub, 0, lx.line));
}

/** `${name}`, `${#name}`, `${name<op>word}`. */
function readBraced(lx: Lexer): ParamPart {
  const src = lx.source;
  const open = lx.pos;
  lx.pos += 2;
  const length = src[lx.pos] === "#" && src[lx.pos + 1] !== "}";
  if (length) lx.pos++;
  let name = "";
  if (NAME_START.test(src[lx.pos] ?? "")) {
    while (lx.pos < src.length && NAME_CHAR.test(src[lx.pos]!)) name += src[lx.pos++];
  } else if (/\d/.test(src[lx.pos] ?? "")) {
    while (lx.pos < src.length && /\d/.test(src[lx.pos]!)) name += src[lx.pos++];
  } else if (SPECIAL_PARAMS.has(src[lx.pos] ?? "")) name = src[lx.pos++]!;
  const bad = () => {
    const close = src.indexOf("}", open);
    return lx.fail({ kind: "bad-substitution", text: src.slice(open, close < 0 ? src.length : close + 1), line: lx.line });
  };
  if (!name) return bad();
  if (src[lx.pos] === "}") {
    lx.pos++;
    return length ? { type: "param", name, length } : { type: "param", name };
  }
  if (length) return bad();
  const op = PARAM_OPS.find((o) => src.startsWith(o, lx.pos));
  if (!op) return bad();
  lx.pos += op.length;
  const arg = readBracedArg(lx);
  return { type: "param", name, op, arg };
}

/** The word after a `${name<op>`, up to the matching `}`; blanks and metacharacters are text. */
function readBracedArg(lx: Lexer): Word {
  const parts: WordPart[] = [];
  const src = lx.source;
  for (;;) {
    if (lx.pos >= src.length) lx.fail({ kind: "eof", line: lx.line, unterminated: "${" });
    if (src[lx.pos] === "}") {
      lx.pos++;
      return { parts };
    }
    if (METACHARS.has(src[lx.pos]!)) {
      if (src[lx.pos] === "\n") lx.line++;
      push(parts, { type: "lit", text: src[lx.pos++]! });
      continue;
    }
    parts.push(...readWord(lx, new Set(["}"])).parts);
  }
}
