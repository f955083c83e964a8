/**
 * From options to columns (procps-ng 4.0.4 `src/ps/sortformat.c`: format_parse(),
 * process_sf_options(), generate_sysv_list()) and from a process to a line (`output.c`:
 * show_one_proc(), whose column arithmetic decides every space ps prints).
 */
import type { Proc } from "./proc-read";
import type { PsOptions } from "./ps-args";
import { FF, FM, TF } from "./ps-args";
import type { PrCtx, Spec } from "./ps-columns";
import { FORMATS, MACROS } from "./ps-columns";

export interface Column {
  readonly name: string;
  readonly width: number;
  readonly spec: Spec;
}

/** OUTBUF_SIZE: the width ps allows itself when stdout is not a terminal. */
export const OUTBUF_SIZE = 2 * 64 * 1024;

/** do_one_spec(): a specifier or a macro, with an optional header override. */
function oneSpec(name: string, pidLen: number, override?: string): Column[] | undefined {
  const spec = FORMATS[name];
  if (spec) {
    const w1 = spec.pidmax ? Math.max(pidLen, spec.head.length) : spec.width;
    return [{ name: override ?? spec.head, width: override !== undefined ? Math.max(w1, override.length) : w1, spec }];
  }
  const macro = MACROS[name];
  return macro ? macro.split(",").flatMap((n) => oneSpec(n, pidLen, override)!) : undefined;
}

/** format_parse(): a -o list, `name[:width][=header]` items separated by blanks or commas. */
function formatParse(text: string, pidLen: number): Column[] | string {
  const items = text.split(/[ ,\t\n]/);
  const inner = text.endsWith(",") || /[ \t\n]$/.test(text) ? items.slice(0, -1) : items;
  if (inner.some((i) => i === "")) return "improper format list";
  const out: Column[] = [];
  let rest = inner.length === items.length ? text : text.slice(0, -1);
  for (let left = inner.length; left > 0; left--) {
    const sep = left > 1 ? rest.search(/[ ,\t\n]/) : -1;
    let item = sep >= 0 ? rest.slice(0, sep) : rest;
    rest = sep >= 0 ? rest.slice(sep + 1) : "";
    const eq = item.indexOf("=");
    const header = eq >= 0 ? item.slice(eq + 1) : undefined;
    if (eq >= 0) item = item.slice(0, eq);
    const colon = item.indexOf(":");
    const width = colon >= 0 ? item.slice(colon + 1) : undefined;
    if (colon >= 0) item = item.slice(0, colon);
    if (width !== undefined && !/^[1-9]\d*$/.test(width)) return "column widths must be unsigned decimal numbers";
    const cols = oneSpec(item, pidLen, header);
    if (!cols) return `unknown user-defined format specifier "${item}"`;
    if (width !== undefined && cols.length > 1) return "can not set width for a macro (multi-column) format specifier";
    out.push(...(width !== undefined ? [{ ...cols[0]!, width: Number(width) }] : cols));
  }
  return out;
}

/** generate_sysv_list(), in the order it leaves the columns. */
function sysvList(o: PsOptions): string[] | string {
  const { formatFlags: f, formatModifiers: m, threadFlags: t } = o;
  if ((m & FM.y) && !(f & FF.Ul)) return "modifier -y without format -l makes no sense";
  const l = (f & FF.Ul) !== 0;
  const full = (f & FF.Uf) !== 0;
  const out: string[] = [];
  const push = (...names: string[]) => out.unshift(...names.reverse());
  if (o.preferBsd) push(f ? "cmd" : "args", "bsdtime", ...(l ? [] : ["stat"]));
  else push(full ? "cmd" : "ucmd", "time");
  push("tname");
  if (full) push("stime");
  if (m & FM.F) {
    if (!(m & FM.P)) push("psr");
    if (!(l && (m & FM.y))) push("rss");
  }
  if (l) push("wchan");
  if ((m & FM.F) || l) push("sz");
  if (l) push(m & FM.y ? "rss" : "addr_1", "ni", "opri");
  if ((t & TF.L) && full) push("nlwp");
  if (full || l) push("c");
  if (m & FM.P) push("psr");
  if (t & TF.L) push("lwp");
  if (m & FM.j) push("sid", "pgid");
  if (full || l) push("ppid");
  if (t & TF.T) push("spid");
  push("pid");
  if (full) push("uid_hack");
  else if (l) push("uid");
  if (l) push("s", ...(m & FM.y ? [] : ["f"]));
  if (m & FM.M) push("label");
  return out;
}

const addAfter = (cols: Column[], after: string[], add: Column) => {
  for (const name of after) {
    const at = cols.findIndex((c) => c.name === name);
    if (at >= 0) return cols.splice(at + 1, 0, add), true;
  }
  return false;
};

/** process_sf_options(): the columns ps prints, or the error that makes it give up. */
export function buildColumns(o: PsOptions, pidLen: number, psFormat: string | undefined): Column[] | string {
  const one = (n: string) => oneSpec(n, pidLen)!;
  let list: Column[] = [];
  for (const node of o.sf) {
    const cols = formatParse(node.arg, pidLen);
    if (typeof cols === "string") return cols;
    if (node.code === "U_O" || node.code === "B_O") {
      if (list.length) return node.code === "U_O" ? "option -O can not follow other format options" : "option O is neither first format nor sort order";
      cols.unshift(...one("pid"));
      cols.push(...one(node.code === "U_O" ? "END_SYS5" : "END_BSD"));
    }
    list.push(...cols);
  }
  if (!list.length && !o.formatFlags && !o.formatModifiers && psFormat) {
    const cols = formatParse(psFormat, pidLen);
    if (typeof cols !== "string") return cols;
  }
  if (list.length) {
    if (o.formatFlags) return "conflicting format options";
    if (o.formatModifiers) return "can not use output modifiers with user-defined output";
    return list;
  }
  const macro: Record<number, string | null> = { 0: null, [FF.Uf]: null, [FF.Ul]: null, [FF.Uf | FF.Ul]: null, [FF.Bj]: "OL_j", [FF.Bl]: "OL_l", [FF.Bu]: "OL_u", [FF.Fc]: "FLASK_context" };
  const spec = macro[o.formatFlags];
  if (spec === undefined) return "conflicting format options";
  if (spec === null) {
    const names = sysvList(o);
    return typeof names === "string" ? names : names.flatMap(one);
  }
  list = one(spec);
  if (o.formatModifiers & FM.j) {
    if (!addAfter(list, ["PPID", "PID"], one("pgid")[0]!)) return "internal error: no PID or PPID for -j option";
    if (!addAfter(list, ["PGID"], one("sid")[0]!)) return "lost my PGID";
  }
  if (o.formatModifiers & FM.y) {
    list = list.filter((c) => c.name !== "F");
    if (addAfter(list, ["ADDR"], one("rss")[0]!)) list.splice(list.findIndex((c) => c.name === "ADDR"), 1);
  }
  if (o.threadFlags & TF.T) addAfter(list, ["PID"], one("spid")[0]!);
  if ((o.threadFlags & TF.L) && addAfter(list, ["SID", "SESS", "PGID", "PGRP", "PPID", "PID"], one("lwp")[0]!)) addAfter(list, ["%CPU"], one("nlwp")[0]!);
  if (o.formatModifiers & FM.M) list.unshift(...one("label"));
  return list;
}

/** check_header_width(): the line width, a multiple of the screen's that fits every column. */
export function activeCols(cols: readonly Column[], screenCols: number): number {
  let total = 0;
  cols.forEach((c, i) => (total += (c.spec.just === "unlimited" && i === cols.length - 1 ? 3 : c.width) + (i ? 1 : 0)));
  let active = screenCols;
  for (let i = 1; active < total && screenCols * i < OUTBUF_SIZE / 2; i++) active = screenCols * (i + 1);
  return active;
}

/** show_one_proc(): one line, the header when `p` is null. */
export function showOne(cols: readonly Column[], p: Proc | null, ctx: PrCtx, active: number): string {
  let correct = 0, actual = 0, dospace = 0;
  let line = "";
  cols.forEach((col, i) => {
    const last = i === cols.length - 1;
    let max: number;
    let tmpspace = 0;
    if (!last) max = col.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        max = active - actual - tmpspace;
      } else max = active - Math.max(correct, actual);
    }
    max = Math.min(Math.max(max, 0), OUTBUF_SIZE - 1);
    let text = p ? col.spec.pr(p, ctx, max) : col.name;
    let leftpad = 0;
    const just = col.spec.just;
    if (just === "right" || (just !== "left" && just !== "unlimited" && ctx.userIsNumber)) leftpad = Math.max(0, col.width - text.length);
    if ((just === "unlimited" || (just === "wchan" && !ctx.userIsNumber)) && active - actual - tmpspace < 1) text = text.slice(0, 1);
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    space = Math.min(space, 144);
    line += " ".repeat(space) + text;
    actual += space + text.length;
    correct += col.width + 1;
    dospace = 1;
  });
  return `${line}\n`;
}
