/**
 * JSON syntax errors worded as Go's encoding/json reports them (encoding/json/scanner.go), because
 * that is what `docker run --security-opt seccomp=FILE` prints for a broken profile:
 * "invalid character '}' looking for beginning of object key string", "unexpected end of JSON input".
 * Go checks the whole document (checkValid) before decoding it, so syntax errors come first.
 */

/**
 * Go's quoteChar(): the offending character in single quotes, escaped like strconv.Quote.
 * SIMPLIFICATION: Go scans bytes, so it would quote the first byte of a multi-byte UTF-8
 * character; here the whole character (UTF-16 unit) is shown.
 */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const esc: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\" };
  if (esc[c]) return `'${esc[c]}'`;
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `'\\x${code.toString(16).padStart(2, "0")}'` : `'${c}'`;
}

class GoSyntaxError {
  constructor(readonly message: string) {}
}

const EOF = "unexpected end of JSON input";
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  peek(): string | undefined {
    return this.s[this.i];
  }
  fail(context: string): never {
    const c = this.peek();
    throw new GoSyntaxError(c === undefined ? EOF : `invalid character ${quoteChar(c)} ${context}`);
  }
  skipSpace(): void {
    while (isSpace(this.peek())) this.i++;
  }
  digits(): void {
    while (isDigit(this.peek())) this.i++;
  }

  value(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "-" || isDigit(c)) return this.number();
    for (const lit of ["true", "false", "null"]) if (c === lit[0]) return this.literal(lit);
    this.fail("looking for beginning of value");
  }

  object(): void {
    this.i++;
    this.skipSpace();
    if (this.peek() === "}") return void this.i++;
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail("looking for beginning of object key string");
      this.string();
      this.skipSpace();
      if (this.peek() !== ":") this.fail("after object key");
      this.i++;
      this.value();
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === "}") return;
      if (c !== ",") return void (this.i--, this.fail("after object key:value pair"));
    }
  }

  array(): void {
    this.i++;
    this.skipSpace();
    if (this.peek() === "]") return void this.i++;
    for (;;) {
      this.value();
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === "]") return;
      if (c !== ",") return void (this.i--, this.fail("after array element"));
    }
  }

  string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail("");
      this.i++;
      if (c === '"') return;
      if (c === "\\") this.escape();
      else if (c < " ") return void (this.i--, this.fail("in string literal"));
    }
  }

  escape(): void {
    const c = this.peek();
    if (c !== undefined && 'bfnrt\\/"'.includes(c)) return void this.i++;
    if (c !== "u") this.fail("in string escape code");
    this.i++;
    for (let k = 0; k < 4; k++) {
      if (!/^[0-9a-fA-F]$/.test(this.peek() ?? "")) this.fail("in \\u hexadecimal character escape");
      this.i++;
    }
  }

  number(): void {
    if (this.peek() === "-") {
      this.i++;
      if (!isDigit(this.peek())) this.fail("in numeric literal");
    }
    if (this.peek() === "0") this.i++;
    else this.digits();
    if (this.peek() === ".") {
      this.i++;
      if (!isDigit(this.peek())) this.fail("after decimal point in numeric literal");
      this.digits();
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.i++;
      if (this.peek() === "+" || this.peek() === "-") this.i++;
      if (!isDigit(this.peek())) this.fail("in exponent of numeric literal");
      this.digits();
    }
  }

  literal(word: string): void {
    this.i++;
    for (const expected of word.slice(1)) {
      if (this.peek() !== expected) this.fail(`in literal ${word} (expecting ${quoteChar(expected)})`);
      this.i++;
    }
  }
}

/** Undefined when `text` is valid JSON; otherwise Go's error message for it. */
export function goJsonSyntaxError(text: string): string | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.peek() !== undefined) scanner.fail("after top-level value");
    return undefined;
  } catch (e) {
    if (e instanceof GoSyntaxError) return e.message;
    throw e;
  }
}
