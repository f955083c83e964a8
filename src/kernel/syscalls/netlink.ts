/**
 * A request on a NETLINK_ROUTE (or NETLINK_NETFILTER) socket: sendmsg(2) of one message and
 * recvmsg(2) of its answer, as one call. SIMPLIFICATION: no socket descriptor is needed; the
 * request acts on the caller's current network namespace, with the caller's credentials.
 * A failure carries the netlink extended ack, if any, in its last check (see `extackOf`).
 */
import { rtnetlink } from "../net/rtnetlink";
import type { RtnlReply, RtnlRequest } from "../net/rtnl-types";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface NetlinkCall {
  readonly name: "netlink";
  readonly request: RtnlRequest;
}

export function sysNetlink(state: KernelState, caller: Task, call: NetlinkCall): SyscallOutcome<RtnlReply> {
  const out = rtnetlink(state, caller, call.request);
  return out.ok ? succeed(out.value.state, out.checks, out.value.reply) : denied(state, out.checks);
}
