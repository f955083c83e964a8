/**
 * Layer 2: which hosts a device can reach without a router. Frames cross a veth pair when
 * both ends are up, enter a bridge from any port and leave by the others (the bridge itself
 * is a host on the segment too), and leave the machine through an uplink NIC. Finding the
 * neighbour that owns an address is ARP (`net/ipv4/arp.c`); no answer is EHOSTUNREACH.
 * SIMPLIFICATION: there is no neighbour table, no FDB learning and no STP: the segment is
 * walked on each lookup, and a bridge port forwards as soon as it has carrier.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { hasCarrier, portsOf } from "./link-state";
import { getDev } from "./netns";
import type { NetDevice } from "./types";

export interface Hop {
  readonly step: "route" | "nat" | "veth" | "bridge" | "forward" | "deliver" | "uplink" | "outside";
  /** Where it happened; null is the world outside the machine. */
  readonly ns: NsId | null;
  readonly dev: string | null;
  readonly note: string;
}

export type Neighbour =
  | { readonly kind: "dev"; readonly ns: NsId; readonly dev: NetDevice; readonly hops: readonly Hop[] }
  | { readonly kind: "outside"; readonly hops: readonly Hop[] };

interface Node {
  readonly ns: NsId;
  readonly dev: NetDevice;
  readonly hops: readonly Hop[];
}

const key = (ns: NsId, ifindex: number) => `${ns}:${ifindex}`;

/** The devices a frame sent out of `node` reaches next. */
function next(state: KernelState, node: Node): Node[] {
  const { ns, dev } = node;
  const out: Node[] = [];
  if (dev.kind === "veth" && dev.peer) {
    const peer = getDev(state, dev.peer.ns, dev.peer.ifindex);
    if (peer && hasCarrier(state, ns, dev)) {
      out.push({ ns: dev.peer.ns, dev: peer, hops: [...node.hops, { step: "veth", ns, dev: dev.name, note: `veth ${dev.name} (netns ${ns}) → ${peer.name} (netns ${dev.peer.ns})` }] });
    }
  }
  if (dev.master !== null) {
    const bridge = getDev(state, ns, dev.master);
    if (bridge?.up) out.push({ ns, dev: bridge, hops: [...node.hops, { step: "bridge", ns, dev: bridge.name, note: `${dev.name} is a port of bridge ${bridge.name}` }] });
  }
  if (dev.kind === "bridge" && dev.up) {
    for (const port of portsOf(state, ns, dev.ifindex).filter((p) => hasCarrier(state, ns, p))) {
      out.push({ ns, dev: port, hops: [...node.hops, { step: "bridge", ns, dev: dev.name, note: `bridge ${dev.name} forwards the frame out of port ${port.name}` }] });
    }
  }
  return out;
}

const ownsAddr = (dev: NetDevice, ip: string): boolean => dev.up && dev.addrs.some((a) => a.family === "inet" && a.local === ip);

/** ARP for `ip` out of `out`: breadth-first over the segment, as a broadcast would go. */
export function findNeighbour(state: KernelState, ns: NsId, out: NetDevice, ip: string): Neighbour | undefined {
  if (!hasCarrier(state, ns, out)) return undefined;
  const seen = new Set([key(ns, out.ifindex)]);
  const queue: Node[] = [{ ns, dev: out, hops: [] }];
  while (queue.length > 0) {
    const node = queue.shift() as Node;
    if (node.dev.uplink && state.net.outside.hosts.includes(ip)) {
      return { kind: "outside", hops: [...node.hops, { step: "uplink", ns: node.ns, dev: node.dev.name, note: `${node.dev.name} puts the frame on the wire to the LAN` }] };
    }
    for (const n of next(state, node)) {
      if (seen.has(key(n.ns, n.dev.ifindex))) continue;
      seen.add(key(n.ns, n.dev.ifindex));
      // A bridge port does no IP of its own: frames it receives belong to the bridge.
      if (n.dev.master === null && ownsAddr(n.dev, ip)) return { kind: "dev", ns: n.ns, dev: n.dev, hops: n.hops };
      queue.push(n);
    }
  }
  return undefined;
}
