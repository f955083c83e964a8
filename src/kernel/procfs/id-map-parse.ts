/**
 * Parsing a write to uid_map or gid_map, line by line as `kernel/user_namespace.c:
 * map_write()` does: "ID-inside-ns ID-outside-ns length" per line, outside ids still in the
 * parent namespace's terms. Any malformed line, overlap or excess line fails the whole write
 * with EINVAL — "The range of user IDs … specified in each line cannot overlap with the
 * ranges in any other lines" (user_namespaces(7)).
 */
import { isSpace, skipSpaces } from "./write-common";

/** UID_GID_MAP_MAX_EXTENTS: "up to 340 lines" since Linux 4.15. */
export const UID_GID_MAP_MAX_EXTENTS = 340;
const U32 = 2 ** 32;

export interface Extent {
  readonly first: number;
  /** lower_first: in the parent user namespace until map_write() translates it. */
  readonly lowerFirst: number;
  readonly count: number;
}

export type Parsed = { readonly ok: true; readonly extents: readonly Extent[] } | { readonly ok: false; readonly reason: string };

/** simple_strtoul(base 10) truncated to u32: digits only, no sign; none read gives 0. */
function strtou32(s: string, at: number): [number, number] {
  let v = 0;
  let i = at;
  while (i < s.length && s[i]! >= "0" && s[i]! <= "9") v = (v * 10 + Number(s[i++])) % U32;
  return [v, i];
}

/** Parses one line, or says what is wrong with it. */
function parseLine(line: string): Extent | string {
  const [first, p1] = strtou32(line, skipSpaces(line, 0));
  if (!isSpace(line[p1])) return "each line needs three numbers: ID-inside-ns ID-outside-ns length";
  const [lowerFirst, p2] = strtou32(line, skipSpaces(line, p1));
  if (!isSpace(line[p2])) return "each line needs three numbers: ID-inside-ns ID-outside-ns length";
  const [count, p3] = strtou32(line, skipSpaces(line, p2));
  if (p3 < line.length && !isSpace(line[p3])) return `"${line}" is not three decimal numbers`;
  if (skipSpaces(line, p3) !== line.length) return `trailing junk after the third number in "${line}"`;
  if (first === U32 - 1 || lowerFirst === U32 - 1) return "4294967295 ((u32) -1) is not a valid id";
  if (count === 0 || first + count >= U32 || lowerFirst + count >= U32) return `"${line}": the length must be non-zero and the range must not wrap past 4294967295`;
  return { first, lowerFirst, count };
}

/** mappings_overlap(): the new extent's inside or outside range meets an earlier one. */
export function overlaps(extents: readonly Extent[], e: Extent): boolean {
  return extents.some((p) =>
    (p.first <= e.first + e.count - 1 && p.first + p.count - 1 >= e.first) ||
    (p.lowerFirst <= e.lowerFirst + e.count - 1 && p.lowerFirst + p.count - 1 >= e.lowerFirst));
}

export function parseIdMap(text: string): Parsed {
  // memdup_user_nul(): the kernel sees the text up to the first NUL.
  const body = text.split("\0")[0] ?? "";
  const lines = body.endsWith("\n") ? body.slice(0, -1).split("\n") : body.split("\n");
  const extents: Extent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const e = parseLine(lines[i]!);
    if (typeof e === "string") return { ok: false, reason: e };
    if (overlaps(extents, e)) return { ok: false, reason: `"${lines[i]}" overlaps an earlier line (inside or outside ids)` };
    if (extents.length + 1 === UID_GID_MAP_MAX_EXTENTS && i + 1 < lines.length) {
      return { ok: false, reason: `a map has at most ${UID_GID_MAP_MAX_EXTENTS} lines` };
    }
    extents.push(e);
  }
  return extents.length === 0 ? { ok: false, reason: "the map is empty" } : { ok: true, extents };
}
