/**
 * The shell grammar (XCU 2.10), recursive descent over the lexer's tokens with one token of
 * lookahead. Reserved words count only where a command may start, as in real shells, so
 * `echo if then` is three words.
 */
import type {
  AndOr, Assignment, CaseItem, Command, Compound, CompoundCommand, List, ListItem, Pipeline, RedirOp, Redirect, Script, SyntaxError, Word,
} from "./ast";
import { Lexer, ShellSyntaxError } from "./lexer";
import type { Token } from "./lexer";

const REDIR_OPS = new Set<string>(["<", ">", ">>", ">|", "<>", "<&", ">&", "<<", "<<-", "<<<", "&>", "&>>"]);
const RESERVED = new Set(["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "{", "}", "!", "function"]);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

export type ParseResult = { readonly ok: true; readonly script: Script } | { readonly ok: false; readonly error: SyntaxError };

/** Parses a whole script; a syntax error is returned, never thrown. */
export function parseScript(source: string): ParseResult {
  try {
    const parser = new Parser(new Lexer(source, parseSubscript));
    const script = parser.program();
    return { ok: true, script };
  } catch (error) {
    if (error instanceof ShellSyntaxError) return { ok: false, error: error.detail };
    throw error;
  }
}

/** `$(…)`: a list that ends at its own `)`, parsed from inside the enclosing word; `…`: a script. */
function parseSubscript(source: string, pos: number, line: number, toEnd = false): { script: Script; end: number; line: number } {
  const lexer = new Lexer(source, parseSubscript, pos, line);
  const parser = new Parser(lexer);
  if (toEnd) return { script: parser.program(), end: lexer.pos, line: lexer.line };
  const script = parser.list(new Set(), true);
  const close = parser.take();
  if (close.type === "eof") lexer.fail({ kind: "eof", line: close.line, unterminated: "$(" });
  if (close.type !== "op" || close.op !== ")") parser.unexpected(close);
  return { script, end: lexer.pos, line: lexer.line };
}

/** The word's text when it is plain unquoted text (a name, a reserved word), else undefined. */
export function plainText(word: Word): string | undefined {
  return word.parts.length === 1 && word.parts[0]!.type === "lit" ? word.parts[0]!.text : undefined;
}

const tokenText = (t: Token): string => (t.type === "word" ? t.raw : t.type === "op" ? t.op : t.type === "newline" ? "newline" : "end of file");

class Parser {
  private peeked: Token | undefined;

  constructor(private readonly lx: Lexer) {}

  peek(): Token {
    this.peeked ??= this.lx.next();
    return this.peeked;
  }

  take(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  unexpected(t: Token): never {
    if (t.type === "eof") this.lx.fail({ kind: "eof", line: t.line });
    return this.lx.fail({ kind: "unexpected", token: tokenText(t), line: t.line });
  }

  private isReserved(t: Token, word: string): boolean {
    return t.type === "word" && t.ioNumber === undefined && plainText(t.word) === word;
  }

  private isOp(t: Token, op: string): boolean {
    return t.type === "op" && t.op === op;
  }

  private skipNewlines(): void {
    while (this.peek().type === "newline") this.take();
  }

  private expectReserved(word: string): void {
    this.skipNewlines();
    const t = this.take();
    if (!this.isReserved(t, word)) this.unexpected(t);
  }

  program(): Script {
    const script = this.list(new Set(), false);
    const t = this.peek();
    if (t.type !== "eof") this.unexpected(t);
    return script;
  }

  /**
   * A compound list: and-or lists separated by `;`, `&` or newlines, up to a reserved word in
   * `stopWords`, a `)` (when `stopAtParen`), `;;`/`;&`, or the end of input.
   */
  list(stopWords: ReadonlySet<string>, stopAtParen: boolean): List {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === "eof") break;
      if (t.type === "op" && (t.op === ";;" || t.op === ";&" || (stopAtParen && t.op === ")"))) break;
      if (t.type === "word" && [...stopWords].some((w) => this.isReserved(t, w))) break;
      const andOr = this.andOr();
      const sep = this.peek();
      if (this.isOp(sep, "&")) {
        this.take();
        items.push({ andOr, background: true });
      } else {
        if (this.isOp(sep, ";")) this.take();
        else if (sep.type !== "newline" && sep.type !== "eof" && !(sep.type === "op" && (sep.op === ")" || sep.op === ";;" || sep.op === ";&"))) this.unexpected(sep);
        items.push({ andOr, background: false });
      }
    }
    return { items };
  }

  /** A list that must hold at least one command (the body of if, while, a group…). */
  private body(stopWords: ReadonlySet<string>, stopAtParen = false): List {
    const list = this.list(stopWords, stopAtParen);
    if (list.items.length === 0) this.unexpected(this.peek());
    return list;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: { op: "&&" | "||"; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type !== "op" || (t.op !== "&&" && t.op !== "||")) return { first, rest };
      this.take();
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (this.isReserved(this.peek(), "!")) {
      this.take();
      bang = true;
    }
    const commands = [this.command()];
    while (this.isOp(this.peek(), "|")) {
      this.take();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { bang, commands };
  }

  private command(): Command {
    const t = this.peek();
    const line = t.line;
    if (this.isOp(t, "(")) {
      this.take();
      const body = this.body(new Set(), true);
      const close = this.take();
      if (!this.isOp(close, ")")) this.unexpected(close);
      return this.withRedirects({ type: "subshell", body }, line);
    }
    if (t.type === "word" && t.ioNumber === undefined) {
      const word = plainText(t.word);
      const compound = word !== undefined ? this.compoundByKeyword(word, line) : undefined;
      if (compound) return compound;
      if (word !== undefined && RESERVED.has(word) && word !== "{" && word !== "!" && word !== "function") this.unexpected(t);
      if (word === "function") return this.functionKeyword(line);
    }
    if (t.type !== "word" && !(t.type === "op" && REDIR_OPS.has(t.op))) this.unexpected(t);
    return this.simpleOrFunction(line);
  }

  private compoundByKeyword(word: string, line: number): Compound | undefined {
    switch (word) {
      case "{": {
        this.take();
        const body = this.body(new Set(["}"]));
        this.expectReserved("}");
        return this.withRedirects({ type: "group", body }, line);
      }
      case "if":
        this.take();
        return this.withRedirects(this.ifClause(), line);
      case "while":
      case "until": {
        this.take();
        const cond = this.body(new Set(["do"]));
        return this.withRedirects({ type: word, cond, body: this.doGroup() }, line);
      }
      case "for":
        this.take();
        return this.withRedirects(this.forClause(), line);
      case "case":
        this.take();
        return this.withRedirects(this.caseClause(), line);
      default:
        return undefined;
    }
  }

  private ifClause(): CompoundCommand {
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.body(new Set(["then"]));
      this.expectReserved("then");
      clauses.push({ cond, body: this.body(new Set(["elif", "else", "fi"])) });
      const t = this.take();
      if (this.isReserved(t, "elif")) continue;
      if (this.isReserved(t, "else")) {
        elseBody = this.body(new Set(["fi"]));
        this.expectReserved("fi");
      } else if (!this.isReserved(t, "fi")) this.unexpected(t);
      return elseBody ? { type: "if", clauses, elseBody } : { type: "if", clauses };
    }
  }

  private doGroup(): List {
    this.expectReserved("do");
    const body = this.body(new Set(["done"]));
    this.expectReserved("done");
    return body;
  }

  private forClause(): CompoundCommand {
    const nameTok = this.take();
    const name = nameTok.type === "word" ? plainText(nameTok.word) : undefined;
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.unexpected(nameTok);
    let items: Word[] | undefined;
    if (this.isOp(this.peek(), ";")) this.take();
    else {
      this.skipNewlines();
      if (this.isReserved(this.peek(), "in")) {
        this.take();
        items = [];
        while (this.peek().type === "word") items.push((this.take() as Extract<Token, { type: "word" }>).word);
        const sep = this.take();
        if (!this.isOp(sep, ";") && sep.type !== "newline") this.unexpected(sep);
      }
    }
    const body = this.doGroup();
    return items ? { type: "for", name, items, body } : { type: "for", name, body };
  }

  private caseClause(): CompoundCommand {
    const subjectTok = this.take();
    if (subjectTok.type !== "word") this.unexpected(subjectTok);
    this.skipNewlines();
    const inTok = this.take();
    if (!this.isReserved(inTok, "in")) this.unexpected(inTok);
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.take();
      if (this.isReserved(t, "esac")) return { type: "case", subject: subjectTok.word, items };
      if (this.isOp(t, "(")) t = this.take();
      const patterns: Word[] = [];
      for (;;) {
        if (t.type !== "word") this.unexpected(t);
        patterns.push(t.word);
        const sep = this.take();
        if (this.isOp(sep, ")")) break;
        if (!this.isOp(sep, "|")) this.unexpected(sep);
        t = this.take();
      }
      const body = this.list(new Set(["esac"]), false);
      const end = this.peek();
      if (end.type === "op" && (end.op === ";;" || end.op === ";&")) {
        this.take();
        items.push({ patterns, body, terminator: end.op });
      } else if (this.isReserved(end, "esac")) {
        items.push({ patterns, body, terminator: ";;" });
      } else this.unexpected(end);
    }
  }

  private withRedirects(command: CompoundCommand, line: number): Compound {
    const redirects: Redirect[] = [];
    for (;;) {
      const redirect = this.redirect();
      if (!redirect) return { type: "compound", command, redirects, line };
      redirects.push(redirect);
    }
  }

  /** A redirection at the current token, or undefined. */
  private redirect(): Redirect | undefined {
    const t = this.peek();
    let fd: number | undefined;
    if (t.type === "word" && t.ioNumber !== undefined) {
      this.take();
      fd = t.ioNumber;
    } else if (!(t.type === "op" && REDIR_OPS.has(t.op))) return undefined;
    const opTok = this.take();
    if (opTok.type !== "op" || !REDIR_OPS.has(opTok.op)) return this.unexpected(opTok);
    const target = this.take();
    // The end of input reads as the end of the line here: "unexpected token `newline'".
    if (target.type === "eof") return this.lx.fail({ kind: "unexpected", token: "newline", line: target.line });
    if (target.type !== "word") return this.unexpected(target);
    const op = opTok.op as RedirOp;
    const redirect: Redirect = fd === undefined ? { op, target: target.word } : { fd, op, target: target.word };
    if (op === "<<" || op === "<<-") this.lx.queueHeredoc(redirect);
    return redirect;
  }

  private functionKeyword(line: number): Command {
    this.take();
    const nameTok = this.take();
    const name = nameTok.type === "word" ? plainText(nameTok.word) : undefined;
    if (name === undefined) return this.unexpected(nameTok);
    if (this.isOp(this.peek(), "(")) {
      this.take();
      const close = this.take();
      if (!this.isOp(close, ")")) this.unexpected(close);
    }
    return { type: "function", name, body: this.functionBody(), line };
  }

  private functionBody(): Compound {
    this.skipNewlines();
    const t = this.peek();
    const body = this.command();
    if (body.type !== "compound") this.unexpected(t);
    return body;
  }

  private simpleOrFunction(line: number): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const redirect = this.redirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      const t = this.peek();
      if (t.type !== "word") break;
      this.take();
      const assignment = words.length === 0 ? asAssignment(t.word) : undefined;
      if (assignment) {
        assigns.push(assignment);
        continue;
      }
      words.push(t.word);
      // name ( ) compound-command
      if (words.length === 1 && assigns.length === 0 && redirects.length === 0 && this.isOp(this.peek(), "(")) {
        const name = plainText(t.word);
        if (name === undefined) this.unexpected(this.peek());
        this.take();
        const close = this.take();
        if (!this.isOp(close, ")")) this.unexpected(close);
        return { type: "function", name, body: this.functionBody(), line };
      }
    }
    return { type: "simple", assigns, words, redirects, line };
  }
}

/** `NAME=value` or `NAME+=value` with an unquoted name: an assignment, not a word. */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (!first || first.type !== "lit") return undefined;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = rest ? [{ type: "lit" as const, text: rest }, ...word.parts.slice(1)] : word.parts.slice(1);
  return { name: m[1]!, value: { parts }, append: m[2] === "+" };
}
