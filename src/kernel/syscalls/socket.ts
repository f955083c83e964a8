/**
 * socket(2). The address family's create function decides (`net/socket.c:
 * __sock_create()` → `inet_create()`, `packet_create()`, …): raw IP sockets and AF_PACKET
 * need CAP_NET_RAW in the user namespace owning the network namespace, an ICMP datagram
 * ("ping") socket needs the caller's group in net.ipv4.ping_group_range (`ping_init_sock()`).
 */
import { capableCheck } from "../cred/capable";
import { getNetNs } from "../net/netns";
import { netOwner } from "../net/rtnl-perm";
import { addSocket } from "../net/sockets";
import type { SockFamily, SockType } from "../net/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface SocketCall {
  readonly name: "socket";
  /**
   * The family by number, as libc passes it (what a seccomp filter compares: Docker's profile
   * refuses AF_VSOCK, 40), or by name. An unknown family is EAFNOSUPPORT.
   */
  readonly domain: number | SockFamily | string;
  readonly type: number | SockType;
  readonly protocol?: number;
}

/** `include/linux/socket.h` and `linux/net.h` numbers. */
export const AF_NUMBERS: Readonly<Record<SockFamily, number>> = {
  AF_UNIX: 1, AF_INET: 2, AF_INET6: 10, AF_NETLINK: 16, AF_PACKET: 17, AF_ALG: 38, AF_VSOCK: 40,
};
export const SOCK_NUMBERS: Readonly<Record<SockType, number>> = { SOCK_STREAM: 1, SOCK_DGRAM: 2, SOCK_RAW: 3, SOCK_SEQPACKET: 5 };

const byNumber = <K extends string>(table: Readonly<Record<K, number>>, v: number | string): K | undefined =>
  (Object.keys(table) as K[]).find((k) => k === v || table[k] === v);

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_ICMPV6 = 58;

export function sysSocket(state: KernelState, caller: Task, call: SocketCall): SyscallOutcome<{ fd: number }> {
  const family = byNumber(AF_NUMBERS, call.domain);
  if (!family) return denied(state, [deny("kernel", "__sock_create", `no address family ${call.domain} in this kernel`, "EAFNOSUPPORT")]);
  const type = byNumber(SOCK_NUMBERS, call.type);
  if (!type) return denied(state, [deny("kernel", "__sock_create", `no socket type ${call.type}`, "EINVAL")]);
  const protocol = call.protocol ?? 0;
  const checks = createChecks(state, caller, family, type, protocol);
  if (checks.some((c) => c.verdict === "deny")) return denied(state, checks);
  const [next, sock] = addSocket(state, { netns: caller.ns.net, family, type, protocol, owner: caller.pid });
  return succeed(next, [...checks, pass("kernel", "sock_alloc", `${family} ${type} socket is fd ${sock.fd} (socket:[${sock.ino}])`)], { fd: sock.fd });
}

function createChecks(state: KernelState, caller: Task, family: SockFamily, type: SockType, protocol: number): Check[] {
  const owner = netOwner(state, caller.ns.net);
  if (family === "AF_PACKET") return [capableCheck(state, caller.cred, owner, "CAP_NET_RAW", "opening an AF_PACKET socket")];
  if (family === "AF_NETLINK" && type !== "SOCK_RAW" && type !== "SOCK_DGRAM") {
    return [deny("kernel", "netlink_create", "netlink sockets are SOCK_RAW or SOCK_DGRAM", "ESOCKTNOSUPPORT")];
  }
  if (family !== "AF_INET" && family !== "AF_INET6") return [];
  if (type === "SOCK_RAW") return [capableCheck(state, caller.cred, owner, "CAP_NET_RAW", "opening a raw IP socket")];
  if (type === "SOCK_SEQPACKET") return [deny("kernel", "inet_create", "IP has no SOCK_SEQPACKET protocol", "ESOCKTNOSUPPORT")];
  const icmp = type === "SOCK_DGRAM" && (protocol === IPPROTO_ICMP || protocol === IPPROTO_ICMPV6);
  if (icmp) return [pingGroupCheck(state, caller)];
  const tcp = type === "SOCK_STREAM" && (protocol === 0 || protocol === IPPROTO_TCP);
  const udp = type === "SOCK_DGRAM" && (protocol === 0 || protocol === IPPROTO_UDP);
  return tcp || udp ? [] : [deny("kernel", "inet_create", `protocol ${protocol} does not go with ${type}`, "EPROTONOSUPPORT")];
}

/**
 * ping_init_sock(): the egid or a supplementary group must lie in ping_group_range.
 * SIMPLIFICATION: the range is compared with global gids.
 */
function pingGroupCheck(state: KernelState, caller: Task): Check {
  const [low, high] = getNetNs(state, caller.ns.net).sysctl.pingGroupRange;
  const groups = [caller.cred.egid, ...caller.cred.groups];
  const rule = "ping_init_sock: net.ipv4.ping_group_range";
  return groups.some((g) => g >= low && g <= high)
    ? pass("kernel", rule, `group ${caller.cred.egid} may open ICMP sockets (range ${low}–${high})`)
    : deny("kernel", rule, `none of the caller's groups is in net.ipv4.ping_group_range (${low} ${high})`, "EACCES");
}
