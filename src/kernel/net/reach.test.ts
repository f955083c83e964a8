import { describe, expect, it } from "vitest";
import { CLONE_NEWNET } from "../ns/namespace";
import { NetHarness } from "./net-harness";
import { INIT_NET } from "./netns";
import { route } from "./reach";
import type { NatRule } from "./types";

describe("a veth pair between the host and a network namespace", () => {
  it("carries ping both ways once both ends have addresses and are up", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    k.nl(k.shell, { type: "RTM_NEWLINK", kind: "veth", name: "veth0", peer: { name: "eth0", netns: { pid: child } } });
    k.nl(k.shell, { type: "RTM_NEWADDR", dev: { name: "veth0" }, family: "inet", local: "10.200.0.1", prefixlen: 24 });
    k.nl(k.shell, { type: "RTM_SETLINK", dev: { name: "veth0" }, up: true });
    // The other end is still down: no carrier, so no ARP answer.
    expect(route(k.state, INIT_NET, { proto: "icmp", dst: "10.200.0.2" })).toMatchObject({ ok: false, errno: "EHOSTUNREACH", reason: "no host answers ARP for 10.200.0.2 on veth0" });
    k.configure(child, "eth0", "10.200.0.2/24");
    const there = route(k.state, INIT_NET, { proto: "icmp", dst: "10.200.0.2" });
    expect(there).toMatchObject({ ok: true, at: k.netOf(child), src: "10.200.0.1" });
    expect(there.path.map((h) => h.note)).toEqual([
      "10.200.0.2 via direct dev veth0",
      `veth veth0 (netns ${INIT_NET}) → eth0 (netns ${k.netOf(child)})`,
      `10.200.0.2 is a local address of network namespace ${k.netOf(child)}`,
    ]);
    expect(route(k.state, k.netOf(child), { proto: "icmp", dst: "10.200.0.1" })).toMatchObject({ ok: true, at: INIT_NET });
    // Only the connected network is reachable from inside: there is no default route.
    expect(route(k.state, k.netOf(child), { proto: "icmp", dst: "10.0.2.15" })).toMatchObject({ ok: false, errno: "ENETUNREACH" });
  });

  it("shows the container side as `ip addr` does inside a Docker container", () => {
    const k = new NetHarness();
    const c = k.container("172.17.0.2", "vethb4a3f1c", "02:42:ac:11:00:02");
    // Recorded in a lab container (transcript 10), but for the host end's ifindex and DAD's
    // `tentative`, which the simulator does not model.
    expect(k.ipAddr(c).split("\n").slice(6)).toEqual([
      "2: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000",
      "    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0",
      "    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0",
      "       valid_lft forever preferred_lft forever",
      "    inet6 fe80::42:acff:fe11:2/64 scope link ",
      "       valid_lft forever preferred_lft forever",
    ]);
    expect(k.ipRoute(c)).toBe("default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 ");
    // docker0 has carrier now, and its route is no longer linkdown.
    expect(k.ipRoute(k.shell)).toContain("172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 \n");
  });
});

describe("containers on docker0", () => {
  it("reach each other through the bridge, and the host through its address on it", () => {
    const k = new NetHarness();
    const a = k.container("172.17.0.2", "veth0a");
    const b = k.container("172.17.0.3", "veth0b");
    const ab = route(k.state, k.netOf(a), { proto: "icmp", dst: "172.17.0.3" });
    expect(ab).toMatchObject({ ok: true, at: k.netOf(b) });
    expect(ab.path.map((h) => h.step)).toEqual(["route", "veth", "bridge", "bridge", "veth", "deliver"]);
    expect(route(k.state, k.netOf(b), { proto: "icmp", dst: "172.17.0.1" })).toMatchObject({ ok: true, at: INIT_NET });
    expect(route(k.state, INIT_NET, { proto: "icmp", dst: "172.17.0.2" })).toMatchObject({ ok: true, at: k.netOf(a) });
    expect(route(k.state, k.netOf(a), { proto: "icmp", dst: "172.17.0.9" })).toMatchObject({ ok: false, errno: "EHOSTUNREACH" });
  });

  it("reach the internet through MASQUERADE, and time out without it", () => {
    const k = new NetHarness();
    const c = k.container("172.17.0.2", "veth0a");
    const out = route(k.state, k.netOf(c), { proto: "icmp", dst: "8.8.8.8" });
    expect(out).toMatchObject({ ok: true, at: "outside" });
    expect(out.path.filter((h) => h.step === "nat").map((h) => h.note)).toEqual(["MASQUERADE 172.17.0.2 → 10.0.2.15 (docker0 masquerade)"]);
    const masq = k.nl(k.shell, { type: "NFT_MSG_GETRULE" });
    const rule = (masq.kind === "rules" ? masq.rules[0] : undefined) as NatRule;
    k.nl(k.shell, { type: "NFT_MSG_DELRULE", rule });
    expect(route(k.state, k.netOf(c), { proto: "icmp", dst: "8.8.8.8" })).toMatchObject({
      ok: false, errno: "ETIMEDOUT",
      reason: "the reply to 172.17.0.2 is lost: nothing outside the machine can send to 172.17.0.2: only addresses of eth0 on 10.0.2.0/24 are reachable from there",
    });
  });

  it("get host unreachable from the host when it does not forward", () => {
    const k = new NetHarness();
    const c = k.container("172.17.0.2", "veth0a");
    k.state = { ...k.state, net: { ...k.state.net, namespaces: k.state.net.namespaces.update(INIT_NET, (n) => n && { ...n, sysctl: { ...n.sysctl, ipForward: false } }) } };
    expect(route(k.state, k.netOf(c), { proto: "icmp", dst: "8.8.8.8" })).toMatchObject({ ok: false, errno: "EHOSTUNREACH", at: INIT_NET });
  });
});

describe("connections", () => {
  it("reach a published port through DNAT, from the host and from the internet", () => {
    const k = new NetHarness();
    const c = k.container("172.17.0.2", "veth0a");
    k.listen(c, "AF_INET", "0.0.0.0", 80);
    const dnat = { target: "DNAT", proto: "tcp", dport: 8080, dstLocal: true, toAddr: "172.17.0.2", toPort: 80 } as const;
    k.nl(k.shell, { type: "NFT_MSG_NEWRULE", rule: { chain: "PREROUTING", inIface: "!docker0", ...dnat } });
    k.nl(k.shell, { type: "NFT_MSG_NEWRULE", rule: { chain: "OUTPUT", ...dnat } });
    expect(k.connectTo(k.shell, "10.0.2.15", 8080)).toBe("connected");
    const fromHost = route(k.state, INIT_NET, { proto: "tcp", dst: "10.0.2.15", dport: 8080 });
    expect(fromHost).toMatchObject({ ok: true, at: k.netOf(c), dst: "172.17.0.2", dport: 80 });
    expect(route(k.state, "outside", { proto: "tcp", dst: "10.0.2.15", dport: 8080 })).toMatchObject({ ok: true, at: k.netOf(c) });
    expect(route(k.state, "outside", { proto: "tcp", dst: "10.0.2.15", dport: 22 })).toMatchObject({ ok: true, at: INIT_NET });
    expect(route(k.state, "outside", { proto: "tcp", dst: "172.17.0.2", dport: 80 })).toMatchObject({ ok: false, errno: "ETIMEDOUT" });
  });

  it("are refused when nothing listens, and unreachable without a route", () => {
    const k = new NetHarness();
    const c = k.container("172.17.0.2", "veth0a");
    expect(k.connectTo(k.shell, "172.17.0.2", 80)).toBe("ECONNREFUSED");
    expect(k.connectTo(c, "172.17.0.1", 22)).toBe("connected");
    expect(k.connectTo(k.shell, "::1", 22)).toBe("connected");
    expect(k.connectTo(k.shell, "1.1.1.1", 443)).toBe("connected");
    expect(k.connectTo(k.shell, "1.1.1.1", 8443)).toBe("ETIMEDOUT");
    const bare = k.fork(k.shell, CLONE_NEWNET);
    expect(k.connectTo(bare, "127.0.0.1", 80)).toBe("ENETUNREACH");
    k.nl(bare, { type: "RTM_SETLINK", dev: { name: "lo" }, up: true });
    expect(k.connectTo(bare, "127.0.0.1", 80)).toBe("ECONNREFUSED");
    k.listen(bare, "AF_INET", "127.0.0.1", 80);
    expect(k.connectTo(bare, "127.0.0.2", 80)).toBe("ECONNREFUSED");
    expect(k.connectTo(bare, "127.0.0.1", 80)).toBe("connected");
  });
});
