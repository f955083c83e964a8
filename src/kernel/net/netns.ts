/**
 * Network namespaces' contents (`struct net`): creation with a lone loopback device that is
 * down, lookup helpers and ifindex allocation (`net/core/dev.c: dev_index_reserve()`).
 */
import { List, Map as IMap } from "immutable";
import type { NsId } from "../ids";
import { nsId } from "../ids";
import { INIT_NS_INODE } from "../ns/namespace";
import type { KernelState } from "../state";
import { LOOPBACK_MAC } from "./mac";
import type { NetDevice, NetNs, NetState, NetSysctl, OutsideWorld } from "./types";

export const LOOPBACK_IFINDEX = 1;
export const INIT_NET: NsId = nsId(INIT_NS_INODE.net);

/**
 * The outside world of the default host: QEMU's user-mode network ("slirp"), in which the
 * guest is 10.0.2.15, the gateway 10.0.2.2 and the DNS server 10.0.2.3.
 */
export const SLIRP_OUTSIDE: OutsideWorld = {
  lan: "10.0.2.0/24", gateway: "10.0.2.2", hosts: ["10.0.2.2", "10.0.2.3"], openPorts: [53, 80, 443],
};

/** Per-namespace defaults of a fresh `struct net` (`inet_init_net()`, `sysctl_core_net_init()`). */
export const DEFAULT_NET_SYSCTL: NetSysctl = {
  ipForward: false,
  unprivilegedPortStart: 1024,
  // "1 0": nobody may open ping sockets until someone widens the range.
  pingGroupRange: [1, 0],
  localPortRange: [32768, 60999],
  somaxconn: 4096,
};

export const emptyNetState = (outside: OutsideWorld = SLIRP_OUTSIDE): NetState => ({
  namespaces: IMap(), sockets: IMap(), nextSocketIno: 20480, macSeed: 0x15a1ab, outside,
});

/** `drivers/net/loopback.c: loopback_setup()`: mtu 65536, qlen 1000, down, no qdisc yet. */
export const loopbackDevice = (): NetDevice => ({
  ifindex: LOOPBACK_IFINDEX, name: "lo", kind: "loopback", mac: LOOPBACK_MAC, mtu: 65536, up: false,
  qdisc: "noop", txqlen: 1000, group: 0, master: null, peer: null, addrs: [], uplink: false, ll6: false,
});

/**
 * The contents of a new network namespace: only `lo`, down (`1: lo: <LOOPBACK> mtu 65536
 * qdisc noop state DOWN`). IPv4 devconf, and with it ip_forward, is copied from the initial
 * namespace (net.core.devconf_inherit_init_net = 0, the default); the rest starts fresh.
 */
export function createNetNs(state: KernelState, id: NsId): KernelState {
  const init = state.net.namespaces.get(INIT_NET);
  const ns: NetNs = {
    id, devices: IMap([[LOOPBACK_IFINDEX, loopbackDevice()]]), nextIfindex: LOOPBACK_IFINDEX + 1,
    routes: List(), nat: List(), nsids: IMap(), nextPort: DEFAULT_NET_SYSCTL.localPortRange[0],
    sysctl: { ...DEFAULT_NET_SYSCTL, ipForward: init?.sysctl.ipForward ?? false },
  };
  return putNetNs(state, ns);
}

export function getNetNs(state: KernelState, id: NsId): NetNs {
  const ns = state.net.namespaces.get(id);
  if (!ns) throw new Error(`kernel invariant: no network state for namespace ${id}`);
  return ns;
}

export const putNetNs = (state: KernelState, ns: NetNs): KernelState => ({
  ...state, net: { ...state.net, namespaces: state.net.namespaces.set(ns.id, ns) },
});

export const getDev = (state: KernelState, ns: NsId, ifindex: number): NetDevice | undefined =>
  state.net.namespaces.get(ns)?.devices.get(ifindex);

export const putDev = (state: KernelState, ns: NsId, dev: NetDevice): KernelState => {
  const net = getNetNs(state, ns);
  return putNetNs(state, { ...net, devices: net.devices.set(dev.ifindex, dev) });
};

export const devByName = (net: NetNs, name: string): NetDevice | undefined =>
  [...net.devices.values()].find((d) => d.name === name);

/** Devices in ifindex order, as a dump returns them. */
export const devicesOf = (net: NetNs): NetDevice[] => [...net.devices.values()].sort((a, b) => a.ifindex - b.ifindex);

/**
 * An ifindex for a new device: `wanted` if it is free (a device moved from another namespace
 * keeps its index when it can), else the next free one from the namespace's cyclic cursor.
 */
export function allocIfindex(net: NetNs, wanted?: number): readonly [NetNs, number] {
  if (wanted !== undefined && !net.devices.has(wanted)) return [net, wanted];
  let n = net.nextIfindex;
  while (net.devices.has(n)) n = n >= 0x7fffffff ? 1 : n + 1;
  return [{ ...net, nextIfindex: n + 1 }, n];
}

/**
 * `dev_alloc_name()`: a name with `%d` gets the lowest free number (`veth%d` → `veth0`).
 * Returns undefined when the template is not a valid interface name.
 */
export function allocName(net: NetNs, template: string, taken: readonly string[] = []): string | undefined {
  if (!template.includes("%d")) return template;
  for (let i = 0; i < 32768; i++) {
    const name = template.replace("%d", String(i));
    if (!devByName(net, name) && !taken.includes(name)) return name;
  }
  return undefined;
}

/** dev_valid_name(): 1–15 characters, not `.` or `..`, no `/`, `:` or whitespace. */
export const validIfname = (name: string): boolean =>
  name.length > 0 && name.length < 16 && name !== "." && name !== ".." && !/[/:\s]/.test(name);
