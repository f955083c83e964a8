/**
 * The socket table. Sockets belong to a network namespace and to the task whose descriptor
 * holds them. SIMPLIFICATION: sockets are not open files of the VFS's descriptor table yet: a
 * socket records its owner and fd number itself (numbered from 3, skipping the task's open
 * files), and sockets are not inherited across fork or passed over AF_UNIX. Like a real socket, each keeps its network namespace
 * alive: the reference is kept in the owner's `heldNs`, which exit(2) releases.
 */
import type { NsId, Pid } from "../ids";
import { getNsRef, putNsRef } from "../ns/ns-ops";
import type { KernelState } from "../state";
import { getTask, putTask } from "../state";
import { ANY4, ANY6 } from "./inet";
import { getNetNs, putNetNs } from "./netns";
import { covered, overlaps } from "./socket-lookup";
import type { Socket } from "./types";

export const FIRST_FD = 3;

export const socketsOf = (state: KernelState, pid: Pid): Socket[] =>
  [...state.net.sockets.values()].filter((s) => s.owner === pid);

export const socketByFd = (state: KernelState, pid: Pid, fd: number): Socket | undefined =>
  socketsOf(state, pid).find((s) => s.fd === fd);

/**
 * The lowest free descriptor (`get_unused_fd_flags()`) above stdin, stdout and stderr, skipping
 * the task's files and sockets.
 */
export function allocFd(state: KernelState, pid: Pid): number {
  const used = new Set([...socketsOf(state, pid).map((s) => s.fd), ...(state.tasks.get(pid)?.fds.keys() ?? [])]);
  let fd = FIRST_FD;
  while (used.has(fd)) fd++;
  return fd;
}

export type NewSocket = Omit<Socket, "ino" | "fd" | "state" | "local" | "remote" | "backlog" | "v6only">;

/** sock_alloc() + fd_install(): the socket takes a reference on its namespace. */
export function addSocket(state: KernelState, spec: NewSocket): readonly [KernelState, Socket] {
  const sock: Socket = { ...spec, ino: state.net.nextSocketIno, fd: allocFd(state, spec.owner), state: "UNCONN", local: null, remote: null, backlog: 0, v6only: false };
  const owner = getTask(state, spec.owner);
  let s = putTask(state, { ...owner, heldNs: [...owner.heldNs, spec.netns] });
  s = getNsRef(s, spec.netns);
  s = { ...s, net: { ...s.net, sockets: s.net.sockets.set(sock.ino, sock), nextSocketIno: sock.ino + 1 } };
  return [s, sock] as const;
}

export const putSocket = (state: KernelState, sock: Socket): KernelState => ({
  ...state, net: { ...state.net, sockets: state.net.sockets.set(sock.ino, sock) },
});

/** close(2) of the last descriptor: the socket goes and drops its namespace reference. */
export function closeSocket(state: KernelState, sock: Socket): KernelState {
  let s: KernelState = { ...state, net: { ...state.net, sockets: state.net.sockets.delete(sock.ino) } };
  const owner = s.tasks.get(sock.owner);
  if (owner) {
    const at = owner.heldNs.indexOf(sock.netns);
    if (at >= 0) s = putTask(s, { ...owner, heldNs: owner.heldNs.filter((_, i) => i !== at) });
  }
  return putNsRef(s, sock.netns);
}

/**
 * exit_files() at exit: the task's sockets disappear. Their namespace references are the
 * task's `heldNs`, which do_exit() drops right after.
 */
export function exitSockets(state: KernelState, pid: Pid): KernelState {
  if (!state.net.sockets.some((s) => s.owner === pid)) return state;
  return { ...state, net: { ...state.net, sockets: state.net.sockets.filter((s) => s.owner !== pid) } };
}

const transport = (s: Socket) => (s.type === "SOCK_STREAM" ? "tcp" : s.type === "SOCK_DGRAM" ? "udp" : "raw");

/**
 * inet_csk_get_port() conflict: same transport and port, and addresses that overlap — a
 * wildcard covers every address, and an IPv6 wildcard without IPV6_V6ONLY covers IPv4 too.
 */
export function portTaken(state: KernelState, sock: Socket, addr: string, port: number): Socket | undefined {
  const mine = covered(sock, addr);
  for (const other of state.net.sockets.values()) {
    if (other.ino === sock.ino || other.netns !== sock.netns || transport(other) !== transport(sock)) continue;
    if (other.local?.kind !== "inet" || other.local.port !== port) continue;
    if (overlaps(mine, covered(other, other.local.addr))) return other;
  }
  return undefined;
}

/** An ephemeral port (`inet_csk_find_open_port()`); SIMPLIFICATION: in order, not hashed. */
export function ephemeralPort(state: KernelState, sock: Socket): readonly [KernelState, number] {
  const net = getNetNs(state, sock.netns);
  const [low, high] = net.sysctl.localPortRange;
  let port = net.nextPort < low || net.nextPort > high ? low : net.nextPort;
  for (let tries = 0; tries <= high - low && portTaken(state, sock, sock.family === "AF_INET6" ? ANY6 : ANY4, port); tries++) port = port >= high ? low : port + 1;
  return [putNetNs(state, { ...net, nextPort: port >= high ? low : port + 1 }), port] as const;
}

export const socketsIn = (state: KernelState, ns: NsId): Socket[] =>
  [...state.net.sockets.values()].filter((s) => s.netns === ns).sort((a, b) => a.ino - b.ino);
