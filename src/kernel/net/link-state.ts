/**
 * What a device's state looks like from outside: carrier (LOWER_UP), RFC 2863 operstate and
 * the IFF_* flags `ip link` prints. Carrier depends on other devices (a veth's peer, a
 * bridge's ports), so it is computed, never stored.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { getDev } from "./netns";
import type { NetDevice } from "./types";

export type Operstate = "UNKNOWN" | "DOWN" | "LOWERLAYERDOWN" | "UP";

/** IFF_* names in bit order (`include/uapi/linux/if.h`). */
export type IffFlag = "UP" | "BROADCAST" | "LOOPBACK" | "POINTOPOINT" | "NOARP" | "PROMISC" | "MULTICAST" | "LOWER_UP";
const IFF_ORDER: readonly IffFlag[] = ["UP", "BROADCAST", "LOOPBACK", "POINTOPOINT", "NOARP", "PROMISC", "MULTICAST", "LOWER_UP"];

/** The flags a device has by its type (`ether_setup()`, `loopback_setup()`, dummy, tun). */
function typeFlags(dev: NetDevice): IffFlag[] {
  switch (dev.kind) {
    case "loopback": return ["LOOPBACK"];
    case "dummy": return ["BROADCAST", "NOARP"];
    case "tun": return ["POINTOPOINT", "MULTICAST", "NOARP"];
    default: return ["BROADCAST", "MULTICAST"];
  }
}

/**
 * netif_carrier_ok(): a veth has carrier when both ends are up (`veth_open()`), a bridge when
 * one of its ports has (`br_port_carrier_check()`), a NIC when its cable is in.
 */
export function hasCarrier(state: KernelState, ns: NsId, dev: NetDevice): boolean {
  if (!dev.up) return false;
  switch (dev.kind) {
    case "veth": {
      const peer = dev.peer && getDev(state, dev.peer.ns, dev.peer.ifindex);
      return peer?.up ?? false;
    }
    case "bridge":
      return portsOf(state, ns, dev.ifindex).some((p) => hasCarrier(state, ns, p));
    case "tun":
      // SIMPLIFICATION: no process ever attaches to a tun device, so it has no carrier.
      return false;
    default:
      return true;
  }
}

export const portsOf = (state: KernelState, ns: NsId, bridge: number): NetDevice[] =>
  [...(state.net.namespaces.get(ns)?.devices.values() ?? [])].filter((d) => d.master === bridge);

/**
 * `net/core/link_watch.c: default_operstate()`: no carrier gives LOWERLAYERDOWN for a device
 * stacked on another (a veth: its iflink is the peer) and DOWN otherwise; a device whose
 * driver never reports operstate (lo, dummy) stays UNKNOWN while up.
 */
export function operstate(state: KernelState, ns: NsId, dev: NetDevice): Operstate {
  if (!dev.up) return "DOWN";
  if (dev.kind === "loopback" || dev.kind === "dummy") return "UNKNOWN";
  if (hasCarrier(state, ns, dev)) return "UP";
  return dev.kind === "veth" ? "LOWERLAYERDOWN" : "DOWN";
}

export function linkFlags(state: KernelState, ns: NsId, dev: NetDevice): IffFlag[] {
  const set = new Set<IffFlag>(typeFlags(dev));
  if (dev.up) set.add("UP");
  if (hasCarrier(state, ns, dev)) set.add("LOWER_UP");
  return IFF_ORDER.filter((f) => set.has(f));
}

/** The qdisc dev_activate() attaches when a device first comes up. SIMPLIFICATION: a name only; no `tc`. */
export function defaultQdisc(dev: NetDevice): NetDevice["qdisc"] {
  if (dev.qdisc !== "noop") return dev.qdisc;
  // IFF_NO_QUEUE drivers (lo, veth, bridge, dummy) get noqueue; real NICs get the default
  // qdisc, fq_codel on systemd hosts (net.core.default_qdisc); tun gets it too.
  return dev.kind === "ethernet" || dev.kind === "tun" ? "fq_codel" : "noqueue";
}
