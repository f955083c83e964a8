/**
 * Bringing devices up and down (`net/core/dev.c: dev_open()`, `dev_close()`) and what the
 * protocols do on NETDEV_UP/NETDEV_DOWN: loopback gets 127.0.0.1/8 and ::1, connected routes
 * come and go, IPv6 addresses are flushed on down (keep_addr_on_down = 0), and addrconf gives
 * every device that gains carrier its fe80:: link-local address.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { addAddr, addPrefixRoutes } from "./addrs";
import { LOOPBACK6, linkLocalFromMac } from "./inet";
import { defaultQdisc, hasCarrier } from "./link-state";
import { getDev, putDev } from "./netns";
import { removeRoutes } from "./routes";
import type { IfAddr, NetDevice } from "./types";

const LO4: IfAddr = { family: "inet", local: "127.0.0.1", prefixlen: 8, broadcast: null, scope: "host", label: null, flags: [] };
const LO6: IfAddr = { family: "inet6", local: LOOPBACK6, prefixlen: 128, broadcast: null, scope: "host", label: null, flags: [] };

const addIfMissing = (state: KernelState, ns: NsId, ifindex: number, addr: IfAddr): KernelState => {
  const r = addAddr(state, ns, ifindex, addr);
  return r.ok ? r.value : state;
};

export function setLinkUp(state: KernelState, ns: NsId, ifindex: number): KernelState {
  const dev = getDev(state, ns, ifindex);
  if (!dev || dev.up) return state;
  const up: NetDevice = { ...dev, up: true, qdisc: defaultQdisc(dev) };
  let s = putDev(state, ns, up);
  if (dev.kind === "loopback") {
    // inetdev_event(NETDEV_UP) and addrconf's init_loopback().
    s = addIfMissing(s, ns, ifindex, LO4);
    s = addIfMissing(s, ns, ifindex, LO6);
  }
  s = addPrefixRoutes(s, ns, up);
  return settleCarrier(s, affectedNamespaces(s, ns, up));
}

export function setLinkDown(state: KernelState, ns: NsId, ifindex: number): KernelState {
  const dev = getDev(state, ns, ifindex);
  if (!dev || !dev.up) return state;
  const down: NetDevice = { ...dev, up: false, ll6: false, addrs: dev.addrs.filter((a) => a.family === "inet") };
  // fib_disable_ip(): every route through the device goes.
  return removeRoutes(putDev(state, ns, down), ns, (r) => r.dev === ifindex);
}

/** The namespaces whose devices may change carrier with this one: its own and its peer's. */
export const affectedNamespaces = (state: KernelState, ns: NsId, dev: NetDevice): NsId[] =>
  dev.peer && dev.peer.ns !== ns && state.net.namespaces.has(dev.peer.ns) ? [ns, dev.peer.ns] : [ns];

/**
 * addrconf_notify(NETDEV_UP/NETDEV_CHANGE): a device that is up and has carrier gets its
 * EUI-64 link-local address once; losing carrier later does not remove it.
 */
export function settleCarrier(state: KernelState, namespaces: readonly NsId[]): KernelState {
  let s = state;
  for (const ns of namespaces) {
    for (const dev of s.net.namespaces.get(ns)?.devices.values() ?? []) {
      if (dev.ll6 || dev.kind === "loopback" || dev.mac === "" || !hasCarrier(s, ns, dev)) continue;
      const ll: IfAddr = { family: "inet6", local: linkLocalFromMac(dev.mac), prefixlen: 64, broadcast: null, scope: "link", label: null, flags: [] };
      s = addIfMissing(s, ns, dev.ifindex, ll);
      const now = getDev(s, ns, dev.ifindex);
      if (now) s = putDev(s, ns, { ...now, ll6: true });
    }
  }
  return s;
}
