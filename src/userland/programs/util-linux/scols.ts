/**
 * The table printer of libsmartcols 2.39 as lsns, findmnt and lsblk use it when stdout is not a
 * terminal (nothing is truncated then): a column is as wide as its widest cell, at least its
 * header, and widened to its width hint when the hint is ≥ 1 and both the data and the header
 * are narrower (`calculate.c: count_column_width()`). Cells are separated by one space; the last
 * column is not padded unless it is right-aligned. A tree column draws `├─`, `└─` and `│ `.
 */

export interface Column {
  readonly name: string;
  /** Width hint; below 1 it is a fraction of the terminal width, which a pipe does not have. */
  readonly hint: number;
  readonly right?: boolean;
  readonly tree?: boolean;
}

export interface Line {
  /** One entry per column; a cell may hold several lines (lsblk's MOUNTPOINTS). */
  readonly cells: readonly string[];
  /** Index of the parent line (an earlier one) in a tree. */
  readonly parent?: number;
}

export interface TableOptions {
  readonly noHeadings?: boolean;
  /** -r: cells separated by one space, no alignment, no tree, blanks escaped as \x20. */
  readonly raw?: boolean;
  /** -l / a listing without hierarchy: parents are ignored. */
  readonly list?: boolean;
}

/** Lines in print order with their tree prefixes (depth-first, children in creation order). */
function ordered(lines: readonly Line[], tree: boolean): { line: Line; prefix: string }[] {
  if (!tree) return lines.map((line) => ({ line, prefix: "" }));
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  lines.forEach((l, i) => {
    if (l.parent === undefined || l.parent < 0 || l.parent >= i) roots.push(i);
    else children.set(l.parent, [...(children.get(l.parent) ?? []), i]);
  });
  const out: { line: Line; prefix: string }[] = [];
  const walk = (i: number, lead: string, branch: string) => {
    out.push({ line: lines[i]!, prefix: lead + branch });
    const kids = children.get(i) ?? [];
    const nextLead = branch === "" ? "" : lead + (branch === "└─" ? "  " : "│ ");
    kids.forEach((k, n) => walk(k, nextLead, n === kids.length - 1 ? "└─" : "├─"));
  };
  for (const r of roots) walk(r, "", "");
  return out;
}

const rawEscape = (s: string) => s.replace(/[\s\\"'`$]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** The whole table as text. */
export function renderTable(columns: readonly Column[], lines: readonly Line[], opts: TableOptions = {}): string {
  const treeAt = opts.raw || opts.list ? -1 : columns.findIndex((c) => c.tree);
  const rows = ordered(lines, treeAt >= 0);
  if (opts.raw) {
    const head = opts.noHeadings ? "" : `${columns.map((c) => c.name).join(" ")}\n`;
    return head + rows.map(({ line }) => `${line.cells.map((c) => rawEscape(c)).join(" ")}\n`).join("");
  }
  const cellLines = (row: { line: Line; prefix: string }, i: number) => {
    const parts = (row.line.cells[i] ?? "").split("\n");
    return i === treeAt ? parts.map((p, k) => (k === 0 ? row.prefix + p : p)) : parts;
  };
  const widths = columns.map((c, i) => {
    const data = Math.max(0, ...rows.flatMap((r) => cellLines(r, i).map((s) => [...s].length)));
    const header = [...c.name].length;
    if (data < header) return header;
    if (c.hint >= 1 && data < c.hint && header < c.hint) return c.hint;
    return data;
  });
  const last = columns.length - 1;
  const format = (cells: readonly string[]) =>
    cells.map((text, i) => {
      const pad = " ".repeat(Math.max(0, widths[i]! - [...text].length));
      if (columns[i]!.right) return pad + text;
      return i === last ? text : text + pad;
    }).join(" ");
  let out = opts.noHeadings ? "" : `${format(columns.map((c) => c.name))}\n`;
  for (const row of rows) {
    const parts = columns.map((_, i) => cellLines(row, i));
    const height = Math.max(...parts.map((p) => p.length));
    for (let k = 0; k < height; k++) out += `${format(parts.map((p) => p[k] ?? ""))}\n`;
  }
  return out;
}

/** Splits `-o LIST` (`+LIST` appends to the defaults) into known column names, or the unknown one. */
export function pickColumns(
  spec: string | undefined, defaults: readonly string[], known: readonly string[],
): { ok: true; names: string[] } | { ok: false; unknown: string } {
  if (spec === undefined) return { ok: true, names: [...defaults] };
  const append = spec.startsWith("+");
  const names: string[] = append ? [...defaults] : [];
  for (const raw of (append ? spec.slice(1) : spec).split(",")) {
    if (raw === "") continue;
    const hit = known.find((k) => k.toLowerCase() === raw.toLowerCase());
    if (!hit) return { ok: false, unknown: raw };
    names.push(hit);
  }
  return { ok: true, names };
}
