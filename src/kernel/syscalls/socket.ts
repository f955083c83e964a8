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
  /** `AF_INET`, `AF_UNIX`, …; an unknown family is EAFNOSUPPORT. */
  readonly domain: SockFamily | string;
  readonly type: SockType;
  readonly protocol?: number;
}

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_ICMPV6 = 58;

const FAMILIES: readonly SockFamily[] = ["AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET", "AF_VSOCK", "AF_ALG"];

export function sysSocket(state: KernelState, caller: Task, call: SocketCall): SyscallOutcome<{ fd: number }> {
  const family = FAMILIES.find((f) => f === call.domain);
  if (!family) return denied(state, [deny("kernel", "__sock_create", `no address family ${call.domain} in this kernel`, "EAFNOSUPPORT")]);
  const protocol = call.protocol ?? 0;
  const checks = createChecks(state, caller, family, call.type, protocol);
  if (checks.some((c) => c.verdict === "deny")) return denied(state, checks);
  const [next, sock] = addSocket(state, { netns: caller.ns.net, family, type: call.type, protocol, owner: caller.pid });
  return succeed(next, [...checks, pass("kernel", "sock_alloc", `${family} ${call.type} socket is fd ${sock.fd} (socket:[${sock.ino}])`)], { fd: sock.fd });
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
