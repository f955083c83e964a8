/**
 * libcap 2.66's text forms of capability state: cap_to_name() (`cap_chown`), cap_to_text()
 * (`=ep cap_sys_resource-ep`, `cap_chown,cap_kill=ep`), cap_from_text(), cap_iab_to_text()
 * (`!cap_sys_admin`, `^cap_net_raw`) and capsh's --decode. A set is the 41-bit mask capget(2)
 * returns; bits above CAP_LAST_CAP only appear in --decode, as numbers.
 */
import type { Capability, CapSet, CapSets, Errno } from "../../../kernel/index.ts";
import { CAPABILITIES, capSetOf, hasCap, parseCapHex } from "../../../kernel/index.ts";
import type { Sys } from "../../process/sys";
import { readFile, sys } from "../../process/sys";

/** cap_max_bits(): the capabilities the kernel knows. */
export const CAP_BITS = CAPABILITIES.length;

export const capName = (n: number) => (n < CAP_BITS ? CAPABILITIES[n]!.toLowerCase() : String(n));

/** cap_from_name(): `cap_chown` in any case, or a number below the kernel's count. */
export function capFromName(text: string): number | undefined {
  const i = CAPABILITIES.findIndex((c) => c.toLowerCase() === text.toLowerCase());
  if (i >= 0) return i;
  return /^\d+$/.test(text) && Number(text) < CAP_BITS ? Number(text) : undefined;
}

export const capAt = (n: number): Capability => CAPABILITIES[n]!;
export const has = (set: CapSet, n: number) => n < CAP_BITS && hasCap(set, CAPABILITIES[n]!);
export const setOf = (ns: Iterable<number>) => capSetOf([...ns].map(capAt));
export const namesIn = (set: CapSet) => CAPABILITIES.map((_, n) => n).filter((n) => has(set, n)).map(capName);

/** The effective/inheritable/permitted triple cap_to_text() prints. */
export interface Triple {
  readonly effective: CapSet;
  readonly inheritable: CapSet;
  readonly permitted: CapSet;
}

const EFF = 1;
const INH = 2;
const PER = 4;
const flagText = (f: number) => `${f & EFF ? "e" : ""}${f & INH ? "i" : ""}${f & PER ? "p" : ""}`;

/**
 * cap_to_text(): the most common e/i/p combination becomes the `=flags` default, then each
 * other combination its capabilities with `+`/`-` flags; an all-clear default with a first group
 * of raised flags is written `names=flags` instead of `= names+flags`.
 */
export function capToText(t: Triple): string {
  const state = (n: number) => (has(t.effective, n) ? EFF : 0) | (has(t.inheritable, n) ? INH : 0) | (has(t.permitted, n) ? PER : 0);
  const histo = new Array<number>(8).fill(0);
  for (let n = 0; n < CAP_BITS; n++) histo[state(n)]!++;
  let m = 7;
  for (let f = 6; f >= 0; f--) if (histo[f]! >= histo[m]!) m = f;
  let text = `=${flagText(m)}`;
  for (let f = 7; f >= 0; f--) {
    if (f === m || histo[f] === 0) continue;
    const names: string[] = [];
    for (let n = 0; n < CAP_BITS; n++) if (state(n) === f) names.push(capName(n));
    let clause = ` ${names.join(",")}`;
    const raise = f & ~m;
    if (raise) {
      if (text === "=") {
        text = "";
        clause = `${clause.slice(1)}=${flagText(raise)}`;
      } else clause += `+${flagText(raise)}`;
    }
    const lower = ~f & m;
    if (lower) clause += `-${flagText(lower)}`;
    text += clause;
  }
  return text;
}

/** cap_from_text(): clauses `[names]op flags[op flags…]`; undefined when malformed. */
export function capFromText(text: string): Triple | undefined {
  const sets = { e: new Set<number>(), i: new Set<number>(), p: new Set<number>() };
  for (const clause of text.trim().split(/\s+/).filter((c) => c !== "")) {
    const m = /^([^=+-]*)((?:[=+-][eip]*)+)$/i.exec(clause);
    if (!m) return undefined;
    const names = m[1] === "" || m[1]!.toLowerCase() === "all" ? CAPABILITIES.map((_, n) => n) : m[1]!.split(",").map(capFromName);
    if (names.some((n) => n === undefined)) return undefined;
    for (const [, op, flags] of m[2]!.matchAll(/([=+-])([eip]*)/gi)) {
      for (const key of ["e", "i", "p"] as const) {
        const named = flags!.toLowerCase().includes(key);
        for (const n of names as number[]) {
          if (op === "=") {
            if (named) sets[key].add(n);
            else sets[key].delete(n);
          } else if (named) {
            if (op === "+") sets[key].add(n);
            else sets[key].delete(n);
          }
        }
      }
    }
  }
  return { effective: setOf(sets.e), inheritable: setOf(sets.i), permitted: setOf(sets.p) };
}

/** cap_iab_to_text(): `!` not in the bounding set, `^` ambient (and so inheritable), `%` both. */
export function iabText(c: CapSets): string {
  const parts: string[] = [];
  for (let n = 0; n < CAP_BITS; n++) {
    const i = has(c.inheritable, n);
    const a = has(c.ambient, n);
    const nb = !has(c.bounding, n);
    if (!(i || a || nb)) continue;
    parts.push(`${nb ? "!" : ""}${a ? "^" : nb && i ? "%" : ""}${capName(n)}`);
  }
  return parts.join(",");
}

/** capsh --decode=HEX: strtoull(…, 16) and each set bit by name (or number above the known ones). */
export function decodeHex(arg: string): string {
  const digits = /^\s*(?:0x)?([0-9a-f]*)/i.exec(arg)?.[1] ?? "";
  // strtoull() saturates at ULLONG_MAX when the number does not fit.
  const trimmed = digits.replace(/^0+/, "").length > 16 ? "f".repeat(16) : digits.replace(/^0+/, "");
  const hi = trimmed.length > 8 ? parseInt(trimmed.slice(0, -8), 16) : 0;
  const lo = trimmed.length > 0 ? parseInt(trimmed.slice(-8), 16) : 0;
  const names: string[] = [];
  for (let n = 0; n < 64; n++) {
    const bit = n < 32 ? (lo >>> n) & 1 : (hi >>> (n - 32)) & 1;
    if (bit) names.push(capName(n));
  }
  const hex = hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
  return `0x${hex}=${names.join(",")}`;
}

/** capget(2) on ourselves. */
export function* capget(): Sys<CapSets | undefined> {
  const r = yield* sys<CapSets>({ name: "capget" });
  return r.ok ? r.value : undefined;
}

/** cap_set_proc(): capset(2) with a new triple. */
export function* capset(t: Triple): Sys<{ ok: true } | { ok: false; error: Errno }> {
  const r = yield* sys<0>({ name: "capset", effective: t.effective, permitted: t.permitted, inheritable: t.inheritable });
  return r.ok ? { ok: true } : r;
}

/** Another process's sets, from /proc/PID/status (capget(2) here only answers for the caller). */
export function* capsOfPid(pid: number): Sys<{ ok: true; value: CapSets } | { ok: false; error: Errno }> {
  const r = yield* readFile(`/proc/${pid}/status`);
  if (!r.ok) return r;
  const field = (k: string) => parseCapHex(new RegExp(`^${k}:\\s*([0-9a-f]+)$`, "m").exec(r.value)?.[1] ?? "0") ?? (0 as CapSet);
  return { ok: true, value: { inheritable: field("CapInh"), permitted: field("CapPrm"), effective: field("CapEff"), bounding: field("CapBnd"), ambient: field("CapAmb") } };
}

/** /proc/self/status `NoNewPrivs:` (what PR_GET_NO_NEW_PRIVS answers). */
export function* noNewPrivs(): Sys<number> {
  const r = yield* readFile("/proc/self/status");
  return r.ok ? Number(/^NoNewPrivs:\s*(\d)/m.exec(r.value)?.[1] ?? 0) : 0;
}
