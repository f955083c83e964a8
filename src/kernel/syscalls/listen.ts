/**
 * listen(2) (`inet_listen()`, `unix_listen()`): only stream sockets listen; an unbound socket
 * gets an ephemeral port (autobind); the backlog is capped at net.core.somaxconn.
 */
import { getNetNs } from "../net/netns";
import { badFd, isInet } from "../net/socket-lookup";
import { ephemeralPort, putSocket, socketByFd } from "../net/sockets";
import { ANY4, ANY6 } from "../net/inet";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface ListenCall {
  readonly name: "listen";
  readonly fd: number;
  readonly backlog: number;
}

export function sysListen(state: KernelState, caller: Task, call: ListenCall): SyscallOutcome<0> {
  const sock = socketByFd(state, caller.pid, call.fd);
  if (!sock) return denied(state, [badFd(call.fd)]);
  if (sock.type !== "SOCK_STREAM" && sock.type !== "SOCK_SEQPACKET") {
    return denied(state, [deny("kernel", "sock_no_listen", `a ${sock.type} socket cannot listen`, "EOPNOTSUPP")]);
  }
  if (sock.state === "ESTAB") return denied(state, [deny("kernel", "inet_listen", "the socket is connected", "EINVAL")]);
  const somaxconn = getNetNs(state, sock.netns).sysctl.somaxconn;
  // The backlog is compared as unsigned: a negative one means "as many as allowed".
  const backlog = call.backlog < 0 || call.backlog > somaxconn ? somaxconn : call.backlog;
  let s = state;
  let local = sock.local;
  if (local === null && isInet(sock)) {
    let port: number;
    [s, port] = ephemeralPort(s, sock);
    local = { kind: "inet", addr: sock.family === "AF_INET6" ? ANY6 : ANY4, port };
  }
  if (local === null) local = { kind: "unix", path: `@${sock.ino.toString(16).padStart(5, "0")}` };
  s = putSocket(s, { ...sock, state: "LISTEN", local, backlog });
  const where = local.kind === "inet" ? `${local.addr}:${local.port}` : local.path;
  return succeed(s, [pass("kernel", "inet_listen", `listening on ${where}, backlog ${backlog}`)], 0);
}
