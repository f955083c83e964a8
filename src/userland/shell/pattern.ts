/**
 * Shell patterns (XCU 2.13): `*`, `?`, bracket expressions `[abc]`, `[!a-z]`, `[[:digit:]]`,
 * and backslash-quoted characters. Used by pathname expansion, `case` and `${x#pat}`.
 */

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z", digit: "0-9", alnum: "a-zA-Z0-9", upper: "A-Z", lower: "a-z", space: " \\t\\n\\r\\f\\v",
  blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f", print: " -~", graph: "!-~", cntrl: "\\x00-\\x1f\\x7f",
};

const escapeRe = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/**
 * A pattern as a regular expression source (without anchors). `quoted[i]` marks characters that
 * were quoted in the shell word, which match only themselves.
 */
export function patternSource(pattern: string, quoted: readonly boolean[] = []): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (quoted[i]) {
      out += escapeRe(c);
      continue;
    }
    if (c === "*") out += "[\\s\\S]*";
    else if (c === "?") out += "[\\s\\S]";
    else if (c === "\\" && i + 1 < pattern.length) out += escapeRe(pattern[++i]!);
    else if (c === "[") {
      const bracket = readBracket(pattern, i);
      if (bracket) {
        out += bracket.source;
        i = bracket.end;
      } else out += "\\[";
    } else out += escapeRe(c);
  }
  return out;
}

function readBracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "]" && !first) return { source: `[${negate ? "^" : ""}${body}]`, end: i };
    first = false;
    if (c === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      const name = close > 0 ? pattern.slice(i + 2, close) : "";
      if (CLASSES[name]) {
        body += CLASSES[name];
        i = close + 2;
        continue;
      }
    }
    if (c === "-" && body !== "" && pattern[i + 1] !== "]") body += "-";
    else body += c === "\\" ? escapeRe(pattern[++i] ?? "\\") : escapeRe(c);
    i++;
  }
  return undefined;
}

/** Whether the whole of `text` matches the pattern. */
export function matchPattern(pattern: string, text: string, quoted: readonly boolean[] = []): boolean {
  return new RegExp(`^${patternSource(pattern, quoted)}$`).test(text);
}

/** Whether a word has unquoted pattern characters, so pathname expansion applies. */
export function hasGlob(pattern: string, quoted: readonly boolean[]): boolean {
  for (let i = 0; i < pattern.length; i++) if (!quoted[i] && (pattern[i] === "*" || pattern[i] === "?" || pattern[i] === "[")) return true;
  return false;
}

/**
 * `${x#pat}` and friends: removes the shortest (`#`, `%`) or longest (`##`, `%%`) match of
 * the pattern from the start (`#`) or the end (`%`) of `value`.
 */
export function removeAffix(value: string, pattern: string, op: "#" | "##" | "%" | "%%"): string {
  const re = new RegExp(`^${patternSource(pattern)}$`);
  const lengths = [...Array(value.length + 1).keys()];
  const order = op === "#" || op === "%" ? lengths : lengths.reverse();
  for (const n of order) {
    if (op.startsWith("#") && re.test(value.slice(0, n))) return value.slice(n);
    if (op.startsWith("%") && re.test(value.slice(value.length - n))) return value.slice(0, value.length - n);
  }
  return value;
}
