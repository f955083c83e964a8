/**
 * The per-namespace network sysctls, by their /proc/sys path, for procfs to read and write.
 * Values are text as the files show them (`0\n`, `1\t0\n` for ranges use a tab).
 * Permission to write (CAP_NET_ADMIN in the namespace's owner, a read-only /proc/sys in a
 * container) is procfs's business; this only parses.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { getNetNs, putNetNs } from "./netns";
import type { NetSysctl } from "./types";

export const NET_SYSCTLS = [
  "net/ipv4/ip_forward",
  "net/ipv4/ip_unprivileged_port_start",
  "net/ipv4/ping_group_range",
  "net/ipv4/ip_local_port_range",
  "net/core/somaxconn",
] as const;
export type NetSysctlName = (typeof NET_SYSCTLS)[number];

export function readNetSysctl(state: KernelState, ns: NsId, name: NetSysctlName): string {
  const s = getNetNs(state, ns).sysctl;
  switch (name) {
    case "net/ipv4/ip_forward": return `${s.ipForward ? 1 : 0}\n`;
    case "net/ipv4/ip_unprivileged_port_start": return `${s.unprivilegedPortStart}\n`;
    case "net/ipv4/ping_group_range": return `${s.pingGroupRange[0]}\t${s.pingGroupRange[1]}\n`;
    case "net/ipv4/ip_local_port_range": return `${s.localPortRange[0]}\t${s.localPortRange[1]}\n`;
    case "net/core/somaxconn": return `${s.somaxconn}\n`;
  }
}

const ints = (text: string): number[] => text.trim().split(/\s+/).map(Number);

function parse(name: NetSysctlName, text: string, cur: NetSysctl): NetSysctl | undefined {
  const v = ints(text);
  const [a, b] = [v[0] ?? NaN, v[1] ?? NaN];
  if (!Number.isInteger(a)) return undefined;
  switch (name) {
    case "net/ipv4/ip_forward": return a === 0 || a === 1 ? { ...cur, ipForward: a === 1 } : undefined;
    case "net/ipv4/ip_unprivileged_port_start": return a >= 0 && a <= 65535 ? { ...cur, unprivilegedPortStart: a } : undefined;
    case "net/ipv4/ping_group_range": return Number.isInteger(b) && a >= 0 && b <= 2147483647 ? { ...cur, pingGroupRange: [a, b] } : undefined;
    case "net/ipv4/ip_local_port_range": return Number.isInteger(b) && a >= 1 && a < b && b <= 65535 ? { ...cur, localPortRange: [a, b] } : undefined;
    case "net/core/somaxconn": return a >= 0 ? { ...cur, somaxconn: a } : undefined;
  }
}

/** A write of the file's text; EINVAL for values the proc handler rejects. */
export function writeNetSysctl(state: KernelState, ns: NsId, name: NetSysctlName, text: string): Result<KernelState, Errno> {
  const net = getNetNs(state, ns);
  const next = parse(name, text, net.sysctl);
  return next ? ok(putNetNs(state, { ...net, sysctl: next })) : err("EINVAL");
}
