/**
 * A syntax error in each shell's own words. bash names the script source (`-c`, a file, or
 * nothing at the prompt) and the line, and repeats the offending line; busybox ash says less.
 *
 *   bash: -c: line 1: syntax error near unexpected token `fi'
 *   bash: -c: line 1: `if true; fi'
 *   sh: syntax error: unexpected "fi"
 */
import type { SyntaxError } from "./ast";

export type ShellFlavour = "bash" | "ash";

export interface ErrorSource {
  /** `$0` of the shell: "bash", "sh", "-bash". */
  readonly shell: string;
  /** "-c" for `sh -c`, a script path, "stdin" for a script piped in, or undefined at a prompt. */
  readonly origin?: string;
  /** The script text, to quote the offending line (bash). */
  readonly text: string;
}

const MATCHING: Record<string, string> = { "'": "'", '"': '"', "`": "`", "$(": ")", "${": "}", "$((": ")" };

function bashMessages(error: SyntaxError, source: ErrorSource): string[] {
  const at = (line: number) =>
    source.origin === "stdin" ? `${source.shell}: line ${line}: ` : source.origin ? `${source.shell}: ${source.origin}: line ${line}: ` : `${source.shell}: `;
  const where = at(error.line);
  switch (error.kind) {
    case "unexpected": {
      const line = source.text.split("\n")[error.line - 1] ?? "";
      return [`${where}syntax error near unexpected token \`${error.token}'`, ...(source.origin ? [`${where}\`${line}'`] : [])];
    }
    case "eof":
      return error.unterminated
        ? [`${where}unexpected EOF while looking for matching \`${MATCHING[error.unterminated]}'`, `${at(error.line + 1)}syntax error: unexpected end of file`]
        : [`${where}syntax error: unexpected end of file`];
    case "bad-substitution":
      return [`${where}${error.text}: bad substitution`];
  }
}

function ashMessage(error: SyntaxError, source: ErrorSource): string {
  const where = source.origin && source.origin !== "-c" ? `${source.shell}: ${source.origin}: line ${error.line}: ` : `${source.shell}: `;
  switch (error.kind) {
    case "unexpected":
      return `${where}syntax error: unexpected ${error.token === "newline" || error.token === "end of file" ? error.token : `"${error.token}"`}`;
    case "eof":
      return error.unterminated === "'" || error.unterminated === '"' ? `${where}syntax error: unterminated quoted string` : `${where}syntax error: unexpected end of file`;
    case "bad-substitution":
      return `${where}syntax error: bad substitution`;
  }
}

/** The lines the shell writes to stderr; the status is 2 for both shells. */
export function syntaxErrorLines(flavour: ShellFlavour, error: SyntaxError, source: ErrorSource): string[] {
  return flavour === "bash" ? bashMessages(error, source) : [ashMessage(error, source)];
}
