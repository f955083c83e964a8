/**
 * The world beyond the uplink NIC: a LAN with a few hosts (the default host's is QEMU's
 * user-mode network: gateway 10.0.2.2, DNS 10.0.2.3) and, through its gateway, the internet.
 * Internet hosts answer ping and accept connections on a few well-known ports; they can only
 * answer addresses of the LAN — which is why containers on a private bridge need MASQUERADE.
 * SIMPLIFICATION: the world outside is this small model, not a network of its own.
 */
import type { NsId } from "../ids";
import { inCidr, isPublic4 } from "./inet";
import { hasCarrier } from "./link-state";
import type { Packet } from "./nat";
import type { Reach, Walk } from "./reach";
import { failAt, replyReaches, walk } from "./reach";
import type { NetDevice } from "./types";

/** The client address of a connection from the internet (TEST-NET-3, RFC 5737). */
export const INTERNET_CLIENT = "203.0.113.50";

function uplink(w: Walk): { ns: NsId; dev: NetDevice } | undefined {
  for (const net of w.state.net.namespaces.values()) {
    for (const dev of net.devices.values()) {
      if (dev.uplink && hasCarrier(w.state, net.id, dev)) return { ns: net.id, dev };
    }
  }
  return undefined;
}

/** A packet from the LAN or the internet arrives at the uplink NIC that owns its destination. */
export function enterFromOutside(w: Walk, pkt0: Packet): Reach {
  const pkt = { ...pkt0, src: pkt0.src ?? INTERNET_CLIENT };
  const up = uplink(w);
  if (!up) return failAt(w, "outside", "EHOSTUNREACH", "the machine has no uplink with carrier");
  const owns = up.dev.addrs.some((a) => a.family === "inet" && a.local === pkt.dst);
  if (!inCidr(pkt.dst, w.state.net.outside.lan) || !owns) {
    return failAt(w, "outside", "ETIMEDOUT", `nothing outside the machine can send to ${pkt.dst}: only addresses of ${up.dev.name} on ${w.state.net.outside.lan} are reachable from there`);
  }
  const path = [...w.path, { step: "outside" as const, ns: null, dev: null, note: `from ${pkt.src} across the LAN to ${up.dev.name}` }];
  return walk({ ...w, path }, up.ns, pkt, up.dev.name);
}

/** The LAN host or internet host answers, refuses or stays silent. */
export function deliverOutside(w: Walk, pkt: Packet, hop: string): Reach {
  const { outside } = w.state.net;
  const path = [...w.path, { step: "outside" as const, ns: null, dev: null, note: outside.hosts.includes(pkt.dst) ? `LAN host ${pkt.dst}` : `${pkt.dst} on the internet, through gateway ${hop}` }];
  const at: Reach = { ok: true, path, at: "outside", src: pkt.src ?? "0.0.0.0", dst: pkt.dst, dport: pkt.dport, listener: null };
  if (w.reply) return at;
  const w2 = { ...w, path };
  const open = pkt.proto !== "tcp" || outside.openPorts.includes(pkt.dport ?? 0);
  if (outside.hosts.includes(pkt.dst)) {
    if (!open) return failAt(w2, "outside", "ECONNREFUSED", `LAN host ${pkt.dst} has nothing listening on port ${pkt.dport}`);
  } else if (hop !== outside.gateway || !isPublic4(pkt.dst)) {
    return failAt(w2, "outside", "ETIMEDOUT", `the LAN's gateway drops packets for ${pkt.dst}`);
  } else if (!open) {
    return failAt(w2, "outside", "ETIMEDOUT", `${pkt.dst} does not answer on port ${pkt.dport} (filtered)`);
  }
  const back = replyReaches(w2, "outside", pkt.dst, pkt.src ?? "0.0.0.0");
  return back ? failAt(w2, "outside", "ETIMEDOUT", back) : at;
}
