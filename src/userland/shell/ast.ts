/**
 * The shell's syntax tree (POSIX.1-2017 XCU 2.10 grammar, plus the bash forms tutorials use).
 * Words keep their quoting: expansion, field splitting and globbing happen in the interpreter,
 * and they depend on which parts were quoted.
 */

/** One piece of a word, in source order. */
export type WordPart =
  /** Unquoted text: subject to tilde expansion (at the start) and pathname expansion. */
  | { readonly type: "lit"; readonly text: string }
  /** Text the user quoted ('…', or a backslash-escaped character): taken as is. */
  | { readonly type: "quoted"; readonly text: string }
  /** "…": its expansions are not split into fields nor globbed. */
  | { readonly type: "dq"; readonly parts: readonly WordPart[] }
  | ParamPart
  /** $(…) or `…`. */
  | { readonly type: "cmd"; readonly script: Script; readonly backtick: boolean }
  /** $((…)): the expression text, evaluated after its own parameter expansion. */
  | { readonly type: "arith"; readonly expr: Word };

export type ParamOp = ":-" | "-" | ":=" | "=" | ":?" | "?" | ":+" | "+" | "#" | "##" | "%" | "%%";

/** $name, ${name}, ${#name}, ${name:-word} and the other forms of XCU 2.6.2. */
export interface ParamPart {
  readonly type: "param";
  readonly name: string;
  /** `${#name}`: the length of the value. */
  readonly length?: boolean;
  readonly op?: ParamOp;
  readonly arg?: Word;
}

export interface Word {
  readonly parts: readonly WordPart[];
}

export type RedirOp = "<" | ">" | ">>" | ">|" | "<>" | "<&" | ">&" | "<<" | "<<-" | "<<<" | "&>" | "&>>";

export interface Redirect {
  /** The descriptor redirected; undefined means the operator's default (0 for <, 1 for >). */
  readonly fd?: number;
  readonly op: RedirOp;
  /** The file, descriptor number or `-`; for a here-document, its delimiter. */
  readonly target: Word;
  /** A here-document's body; expanded unless the delimiter was quoted. */
  heredoc?: {
    body: string;
    expand: boolean;
    delimitedByEof: boolean;
    delimiter: string;
    /** The body read for expansion (`$`, `` ` `` and `\` special), when the delimiter was unquoted. */
    parts?: readonly WordPart[];
  };
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
  /** `name+=value` (bash). */
  readonly append: boolean;
}

export interface SimpleCommand {
  readonly type: "simple";
  readonly assigns: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  /** 1-based line of the command's first token, for error messages. */
  readonly line: number;
}

export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: List;
  /** `;;` ends the case; `;&` falls through to the next body (bash). */
  readonly terminator: ";;" | ";&";
}

export type CompoundCommand =
  | { readonly type: "group"; readonly body: List }
  | { readonly type: "subshell"; readonly body: List }
  | { readonly type: "if"; readonly clauses: readonly { readonly cond: List; readonly body: List }[]; readonly elseBody?: List }
  | { readonly type: "while" | "until"; readonly cond: List; readonly body: List }
  | { readonly type: "for"; readonly name: string; readonly items?: readonly Word[]; readonly body: List }
  | { readonly type: "case"; readonly subject: Word; readonly items: readonly CaseItem[] };

export interface Compound {
  readonly type: "compound";
  readonly command: CompoundCommand;
  readonly redirects: readonly Redirect[];
  readonly line: number;
}

export interface FunctionDef {
  readonly type: "function";
  readonly name: string;
  readonly body: Compound;
  readonly line: number;
}

export type Command = SimpleCommand | Compound | FunctionDef;

export interface Pipeline {
  /** `! pipeline`: the status is negated. */
  readonly bang: boolean;
  readonly commands: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: "&&" | "||"; readonly pipeline: Pipeline }[];
}

export interface ListItem {
  readonly andOr: AndOr;
  /** Ended by `&`: run in the background. */
  readonly background: boolean;
}

export interface List {
  readonly items: readonly ListItem[];
}

/** A whole script (or one line typed at the prompt). */
export type Script = List;

/** The parser's error, phrased by each shell flavour (see parse-error.ts). */
export type SyntaxError =
  | { readonly kind: "unexpected"; readonly token: string; readonly line: number }
  | { readonly kind: "eof"; readonly line: number; readonly unterminated?: "'" | '"' | "`" | "$(" | "${" | "$((" }
  | { readonly kind: "bad-substitution"; readonly text: string; readonly line: number };
