/**
 * Reachability: where a packet sent from one network namespace goes, as a pure function of
 * the state — DNAT, local delivery, routing (`ip_route_output_key()`), forwarding between
 * namespaces (only where net.ipv4.ip_forward = 1), SNAT/MASQUERADE, ARP on the segment, and
 * out of an uplink NIC to the LAN and the internet. A connection also needs the reply to find
 * its way back, which is how a missing MASQUERADE rule shows up: the request leaves, nothing
 * returns, and the caller times out.
 */
import type { Errno } from "../errno";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { isIp6 } from "./inet";
import type { Packet } from "./nat";
import { applyDnat, applySnat } from "./nat";
import { getDev, getNetNs } from "./netns";
import { deliverOutside, enterFromOutside } from "./outside";
import { fibLookup, isLocalAddr, selectSource } from "./routes";
import type { Hop } from "./segment";
import { findNeighbour } from "./segment";
import { findListener } from "./socket-lookup";

export type Endpoint = NsId | "outside";

export interface Probe {
  readonly proto: "icmp" | "tcp" | "udp";
  readonly dst: string;
  readonly dport?: number;
  /** Source address; chosen by the routing decision when absent. */
  readonly src?: string;
}

export type Reach =
  | { readonly ok: true; readonly path: readonly Hop[]; readonly at: Endpoint; readonly src: string; readonly dst: string; readonly dport: number | null; readonly listener: number | null }
  | { readonly ok: false; readonly errno: Errno; readonly path: readonly Hop[]; readonly at: Endpoint; readonly reason: string };

export interface Walk {
  readonly state: KernelState;
  /** A reply: delivered means arrived, with no listener or return-path check. */
  readonly reply: boolean;
  /** The endpoint a reply to the packet's current source must reach (changes with SNAT). */
  readonly origin: Endpoint;
  readonly path: readonly Hop[];
  readonly ttl: number;
}

export const failAt = (w: Walk, at: Endpoint, errno: Errno, reason: string): Reach => ({ ok: false, errno, path: w.path, at, reason });

/** Sends `probe` from namespace `from` (or from a host on the internet: "outside"). */
export function route(state: KernelState, from: Endpoint, probe: Probe): Reach {
  const pkt: Packet = { proto: probe.proto, src: probe.src ?? null, dst: probe.dst, dport: probe.dport ?? null };
  const w: Walk = { state, reply: false, origin: from, path: [], ttl: 64 };
  return from === "outside" ? enterFromOutside(w, pkt) : walk(w, from, pkt, null);
}

/** One namespace's part of the journey; `inIface` is null for a locally generated packet. */
export function walk(w: Walk, at: NsId, pkt0: Packet, inIface: string | null): Reach {
  // SIMPLIFICATION: a routing loop ends as EHOSTUNREACH (Linux sends ICMP time exceeded).
  if (w.ttl <= 0) return failAt(w, at, "EHOSTUNREACH", "the packet went round in circles until its TTL ran out");
  const dnat = applyDnat(w.state, at, pkt0, inIface);
  const pkt = dnat.pkt;
  let path = dnat.rule ? [...w.path, natHop(at, `DNAT ${pkt0.dst}:${pkt0.dport} → ${pkt.dst}:${pkt.dport}`, dnat.rule.comment)] : w.path;
  if (isLocalAddr(w.state, at, pkt.dst)) return deliver({ ...w, path }, at, pkt);
  // SIMPLIFICATION: no IPv6 routing; only local IPv6 addresses are reachable.
  if (isIp6(pkt.dst)) return failAt({ ...w, path }, at, "ENETUNREACH", `no IPv6 route to ${pkt.dst} in network namespace ${at}`);
  if (inIface !== null && !getNetNs(w.state, at).sysctl.ipForward) {
    return failAt({ ...w, path }, at, "EHOSTUNREACH", `network namespace ${at} does not forward packets (net.ipv4.ip_forward = 0): it answers "host unreachable"`);
  }
  const r = fibLookup(w.state, at, pkt.dst);
  const out = r && getDev(w.state, at, r.dev);
  if (!r || !out) return failAt({ ...w, path }, at, "ENETUNREACH", `network namespace ${at} has no route to ${pkt.dst}`);
  const src = pkt.src ?? selectSource(w.state, at, r, pkt.dst) ?? "0.0.0.0";
  const snat = applySnat(w.state, at, { ...pkt, src }, out);
  const origin = snat.rule ? at : w.origin;
  path = [...path, { step: inIface === null ? "route" : "forward", ns: at, dev: out.name, note: `${pkt.dst} via ${r.gateway ?? "direct"} dev ${out.name}` }];
  if (snat.rule) path = [...path, natHop(at, `${snat.rule.target} ${src} → ${snat.pkt.src}`, snat.rule.comment)];
  const hop = r.gateway ?? pkt.dst;
  const n = findNeighbour(w.state, at, out, hop);
  const w2: Walk = { ...w, origin, path: [...path, ...(n?.hops ?? [])], ttl: w.ttl - 1 };
  if (!n) return failAt(w2, at, "EHOSTUNREACH", `no host answers ARP for ${hop} on ${out.name}`);
  if (n.kind === "outside") return deliverOutside(w2, snat.pkt, hop);
  return walk(w2, n.ns, snat.pkt, n.dev.name);
}

const natHop = (ns: NsId, what: string, comment?: string): Hop => ({ step: "nat", ns, dev: null, note: comment ? `${what} (${comment})` : what });

/** Local delivery: a TCP SYN needs a listener (else RST: ECONNREFUSED), and a way back. */
function deliver(w: Walk, at: NsId, pkt: Packet): Reach {
  const path = [...w.path, { step: "deliver" as const, ns: at, dev: null, note: `${pkt.dst} is a local address of network namespace ${at}` }];
  const src = pkt.src ?? pkt.dst;
  const done: Reach = { ok: true, path, at, src, dst: pkt.dst, dport: pkt.dport, listener: null };
  if (w.reply) return done;
  let listener: number | null = null;
  if (pkt.proto === "tcp") {
    listener = findListener(w.state, at, pkt.dst, pkt.dport ?? 0);
    if (listener === null) return failAt({ ...w, path }, at, "ECONNREFUSED", `nothing listens on ${pkt.dst}:${pkt.dport} in network namespace ${at}`);
  }
  const back = replyReaches(w, at, pkt.dst, src);
  return back ? failAt({ ...w, path }, at, "ETIMEDOUT", back) : { ...done, listener };
}

/** Sends the reply; undefined when it reaches the packet's origin, else why it does not. */
export function replyReaches(w: Walk, from: Endpoint, src: string, dst: string): string | undefined {
  const rw: Walk = { state: w.state, reply: true, origin: from, path: [], ttl: 64 };
  const pkt: Packet = { proto: "icmp", src, dst, dport: null };
  const back = from === "outside" ? enterFromOutside(rw, pkt) : walk(rw, from, pkt, null);
  if (!back.ok) return `the reply to ${dst} is lost: ${back.reason}`;
  return back.at === w.origin ? undefined : `the reply to ${dst} goes to ${back.at === "outside" ? "the outside world" : `network namespace ${back.at}`}, not to the sender`;
}
