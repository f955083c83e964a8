/**
 * Who may change a network namespace: "CAP_NET_ADMIN … in the user namespace that owns the
 * network namespace" (`netlink_net_capable()` in rtnetlink_rcv_msg(), and
 * `rtnl_link_get_net_capable()` for a target namespace named by PID or fd). This is why
 * `unshare --user --map-root-user ip link add …` fails in the host's network namespace but
 * works once the user namespace also owns a new network namespace.
 */
import { capableCheck } from "../cred/capable";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { findTaskByNr } from "../task/pid-alloc";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { NetnsRef } from "./rtnl-types";
import type { Step } from "./net-result";
import { stepFail, stepOk } from "./net-result";

/** The user namespace owning a network namespace. */
export function netOwner(state: KernelState, net: NsId): NsId {
  const ns = state.namespaces.get(net);
  if (!ns || ns.type !== "net" || ns.owner === null) throw new Error(`kernel invariant: no network namespace ${net}`);
  return ns.owner;
}

/** CAP_NET_ADMIN over `net`, as a trace record. */
export const netAdminCheck = (state: KernelState, caller: Task, net: NsId, what: string) =>
  capableCheck(state, caller.cred, netOwner(state, net), "CAP_NET_ADMIN", `${what} (network namespace ${net})`);

/** rtnl_link_get_net_capable(): the namespace a request names, if the caller may change it. */
export function targetNetns(state: KernelState, caller: Task, ref: NetnsRef): Step<NsId> {
  let net: NsId;
  if ("pid" in ref) {
    const pid = findTaskByNr(state, caller.pidNs, ref.pid);
    const task = pid === undefined ? undefined : state.tasks.get(pid);
    if (!task || task.state === "Z") {
      return stepFail([deny("namespace", "get_net_ns_by_pid", `no process ${ref.pid} in the caller's PID namespace`, "ESRCH")]);
    }
    net = task.ns.net;
  } else {
    const ns = state.namespaces.get(ref.nsId);
    if (!ns || ns.type !== "net") return stepFail([deny("namespace", "get_net_ns_by_fd", "the descriptor is not a network namespace", "EINVAL")]);
    net = ns.id;
  }
  const found = pass("namespace", "IFLA_NET_NS", `target is network namespace ${net}`);
  const cap = netAdminCheck(state, caller, net, "placing a device in another namespace");
  return cap.verdict === "deny" ? stepFail([found, cap]) : stepOk(net, [found, cap]);
}
