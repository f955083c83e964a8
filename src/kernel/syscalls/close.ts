/**
 * close(2): the descriptor goes; its open file description goes with its last descriptor
 * (and lets go of a namespace an nsfs file held).
 * SIMPLIFICATION: sockets still number their descriptors apart from the task's table
 * (src/kernel/net); a descriptor the table does not have is looked up among them.
 */
import { badFd } from "../net/socket-lookup";
import { closeSocket, socketByFd } from "../net/sockets";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { pass } from "../trace";
import { closeFd } from "../vfs/files";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface CloseCall {
  readonly name: "close";
  readonly fd: number;
}

export function sysClose(state: KernelState, caller: Task, call: CloseCall): SyscallOutcome<0> {
  if (caller.fds.has(call.fd)) return succeed(closeFd(state, caller.pid, call.fd), [pass("kernel", "close_fd", `descriptor ${call.fd} closed`)], 0);
  const sock = socketByFd(state, caller.pid, call.fd);
  if (!sock) return denied(state, [badFd(call.fd)]);
  return succeed(closeSocket(state, sock), [pass("kernel", "sock_close", `socket:[${sock.ino}] closed`)], 0);
}
