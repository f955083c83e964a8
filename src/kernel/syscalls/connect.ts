/**
 * connect(2). TCP (`tcp_v4_connect()`) routes the SYN and waits for the answer: a SYN-ACK
 * (connected), a RST (ECONNREFUSED), an ICMP error (ENETUNREACH, EHOSTUNREACH) or nothing
 * (ETIMEDOUT) — `route()` works out which. A datagram socket only needs a route
 * (`ip4_datagram_connect()`: ENETUNREACH). AF_UNIX needs a listener bound to the name.
 * SIMPLIFICATION: the accepted socket on the listener's side is not created.
 */
import { isIp6 } from "../net/inet";
import type { Reach } from "../net/reach";
import { route } from "../net/reach";
import { fibLookup, isLocalAddr, selectSource } from "../net/routes";
import { badFd, isInet, unixKey } from "../net/socket-lookup";
import { ephemeralPort, putSocket, socketByFd } from "../net/sockets";
import type { Hop } from "../net/segment";
import type { SockAddr, Socket } from "../net/types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface ConnectCall {
  readonly name: "connect";
  readonly fd: number;
  readonly addr: SockAddr;
}

export interface Connected {
  readonly local: SockAddr | null;
  /** The way the connection took, for diagrams (empty for AF_UNIX and datagrams). */
  readonly path: readonly Hop[];
}

export function sysConnect(state: KernelState, caller: Task, call: ConnectCall): SyscallOutcome<Connected> {
  const sock = socketByFd(state, caller.pid, call.fd);
  if (!sock) return denied(state, [badFd(call.fd)]);
  if (call.addr.kind === "unix") return connectUnix(state, sock, call.addr.path);
  if (!isInet(sock)) return denied(state, [deny("kernel", "connect", `${sock.family} sockets take no IP address`, "EAFNOSUPPORT")]);
  if (sock.state !== "UNCONN" && sock.type === "SOCK_STREAM") {
    return denied(state, [deny("kernel", "__inet_stream_connect", sock.state === "LISTEN" ? "the socket is listening" : "the socket is already connected", "EISCONN")]);
  }
  const { addr, port } = call.addr;
  return sock.type === "SOCK_STREAM" ? connectTcp(state, sock, addr, port) : connectDgram(state, sock, addr, port);
}

function established(state: KernelState, sock: Socket, src: string, addr: string, port: number): readonly [KernelState, SockAddr] {
  let s = state;
  let local = sock.local;
  if (local === null || local.kind !== "inet") {
    let lport: number;
    [s, lport] = ephemeralPort(s, sock);
    local = { kind: "inet", addr: src, port: lport };
  }
  return [putSocket(s, { ...sock, state: "ESTAB", local, remote: { kind: "inet", addr, port } }), local] as const;
}

function connectTcp(state: KernelState, sock: Socket, addr: string, port: number): SyscallOutcome<Connected> {
  const bound = sock.local?.kind === "inet" && !["0.0.0.0", "::"].includes(sock.local.addr) ? sock.local.addr : undefined;
  const r: Reach = route(state, sock.netns, { proto: "tcp", dst: addr, dport: port, src: bound });
  const rule = "tcp_v4_connect";
  if (!r.ok) return denied(state, [deny("kernel", rule, r.reason, r.errno)]);
  const [s, local] = established(state, sock, sourceOf(state, sock, addr, bound), addr, port);
  return succeed(s, [pass("kernel", rule, `connected to ${addr}:${port} (${r.at === "outside" ? "outside the machine" : `network namespace ${r.at}`})`)], { local, path: r.path });
}

const sourceOf = (state: KernelState, sock: Socket, dst: string, bound?: string): string => {
  if (bound) return bound;
  if (isLocalAddr(state, sock.netns, dst)) return dst;
  const r = fibLookup(state, sock.netns, dst);
  return (r && selectSource(state, sock.netns, r, dst)) ?? "0.0.0.0";
};

function connectDgram(state: KernelState, sock: Socket, addr: string, port: number): SyscallOutcome<Connected> {
  const routable = isLocalAddr(state, sock.netns, addr) || (!isIp6(addr) && fibLookup(state, sock.netns, addr) !== undefined);
  if (!routable) return denied(state, [deny("kernel", "ip_route_connect", `network namespace ${sock.netns} has no route to ${addr}`, "ENETUNREACH")]);
  const [s, local] = established(state, sock, sourceOf(state, sock, addr), addr, port);
  return succeed(s, [pass("kernel", "ip4_datagram_connect", `default destination ${addr}:${port}`)], { local, path: [] });
}

function connectUnix(state: KernelState, sock: Socket, path: string): SyscallOutcome<Connected> {
  if (sock.family !== "AF_UNIX") return denied(state, [deny("kernel", "connect", "a path is not an IP address", "EAFNOSUPPORT")]);
  const key = unixKey(sock.netns, path);
  const peer = [...state.net.sockets.values()].find((o) => o.family === "AF_UNIX" && o.local?.kind === "unix" && unixKey(o.netns, o.local.path) === key);
  if (!peer) return denied(state, [deny("kernel", "unix_find_other", `no socket is bound to ${path}`, "ENOENT")]);
  if (peer.state !== "LISTEN") return denied(state, [deny("kernel", "unix_stream_connect", `the socket at ${path} is not listening`, "ECONNREFUSED")]);
  const s = putSocket(state, { ...sock, state: "ESTAB", remote: { kind: "unix", path } });
  return succeed(s, [pass("kernel", "unix_stream_connect", `connected to ${path} (process ${peer.owner})`)], { local: sock.local, path: [] });
}
