/**
 * AppArmor path globs (apparmor.d(5) "Globbing"), matched the way apparmor_parser compiles them:
 * parser/parser_regex.c `convert_aaregex_to_pcre()` turns a glob into a regular expression, which
 * the parser then builds into the DFA the kernel walks. We build the same expression as a RegExp.
 *
 *   *      any characters except '/'          → [^/]*
 *   **     any characters including '/'       → .*   (the parser writes [^\x00]*)
 *   ?      one character except '/'           → [^/]
 *   [abc] [a-z] [^abc]  a character class, passed through unchanged — so a negated class
 *          such as [^1-9] DOES match '/', which is why moby wrote [^1-9/] in docker-default
 *   {a,b}  alternation, may nest              → (a|b)
 *
 * One special case: a `*` or `**` that starts a path component (right after '/') and ends it
 * (followed by '/' or the end) must match at least one character, so `/dir/*` and `/dir/**`
 * do not match `/dir/` itself, and `/*\/foo` does not match `//foo`.
 */

/** Characters the parser escapes because they are regex syntax but not glob syntax. */
const LITERAL_ESCAPES = new Set([".", "+", "|", "(", ")", "^", "$"]);

export type GlobError = "unclosed" | "bad-close";

/** The anchored regex source for a glob, or an error like the parser's "Regex grouping error". */
export function aaGlobToRegexSource(glob: string): { readonly source: string } | { readonly error: GlobError } {
  let out = "^";
  let inClass = false;
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "\\" && i + 1 < glob.length) {
      out += `\\${glob[++i] as string}`;
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c === "\\" ? "\\\\" : c;
    } else if (c === "*") {
      const double = glob[i + 1] === "*";
      const after = glob[double ? i + 2 : i + 1];
      if (out.endsWith("/") && (after === undefined || after === "/")) out += "[^/]";
      out += double ? ".*" : "[^/]*";
      if (double) i++;
    } else if (c === "?") out += "[^/]";
    else if (c === "[") {
      inClass = true;
      out += "[";
    } else if (c === "{") {
      depth++;
      out += "(?:";
    } else if (c === "}") {
      if (depth === 0) return { error: "bad-close" };
      depth--;
      out += ")";
    } else if (c === "," && depth > 0) out += "|";
    else if (c === "]") return { error: "bad-close" };
    else out += LITERAL_ESCAPES.has(c) ? `\\${c}` : c;
  }
  if (inClass || depth > 0) return { error: "unclosed" };
  return { source: `${out}$` };
}

/**
 * parser_regex.c `filter_slashes()`: rule paths have runs of '/' collapsed, so that
 * `@{PROC}/*` with `@{PROC}=/proc/` becomes `/proc/*`.
 */
export const filterSlashes = (path: string): string => path.replace(/\/{2,}/g, "/");

/** Expands `@{NAME}` variables (apparmor.d(5) "Variables"); unknown ones stay as written. */
export function expandVariables(glob: string, variables: Readonly<Record<string, string>>): string {
  return glob.replace(/@\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => variables[name] ?? whole);
}

const cache = new Map<string, RegExp | null>();

/** Whether `path` (absolute, resolved; directories end in '/') matches the glob. */
export function aaGlobMatch(glob: string, path: string): boolean {
  let re = cache.get(glob);
  if (re === undefined) {
    const r = aaGlobToRegexSource(glob);
    // The 's' flag lets `.` match newlines too: a path may hold any byte but NUL.
    re = "source" in r ? new RegExp(r.source, "s") : null;
    cache.set(glob, re);
  }
  return re !== null && re.test(path);
}
