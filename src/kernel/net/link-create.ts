/**
 * Creating virtual devices (`net/core/rtnetlink.c: rtnl_newlink()` → the kind's `newlink`):
 * dummy, bridge and veth pairs, whose second end may be created directly in another network
 * namespace (`ip link add veth0 type veth peer name eth0 netns PID`).
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { isUnicastMac, randomMac } from "./mac";
import type { NetResult } from "./net-result";
import { netErr, netOk } from "./net-result";
import { allocIfindex, allocName, devByName, getNetNs, putNetNs, validIfname } from "./netns";
import { linkNetnsids } from "./netnsid";
import type { LinkKind, NetDevice } from "./types";

export interface NewLinkSpec {
  readonly kind: string;
  /** A name or a `%d` template; default `<kind>%d`. */
  readonly name?: string;
  readonly mtu?: number;
  readonly address?: string;
  readonly txqlen?: number;
  /** veth only: the other end. */
  readonly peer?: { readonly name?: string; readonly ns?: NsId; readonly address?: string };
}

export interface Created {
  readonly state: KernelState;
  readonly ifindex: number;
  readonly peerIfindex: number | null;
}

const CREATABLE: readonly LinkKind[] = ["dummy", "bridge", "veth"];

function baseDevice(kind: LinkKind, ifindex: number, name: string, mac: string, spec: { mtu?: number; txqlen?: number }): NetDevice {
  return {
    ifindex, name, kind, mac, mtu: spec.mtu ?? 1500, up: false, qdisc: "noop", txqlen: spec.txqlen ?? 1000,
    group: 0, master: null, peer: null, addrs: [], uplink: false, ll6: false,
  };
}

interface Placed {
  readonly state: KernelState;
  readonly dev: NetDevice;
}

/** register_netdevice() in namespace `ns`: name, ifindex and MAC. */
function place(state: KernelState, ns: NsId, kind: LinkKind, template: string, spec: { mtu?: number; txqlen?: number; address?: string }): NetResult<Placed> {
  if (!validIfname(template.replace("%d", "0"))) return netErr("EINVAL", "dev_valid_name", `"${template}" is not a valid interface name`);
  const net = getNetNs(state, ns);
  const name = allocName(net, template);
  if (name === undefined) return netErr("ENFILE", "dev_alloc_name", `no free name for ${template}`);
  if (devByName(net, name)) return netErr("EEXIST", "register_netdevice", `a device named ${name} already exists in network namespace ${ns}`);
  if (spec.address !== undefined && !isUnicastMac(spec.address)) {
    return netErr("EADDRNOTAVAIL", "eth_validate_addr", `${spec.address} is not a unicast MAC address`);
  }
  const [withIndex, ifindex] = allocIfindex(net);
  let s = putNetNs(state, withIndex);
  let mac = spec.address;
  if (mac === undefined) [s, mac] = randomMac(s);
  const dev = baseDevice(kind, ifindex, name, mac, spec);
  return netOk({ state: putNetNs(s, { ...getNetNs(s, ns), devices: getNetNs(s, ns).devices.set(ifindex, dev) }), dev });
}

export function createLink(state: KernelState, ns: NsId, spec: NewLinkSpec): NetResult<Created> {
  if (spec.kind === "tun") {
    return netErr("EOPNOTSUPP", "tun_validate", "tun devices are made with open(/dev/net/tun) and TUNSETIFF", "tun/tap creation via rtnetlink is not supported.");
  }
  const kind = CREATABLE.find((k) => k === spec.kind);
  if (!kind) return netErr("EOPNOTSUPP", "rtnl_newlink", `no driver registers link kind "${spec.kind}"`, "Unknown device type");
  if (kind !== "veth") {
    const made = place(state, ns, kind, spec.name ?? `${kind}%d`, spec);
    return made.ok ? netOk({ state: made.value.state, ifindex: made.value.dev.ifindex, peerIfindex: null }) : made;
  }
  return createVeth(state, ns, spec);
}

/** veth_newlink(): the peer is registered first, so it gets the lower ifindex. */
function createVeth(state: KernelState, ns: NsId, spec: NewLinkSpec): NetResult<Created> {
  const peerNs = spec.peer?.ns ?? ns;
  const peerSpec = { mtu: spec.mtu, txqlen: spec.txqlen, address: spec.peer?.address };
  const peer = place(state, peerNs, "veth", spec.peer?.name ?? "veth%d", peerSpec);
  if (!peer.ok) return peer;
  const main = place(peer.value.state, ns, "veth", spec.name ?? "veth%d", spec);
  if (!main.ok) return main;
  const a = main.value.dev;
  const b = peer.value.dev;
  let s = main.value.state;
  const aNet = getNetNs(s, ns);
  s = putNetNs(s, { ...aNet, devices: aNet.devices.set(a.ifindex, { ...a, peer: { ns: peerNs, ifindex: b.ifindex } }) });
  const bNet = getNetNs(s, peerNs);
  s = putNetNs(s, { ...bNet, devices: bNet.devices.set(b.ifindex, { ...b, peer: { ns, ifindex: a.ifindex } }) });
  return netOk({ state: linkNetnsids(s, ns, peerNs), ifindex: a.ifindex, peerIfindex: b.ifindex });
}
