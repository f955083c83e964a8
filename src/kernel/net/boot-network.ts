/**
 * The network a machine has once booted: the initial namespace's loopback up, the NICs and
 * bridges its services configured, their addresses and routes, NAT rules, sysctls and the
 * sockets its daemons listen on. SIMPLIFICATION: built directly, as the result of boot, not
 * by the daemons' syscalls.
 */
import type { KernelState } from "../state";
import { addAddr } from "./addrs";
import { broadcastOf, formatIp4, parseCidr, parseIp4 } from "./inet";
import { setLinkUp } from "./link-updown";
import { randomMac } from "./mac";
import { INIT_NET, LOOPBACK_IFINDEX, allocIfindex, devByName, getNetNs, putDev, putNetNs } from "./netns";
import { insertRoute } from "./routes";
import { addSocket, putSocket } from "./sockets";
import type { NatRule, NetDevice, OutsideWorld, RouteProto } from "./types";

export interface NetBootDevice {
  readonly name: string;
  readonly kind: "ethernet" | "bridge";
  readonly mac?: string;
  readonly mtu?: number;
  readonly txqlen?: number;
  readonly up: boolean;
  /** The NIC wired to the outside world. */
  readonly uplink?: boolean;
  /** `10.0.2.15/24`; the broadcast address is set, as DHCP clients and daemons do. */
  readonly addrs: readonly string[];
}

export interface NetBootSpec {
  readonly outside: OutsideWorld;
  readonly devices: readonly NetBootDevice[];
  readonly routes: readonly { readonly dst: string; readonly via?: string; readonly dev: string; readonly proto: RouteProto }[];
  readonly nat: readonly NatRule[];
  readonly ipForward: boolean;
  readonly pingGroupRange: readonly [number, number];
  /** TCP listeners of boot-time daemons, by the daemon's comm. */
  readonly listeners: readonly { readonly comm: string; readonly family: "AF_INET" | "AF_INET6"; readonly addr: string; readonly port: number; readonly backlog: number }[];
}

function addDevice(state: KernelState, spec: NetBootDevice): KernelState {
  const [net, ifindex] = allocIfindex(getNetNs(state, INIT_NET));
  let s = putNetNs(state, net);
  let mac = spec.mac;
  if (mac === undefined) [s, mac] = randomMac(s);
  const dev: NetDevice = {
    ifindex, name: spec.name, kind: spec.kind, mac, mtu: spec.mtu ?? 1500, up: false, qdisc: "noop",
    txqlen: spec.txqlen ?? 1000, group: 0, master: null, peer: null, addrs: [], uplink: spec.uplink ?? false, ll6: false,
  };
  s = putDev(s, INIT_NET, dev);
  if (spec.up) s = setLinkUp(s, INIT_NET, ifindex);
  for (const text of spec.addrs) {
    const c = parseCidr(text);
    if (!c) throw new Error(`boot network: bad address ${text}`);
    const brd = formatIp4(broadcastOf(parseIp4(c.addr) ?? 0, c.prefixlen));
    const added = addAddr(s, INIT_NET, ifindex, { family: "inet", local: c.addr, prefixlen: c.prefixlen, broadcast: brd, scope: "global", label: null, flags: [] });
    if (!added.ok) throw new Error(`boot network: ${added.error.reason}`);
    s = added.value;
  }
  return s;
}

function addListeners(state: KernelState, spec: NetBootSpec): KernelState {
  let s = state;
  for (const l of spec.listeners) {
    const owner = [...s.tasks.values()].find((t) => t.comm === l.comm && t.state !== "Z");
    if (!owner) continue;
    const [next, sock] = addSocket(s, { netns: INIT_NET, family: l.family, type: "SOCK_STREAM", protocol: 6, owner: owner.pid });
    // A daemon listening on [::] sets IPV6_V6ONLY when it also listens on 0.0.0.0 (sshd does).
    s = putSocket(next, { ...sock, state: "LISTEN", local: { kind: "inet", addr: l.addr, port: l.port }, backlog: l.backlog, v6only: l.family === "AF_INET6" });
  }
  return s;
}

/**
 * Configures the initial network namespace (which must exist). Without a spec the machine
 * has only its loopback device, up, as after any init system's early boot.
 */
export function bootNetwork(state: KernelState, spec?: NetBootSpec): KernelState {
  let s = setLinkUp(state, INIT_NET, LOOPBACK_IFINDEX);
  if (!spec) return s;
  s = { ...s, net: { ...s.net, outside: spec.outside } };
  for (const dev of spec.devices) s = addDevice(s, dev);
  for (const r of spec.routes) {
    const dev = devByName(getNetNs(s, INIT_NET), r.dev);
    const c = r.dst === "default" ? { addr: "0.0.0.0", prefixlen: 0 } : parseCidr(r.dst);
    if (!dev || !c) throw new Error(`boot network: bad route ${r.dst} dev ${r.dev}`);
    s = insertRoute(s, INIT_NET, { dst: c.addr, prefixlen: c.prefixlen, gateway: r.via ?? null, dev: dev.ifindex, proto: r.proto, scope: r.via ? "global" : "link", src: null, metric: 0 });
  }
  const net = getNetNs(s, INIT_NET);
  s = putNetNs(s, { ...net, nat: net.nat.push(...spec.nat), sysctl: { ...net.sysctl, ipForward: spec.ipForward, pingGroupRange: spec.pingGroupRange } });
  return addListeners(s, spec);
}
