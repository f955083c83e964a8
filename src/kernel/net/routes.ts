/**
 * The main routing table and the local-address test (`net/ipv4/fib_trie.c`,
 * `fib_frontend.c`). Only the main table is stored: the local table is derived from the
 * addresses of devices that are up, which is all Linux puts in it. SIMPLIFICATION: no policy
 * routing (`ip rule`, other tables) and no IPv6 table.
 */
import { List } from "immutable";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { formatIp4, inPrefix, isIp6, networkOf, parseIp4 } from "./inet";
import { getNetNs, putNetNs } from "./netns";
import type { NetDevice, RouteEntry } from "./types";

/** Dump order of fib_table_dump(): by destination key, longer prefixes first, then metric. */
function routeOrder(a: RouteEntry, b: RouteEntry): number {
  const ka = parseIp4(a.dst) ?? 0;
  const kb = parseIp4(b.dst) ?? 0;
  if (ka !== kb) return ka - kb;
  if (a.prefixlen !== b.prefixlen) return b.prefixlen - a.prefixlen;
  return a.metric - b.metric;
}

export const sameRoute = (a: RouteEntry, b: RouteEntry): boolean =>
  a.dst === b.dst && a.prefixlen === b.prefixlen && a.metric === b.metric;

export function insertRoute(state: KernelState, ns: NsId, route: RouteEntry): KernelState {
  const net = getNetNs(state, ns);
  const exact = net.routes.some((r) => sameRoute(r, route) && r.dev === route.dev && r.gateway === route.gateway);
  if (exact) return state;
  return putNetNs(state, { ...net, routes: net.routes.push(route).sort(routeOrder) });
}

export function removeRoutes(state: KernelState, ns: NsId, drop: (r: RouteEntry) => boolean): KernelState {
  const net = getNetNs(state, ns);
  const routes = net.routes.filter((r) => !drop(r));
  return routes.size === net.routes.size ? state : putNetNs(state, { ...net, routes: List(routes) });
}

/** The connected route fib_add_ifaddr() installs for an IPv4 address, if it gets one. */
export function prefixRouteOf(dev: NetDevice, local: string, prefixlen: number): RouteEntry | undefined {
  const ip = parseIp4(local);
  if (ip === undefined || dev.kind === "loopback" || prefixlen === 32 || networkOf(ip, prefixlen) === 0) return undefined;
  return {
    dst: formatIp4(networkOf(ip, prefixlen)), prefixlen, gateway: null, dev: dev.ifindex, proto: "kernel", scope: "link", src: local, metric: 0,
  };
}

/** fib_lookup(): longest prefix, then lowest metric, among routes of the main table. */
export function fibLookup(state: KernelState, ns: NsId, dst: string): RouteEntry | undefined {
  let best: RouteEntry | undefined;
  for (const r of getNetNs(state, ns).routes) {
    if (!inPrefix(dst, r.dst, r.prefixlen)) continue;
    if (!best || r.prefixlen > best.prefixlen || (r.prefixlen === best.prefixlen && r.metric < best.metric)) best = r;
  }
  return best;
}

/**
 * The device that makes `ip` a local address of the namespace: an up device carrying it, or
 * an up loopback device whose prefix contains it (all of 127.0.0.0/8 is local: fib_magic()
 * puts a loopback address's whole prefix in the local table).
 */
export function localDevFor(state: KernelState, ns: NsId, ip: string): NetDevice | undefined {
  const devices = [...(state.net.namespaces.get(ns)?.devices.values() ?? [])].filter((d) => d.up);
  const exact = devices.find((d) => d.addrs.some((a) => a.local === ip));
  if (exact || isIp6(ip)) return exact;
  return devices.find((d) => d.kind === "loopback" && d.addrs.some((a) => a.family === "inet" && inPrefix(ip, a.local, a.prefixlen)));
}

export const isLocalAddr = (state: KernelState, ns: NsId, ip: string): boolean => localDevFor(state, ns, ip) !== undefined;

/**
 * inet_select_addr(): the route's preferred source, else a primary address of the output
 * device in the next hop's subnet, else its first global one, else any global address of the
 * namespace.
 */
export function selectSource(state: KernelState, ns: NsId, route: RouteEntry, dst: string): string | undefined {
  if (route.src) return route.src;
  const net = getNetNs(state, ns);
  const primaries = (d: NetDevice | undefined) =>
    (d?.addrs ?? []).filter((a) => a.family === "inet" && !a.flags.includes("secondary") && a.scope !== "host");
  const own = primaries(net.devices.get(route.dev));
  const hop = route.gateway ?? dst;
  const inSubnet = own.find((a) => inPrefix(hop, a.local, a.prefixlen));
  if (inSubnet) return inSubnet.local;
  if (own[0]) return own[0].local;
  for (const d of net.devices.values()) {
    const g = primaries(d).find((a) => a.scope === "global");
    if (g && d.up) return g.local;
  }
  return undefined;
}
