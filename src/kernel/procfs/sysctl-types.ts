/**
 * The shape of a /proc/sys entry (`struct ctl_table`) and the generic handlers most entries
 * use: proc_dointvec(), proc_dointvec_minmax() and proc_dostring() (`kernel/sysctl.c`).
 * Values an entry keeps itself live in the procfs store (store.ts) under the entry's key.
 */
import { capableCheck } from "../cred/capable";
import type { Capability } from "../caps/capabilities";
import { initNsId } from "../boot/init-namespaces";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { pass } from "../trace";
import { getSysctl, setSysctl } from "./store";
import type { ProcView } from "./view";
import type { ProcWriteOutcome } from "./write-common";
import { badValue, refused, utf8Length, written } from "./write-common";

export interface SysctlEntry {
  /** The table mode: who may open it is decided by test_perm() on these bits. */
  readonly mode: number;
  /**
   * Whose root the owner bits apply to: the initial user namespace's uid 0 (default), the
   * root or CAP_NET_ADMIN holder of the reader's network namespace (net_ctl_permissions()), or
   * a CAP_SYS_RESOURCE holder in the reader's user namespace (the user.* set_permissions()).
   */
  readonly root?: "net" | "user";
  readonly read: (state: KernelState, view: ProcView) => string;
  /** Runs after the open permission passed: the handler's own checks, parsing and storing. */
  readonly write?: (state: KernelState, writer: Task, text: string) => ProcWriteOutcome;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * proc_dointvec() parsing: whitespace-separated decimal ints (optional `-`), at most `max`
 * of them; no number at all, junk, or a value outside `int` is EINVAL.
 */
export function parseInts(text: string, max = 1): number[] | undefined {
  const words = text.split("\0")[0]!.trim().split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return undefined;
  const out: number[] = [];
  for (const w of words.slice(0, max)) {
    if (!/^-?\d+$/.test(w)) return undefined;
    const n = Number(w);
    if (n < INT_MIN || n > INT_MAX) return undefined;
    out.push(n);
  }
  return out;
}

/** capable(cap): the capability in the initial user namespace, as a check. */
export const initCapable = (state: KernelState, writer: Task, cap: Capability, what: string): Check =>
  capableCheck(state, writer.cred, initNsId("user"), cap, what);

export interface IntOptions {
  readonly min?: number;
  readonly max?: number;
  /** A capability the handler asks for before writing (proc_dointvec_minmax_sysadmin() …). */
  readonly cap?: Capability;
  readonly mode?: number;
}

/** An int setting kept in the store, with proc_dointvec_minmax() range checking. */
export function intSysctl(key: string, def: (state: KernelState) => number, opts: IntOptions = {}): SysctlEntry {
  return {
    mode: opts.mode ?? 0o644,
    read: (s) => `${getSysctl(s, key) ?? def(s)}\n`,
    write: (s, w, text) => {
      const trace: Check[] = [];
      if (opts.cap) {
        const cap = initCapable(s, w, opts.cap, `changing ${key}`);
        if (cap.verdict === "deny") return refused(s, trace, cap);
        trace.push(cap);
      }
      const v = parseInts(text)?.[0];
      if (v === undefined || (opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
        return badValue(s, trace, "proc_dointvec_minmax", rangeText(key, opts));
      }
      return written(setSysctl(s, key, String(v)), [...trace, pass("kernel", "proc_dointvec", `${key} = ${v}`)], text);
    },
  };
}

const rangeText = (key: string, o: IntOptions): string =>
  o.min !== undefined && o.max !== undefined ? `${key} takes an integer from ${o.min} to ${o.max}` : `${key} takes an integer`;

/** proc_dostring(): the text up to the first newline, cut to `maxlen - 1` bytes; never EINVAL. */
export function dostring(text: string, maxBytes: number): string {
  let out = "";
  let bytes = 0;
  for (const ch of text.split(/[\n\0]/)[0] ?? "") {
    const len = utf8Length(ch);
    if (bytes + len > maxBytes) break;
    out += ch;
    bytes += len;
  }
  return out;
}

/** A string setting kept in the store. */
export function stringSysctl(key: string, def: string, maxBytes: number): SysctlEntry {
  return {
    mode: 0o644,
    read: (s) => `${getSysctl(s, key) ?? def}\n`,
    write: (s, _w, text) => written(setSysctl(s, key, dostring(text, maxBytes)), [pass("kernel", "proc_dostring", `${key} set`)], text),
  };
}

/** A read-only file (0444): even global root gets EACCES on open for writing. */
export const readOnlySysctl = (value: (s: KernelState, v: ProcView) => string, mode = 0o444): SysctlEntry => ({
  mode, read: (s, v) => `${value(s, v)}\n`,
});
