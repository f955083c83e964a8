/**
 * Network state, per network namespace (`struct net`): devices, IPv4/IPv6 addresses, the main
 * routing table, NAT rules, sysctls and sockets. Devices are keyed by their ifindex, which is
 * per namespace ("lo" is 1 in every namespace). Everything is plain data so that a state can
 * be serialized, compared and undone.
 */
import type { List, Map as IMap } from "immutable";
import type { NsId, Pid } from "../ids";

/** The rtnl_link_ops kinds this kernel knows, plus the two that have no kind (lo, a NIC). */
export type LinkKind = "loopback" | "ethernet" | "veth" | "bridge" | "dummy" | "tun";

/** The root qdisc, as `ip link` prints it after `qdisc`. */
export type Qdisc = "noop" | "noqueue" | "pfifo_fast" | "fq_codel" | "mq";

/** A device anywhere in the kernel: its namespace and its ifindex there. */
export interface DevLoc {
  readonly ns: NsId;
  readonly ifindex: number;
}

export type AddrScope = "host" | "link" | "global";
export type AddrFlag = "secondary" | "nodad" | "noprefixroute";

export interface IfAddr {
  readonly family: "inet" | "inet6";
  /** Dotted quad or RFC 5952 text (`fe80::42:acff:fe11:2`). */
  readonly local: string;
  readonly prefixlen: number;
  /** IPv4 only, and only when the request gave one (`ip addr add … brd +`). */
  readonly broadcast: string | null;
  readonly scope: AddrScope;
  /** IPv4 label (`eth0:1`); null means the device's name. */
  readonly label: string | null;
  readonly flags: readonly AddrFlag[];
}

export interface NetDevice {
  readonly ifindex: number;
  readonly name: string;
  readonly kind: LinkKind;
  /** `aa:bb:cc:dd:ee:ff`; `00:00:00:00:00:00` for lo, "" for a tun device (no link layer). */
  readonly mac: string;
  readonly mtu: number;
  /** IFF_UP: administratively up (`ip link set X up`). */
  readonly up: boolean;
  readonly qdisc: Qdisc;
  /** tx_queue_len: `qlen N`, not printed when 0. */
  readonly txqlen: number;
  readonly group: number;
  /** The bridge this device is a port of (same namespace), or null. */
  readonly master: number | null;
  /** The other end of a veth pair. */
  readonly peer: DevLoc | null;
  readonly addrs: readonly IfAddr[];
  /** This NIC is wired to the simulated LAN and internet beyond the machine. */
  readonly uplink: boolean;
  /** addrconf has configured the IPv6 link-local address since the device last came up. */
  readonly ll6: boolean;
}

export type RouteProto = "kernel" | "boot" | "static" | "dhcp";

/** One route of the main table (IPv4). */
export interface RouteEntry {
  /** Network address; `0.0.0.0` with prefixlen 0 is `default`. */
  readonly dst: string;
  readonly prefixlen: number;
  readonly gateway: string | null;
  /** Output device (ifindex in the same namespace). */
  readonly dev: number;
  readonly proto: RouteProto;
  readonly scope: "link" | "global";
  /** Preferred source (`src 172.17.0.1`). */
  readonly src: string | null;
  readonly metric: number;
}

export type NatChain = "PREROUTING" | "OUTPUT" | "POSTROUTING";

/**
 * An iptables/nftables NAT rule as data. String matches take a leading `!` for negation, as
 * iptables writes them: `outIface: "!docker0"`, `src: "172.17.0.0/16"`.
 */
export interface NatRule {
  readonly chain: NatChain;
  readonly target: "DNAT" | "SNAT" | "MASQUERADE";
  readonly proto?: "tcp" | "udp";
  readonly src?: string;
  readonly dst?: string;
  /** `-m addrtype --dst-type LOCAL`: the destination is an address of this namespace. */
  readonly dstLocal?: boolean;
  readonly dport?: number;
  readonly inIface?: string;
  readonly outIface?: string;
  /** DNAT/SNAT: the new address and (DNAT) port. */
  readonly toAddr?: string;
  readonly toPort?: number;
  readonly comment?: string;
}

export interface NetSysctl {
  /** net.ipv4.ip_forward */
  readonly ipForward: boolean;
  /** net.ipv4.ip_unprivileged_port_start */
  readonly unprivilegedPortStart: number;
  /** net.ipv4.ping_group_range: gids allowed to open ICMP datagram ("ping") sockets. */
  readonly pingGroupRange: readonly [number, number];
  /** net.ipv4.ip_local_port_range: ephemeral ports. */
  readonly localPortRange: readonly [number, number];
  /** net.core.somaxconn: the cap on listen(2) backlogs. */
  readonly somaxconn: number;
}

export interface NetNs {
  readonly id: NsId;
  readonly devices: IMap<number, NetDevice>;
  /** The cursor of dev_index_reserve(): ifindexes are handed out cyclically per namespace. */
  readonly nextIfindex: number;
  readonly routes: List<RouteEntry>;
  readonly nat: List<NatRule>;
  readonly sysctl: NetSysctl;
  /** netnsids this namespace gave to peer namespaces (`link-netnsid 0`). */
  readonly nsids: IMap<NsId, number>;
  /** The next ephemeral port to try. */
  readonly nextPort: number;
}

/** What lies beyond an uplink NIC: a LAN with a gateway to the internet. */
export interface OutsideWorld {
  /** The LAN the uplink is on, e.g. `10.0.2.0/24`. */
  readonly lan: string;
  readonly gateway: string;
  /** LAN hosts that answer ARP (the gateway, a DNS server). */
  readonly hosts: readonly string[];
  /** TCP ports internet hosts accept; others are filtered (time out). */
  readonly openPorts: readonly number[];
}

export type SockFamily = "AF_UNIX" | "AF_INET" | "AF_INET6" | "AF_NETLINK" | "AF_PACKET" | "AF_VSOCK" | "AF_ALG";
export type SockType = "SOCK_STREAM" | "SOCK_DGRAM" | "SOCK_RAW" | "SOCK_SEQPACKET";

export type SockAddr =
  | { readonly kind: "inet"; readonly addr: string; readonly port: number }
  | { readonly kind: "unix"; readonly path: string };

export interface Socket {
  /** The sockfs inode (`ss -e` ino, `socket:[N]` in /proc/PID/fd). */
  readonly ino: number;
  readonly netns: NsId;
  readonly family: SockFamily;
  readonly type: SockType;
  readonly protocol: number;
  readonly owner: Pid;
  readonly fd: number;
  readonly state: "UNCONN" | "LISTEN" | "ESTAB";
  readonly local: SockAddr | null;
  readonly remote: SockAddr | null;
  readonly backlog: number;
  /** IPV6_V6ONLY: an AF_INET6 socket bound to `::` then takes no IPv4. */
  readonly v6only: boolean;
}

export interface NetState {
  readonly namespaces: IMap<NsId, NetNs>;
  readonly sockets: IMap<number, Socket>;
  readonly nextSocketIno: number;
  /** State of the seeded generator that makes MAC addresses. */
  readonly macSeed: number;
  readonly outside: OutsideWorld;
}
