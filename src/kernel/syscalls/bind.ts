/**
 * bind(2). For IP (`net/ipv4/af_inet.c: __inet_bind()`), in Linux's order: the address must be
 * local or the wildcard (EADDRNOTAVAIL); a port below net.ipv4.ip_unprivileged_port_start
 * needs CAP_NET_BIND_SERVICE in the user namespace owning the network namespace (EACCES); a
 * socket binds once (EINVAL); the port must be free for that address (EADDRINUSE).
 * AF_UNIX paths (`unix_bind()`): one socket per name.
 */
import { capableCheck } from "../cred/capable";
import { ANY4, ANY6, isIp6 } from "../net/inet";
import { getNetNs } from "../net/netns";
import { netOwner } from "../net/rtnl-perm";
import { badFd, isInet, unixKey } from "../net/socket-lookup";
import { ephemeralPort, portTaken, putSocket, socketByFd } from "../net/sockets";
import { isLocalAddr } from "../net/routes";
import type { SockAddr, Socket } from "../net/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface BindCall {
  readonly name: "bind";
  readonly fd: number;
  readonly addr: SockAddr;
}

export function sysBind(state: KernelState, caller: Task, call: BindCall): SyscallOutcome<0> {
  const sock = socketByFd(state, caller.pid, call.fd);
  if (!sock) return denied(state, [badFd(call.fd)]);
  if (call.addr.kind === "unix") return bindUnix(state, sock, call.addr.path);
  if (!isInet(sock)) return denied(state, [deny("kernel", "bind", `${sock.family} sockets take no IP address`, "EINVAL")]);
  if (isIp6(call.addr.addr) !== (sock.family === "AF_INET6")) {
    return denied(state, [deny("kernel", "__inet_bind", `${call.addr.addr} is not an ${sock.family} address`, "EAFNOSUPPORT")]);
  }
  return bindInet(state, caller, sock, call.addr.addr, call.addr.port);
}

function bindInet(state: KernelState, caller: Task, sock: Socket, addr: string, port: number): SyscallOutcome<0> {
  const trace: Check[] = [];
  if (addr !== ANY4 && addr !== ANY6 && !isLocalAddr(state, sock.netns, addr)) {
    return denied(state, [deny("kernel", "inet_addr_valid_or_nonlocal", `${addr} is not an address of network namespace ${sock.netns}`, "EADDRNOTAVAIL")]);
  }
  const start = getNetNs(state, sock.netns).sysctl.unprivilegedPortStart;
  if (port !== 0 && port < start) {
    const cap = capableCheck(state, caller.cred, netOwner(state, sock.netns), "CAP_NET_BIND_SERVICE", `binding port ${port} (below net.ipv4.ip_unprivileged_port_start = ${start})`, "EACCES");
    trace.push(cap);
    if (cap.verdict === "deny") return denied(state, trace);
  }
  if (sock.local !== null) return denied(state, [...trace, deny("kernel", "__inet_bind", "the socket is already bound", "EINVAL")]);
  let s = state;
  let chosen = port;
  if (port === 0) [s, chosen] = ephemeralPort(s, sock);
  const clash = portTaken(s, sock, addr, chosen);
  if (clash) {
    return denied(state, [...trace, deny("kernel", "inet_csk_get_port", `port ${chosen} is taken by socket:[${clash.ino}] of process ${clash.owner}`, "EADDRINUSE")]);
  }
  s = putSocket(s, { ...sock, local: { kind: "inet", addr, port: chosen } });
  return succeed(s, [...trace, pass("kernel", "inet_bind", `bound to ${addr}:${chosen}`)], 0);
}

function bindUnix(state: KernelState, sock: Socket, path: string): SyscallOutcome<0> {
  if (sock.family !== "AF_UNIX") return denied(state, [deny("kernel", "__inet_bind", "a path is not an IP address", "EAFNOSUPPORT")]);
  if (sock.local !== null) return denied(state, [deny("kernel", "unix_bind", "the socket is already bound", "EINVAL")]);
  const key = unixKey(sock.netns, path);
  const clash = [...state.net.sockets.values()].find((o) => o.family === "AF_UNIX" && o.local?.kind === "unix" && unixKey(o.netns, o.local.path) === key);
  if (clash) return denied(state, [deny("kernel", "unix_bind", `${path} is already bound`, "EADDRINUSE")]);
  return succeed(putSocket(state, { ...sock, local: { kind: "unix", path } }), [pass("kernel", "unix_bind", `bound to ${path}`)], 0);
}
