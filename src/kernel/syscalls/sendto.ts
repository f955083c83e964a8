/**
 * sendto(2) of an ICMP echo request, which is what ping(8) does. The call itself fails only
 * when the sender has no route at all (ENETUNREACH: "ping: connect: Network is unreachable");
 * otherwise the request leaves and what comes back is an echo reply, an ICMP error
 * ("Destination Host Unreachable") or nothing. SIMPLIFICATION: only ICMP echo is sent;
 * other datagrams are refused with EOPNOTSUPP.
 */
import { route } from "../net/reach";
import type { Hop } from "../net/segment";
import { badFd } from "../net/socket-lookup";
import { socketByFd } from "../net/sockets";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";
import { IPPROTO_ICMP, IPPROTO_ICMPV6 } from "./socket";

export interface SendtoCall {
  readonly name: "sendto";
  readonly fd: number;
  /** Destination of the ICMP echo request. */
  readonly dst: string;
}

export interface EchoResult {
  readonly answer: "reply" | "unreachable" | "timeout";
  readonly path: readonly Hop[];
  /** Why there is no reply, for the trace and the diagram. */
  readonly reason: string | null;
}

export function sysSendto(state: KernelState, caller: Task, call: SendtoCall): SyscallOutcome<EchoResult> {
  const sock = socketByFd(state, caller.pid, call.fd);
  if (!sock) return denied(state, [badFd(call.fd)]);
  const icmp = (sock.family === "AF_INET" || sock.family === "AF_INET6") && (sock.protocol === IPPROTO_ICMP || sock.protocol === IPPROTO_ICMPV6);
  if (!icmp) return denied(state, [deny("kernel", "sendto", "the simulator sends only ICMP echo requests", "EOPNOTSUPP")]);
  const src = sock.local?.kind === "inet" && sock.local.addr !== "0.0.0.0" ? sock.local.addr : undefined;
  const r = route(state, sock.netns, { proto: "icmp", dst: call.dst, src });
  if (r.ok) return succeed(state, [pass("kernel", "icmp_echo", `echo reply from ${call.dst}`)], { answer: "reply", path: r.path, reason: null });
  if (r.errno === "ENETUNREACH" && r.at === sock.netns && !r.path.some((h) => h.step !== "nat")) {
    return denied(state, [deny("kernel", "ip_route_output_flow", r.reason, "ENETUNREACH")]);
  }
  const answer = r.errno === "ETIMEDOUT" ? "timeout" : "unreachable";
  return succeed(state, [pass("kernel", "icmp_echo", `no echo reply: ${r.reason}`)], { answer, path: r.path, reason: r.reason });
}
