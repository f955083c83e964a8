/**
 * setsockopt(2), for the options the simulator models: IPV6_V6ONLY (an AF_INET6 socket on
 * `::` stops taking IPv4; fixed once bound) and SO_REUSEADDR (SIMPLIFICATION: accepted, with
 * no effect, since no socket lingers in TIME_WAIT here).
 */
import { badFd } from "../net/socket-lookup";
import { putSocket, socketByFd } from "../net/sockets";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface SetsockoptCall {
  readonly name: "setsockopt";
  readonly fd: number;
  readonly option: "IPV6_V6ONLY" | "SO_REUSEADDR";
  readonly value: boolean;
}

export function sysSetsockopt(state: KernelState, caller: Task, call: SetsockoptCall): SyscallOutcome<0> {
  const sock = socketByFd(state, caller.pid, call.fd);
  if (!sock) return denied(state, [badFd(call.fd)]);
  if (call.option === "SO_REUSEADDR") return succeed(state, [pass("kernel", "sock_setsockopt", "SO_REUSEADDR set")], 0);
  if (sock.family !== "AF_INET6") return denied(state, [deny("kernel", "do_ipv6_setsockopt", "IPV6_V6ONLY is an AF_INET6 option", "ENOPROTOOPT")]);
  if (sock.local !== null) return denied(state, [deny("kernel", "do_ipv6_setsockopt", "IPV6_V6ONLY cannot change once the socket is bound", "EINVAL")]);
  return succeed(putSocket(state, { ...sock, v6only: call.value }), [pass("kernel", "do_ipv6_setsockopt", `IPV6_V6ONLY ${call.value ? "on" : "off"}`)], 0);
}
