import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWNET, CLONE_NEWUSER } from "../ns/namespace";
import { dumpAddrs, dumpLinks } from "./dump";
import { NetHarness } from "./net-harness";
import { INIT_NET } from "./netns";
import { extackOf } from "./net-result";
import type { RtnlRequest } from "./rtnl-types";

const DUMMY: RtnlRequest = { type: "RTM_NEWLINK", kind: "dummy", name: "dummy0" };

describe("CAP_NET_ADMIN in the user namespace owning the network namespace", () => {
  it("refuses an unprivileged user on the host: RTNETLINK answers: Operation not permitted", () => {
    const k = new NetHarness();
    k.setCred(k.shell, userCred(1000, 1000));
    const out = k.call(k.shell, { name: "netlink", request: DUMMY });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace).toEqual([{
      layer: "capability", verdict: "deny", rule: "ns_capable(CAP_NET_ADMIN)", errno: "EPERM",
      reason: `RTM_NEWLINK: changing the network configuration (network namespace ${INIT_NET}) needs CAP_NET_ADMIN in the initial user namespace, which the caller does not have`,
    }]);
  });

  it("refuses root of a new user namespace in the host's network namespace", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWUSER);
    k.mapRoot(child);
    expect(k.call(child, { name: "netlink", request: DUMMY }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("lets root of a new user namespace change a network namespace it owns", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWUSER | CLONE_NEWNET);
    k.mapRoot(child);
    const out = k.call(child, { name: "netlink", request: DUMMY });
    expect(out.result).toEqual({ ok: true, value: { kind: "newlink", ifindex: 2, peerIfindex: null } });
    expect(out.trace.map((c) => `${c.layer}:${c.verdict}:${c.rule}`)).toEqual(["capability:pass:ns_capable(CAP_NET_ADMIN)", "kernel:pass:rtnl_newlink"]);
  });

  it("needs the capability over the target namespace too when moving a device there", () => {
    const k = new NetHarness();
    const rootless = k.fork(k.shell, CLONE_NEWUSER | CLONE_NEWNET);
    k.nl(rootless, DUMMY);
    const toHost = k.call(rootless, { name: "netlink", request: { type: "RTM_SETLINK", dev: { name: "dummy0" }, netns: { pid: 1 } } });
    expect(toHost.result).toEqual({ ok: false, error: "EPERM" });
    expect(toHost.trace.map((c) => `${c.verdict}:${c.rule}`)).toEqual(["pass:ns_capable(CAP_NET_ADMIN)", "pass:IFLA_NET_NS", "deny:ns_capable(CAP_NET_ADMIN)"]);
    const nobody = k.call(rootless, { name: "netlink", request: { type: "RTM_SETLINK", dev: { name: "dummy0" }, netns: { pid: 99999 } } });
    expect(nobody.result).toEqual({ ok: false, error: "ESRCH" });
    // Host root owns every user namespace below it: it may put a veth end in there.
    const veth = k.call(k.shell, { name: "netlink", request: { type: "RTM_NEWLINK", kind: "veth", name: "veth0", peer: { name: "eth0", netns: { pid: rootless } } } });
    expect(veth.result).toEqual({ ok: true, value: { kind: "newlink", ifindex: 5, peerIfindex: 3 } });
  });

  it("answers dumps to anyone", () => {
    const k = new NetHarness();
    k.setCred(k.shell, userCred(1000, 1000));
    expect(k.nl(k.shell, { type: "RTM_GETLINK" })).toMatchObject({ kind: "links", links: [{ name: "lo" }, { name: "eth0" }, { name: "docker0" }, { name: "virbr0" }] });
  });
});

describe("rtnetlink errors, as iproute2 reports them", () => {
  const failing = (k: NetHarness, request: RtnlRequest) => {
    const out = k.call(k.shell, { name: "netlink", request });
    return { result: out.result, extack: extackOf(out.trace) };
  };

  it("gives EEXIST for a taken name, a duplicate address and a duplicate route", () => {
    const k = new NetHarness();
    k.nl(k.shell, DUMMY);
    expect(failing(k, DUMMY)).toEqual({ result: { ok: false, error: "EEXIST" }, extack: undefined });
    const addr: RtnlRequest = { type: "RTM_NEWADDR", dev: { name: "dummy0" }, family: "inet", local: "10.9.0.1", prefixlen: 24 };
    k.nl(k.shell, addr);
    expect(failing(k, addr).result).toEqual({ ok: false, error: "EEXIST" });
    k.nl(k.shell, { type: "RTM_SETLINK", dev: { name: "dummy0" }, up: true });
    const route: RtnlRequest = { type: "RTM_NEWROUTE", dst: "10.10.0.0/16", gateway: "10.9.0.254" };
    k.nl(k.shell, route);
    expect(failing(k, route).result).toEqual({ ok: false, error: "EEXIST" });
    expect(k.nl(k.shell, { ...route, replace: true })).toEqual({ kind: "ack" });
  });

  it("explains with an extended ack: Unknown device type, Nexthop has invalid gateway", () => {
    const k = new NetHarness();
    expect(failing(k, { type: "RTM_NEWLINK", kind: "wireguard" })).toEqual({ result: { ok: false, error: "EOPNOTSUPP" }, extack: "Unknown device type" });
    expect(failing(k, { type: "RTM_NEWROUTE", dst: "default", gateway: "192.0.2.1" })).toEqual({ result: { ok: false, error: "ENETUNREACH" }, extack: "Nexthop has invalid gateway" });
    expect(failing(k, { type: "RTM_NEWROUTE", dst: "10.1.2.3/16", dev: { name: "eth0" } })).toEqual({ result: { ok: false, error: "EINVAL" }, extack: "Invalid prefix for given prefix length" });
    k.nl(k.shell, DUMMY);
    expect(failing(k, { type: "RTM_NEWROUTE", dst: "10.1.0.0/16", dev: { name: "dummy0" } })).toEqual({ result: { ok: false, error: "ENETDOWN" }, extack: "Nexthop device is not up" });
  });

  it("refuses to delete lo or a NIC, and deletes a veth pair as one", () => {
    const k = new NetHarness();
    expect(failing(k, { type: "RTM_DELLINK", dev: { name: "lo" } }).result).toEqual({ ok: false, error: "EOPNOTSUPP" });
    expect(failing(k, { type: "RTM_DELLINK", dev: { name: "eth0" } }).result).toEqual({ ok: false, error: "EOPNOTSUPP" });
    expect(failing(k, { type: "RTM_DELLINK", dev: { name: "nope" } }).result).toEqual({ ok: false, error: "ENODEV" });
    k.nl(k.shell, { type: "RTM_NEWLINK", kind: "veth", name: "veth0", peer: { name: "veth1" } });
    const names = () => dumpLinks(k.state, INIT_NET).map((l) => `${l.ifindex}:${l.name}${l.linkName ? `@${l.linkName}` : ""}`);
    // veth_newlink() registers the peer first: it gets the lower ifindex.
    expect(names()).toEqual(["1:lo", "2:eth0", "3:docker0", "4:virbr0", "5:veth1@veth0", "6:veth0@veth1"]);
    k.nl(k.shell, { type: "RTM_DELLINK", dev: { name: "veth1" } });
    expect(names()).toEqual(["1:lo", "2:eth0", "3:docker0", "4:virbr0"]);
  });

  it("keeps a second address in the same subnet as secondary, and deletes it with the primary", () => {
    const k = new NetHarness();
    k.nl(k.shell, { type: "RTM_NEWADDR", dev: { name: "eth0" }, family: "inet", local: "10.0.2.16", prefixlen: 24 });
    const eth0 = () => dumpAddrs(k.state, INIT_NET).filter((a) => a.dev === "eth0" && a.family === "inet").map((a) => `${a.local} ${a.flags.join(",")}`);
    expect(eth0()).toEqual(["10.0.2.15 ", "10.0.2.16 secondary"]);
    k.nl(k.shell, { type: "RTM_DELADDR", dev: { name: "eth0" }, local: "10.0.2.15", prefixlen: 24 });
    expect(eth0()).toEqual([]);
    expect(k.ipRoute(k.shell)).not.toContain("10.0.2.0/24");
    expect(failing(k, { type: "RTM_DELADDR", dev: { name: "eth0" }, local: "10.0.2.15" }).result).toEqual({ ok: false, error: "EADDRNOTAVAIL" });
  });

  it("will not rename a device that is up, nor enslave a bridge to a bridge", () => {
    const k = new NetHarness();
    expect(failing(k, { type: "RTM_SETLINK", dev: { name: "eth0" }, name: "wan0" }).result).toEqual({ ok: false, error: "EBUSY" });
    expect(failing(k, { type: "RTM_SETLINK", dev: { name: "virbr0" }, master: { name: "docker0" } })).toEqual({ result: { ok: false, error: "ELOOP" }, extack: "Can not enslave a bridge to a bridge" });
    expect(failing(k, { type: "RTM_SETLINK", dev: { name: "lo" }, netns: { pid: 1 } }).result).toEqual({ ok: true, value: { kind: "ack" } });
    const child = k.fork(k.shell, CLONE_NEWNET);
    expect(failing(k, { type: "RTM_SETLINK", dev: { name: "lo" }, netns: { pid: child } }).result).toEqual({ ok: false, error: "EINVAL" });
  });
});
