/**
 * RTM_NEWLINK, RTM_SETLINK and RTM_DELLINK (`net/core/rtnetlink.c: rtnl_newlink()`,
 * `do_setlink()`, `rtnl_dellink()`). do_setlink() applies a request's attributes in a fixed
 * order: namespace first, then address, MTU, name, master, queue length, and up/down last.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { createLink } from "./link-create";
import type { DevRef } from "./link-modify";
import { findDevice, renameLink, setMac, setMaster, setMtu } from "./link-modify";
import { deleteLink, moveLink } from "./link-remove";
import { setLinkDown, setLinkUp } from "./link-updown";
import type { NetResult } from "./net-result";
import { netOk } from "./net-result";
import { getDev, putDev } from "./netns";
import { targetNetns } from "./rtnl-perm";
import type { Step } from "./net-result";
import { fromNet, stepFail, stepOk } from "./net-result";
import type { RtnlReply, RtnlRequest } from "./rtnl-types";
import type { NetDevice } from "./types";

export type Done = { readonly state: KernelState; readonly reply: RtnlReply };
type Req<T extends RtnlRequest["type"]> = Extract<RtnlRequest, { type: T }>;

const ACK: RtnlReply = { kind: "ack" };

export const noDevice = (ref: DevRef): Check =>
  deny("kernel", "__dev_get_by_name", `no device ${"name" in ref ? `named "${ref.name}"` : `with ifindex ${ref.ifindex}`} in the caller's network namespace`, "ENODEV");

export function newLink(state: KernelState, caller: Task, ns: NsId, req: Req<"RTM_NEWLINK">): Step<Done> {
  const checks: Check[] = [];
  let where = ns;
  if (req.netns) {
    const t = targetNetns(state, caller, req.netns);
    checks.push(...t.checks);
    if (!t.ok) return stepFail(checks);
    where = t.value;
  }
  let peerNs = where;
  if (req.peer?.netns) {
    const t = targetNetns(state, caller, req.peer.netns);
    checks.push(...t.checks);
    if (!t.ok) return stepFail(checks);
    peerNs = t.value;
  }
  const made = createLink(state, where, { ...req, peer: { ...req.peer, ns: peerNs } });
  if (!made.ok) return fromNet(made, checks);
  const dev = getDev(made.value.state, where, made.value.ifindex);
  checks.push(pass("kernel", "rtnl_newlink", `created ${req.kind} ${dev?.name} (ifindex ${made.value.ifindex}) in network namespace ${where}`));
  return stepOk({ state: made.value.state, reply: { kind: "newlink", ifindex: made.value.ifindex, peerIfindex: made.value.peerIfindex } }, checks);
}

export function delLink(state: KernelState, ns: NsId, req: Req<"RTM_DELLINK">): Step<Done> {
  const dev = findDevice(state, ns, req.dev);
  if (!dev) return stepFail([noDevice(req.dev)]);
  const r = deleteLink(state, ns, dev);
  return fromNet(r.ok ? netOk({ state: r.value, reply: ACK }) : r, r.ok ? [pass("kernel", "rtnl_dellink", `deleted ${dev.name}${dev.peer ? " and its veth peer" : ""}`)] : []);
}

type Change = (state: KernelState, ns: NsId, dev: NetDevice) => NetResult;

/** The attribute handlers of do_setlink(), in its order. */
function changes(req: Req<"RTM_SETLINK">, moved: boolean, master: readonly Change[]): Change[] {
  const out: Change[] = [];
  if (req.address !== undefined) out.push((s, ns, d) => setMac(s, ns, d, req.address as string));
  if (req.mtu !== undefined) out.push((s, ns, d) => setMtu(s, ns, d, req.mtu as number));
  if (req.name !== undefined && !moved) out.push((s, ns, d) => renameLink(s, ns, d, req.name as string));
  out.push(...master);
  if (req.txqlen !== undefined) out.push((s, ns, d) => netOk(putDev(s, ns, { ...d, txqlen: Math.max(0, req.txqlen as number) })));
  if (req.up === true) out.push((s, ns, d) => netOk(setLinkUp(s, ns, d.ifindex)));
  if (req.up === false) out.push((s, ns, d) => netOk(setLinkDown(s, ns, d.ifindex)));
  return out;
}

export function setLink(state: KernelState, caller: Task, ns: NsId, req: Req<"RTM_SETLINK">): Step<Done> {
  const dev = findDevice(state, ns, req.dev);
  if (!dev) return stepFail([noDevice(req.dev)]);
  const checks: Check[] = [];
  let s = state;
  let at = ns;
  let ifindex = dev.ifindex;
  if (req.netns) {
    const t = targetNetns(s, caller, req.netns);
    checks.push(...t.checks);
    if (!t.ok) return stepFail(checks);
    const moved = moveLink(s, ns, dev, t.value, req.name);
    if (!moved.ok) return fromNet(moved, checks);
    [s, at, ifindex] = [moved.value.state, t.value, moved.value.ifindex];
    checks.push(pass("kernel", "dev_change_net_namespace", `${dev.name} moved to network namespace ${at} as ifindex ${ifindex}`));
  }
  const master = masterChange(s, at, req);
  if (!master.ok) return stepFail([...checks, ...master.checks]);
  for (const change of changes(req, req.netns !== undefined, master.value)) {
    const r = change(s, at, getDev(s, at, ifindex) as NetDevice);
    if (!r.ok) return fromNet(r, checks);
    s = r.value;
  }
  checks.push(pass("kernel", "do_setlink", `${getDev(s, at, ifindex)?.name} updated`));
  return stepOk({ state: s, reply: ACK }, checks);
}

/** IFLA_MASTER: the bridge is looked up before anything changes, and joined after the name. */
function masterChange(state: KernelState, ns: NsId, req: Req<"RTM_SETLINK">): Step<Change[]> {
  if (req.master === undefined) return stepOk([]);
  if (req.master === null) return stepOk([(s, n, d) => setMaster(s, n, d, null)]);
  const bridge = findDevice(state, ns, req.master);
  if (!bridge) return stepFail([noDevice(req.master)]);
  return stepOk([(s, n, d) => setMaster(s, n, d, getDev(s, n, bridge.ifindex) ?? bridge)]);
}
