/**
 * Finding the socket a packet is for (`__inet_lookup_listener()`): a listener bound to the
 * destination address or to the wildcard, including an IPv6 wildcard socket, which accepts
 * IPv4 too unless it is IPV6_V6ONLY (net.ipv6.bindv6only = 0).
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { ANY4, ANY6, isIp6 } from "./inet";
import type { Check } from "../trace";
import { deny } from "../trace";
import type { Socket } from "./types";

export const isInet = (s: Socket): boolean => s.family === "AF_INET" || s.family === "AF_INET6";

/** What a socket bound to `addr` receives, per IP version: nothing, one address or all. */
export interface Covered {
  readonly v4: string | null;
  readonly v6: string | null;
}

export function covered(sock: Pick<Socket, "family" | "v6only">, addr: string): Covered {
  if (sock.family === "AF_INET") return { v4: addr === ANY4 ? "*" : addr, v6: null };
  if (addr === ANY6) return { v4: sock.v6only ? null : "*", v6: "*" };
  return { v4: null, v6: addr };
}

const meets = (a: string | null, b: string | null) => a !== null && b !== null && (a === "*" || b === "*" || a === b);
export const overlaps = (a: Covered, b: Covered): boolean => meets(a.v4, b.v4) || meets(a.v6, b.v6);

/** Does a socket bound to `bound` receive packets for `dst`? */
export function addrCovers(sock: Pick<Socket, "family" | "v6only">, bound: string, dst: string): boolean {
  const c = covered(sock, bound);
  return isIp6(dst) ? meets(c.v6, dst) : meets(c.v4, dst);
}

/**
 * The listening TCP socket for `dst:port` in the namespace, as its inode, or null.
 * SIMPLIFICATION: SO_BINDTODEVICE is not modelled, so a listener matches on any device.
 */
export function findListener(state: KernelState, ns: NsId, dst: string, port: number): number | null {
  for (const s of state.net.sockets.values()) {
    if (s.netns !== ns || s.state !== "LISTEN" || s.type !== "SOCK_STREAM" || !isInet(s)) continue;
    if (s.local?.kind === "inet" && s.local.port === port && addrCovers(s, s.local.addr, dst)) return s.ino;
  }
  return null;
}

/**
 * How AF_UNIX names compare: an abstract name (leading `@`, a NUL byte in C) lives in the
 * network namespace; a path names a file. SIMPLIFICATION: a path is compared as text, as if
 * every caller saw the same filesystem — the VFS is expected to pass a canonical host path
 * (after bind mounts) to bind and connect.
 */
export const unixKey = (netns: NsId, path: string): string => (path.startsWith("@") ? `${netns}:${path}` : path);

export const badFd = (fd: number): Check => deny("kernel", "sockfd_lookup", `fd ${fd} is not an open socket of the caller`, "EBADF");
