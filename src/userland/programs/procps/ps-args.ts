/**
 * ps's option parser (procps-ng 4.0.4 `src/ps/parser.c`): SysV options (`-ef`), BSD options
 * (`aux`), GNU long options (`--ppid`) and trailing PIDs, tried once as written and, when that
 * fails, once more reading every `-x` as BSD (the "second chance" that makes `ps -aux` work).
 * Messages are procps's; options the simulator cannot honour stop ps with a NotSimulated.
 */
import type { StatResult } from "../../../kernel/index.ts";
import type { Sys } from "../../process/sys";
import { stat } from "../../process/sys";
import type { Accounts } from "../accounts";
import { userByName } from "../accounts";

export type SelType = "pid" | "ppid" | "euid" | "ruid" | "egid" | "rgid" | "sess" | "pgrp" | "tty" | "comm";
export interface Selection {
  readonly type: SelType;
  readonly values: readonly (number | string)[];
}

/** format_flags, format_modifiers, thread_flags and simple_select bits (src/ps/common.h). */
export const FF = { Uf: 1, Ul: 2, Uj: 4, Bj: 8, Bl: 16, Bs: 32, Bu: 64, Bv: 128, Fc: 256 } as const;
export const FM = { j: 1, y: 2, F: 4, P: 8, M: 16 } as const;
export const TF = { L: 1, T: 2 } as const;
export const SS = { Ua: 1, Ud: 2, Ba: 4, Bx: 8, Bg: 16 } as const;

export interface SfNode {
  readonly code: "U_o" | "B_o" | "G_format" | "U_O" | "B_O";
  readonly arg: string;
}

export interface PsOptions {
  all: boolean;
  simpleSelect: number;
  selections: Selection[];
  negate: boolean;
  runningOnly: boolean;
  formatFlags: number;
  formatModifiers: number;
  threadFlags: number;
  sf: SfNode[];
  header: "single" | "none" | "multi" | undefined;
  preferBsd: boolean;
  unixF: boolean;
  bsdC: boolean;
  userIsNumber: boolean;
  wCount: number;
  cols: number | undefined;
  rows: number | undefined;
  exit?: { readonly text: string; readonly toStderr: boolean; readonly status: number };
}

/** An option real ps has and this one does not implement. */
export class NotSimulated extends Error {}

export interface ParseEnv {
  readonly argv: readonly string[];
  readonly accounts: Accounts;
  readonly myTty: number;
}

const fresh = (): PsOptions => ({
  all: false, simpleSelect: 0, selections: [], negate: false, runningOnly: false, formatFlags: 0, formatModifiers: 0,
  threadFlags: 0, sf: [], header: undefined, preferBsd: false, unixF: false, bsdC: false, userIsNumber: false,
  wCount: 0, cols: undefined, rows: undefined,
});

/** strtoul(str, &end, 0): the number and whether the whole string was used. */
function strtoul(s: string): [number, boolean] {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return [0, s === ""];
  const body = m[2]!;
  const v = /^0[xX]/.test(body) ? parseInt(body, 16) : body.length > 1 && body.startsWith("0") ? parseInt(body, 8) : Number(body);
  return [m[1] === "-" ? 2 ** 64 - v : v, m[0].length === s.length];
}

type ItemParser = (item: string, o: PsOptions, env: ParseEnv) => Sys<number | string | { error: string }>;

function* parsePid(item: string): Sys<number | { error: string }> {
  const [n, whole] = strtoul(item);
  if (!whole) return { error: "process ID list syntax error" };
  if (n < 1 || n > 0x7fffffff) return { error: "process ID out of range" };
  return n;
}

function* parseId(item: string, o: PsOptions, env: ParseEnv, kind: "user" | "group"): Sys<number | { error: string }> {
  const [parsed, whole] = strtoul(item);
  let n = parsed;
  if (!whole) {
    const found = kind === "user" ? userByName(env.accounts, item)?.uid : env.accounts.groups.find((g) => g.name === item)?.gid;
    if (found === undefined && !o.negate) return { error: `${kind} name does not exist` };
    n = found ?? -1;
  }
  if (!o.negate && n > 0xfffffffe) return { error: `${kind} ID out of range` };
  return n;
}

/** parse_tty(): the device number of a terminal named as ps -t takes it. */
function* parseTty(item: string): Sys<number | { error: string }> {
  const paths = item.startsWith("/") ? [item] : [`/dev/pts/${item}`, `/dev/${item}`, `/dev/tty${item}`, `/dev/pty${item}`, `/dev/${item}nsole`];
  let found: StatResult | undefined;
  for (const path of paths) {
    const r = yield* stat(path);
    if (r.ok) {
      found = r.value;
      break;
    }
  }
  if (!found) return item === "-" || item === "?" ? 0 : { error: "TTY could not be found" };
  if ((found.mode & 0o170000) !== 0o020000) return { error: "list member was not a TTY" };
  const { major, minor } = found.rdev;
  return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
}

const PARSERS: Record<SelType, ItemParser> = {
  pid: parsePid, ppid: parsePid, sess: parsePid, pgrp: parsePid, tty: parseTty,
  euid: (s, o, e) => parseId(s, o, e, "user"), ruid: (s, o, e) => parseId(s, o, e, "user"),
  egid: (s, o, e) => parseId(s, o, e, "group"), rgid: (s, o, e) => parseId(s, o, e, "group"),
  comm: function* (s) {
    return s.slice(0, 63);
  },
};

/** parse_list(): a comma- or blank-separated list; undefined when it was added, else the error. */
export function* parseList(arg: string, type: SelType, o: PsOptions, env: ParseEnv): Sys<string | undefined> {
  const items = arg.split(/[ ,\t]/);
  if (items.some((i) => i === "")) return "improper list";
  const values: (number | string)[] = [];
  for (const item of items) {
    const v = yield* PARSERS[type](item, o, env);
    if (typeof v === "object") return v.error;
    values.push(v);
  }
  o.selections.push({ type, values });
  return undefined;
}

export { fresh as freshOptions };
