/**
 * Adding and removing addresses (`net/ipv4/devinet.c: inet_rtm_newaddr()`,
 * `__inet_insert_ifa()`, `inet_rtm_deladdr()`; `net/ipv6/addrconf.c` for IPv6). An IPv4
 * address on a device that is up brings its connected route (`fib_add_ifaddr()`).
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { inPrefix, isIp4, networkOf, parseIp4 } from "./inet";
import type { NetResult } from "./net-result";
import { netErr, netOk } from "./net-result";
import { getDev, putDev } from "./netns";
import { insertRoute, prefixRouteOf, removeRoutes } from "./routes";
import type { IfAddr, NetDevice } from "./types";

const sameSubnet = (a: IfAddr, b: IfAddr): boolean =>
  a.family === "inet" && b.family === "inet" && a.prefixlen === b.prefixlen && inPrefix(a.local, b.local, b.prefixlen);

/** IPv6 addresses are kept lowest scope value first (global, host, link) and newest first. */
const V6_SCOPE_RANK = { global: 0, host: 1, link: 2 } as const;

function insertAddr(dev: NetDevice, addr: IfAddr): NetDevice {
  if (addr.family === "inet") {
    const v4 = dev.addrs.filter((a) => a.family === "inet");
    return { ...dev, addrs: [...v4, addr, ...dev.addrs.filter((a) => a.family === "inet6")] };
  }
  const v6 = dev.addrs.filter((a) => a.family === "inet6");
  const at = v6.findIndex((a) => V6_SCOPE_RANK[a.scope] >= V6_SCOPE_RANK[addr.scope]);
  const list = at < 0 ? [...v6, addr] : [...v6.slice(0, at), addr, ...v6.slice(at)];
  return { ...dev, addrs: [...dev.addrs.filter((a) => a.family === "inet"), ...list] };
}

export function validAddr(addr: IfAddr): boolean {
  if (addr.family === "inet") return isIp4(addr.local) && addr.prefixlen >= 0 && addr.prefixlen <= 32;
  return addr.local.includes(":") && addr.prefixlen >= 0 && addr.prefixlen <= 128;
}

/**
 * Adds an address. A second address in the subnet of an existing one becomes `secondary`
 * and brings no route of its own; the same address twice is EEXIST.
 */
export function addAddr(state: KernelState, ns: NsId, ifindex: number, addr: IfAddr): NetResult {
  const dev = getDev(state, ns, ifindex);
  if (!dev) return netErr("ENODEV", "inet_rtm_newaddr", `no device ${ifindex} in this network namespace`);
  if (!validAddr(addr)) return netErr("EINVAL", "inet_rtm_newaddr", `${addr.local}/${addr.prefixlen} is not a valid ${addr.family} address`);
  const dup = dev.addrs.find((a) => a.family === addr.family && a.local === addr.local && a.prefixlen === addr.prefixlen);
  if (dup) return netErr("EEXIST", "__inet_insert_ifa", `${addr.local}/${addr.prefixlen} is already on ${dev.name}`);
  const secondary = addr.family === "inet" && dev.addrs.some((a) => sameSubnet(a, addr));
  const added: IfAddr = secondary ? { ...addr, flags: [...addr.flags.filter((f) => f !== "secondary"), "secondary"] } : addr;
  let s = putDev(state, ns, insertAddr(dev, added));
  if (dev.up && !secondary && !added.flags.includes("noprefixroute")) {
    const route = prefixRouteOf(dev, added.local, added.prefixlen);
    if (route) s = insertRoute(s, ns, route);
  }
  return netOk(s);
}

/**
 * Removes an address; EADDRNOTAVAIL when the device has no such address. Removing a primary
 * IPv4 address removes its secondaries and its connected route too. SIMPLIFICATION:
 * promote_secondaries is the kernel default 0, though systemd sets 1 on Ubuntu.
 */
export function delAddr(state: KernelState, ns: NsId, ifindex: number, local: string, prefixlen?: number): NetResult {
  const dev = getDev(state, ns, ifindex);
  if (!dev) return netErr("ENODEV", "inet_rtm_deladdr", `no device ${ifindex} in this network namespace`);
  const target = dev.addrs.find((a) => a.local === local && (prefixlen === undefined || a.prefixlen === prefixlen));
  if (!target) return netErr("EADDRNOTAVAIL", "inet_rtm_deladdr", `${dev.name} has no address ${local}${prefixlen === undefined ? "" : `/${prefixlen}`}`);
  const primary = target.family === "inet" && !target.flags.includes("secondary");
  const gone = (a: IfAddr) => a === target || (primary && a.flags.includes("secondary") && sameSubnet(a, target));
  let s = putDev(state, ns, { ...dev, addrs: dev.addrs.filter((a) => !gone(a)) });
  if (primary) {
    const net = networkOf(parseIp4(local) ?? 0, target.prefixlen);
    s = removeRoutes(s, ns, (r) => r.dev === ifindex && r.proto === "kernel" && r.prefixlen === target.prefixlen && parseIp4(r.dst) === net);
    // fib_sync_down_addr(): routes that named the address as their source go with it.
    s = removeRoutes(s, ns, (r) => r.src === local);
  }
  return netOk(s);
}

/** NETDEV_UP: every primary IPv4 address of the device gets its connected route back. */
export function addPrefixRoutes(state: KernelState, ns: NsId, dev: NetDevice): KernelState {
  let s = state;
  for (const a of dev.addrs) {
    if (a.family !== "inet" || a.flags.includes("secondary") || a.flags.includes("noprefixroute")) continue;
    const route = prefixRouteOf(dev, a.local, a.prefixlen);
    if (route) s = insertRoute(s, ns, route);
  }
  return s;
}
