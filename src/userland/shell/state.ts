/**
 * A shell's memory: variables, positional parameters, functions, the last status, jobs. It
 * lives in the shell process; a subshell (a fork of the shell) starts from a copy.
 */
import type { Compound } from "./ast";
import type { ShellFlavour } from "./parse-error";

export interface Variable {
  readonly value: string;
  readonly exported: boolean;
  readonly readonly?: boolean;
}

export interface Job {
  readonly id: number;
  readonly pid: number;
  readonly command: string;
  status: "Running" | "Done" | "Stopped";
  exit?: number;
}

export interface ShellState {
  readonly flavour: ShellFlavour;
  /** `$0`: "bash", "-bash", "sh". */
  name: string;
  /** `$$`: the PID of the shell that read the script; a subshell keeps its parent's. */
  readonly topPid: number;
  vars: Map<string, Variable>;
  positional: string[];
  /** `$?`. */
  status: number;
  /** `$!`. */
  lastBackground: number | undefined;
  functions: Map<string, Compound>;
  jobs: Job[];
  /** Where the script came from, for error messages: "-c", a file, or undefined (a prompt). */
  origin: string | undefined;
  /** The line being run, for error messages. */
  line: number;
  /** `set -e`, `set -u`, `set -x`. */
  options: { errexit: boolean; nounset: boolean; xtrace: boolean };
  /** Inside a subshell: `exit` ends only it. */
  subshell: boolean;
}

export function newShellState(flavour: ShellFlavour, name: string, pid: number, env: readonly string[]): ShellState {
  const vars = new Map<string, Variable>();
  for (const entry of env) {
    const eq = entry.indexOf("=");
    if (eq > 0) vars.set(entry.slice(0, eq), { value: entry.slice(eq + 1), exported: true });
  }
  if (!vars.has("IFS")) vars.set("IFS", { value: " \t\n", exported: false });
  if (!vars.has("PS1")) vars.set("PS1", { value: flavour === "bash" ? "\\u@\\h:\\w\\$ " : "\\w \\$ ", exported: false });
  return {
    flavour, name, topPid: pid, vars, positional: [], status: 0, lastBackground: undefined, functions: new Map(), jobs: [],
    origin: undefined, line: 1, options: { errexit: false, nounset: false, xtrace: false }, subshell: false,
  };
}

/** The copy a forked subshell starts from. */
export function forkState(state: ShellState): ShellState {
  return {
    ...state, vars: new Map(state.vars), positional: [...state.positional], functions: new Map(state.functions), jobs: [],
    options: { ...state.options }, subshell: true,
  };
}

/**
 * How the shell starts an error line: bash running a script names the line
 * (`bash: line 3: `), at a prompt only itself (`bash: `); ash names itself.
 */
export function errorPrefix(state: ShellState): string {
  if (state.flavour === "bash" && state.origin !== undefined) return `${state.name}: line ${state.line}: `;
  return `${state.name}: `;
}

export const getVar = (state: ShellState, name: string): string | undefined => state.vars.get(name)?.value;

export function setVar(state: ShellState, name: string, value: string, exported?: boolean): void {
  const old = state.vars.get(name);
  state.vars.set(name, { value, exported: exported ?? old?.exported ?? false });
}

/** The environment an executed program receives: every exported variable. */
export function environ(state: ShellState, extra: ReadonlyMap<string, string> = new Map()): string[] {
  const out = new Map<string, string>();
  for (const [name, v] of state.vars) if (v.exported) out.set(name, v.value);
  for (const [name, value] of extra) out.set(name, value);
  return [...out].map(([name, value]) => `${name}=${value}`);
}
