/**
 * RTM_NEWADDR/DELADDR (`inet_rtm_newaddr()`, `inet6_rtm_newaddr()`) and RTM_NEWROUTE/DELROUTE
 * (`inet_rtm_newroute()` → `fib_create_info()` → `fib_check_nh()`): a gateway must be on a
 * connected network ("Nexthop has invalid gateway"), the output device must be up.
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { pass } from "../trace";
import { addAddr, delAddr } from "./addrs";
import { inPrefix, isIp4, networkOf, parseCidr, parseIp4 } from "./inet";
import { findDevice } from "./link-modify";
import type { NetResult } from "./net-result";
import { netErr, netOk } from "./net-result";
import { getNetNs, putNetNs } from "./netns";
import { insertRoute, isLocalAddr, sameRoute } from "./routes";
import type { Done } from "./rtnl-link";
import { noDevice } from "./rtnl-link";
import type { Step } from "./net-result";
import { fromNet, stepFail } from "./net-result";
import type { RtnlRequest } from "./rtnl-types";
import type { NetDevice, RouteEntry } from "./types";

type Req<T extends RtnlRequest["type"]> = Extract<RtnlRequest, { type: T }>;
const ACK = { kind: "ack" } as const;

export function newAddr(state: KernelState, ns: NsId, req: Req<"RTM_NEWADDR">): Step<Done> {
  const dev = findDevice(state, ns, req.dev);
  if (!dev) return stepFail([noDevice(req.dev)]);
  const r = addAddr(state, ns, dev.ifindex, {
    family: req.family, local: req.local, prefixlen: req.prefixlen, broadcast: req.family === "inet" ? req.broadcast ?? null : null,
    scope: req.scope ?? "global", label: req.label ?? null, flags: req.flags ?? [],
  });
  return done(r, "inet_rtm_newaddr", `${req.local}/${req.prefixlen} added to ${dev.name}`);
}

export function delAddrReq(state: KernelState, ns: NsId, req: Req<"RTM_DELADDR">): Step<Done> {
  const dev = findDevice(state, ns, req.dev);
  if (!dev) return stepFail([noDevice(req.dev)]);
  return done(delAddr(state, ns, dev.ifindex, req.local, req.prefixlen), "inet_rtm_deladdr", `${req.local} removed from ${dev.name}`);
}

const done = (r: NetResult, rule: string, note: string): Step<Done> =>
  fromNet(r.ok ? netOk({ state: r.value, reply: ACK }) : r, r.ok ? [pass("kernel", rule, note)] : []);

/** rtm_to_fib_config(): `default` or a network whose host bits are zero. */
function parseDst(dst: string): NetResult<{ addr: string; prefixlen: number }> {
  const c = dst === "default" ? { addr: "0.0.0.0", prefixlen: 0 } : parseCidr(dst);
  if (!c) return netErr("EINVAL", "rtm_to_fib_config", `${dst} is not an IPv4 destination`);
  const ip = parseIp4(c.addr) ?? 0;
  if (networkOf(ip, c.prefixlen) !== ip) return netErr("EINVAL", "rtm_to_fib_config", `${dst} has host bits set`, "Invalid prefix for given prefix length");
  return netOk(c);
}

/** fib_check_nh_v4_gw(): the gateway must sit on a connected network (of `dev`, if given). */
function gatewayDev(state: KernelState, ns: NsId, gw: string, dev: NetDevice | undefined): NetResult<number> {
  const connected = getNetNs(state, ns).routes.find((r) =>
    r.gateway === null && r.prefixlen > 0 && (dev === undefined || r.dev === dev.ifindex) && inPrefix(gw, r.dst, r.prefixlen));
  if (!connected) return netErr("ENETUNREACH", "fib_check_nh_v4_gw", `${gw} is not on any network directly connected${dev ? ` to ${dev.name}` : ""}`, "Nexthop has invalid gateway");
  return netOk(connected.dev);
}

function buildRoute(state: KernelState, ns: NsId, req: Req<"RTM_NEWROUTE">): NetResult<RouteEntry> {
  const dst = parseDst(req.dst);
  if (!dst.ok) return dst;
  const dev = req.dev ? findDevice(state, ns, req.dev) : undefined;
  if (req.dev && !dev) return netErr("ENODEV", "fib_create_info", "no such output device");
  if (dev && !dev.up) return netErr("ENETDOWN", "fib_check_nh", `${dev.name} is down`, "Nexthop device is not up");
  let ifindex = dev?.ifindex;
  if (req.gateway !== undefined) {
    if (!isIp4(req.gateway)) return netErr("EINVAL", "fib_create_info", `${req.gateway} is not an IPv4 gateway`);
    const via = gatewayDev(state, ns, req.gateway, dev);
    if (!via.ok) return via;
    ifindex = via.value;
  }
  if (ifindex === undefined) return netErr("ENODEV", "fib_check_nh_nongw", "a route needs an output device or a gateway");
  if (req.src !== undefined && !isLocalAddr(state, ns, req.src)) return netErr("EINVAL", "fib_valid_prefsrc", `${req.src} is not a local address`, "Invalid prefsrc address");
  return netOk({
    dst: dst.value.addr, prefixlen: dst.value.prefixlen, gateway: req.gateway ?? null, dev: ifindex, proto: req.proto ?? "boot",
    scope: req.gateway ? "global" : "link", src: req.src ?? null, metric: req.metric ?? 0,
  });
}

export function newRoute(state: KernelState, ns: NsId, req: Req<"RTM_NEWROUTE">): Step<Done> {
  const built = buildRoute(state, ns, req);
  if (!built.ok) return fromNet(built);
  const route = built.value;
  const net = getNetNs(state, ns);
  const existing = net.routes.find((r) => sameRoute(r, route));
  if (existing && !req.replace) return fromNet(netErr("EEXIST", "fib_table_insert", `a route to ${req.dst} with metric ${route.metric} already exists`));
  const base = existing ? putNetNs(state, { ...net, routes: net.routes.filter((r) => r !== existing) }) : state;
  return done(netOk(insertRoute(base, ns, route)), "fib_table_insert", `route to ${req.dst} added`);
}

export function delRoute(state: KernelState, ns: NsId, req: Req<"RTM_DELROUTE">): Step<Done> {
  const dst = parseDst(req.dst);
  if (!dst.ok) return fromNet(dst);
  const dev = req.dev ? findDevice(state, ns, req.dev) : undefined;
  const net = getNetNs(state, ns);
  const match = net.routes.find((r) => r.dst === dst.value.addr && r.prefixlen === dst.value.prefixlen
    && (req.gateway === undefined || r.gateway === req.gateway) && (dev === undefined || r.dev === dev.ifindex)
    && (req.metric === undefined || r.metric === req.metric));
  if (!match) return fromNet(netErr("ESRCH", "fib_table_delete", `no route to ${req.dst} matches`));
  return done(netOk(putNetNs(state, { ...net, routes: net.routes.filter((r) => r !== match) })), "fib_table_delete", `route to ${req.dst} deleted`);
}
