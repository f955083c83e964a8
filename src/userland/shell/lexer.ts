/**
 * The shell's tokenizer (XCU 2.3 Token Recognition): operators, newlines and words. Words are
 * read with their quoting and expansions as parts (word-parts.ts); here-document bodies are
 * read when the newline after their operator is reached (XCU 2.7.4).
 */
import type { Redirect, Script, SyntaxError, Word } from "./ast";
import { readHeredocText, readWord } from "./word-parts";

export type Token =
  | { readonly type: "word"; readonly word: Word; readonly raw: string; readonly line: number; readonly ioNumber?: number }
  | { readonly type: "op"; readonly op: string; readonly line: number }
  | { readonly type: "newline"; readonly line: number }
  | { readonly type: "eof"; readonly line: number };

/** Longest first, so `<<-` wins over `<<` and `<`. */
const OPERATORS = ["<<<", "<<-", "&>>", "&&", "||", ";;", ";&", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "|", "&", ";", "<", ">", "(", ")"];

export const METACHARS = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);

export class ShellSyntaxError extends Error {
  constructor(readonly detail: SyntaxError) {
    super(`syntax error: ${detail.kind}`);
  }
}

/**
 * Parses a nested script starting at `pos`: for `$(…)` up to its own `)` (returning the index
 * after it), for the text of a backquoted command to the end.
 */
export type SubParser = (source: string, pos: number, line: number, toEnd?: boolean) => { script: Script; end: number; line: number };

export class Lexer {
  pos = 0;
  line = 1;
  private readonly heredocs: Redirect[] = [];

  constructor(
    readonly source: string,
    readonly parseSub: SubParser,
    start = 0,
    startLine = 1,
  ) {
    this.pos = start;
    this.line = startLine;
  }

  fail(detail: SyntaxError): never {
    throw new ShellSyntaxError(detail);
  }

  /** A here-document whose body follows the next newline. */
  queueHeredoc(redirect: Redirect): void {
    this.heredocs.push(redirect);
  }

  next(): Token {
    this.skipBlanks();
    const line = this.line;
    if (this.pos >= this.source.length) {
      if (this.heredocs.length > 0) this.readHeredocBodies();
      return { type: "eof", line };
    }
    const c = this.source[this.pos]!;
    if (c === "\n") {
      this.pos++;
      this.line++;
      this.readHeredocBodies();
      return { type: "newline", line };
    }
    for (const op of OPERATORS) {
      if (this.source.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { type: "op", op, line };
      }
    }
    const start = this.pos;
    const word = readWord(this, new Set());
    const raw = this.source.slice(start, this.pos);
    const next = this.source[this.pos];
    if (/^\d+$/.test(raw) && (next === "<" || next === ">")) return { type: "word", word, raw, line, ioNumber: Number(raw) };
    return { type: "word", word, raw, line };
  }

  /** Blanks, line continuations and comments (a `#` that starts a word). */
  private skipBlanks(): void {
    for (;;) {
      const c = this.source[this.pos];
      if (c === " " || c === "\t") this.pos++;
      else if (c === "\\" && this.source[this.pos + 1] === "\n") {
        this.pos += 2;
        this.line++;
      } else if (c === "#") {
        while (this.pos < this.source.length && this.source[this.pos] !== "\n") this.pos++;
      } else return;
    }
  }

  /** XCU 2.7.4: each queued here-document's lines up to its delimiter line. */
  private readHeredocBodies(): void {
    for (const redirect of this.heredocs.splice(0)) {
      const quoted = redirect.target.parts.some((p) => p.type !== "lit");
      const delimiter = redirect.target.parts.map((p) => ("text" in p ? p.text : "")).join("");
      const stripTabs = redirect.op === "<<-";
      const lines: string[] = [];
      let found = false;
      while (this.pos < this.source.length) {
        const end = this.source.indexOf("\n", this.pos);
        const text = this.source.slice(this.pos, end < 0 ? this.source.length : end);
        this.pos = end < 0 ? this.source.length : end + 1;
        this.line++;
        const body = stripTabs ? text.replace(/^\t+/, "") : text;
        if (body === delimiter) {
          found = true;
          break;
        }
        lines.push(body);
      }
      // A missing delimiter line: bash warns ("here-document at line N delimited by
      // end-of-file") and uses what it read.
      const text = lines.length ? `${lines.join("\n")}\n` : "";
      redirect.heredoc = { body: text, expand: !quoted, delimitedByEof: !found, delimiter };
      if (!quoted) redirect.heredoc.parts = readHeredocText(text, this.parseSub, this.line);
    }
  }
}
