/**
 * What every /proc write returns: the syscall outcome of write(2) on that file — the next
 * state, the byte count (or an errno) and the checks in the order Linux made them.
 */
import type { Check } from "../trace";
import { deny } from "../trace";
import type { Errno } from "../errno";
import type { KernelState } from "../state";
import type { SyscallOutcome } from "../syscalls/outcome";
import { fail, succeed } from "../syscalls/outcome";

export type ProcWriteOutcome = SyscallOutcome<number>;

/** PAGE_SIZE: map_write() and timens_offsets_write() take "< page size writes" only. */
export const PAGE_SIZE = 4096;

/** The length of a string in UTF-8 bytes: what write(2) counts and length limits apply to. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** A failed write: the state is unchanged, the last check is the denial. */
export function refused(state: KernelState, trace: readonly Check[], denial: Check): ProcWriteOutcome {
  return fail(state, [...trace, denial], denial.errno as Errno);
}

/** A write rejected for a bad value (EINVAL unless stated), naming the kernel function. */
export const badValue = (state: KernelState, trace: readonly Check[], rule: string, reason: string, errno: Errno = "EINVAL"): ProcWriteOutcome =>
  refused(state, trace, deny("kernel", rule, reason, errno));

/** A successful write of `text`: write(2) returns the number of bytes taken. */
export const written = (state: KernelState, trace: readonly Check[], text: string): ProcWriteOutcome =>
  succeed(state, trace, utf8Length(text));

/** isspace() of the kernel's ctype table. */
export const isSpace = (c: string | undefined): boolean => c !== undefined && " \t\n\v\f\r".includes(c) && c !== "";

/** skip_spaces(). */
export function skipSpaces(s: string, at: number): number {
  let i = at;
  while (isSpace(s[i])) i++;
  return i;
}
