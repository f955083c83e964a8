/**
 * Parsers for interface-file values, with the errno the kernel's own parser returns:
 * kstrtoint() (lib/kstrtox.c), memparse() (lib/cmdline.c), bitmap_parselist() (lib/bitmap.c).
 */
import type { Errno } from "../errno";
import type { Result } from "../../lib";
import { err, ok } from "../../lib";

/** strstrip(): what every cgroup write handler does to its buffer first. */
export const strstrip = (text: string): string => text.replace(/^\s+|\s+$/g, "");

/**
 * kstrtoll(s, 0): optional sign, then decimal, `0x` hex or leading-0 octal, nothing else
 * (a trailing newline is allowed and already stripped). Bad syntax is EINVAL.
 */
export function kstrtoint(text: string): Result<number, Errno> {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return err("EINVAL");
  const digits = m[2] ?? "";
  const n = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith("0") ? parseInt(digits.slice(1), 8) : parseInt(digits, 10);
  if (!Number.isSafeInteger(n)) return err("ERANGE");
  return ok(m[1] === "-" ? -n : n);
}

/** kstrtou64(): as kstrtoint() without a minus sign. */
export function kstrtou64(text: string): Result<number, Errno> {
  if (text.startsWith("-")) return err("EINVAL");
  return kstrtoint(text);
}

const SUFFIX: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50, e: 2 ** 60 };

/**
 * memparse(): a number with an optional K/M/G/T/P/E suffix (any case). page_counter_memparse()
 * refuses anything left after it with EINVAL.
 */
export function memparse(text: string): Result<number, Errno> {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([kKmMgGtTpPeE]?)$/.exec(text);
  if (!m) return err("EINVAL");
  const base = kstrtoint(m[1] ?? "");
  if (!base.ok) return base;
  return ok(base.value * (SUFFIX[(m[2] ?? "").toLowerCase()] ?? 1));
}

/** bitmap_parselist(): `0-2,5` → [0,1,2,5]; an empty list is the empty set. */
export function parseCpuList(text: string): Result<number[], Errno> {
  const out = new Set<number>();
  for (const part of text.split(",").filter((p) => p !== "")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return err("EINVAL");
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return err("EINVAL");
    for (let i = lo; i <= hi; i++) out.add(i);
  }
  return ok([...out].sort((a, b) => a - b));
}

/** The `%*pbl` format: [0,1,2,5] → `0-2,5`. */
export function formatCpuList(list: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < list.length) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === (list[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${list[i]}` : `${list[i]}-${list[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}
