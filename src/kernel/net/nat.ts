/**
 * NAT rules as data, evaluated the way netfilter's nat table does: DNAT in PREROUTING (packets
 * arriving) and OUTPUT (locally generated), SNAT/MASQUERADE in POSTROUTING; the first rule
 * that matches decides. "MASQUERADE: … the source address is the address of the outgoing
 * interface" — iptables-extensions(8). SIMPLIFICATION: only the nat table, with a subset of
 * matches; no filter table and no conntrack entries (reach.ts checks the way back instead).
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { inCidr } from "./inet";
import { getNetNs, putNetNs } from "./netns";
import { isLocalAddr } from "./routes";
import type { NatRule, NetDevice } from "./types";

export interface Packet {
  readonly proto: "icmp" | "tcp" | "udp";
  readonly src: string | null;
  readonly dst: string;
  readonly dport: number | null;
}

/** A `!`-negatable match, with iptables' `+` wildcard for interface names (`veth+`). */
function negatable(spec: string | undefined, test: (value: string) => boolean): boolean {
  if (spec === undefined) return true;
  const not = spec.startsWith("!");
  const value = not ? spec.slice(1) : spec;
  return test(value) !== not;
}

const ifaceMatch = (pattern: string, name: string | null): boolean =>
  name !== null && (pattern.endsWith("+") ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

interface Where {
  readonly inIface: string | null;
  readonly outIface: string | null;
}

export function ruleMatches(state: KernelState, ns: NsId, rule: NatRule, pkt: Packet, where: Where): boolean {
  if (rule.proto !== undefined && rule.proto !== pkt.proto) return false;
  if (rule.dport !== undefined && rule.dport !== pkt.dport) return false;
  if (rule.dstLocal && !isLocalAddr(state, ns, pkt.dst)) return false;
  return negatable(rule.src, (c) => pkt.src !== null && inCidr(pkt.src, c))
    && negatable(rule.dst, (c) => inCidr(pkt.dst, c))
    && negatable(rule.inIface, (i) => ifaceMatch(i, where.inIface))
    && negatable(rule.outIface, (i) => ifaceMatch(i, where.outIface));
}

export interface Translated {
  readonly pkt: Packet;
  readonly rule: NatRule | null;
}

/** nf_nat_ipv4_pre_routing / local_out: the first DNAT rule of the chain rewrites the destination. */
export function applyDnat(state: KernelState, ns: NsId, pkt: Packet, inIface: string | null): Translated {
  const chain = inIface === null ? "OUTPUT" : "PREROUTING";
  const rule = getNetNs(state, ns).nat.find((r) => r.chain === chain && r.target === "DNAT" && ruleMatches(state, ns, r, pkt, { inIface, outIface: null }));
  if (!rule?.toAddr) return { pkt, rule: null };
  return { pkt: { ...pkt, dst: rule.toAddr, dport: rule.toPort ?? pkt.dport }, rule };
}

/** nf_nat_ipv4_out: SNAT to the given address, MASQUERADE to the output device's address. */
export function applySnat(state: KernelState, ns: NsId, pkt: Packet, out: NetDevice): Translated {
  const rule = getNetNs(state, ns).nat.find((r) => r.chain === "POSTROUTING" && r.target !== "DNAT" && ruleMatches(state, ns, r, pkt, { inIface: null, outIface: out.name }));
  if (!rule) return { pkt, rule: null };
  const addr = rule.target === "SNAT" ? rule.toAddr : out.addrs.find((a) => a.family === "inet" && !a.flags.includes("secondary"))?.local;
  return addr === undefined ? { pkt, rule: null } : { pkt: { ...pkt, src: addr }, rule };
}

/** Appends a rule (`-A`), or inserts it at `position` (`-I CHAIN N`, 0 = first of the table). */
export function addNatRule(state: KernelState, ns: NsId, rule: NatRule, position?: number): KernelState {
  const net = getNetNs(state, ns);
  const nat = position === undefined ? net.nat.push(rule) : net.nat.insert(position, rule);
  return putNetNs(state, { ...net, nat });
}

/** Deletes the first rule equal to `rule` (`-D`); undefined when there is none. */
export function delNatRule(state: KernelState, ns: NsId, rule: NatRule): KernelState | undefined {
  const net = getNetNs(state, ns);
  const at = net.nat.findIndex((r) => canonical(r) === canonical(rule));
  return at < 0 ? undefined : putNetNs(state, { ...net, nat: net.nat.delete(at) });
}

/** A rule's fields in a fixed order, so that two equal rules compare equal. */
const canonical = (rule: NatRule): string =>
  JSON.stringify(Object.entries(rule).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
