/**
 * The read side of rtnetlink (RTM_GETLINK/GETADDR/GETROUTE dumps) and of sock_diag, as data
 * for `ip`, `bridge` and `ss` to format. Nothing here is text for a terminal.
 * SIMPLIFICATION: dumps are not filtered by the request; the caller filters.
 */
import type { NsId, Pid } from "../ids";
import type { KernelState } from "../state";
import type { IffFlag, Operstate } from "./link-state";
import { hasCarrier, linkFlags, operstate } from "./link-state";
import { devicesOf, getDev, getNetNs } from "./netns";
import { netnsidOf } from "./netnsid";
import { socketsIn } from "./sockets";
import type { IfAddr, LinkKind, NatRule, NetDevice, Qdisc, RouteProto, SockAddr, Socket } from "./types";

export interface LinkInfo {
  readonly ifindex: number;
  readonly name: string;
  readonly kind: LinkKind;
  /** `link/loopback`, `link/ether` or `link/none`. */
  readonly linkType: "loopback" | "ether" | "none";
  readonly flags: readonly IffFlag[];
  readonly mtu: number;
  readonly qdisc: Qdisc;
  readonly master: string | null;
  readonly operstate: Operstate;
  readonly group: number;
  readonly txqlen: number;
  readonly address: string;
  readonly broadcast: string;
  /** IFLA_LINK: the veth peer's ifindex, in the peer's own namespace. */
  readonly link: number | null;
  /** The peer's name when it is in this namespace (`veth1@veth0`). */
  readonly linkName: string | null;
  /** IFLA_LINK_NETNSID: the peer's namespace as this one numbers it (`link-netnsid 0`). */
  readonly linkNetnsid: number | null;
  /** For a bridge port, the STP state `bridge link` prints. */
  readonly portState: "forwarding" | "disabled" | null;
}

function linkInfo(state: KernelState, ns: NsId, dev: NetDevice): LinkInfo {
  const master = dev.master === null ? null : getDev(state, ns, dev.master);
  const samePeer = dev.peer !== null && dev.peer.ns === ns;
  const linkType = dev.kind === "loopback" ? "loopback" : dev.kind === "tun" ? "none" : "ether";
  return {
    ifindex: dev.ifindex, name: dev.name, kind: dev.kind, linkType, flags: linkFlags(state, ns, dev),
    mtu: dev.mtu, qdisc: dev.qdisc, master: master?.name ?? null, operstate: operstate(state, ns, dev),
    group: dev.group, txqlen: dev.txqlen, address: dev.mac,
    broadcast: linkType === "ether" ? "ff:ff:ff:ff:ff:ff" : linkType === "loopback" ? "00:00:00:00:00:00" : "",
    link: dev.peer?.ifindex ?? null,
    linkName: samePeer && dev.peer ? getDev(state, ns, dev.peer.ifindex)?.name ?? null : null,
    linkNetnsid: dev.peer && !samePeer ? netnsidOf(state, ns, dev.peer.ns) ?? null : null,
    portState: master ? (master.up && hasCarrier(state, ns, dev) ? "forwarding" : "disabled") : null,
  };
}

export const dumpLinks = (state: KernelState, ns: NsId): LinkInfo[] =>
  devicesOf(getNetNs(state, ns)).map((d) => linkInfo(state, ns, d));

/** An address as `ip addr` dumps it; `label` is the device's name unless set (IPv6: null). */
export interface AddrInfo extends IfAddr {
  readonly ifindex: number;
  readonly dev: string;
  /** SIMPLIFICATION: every address is permanent (`valid_lft forever preferred_lft forever`). */
  readonly validLft: "forever";
  readonly preferredLft: "forever";
}

/** Addresses in dump order: IPv4 of every device, then IPv6 (AF_INET dumps before AF_INET6). */
export function dumpAddrs(state: KernelState, ns: NsId): AddrInfo[] {
  const devs = devicesOf(getNetNs(state, ns));
  const of = (family: "inet" | "inet6") => devs.flatMap((d) => d.addrs.filter((a) => a.family === family).map((a): AddrInfo => ({
    ifindex: d.ifindex, dev: d.name, family, local: a.local, prefixlen: a.prefixlen, broadcast: a.broadcast,
    scope: a.scope, label: family === "inet" ? a.label ?? d.name : null, flags: a.flags, validLft: "forever", preferredLft: "forever",
  })));
  return [...of("inet"), ...of("inet6")];
}

export interface RouteInfo {
  readonly dst: string;
  readonly prefixlen: number;
  readonly gateway: string | null;
  readonly dev: string;
  readonly proto: RouteProto;
  readonly scope: "link" | "global";
  readonly src: string | null;
  readonly metric: number;
  /** RTNH_F_LINKDOWN: the output device has no carrier (docker0 without containers). */
  readonly linkdown: boolean;
}

export function dumpRoutes(state: KernelState, ns: NsId): RouteInfo[] {
  return [...getNetNs(state, ns).routes].map((r) => {
    const dev = getDev(state, ns, r.dev);
    return {
      dst: r.dst, prefixlen: r.prefixlen, gateway: r.gateway, dev: dev?.name ?? `if${r.dev}`, proto: r.proto,
      scope: r.scope, src: r.src, metric: r.metric, linkdown: dev ? !hasCarrier(state, ns, dev) : true,
    };
  });
}

export const dumpNat = (state: KernelState, ns: NsId): NatRule[] => [...getNetNs(state, ns).nat];

export interface SocketInfo {
  /** ss's Netid column. */
  readonly netid: "tcp" | "udp" | "raw" | "icmp" | "u_str" | "u_dgr" | "u_seq" | "nl" | "p_raw" | "p_dgr" | "v_str" | "v_dgr" | "alg";
  readonly state: Socket["state"];
  readonly recvQ: number;
  /** For a listener, its backlog. */
  readonly sendQ: number;
  readonly local: SockAddr | null;
  readonly peer: SockAddr | null;
  readonly ino: number;
  /** ss -p: the owner's global pid (the caller maps it into its PID namespace), fd and comm. */
  readonly users: readonly { readonly pid: Pid; readonly fd: number; readonly comm: string }[];
}

function netid(s: Socket): SocketInfo["netid"] {
  const dgram = s.type === "SOCK_DGRAM";
  switch (s.family) {
    case "AF_UNIX": return s.type === "SOCK_STREAM" ? "u_str" : dgram ? "u_dgr" : "u_seq";
    case "AF_NETLINK": return "nl";
    case "AF_PACKET": return dgram ? "p_dgr" : "p_raw";
    case "AF_VSOCK": return dgram ? "v_dgr" : "v_str";
    case "AF_ALG": return "alg";
    default:
      if (s.type === "SOCK_RAW") return "raw";
      if (dgram && (s.protocol === 1 || s.protocol === 58)) return "icmp";
      return s.type === "SOCK_STREAM" ? "tcp" : "udp";
  }
}

/** The namespace's sockets, as `ss -a` sees them through sock_diag. */
export const dumpSockets = (state: KernelState, ns: NsId): SocketInfo[] =>
  socketsIn(state, ns).map((s) => ({
    netid: netid(s), state: s.state, recvQ: 0, sendQ: s.state === "LISTEN" ? s.backlog : 0,
    local: s.local, peer: s.remote, ino: s.ino,
    users: [{ pid: s.owner, fd: s.fd, comm: state.tasks.get(s.owner)?.comm ?? "" }],
  }));
