/**
 * Test support for the network code: a booted host with helpers for netlink requests, and a
 * minimal rendering of `ip addr`, `ip -br link` and `ip route` (iproute2 6.x layout) so that
 * dumps can be compared with the recorded transcripts. The real formatters are the userland's.
 */
import type { NsId, Pid } from "../ids";
import { CLONE_NEWNET } from "../ns/namespace";
import { KernelHarness } from "../testing";
import type { AddrInfo, LinkInfo, RouteInfo } from "./dump";
import { dumpAddrs, dumpLinks, dumpRoutes } from "./dump";
import type { RtnlReply, RtnlRequest } from "./rtnl-types";

export class NetHarness extends KernelHarness {
  /** A netlink request that must succeed. */
  nl(pid: Pid, request: RtnlRequest): RtnlReply {
    const out = this.call(pid, { name: "netlink", request });
    if (!out.result.ok) throw new Error(`${request.type} failed: ${out.result.error} (${out.trace.at(-1)?.reason})`);
    return out.result.value as RtnlReply;
  }

  netOf(pid: Pid): NsId {
    return this.task(pid).ns.net;
  }

  ipAddr(pid: Pid): string {
    return formatIpAddr(dumpLinks(this.state, this.netOf(pid)), dumpAddrs(this.state, this.netOf(pid)));
  }

  ipRoute(pid: Pid): string {
    return formatIpRoute(dumpRoutes(this.state, this.netOf(pid)));
  }

  /**
   * A container on docker0, the way Docker wires one: a child in a new network namespace,
   * a veth pair with `eth0` inside, the host end on the bridge, an address and a default route.
   */
  container(ip: string, hostEnd: string, mac?: string): Pid {
    const child = this.fork(this.shell, CLONE_NEWNET);
    this.nl(this.shell, { type: "RTM_NEWLINK", kind: "veth", name: hostEnd, peer: { name: "eth0", netns: { pid: child }, address: mac } });
    this.nl(this.shell, { type: "RTM_SETLINK", dev: { name: hostEnd }, master: { name: "docker0" }, up: true });
    this.configure(child, "eth0", `${ip}/16`, "172.17.255.255");
    this.nl(child, { type: "RTM_NEWROUTE", dst: "default", gateway: "172.17.0.1" });
    return child;
  }

  /** socket + bind + listen: the new socket's fd. */
  listen(pid: Pid, family: "AF_INET" | "AF_INET6", addr: string, port: number): number {
    const fd = this.socket(pid, family, "SOCK_STREAM");
    for (const call of [{ name: "bind", fd, addr: { kind: "inet", addr, port } }, { name: "listen", fd, backlog: 511 }] as const) {
      const out = this.call(pid, call);
      if (!out.result.ok) throw new Error(`${call.name} failed: ${out.result.error}`);
    }
    return fd;
  }

  socket(pid: Pid, domain: "AF_INET" | "AF_INET6", type: "SOCK_STREAM" | "SOCK_DGRAM" | "SOCK_RAW", protocol = 0): number {
    const out = this.call(pid, { name: "socket", domain, type, protocol });
    if (!out.result.ok) throw new Error(`socket failed: ${out.result.error}`);
    return (out.result.value as { fd: number }).fd;
  }

  /** A TCP connect from a fresh socket: the errno, or "connected". */
  connectTo(pid: Pid, addr: string, port: number): string {
    const fd = this.socket(pid, addr.includes(":") ? "AF_INET6" : "AF_INET", "SOCK_STREAM");
    const out = this.call(pid, { name: "connect", fd, addr: { kind: "inet", addr, port } });
    return out.result.ok ? "connected" : out.result.error;
  }

  /** Brings up lo, adds `cidr` to `dev` and brings it up, as a container runtime does. */
  configure(pid: Pid, dev: string, cidr: string, broadcast?: string): void {
    const [local, len] = cidr.split("/") as [string, string];
    this.nl(pid, { type: "RTM_SETLINK", dev: { name: "lo" }, up: true });
    this.nl(pid, { type: "RTM_NEWADDR", dev: { name: dev }, family: "inet", local, prefixlen: Number(len), broadcast });
    this.nl(pid, { type: "RTM_SETLINK", dev: { name: dev }, up: true });
  }
}

const FLAG_ORDER = ["LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP", "PROMISC", "UP", "LOWER_UP"];

function linkName(l: LinkInfo): string {
  if (l.linkName !== null) return `${l.name}@${l.linkName}`;
  return l.link !== null ? `${l.name}@if${l.link}` : l.name;
}

function flagText(l: LinkInfo): string {
  const flags: string[] = l.flags.includes("UP") && !l.flags.includes("LOWER_UP") ? ["NO-CARRIER"] : [];
  return [...flags, ...FLAG_ORDER.filter((f) => (l.flags as readonly string[]).includes(f))].join(",");
}

export function formatIpAddr(links: readonly LinkInfo[], addrs: readonly AddrInfo[]): string {
  const out: string[] = [];
  for (const l of links) {
    const master = l.master ? ` master ${l.master}` : "";
    const qlen = l.txqlen ? ` qlen ${l.txqlen}` : "";
    out.push(`${l.ifindex}: ${linkName(l)}: <${flagText(l)}> mtu ${l.mtu} qdisc ${l.qdisc}${master} state ${l.operstate} group default${qlen}`);
    const netnsid = l.linkNetnsid !== null ? ` link-netnsid ${l.linkNetnsid}` : "";
    out.push(`    link/${l.linkType} ${l.address} brd ${l.broadcast}${netnsid}`);
    for (const a of addrs.filter((x) => x.ifindex === l.ifindex)) {
      const brd = a.broadcast ? ` brd ${a.broadcast}` : "";
      const flags = a.flags.map((f) => `${f} `).join("");
      out.push(a.family === "inet"
        ? `    inet ${a.local}/${a.prefixlen}${brd} scope ${a.scope} ${flags}${a.label}`
        : `    inet6 ${a.local}/${a.prefixlen} scope ${a.scope} ${flags}`);
      out.push("       valid_lft forever preferred_lft forever");
    }
  }
  return out.join("\n");
}

export const formatIpBrLink = (links: readonly LinkInfo[]): string =>
  links.map((l) => `${linkName(l).padEnd(16)} ${l.operstate.padEnd(14)} ${l.address} <${flagText(l)}> `).join("\n");

export function formatIpRoute(routes: readonly RouteInfo[]): string {
  return routes.map((r) => {
    const dst = r.prefixlen === 0 ? "default" : r.prefixlen === 32 ? r.dst : `${r.dst}/${r.prefixlen}`;
    const parts = [dst];
    if (r.gateway) parts.push(`via ${r.gateway}`);
    parts.push(`dev ${r.dev}`);
    if (r.proto !== "boot") parts.push(`proto ${r.proto}`);
    if (r.scope === "link") parts.push("scope link");
    if (r.src) parts.push(`src ${r.src}`);
    if (r.metric) parts.push(`metric ${r.metric}`);
    if (r.linkdown) parts.push("linkdown");
    return `${parts.join(" ")} `;
  }).join("\n");
}
