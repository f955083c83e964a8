/**
 * Removing devices and moving them between namespaces: `rtnl_dellink()` (a veth takes its
 * peer with it), `dev_change_net_namespace()` (the device is closed, loses its addresses,
 * routes and bridge, and keeps its ifindex when it is free in the new namespace), and what
 * `default_device_exit()` does when a namespace dies.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { setLinkDown } from "./link-updown";
import type { NetResult } from "./net-result";
import { netErr, netOk } from "./net-result";
import { allocIfindex, allocName, devByName, getDev, getNetNs, putDev, putNetNs } from "./netns";
import { linkNetnsids } from "./netnsid";
import { removeRoutes } from "./routes";
import type { NetDevice } from "./types";

/** Unregisters one device: its routes go and its bridge ports are released. */
function unregister(state: KernelState, ns: NsId, ifindex: number): KernelState {
  let s = removeRoutes(setLinkDown(state, ns, ifindex), ns, (r) => r.dev === ifindex);
  const net = getNetNs(s, ns);
  const devices = net.devices.delete(ifindex).map((d) => (d.master === ifindex ? { ...d, master: null } : d));
  s = putNetNs(s, { ...net, devices });
  return s;
}

/** rtnl_dellink(): devices without rtnl_link_ops (lo, a NIC) cannot be deleted. */
export function deleteLink(state: KernelState, ns: NsId, dev: NetDevice): NetResult {
  if (dev.kind === "loopback" || dev.kind === "ethernet") {
    return netErr("EOPNOTSUPP", "rtnl_dellink", `${dev.name} is not a virtual device: it has no dellink operation`);
  }
  return netOk(removeDevice(state, ns, dev));
}

/** Removes a device and, for a veth, its peer wherever it is (veth_dellink()). */
export function removeDevice(state: KernelState, ns: NsId, dev: NetDevice): KernelState {
  let s = unregister(state, ns, dev.ifindex);
  if (dev.peer && getDev(s, dev.peer.ns, dev.peer.ifindex)) s = unregister(s, dev.peer.ns, dev.peer.ifindex);
  return s;
}

/**
 * dev_change_net_namespace(). Devices marked NETIF_F_NETNS_LOCAL (lo, bridges) stay put.
 * `newName` is IFLA_IFNAME given with the move; a `%d` template picks a free name.
 */
export function moveLink(state: KernelState, from: NsId, dev: NetDevice, to: NsId, newName?: string): NetResult<{ state: KernelState; ifindex: number }> {
  if (from === to) return netOk({ state, ifindex: dev.ifindex });
  if (dev.kind === "loopback" || dev.kind === "bridge") {
    return netErr("EINVAL", "dev_change_net_namespace", `${dev.name} is local to its network namespace (NETIF_F_NETNS_LOCAL)`);
  }
  const target = getNetNs(state, to);
  const name = allocName(target, newName ?? dev.name);
  if (name === undefined || devByName(target, name)) {
    return netErr("EEXIST", "dev_change_net_namespace", `network namespace ${to} already has a device named ${name ?? newName}`);
  }
  const s1 = unregister(state, from, dev.ifindex);
  const [net, ifindex] = allocIfindex(getNetNs(s1, to), dev.ifindex);
  const moved: NetDevice = { ...dev, ifindex, name, up: false, master: null, addrs: [], ll6: false, qdisc: "noop" };
  let s = putNetNs(s1, { ...net, devices: net.devices.set(ifindex, moved) });
  if (dev.peer) {
    const other = getDev(s, dev.peer.ns, dev.peer.ifindex);
    if (other) s = putDev(s, dev.peer.ns, { ...other, peer: { ns: to, ifindex } });
    s = linkNetnsids(s, to, dev.peer.ns);
  }
  return netOk({ state: s, ifindex });
}
