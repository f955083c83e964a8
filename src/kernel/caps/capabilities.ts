/**
 * The 41 Linux capabilities (`include/uapi/linux/capability.h`; CAP_LAST_CAP = 40 since 5.9)
 * and capability sets. A set is a 41-bit mask kept in a plain number (exact below 2^53), so
 * kernel state stays plain serializable data.
 */
import type { Brand } from "../../lib";

export const CAPABILITIES = [
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
  "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
  "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
  "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
  "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
  "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
  "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
  "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
] as const;

export type Capability = (typeof CAPABILITIES)[number];
export type CapSet = Brand<number, "CapSet">;

/** /proc/sys/kernel/cap_last_cap */
export const CAP_LAST_CAP = CAPABILITIES.length - 1;

const TWO32 = 2 ** 32;
const lo = (s: number) => s % TWO32 >>> 0;
const hi = (s: number) => Math.floor(s / TWO32) >>> 0;
const join = (h: number, l: number) => ((h >>> 0) * TWO32 + (l >>> 0)) as CapSet;

export const capNumber = (cap: Capability): number => CAPABILITIES.indexOf(cap);

export const EMPTY_CAPS = 0 as CapSet;
/** Every capability this kernel knows: 0x000001ffffffffff. */
export const ALL_CAPS = join((1 << (CAP_LAST_CAP - 31)) - 1, 0xffffffff);

export function capSetOf(caps: readonly Capability[]): CapSet {
  let h = 0;
  let l = 0;
  for (const cap of caps) {
    const n = capNumber(cap);
    if (n < 32) l |= 1 << n;
    else h |= 1 << (n - 32);
  }
  return join(h, l);
}

export function hasCap(set: CapSet, cap: Capability): boolean {
  const n = capNumber(cap);
  return n < 32 ? ((lo(set) >>> n) & 1) === 1 : ((hi(set) >>> (n - 32)) & 1) === 1;
}

export const capUnion = (a: CapSet, b: CapSet): CapSet => join(hi(a) | hi(b), lo(a) | lo(b));
export const capIntersect = (a: CapSet, b: CapSet): CapSet => join(hi(a) & hi(b), lo(a) & lo(b));
export const capWithout = (a: CapSet, b: CapSet): CapSet => join(hi(a) & ~hi(b), lo(a) & ~lo(b));
export const capIsSubset = (a: CapSet, b: CapSet): boolean => capWithout(a, b) === EMPTY_CAPS;
export const capsIn = (set: CapSet): Capability[] => CAPABILITIES.filter((c) => hasCap(set, c));

/** The 16-hex-digit form of /proc/PID/status `CapEff:` and friends. */
export const capHex = (set: CapSet): string =>
  hi(set).toString(16).padStart(8, "0") + lo(set).toString(16).padStart(8, "0");

/** Parses `0x00000000a80425fb` or `a80425fb`; undefined for anything else or bits above 40. */
export function parseCapHex(text: string): CapSet | undefined {
  const digits = text.replace(/^0x/i, "");
  if (!/^[0-9a-f]{1,16}$/i.test(digits)) return undefined;
  const padded = digits.padStart(16, "0");
  const set = join(parseInt(padded.slice(0, 8), 16), parseInt(padded.slice(8), 16));
  return capIsSubset(set, ALL_CAPS) ? set : undefined;
}

/** Docker's 14 default capabilities (moby `oci/caps/defaults.go`): 0x00000000a80425fb. */
export const DOCKER_DEFAULT_CAPS = capSetOf([
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
  "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
  "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
]);
