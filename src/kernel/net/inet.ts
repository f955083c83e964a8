/**
 * IPv4 and IPv6 address arithmetic. IPv4 addresses are handled as unsigned 32-bit numbers;
 * IPv6 text follows RFC 5952 (lowercase, longest zero run as `::`), as iproute2 prints it.
 */

/** `10.0.2.15` → 167772687; undefined for anything that is not a dotted quad. */
export function parseIp4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export const formatIp4 = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");

export const isIp4 = (text: string): boolean => parseIp4(text) !== undefined;
export const isIp6 = (text: string): boolean => text.includes(":");

/** The netmask of a prefix length, as a number. */
export const maskOf = (prefixlen: number): number => (prefixlen === 0 ? 0 : (0xffffffff << (32 - prefixlen)) >>> 0);

export const networkOf = (ip: number, prefixlen: number): number => (ip & maskOf(prefixlen)) >>> 0;

export const broadcastOf = (ip: number, prefixlen: number): number => (networkOf(ip, prefixlen) | ~maskOf(prefixlen)) >>> 0;

/** Is `ip` inside `net/prefixlen`? Both dotted quads. */
export function inPrefix(ip: string, net: string, prefixlen: number): boolean {
  const a = parseIp4(ip);
  const b = parseIp4(net);
  return a !== undefined && b !== undefined && networkOf(a, prefixlen) === networkOf(b, prefixlen);
}

export interface Cidr {
  readonly addr: string;
  readonly prefixlen: number;
}

/** `172.17.0.0/16`, or a bare address as a /32. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, len] = text.split("/");
  if (addr === undefined || parseIp4(addr) === undefined) return undefined;
  const prefixlen = len === undefined ? 32 : Number(len);
  if (!Number.isInteger(prefixlen) || prefixlen < 0 || prefixlen > 32) return undefined;
  return { addr, prefixlen };
}

export const inCidr = (ip: string, cidr: string): boolean => {
  const c = parseCidr(cidr);
  return c !== undefined && inPrefix(ip, c.addr, c.prefixlen);
};

export const isLoopback4 = (ip: string): boolean => inPrefix(ip, "127.0.0.0", 8);
export const ANY4 = "0.0.0.0";
export const ANY6 = "::";

/** Addresses that no internet host will ever answer from (RFC 1918, 6598, 3927, loopback…). */
const NOT_PUBLIC = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3"];
export const isPublic4 = (ip: string): boolean => isIp4(ip) && !NOT_PUBLIC.some((c) => inCidr(ip, c));

/** RFC 5952 text of eight 16-bit groups. */
export function formatIp6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

/**
 * The EUI-64 link-local address addrconf derives from a MAC (`net/ipv6/addrconf.c:
 * addrconf_ifid_eui48()`): flip the universal/local bit and insert ff:fe in the middle.
 * `02:42:ac:11:00:02` → `fe80::42:acff:fe11:2`.
 */
export function linkLocalFromMac(mac: string): string {
  const b = mac.split(":").map((h) => parseInt(h, 16));
  const byte = (i: number) => b[i] ?? 0;
  return formatIp6([
    0xfe80, 0, 0, 0,
    ((byte(0) ^ 0x02) << 8) | byte(1), (byte(2) << 8) | 0xff, (0xfe << 8) | byte(3), (byte(4) << 8) | byte(5),
  ]);
}

export const LOOPBACK6 = "::1";
