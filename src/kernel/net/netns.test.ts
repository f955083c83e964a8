import { describe, expect, it } from "vitest";
import { CLONE_NEWNET, CLONE_NEWUSER } from "../ns/namespace";
import { dumpLinks, dumpRoutes } from "./dump";
import { NetHarness, formatIpBrLink } from "./net-harness";
import { INIT_NET } from "./netns";

const LO_UP = [
  "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
  "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
  "    inet 127.0.0.1/8 scope host lo",
  "       valid_lft forever preferred_lft forever",
  "    inet6 ::1/128 scope host ",
  "       valid_lft forever preferred_lft forever",
];

describe("the host's network at boot", () => {
  it("has lo, eth0 on the LAN, and docker0 and virbr0 without carrier", () => {
    const k = new NetHarness();
    expect(k.ipAddr(k.shell)).toBe([
      ...LO_UP,
      "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
      "    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff",
      "    inet 10.0.2.15/24 brd 10.0.2.255 scope global eth0",
      "       valid_lft forever preferred_lft forever",
      "    inet6 fe80::5054:ff:fe12:3456/64 scope link ",
      "       valid_lft forever preferred_lft forever",
      "3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default",
      `    link/ether ${dumpLinks(k.state, INIT_NET)[2]?.address} brd ff:ff:ff:ff:ff:ff`,
      "    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0",
      "       valid_lft forever preferred_lft forever",
      "4: virbr0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default qlen 1000",
      "    link/ether 52:54:00:3a:7c:1e brd ff:ff:ff:ff:ff:ff",
      "    inet 192.168.122.1/24 brd 192.168.122.255 scope global virbr0",
      "       valid_lft forever preferred_lft forever",
    ].join("\n"));
  });

  it("routes through 10.0.2.2, with the bridges' connected routes marked linkdown", () => {
    const k = new NetHarness();
    expect(k.ipRoute(k.shell)).toBe([
      "default via 10.0.2.2 dev eth0 proto static ",
      "10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 ",
      "172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown ",
      "192.168.122.0/24 dev virbr0 proto kernel scope link src 192.168.122.1 linkdown ",
    ].join("\n"));
    expect(dumpRoutes(k.state, INIT_NET)[0]).toEqual({
      dst: "0.0.0.0", prefixlen: 0, gateway: "10.0.2.2", dev: "eth0", proto: "static", scope: "global", src: null, metric: 0, linkdown: false,
    });
  });

  it("gives the same MACs on every boot (seeded, not random)", () => {
    expect(dumpLinks(new NetHarness().state, INIT_NET)).toEqual(dumpLinks(new NetHarness().state, INIT_NET));
  });
});

describe("a new network namespace", () => {
  it("has only lo, down, as `unshare --net ip addr` shows", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    expect(k.ipAddr(child)).toBe([
      "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000",
      "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
    ].join("\n"));
    expect(k.ipRoute(child)).toBe("");
  });

  it("gets 127.0.0.1/8 and ::1 when lo comes up (`ip link set lo up; ip addr`)", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    k.nl(child, { type: "RTM_SETLINK", dev: { name: "lo" }, up: true });
    expect(k.ipAddr(child)).toBe(LO_UP.join("\n"));
    k.nl(child, { type: "RTM_SETLINK", dev: { name: "lo" }, up: false });
    // IPv6 addresses go on down (keep_addr_on_down = 0); IPv4 ones stay.
    expect(k.ipAddr(child)).toBe([
      "1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN group default qlen 1000",
      "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
      "    inet 127.0.0.1/8 scope host lo",
      "       valid_lft forever preferred_lft forever",
    ].join("\n"));
  });

  it("lets a user namespace that owns it add a dummy device (reference §1)", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWUSER | CLONE_NEWNET);
    k.nl(child, { type: "RTM_NEWLINK", kind: "dummy", name: "dummy0" });
    const mac = dumpLinks(k.state, k.netOf(child))[1]?.address;
    expect(formatIpBrLink(dumpLinks(k.state, k.netOf(child)))).toBe([
      "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> ",
      `dummy0           DOWN           ${mac} <BROADCAST,NOARP> `,
    ].join("\n"));
  });

  it("is freed with its last task, taking its devices and a veth peer on the host with it", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    const net = k.netOf(child);
    k.nl(k.shell, { type: "RTM_NEWLINK", kind: "veth", name: "veth0", peer: { name: "eth0", netns: { pid: child } } });
    expect(dumpLinks(k.state, INIT_NET).map((l) => l.name)).toContain("veth0");
    k.call(child, { name: "exit_group", code: 0 });
    expect(k.state.net.namespaces.has(net)).toBe(false);
    expect(dumpLinks(k.state, INIT_NET).map((l) => l.name)).toEqual(["lo", "eth0", "docker0", "virbr0"]);
    expect(k.state.net.namespaces.get(INIT_NET)?.nsids.has(net)).toBe(false);
  });

  it("gives a physical NIC back to the initial namespace when it dies", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    k.nl(k.shell, { type: "RTM_SETLINK", dev: { name: "eth0" }, netns: { pid: child } });
    expect(dumpLinks(k.state, k.netOf(child)).map((l) => `${l.ifindex}:${l.name}`)).toEqual(["1:lo", "2:eth0"]);
    expect(k.ipRoute(k.shell)).not.toContain("eth0");
    k.call(child, { name: "exit_group", code: 0 });
    const eth0 = dumpLinks(k.state, INIT_NET).find((l) => l.name === "eth0");
    // It comes back down and without addresses, keeping ifindex 2, which is free again.
    expect(eth0).toMatchObject({ ifindex: 2, operstate: "DOWN", flags: ["BROADCAST", "MULTICAST"] });
  });
});
