import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWNET, CLONE_NEWUSER } from "../ns/namespace";
import { dumpSockets } from "./dump";
import { NetHarness } from "./net-harness";
import { INIT_NET } from "./netns";
import { writeNetSysctl } from "./sysctl";

const inet = (addr: string, port: number) => ({ kind: "inet", addr, port }) as const;

describe("bind", () => {
  it("needs CAP_NET_BIND_SERVICE below net.ipv4.ip_unprivileged_port_start (EACCES)", () => {
    const k = new NetHarness();
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    const fd = k.socket(user, "AF_INET", "SOCK_STREAM");
    const out = k.call(user, { name: "bind", fd, addr: inet("0.0.0.0", 80) });
    expect(out.result).toEqual({ ok: false, error: "EACCES" });
    expect(out.trace).toEqual([{
      layer: "capability", verdict: "deny", rule: "ns_capable(CAP_NET_BIND_SERVICE)", errno: "EACCES",
      reason: "binding port 80 (below net.ipv4.ip_unprivileged_port_start = 1024) needs CAP_NET_BIND_SERVICE in the initial user namespace, which the caller does not have",
    }]);
    expect(k.call(user, { name: "bind", fd, addr: inet("0.0.0.0", 8080) }).result).toEqual({ ok: true, value: 0 });
  });

  it("lets anyone bind low ports where the start is 0, as Docker sets it in containers", () => {
    const k = new NetHarness();
    const c = k.fork(k.shell, CLONE_NEWNET);
    const written = writeNetSysctl(k.state, k.netOf(c), "net/ipv4/ip_unprivileged_port_start", "0\n");
    if (!written.ok) throw new Error("sysctl write failed");
    k.state = written.value;
    k.setCred(c, userCred(1000, 1000));
    const fd = k.socket(c, "AF_INET", "SOCK_STREAM");
    expect(k.call(c, { name: "bind", fd, addr: inet("0.0.0.0", 80) }).result).toEqual({ ok: true, value: 0 });
  });

  it("gives root of a user namespace low ports only in a network namespace it owns", () => {
    const k = new NetHarness();
    const rootlessHostNet = k.fork(k.shell, CLONE_NEWUSER);
    const fd = k.socket(rootlessHostNet, "AF_INET", "SOCK_STREAM");
    expect(k.call(rootlessHostNet, { name: "bind", fd, addr: inet("0.0.0.0", 80) }).result).toEqual({ ok: false, error: "EACCES" });
    const rootless = k.fork(k.shell, CLONE_NEWUSER | CLONE_NEWNET);
    const fd2 = k.socket(rootless, "AF_INET", "SOCK_STREAM");
    expect(k.call(rootless, { name: "bind", fd: fd2, addr: inet("0.0.0.0", 80) }).result).toEqual({ ok: true, value: 0 });
  });

  it("refuses a taken port (EADDRINUSE), a foreign address (EADDRNOTAVAIL) and a second bind (EINVAL)", () => {
    const k = new NetHarness();
    const fd = k.socket(k.shell, "AF_INET", "SOCK_STREAM");
    const taken = k.call(k.shell, { name: "bind", fd, addr: inet("10.0.2.15", 22) });
    expect(taken.result).toEqual({ ok: false, error: "EADDRINUSE" });
    expect(taken.trace.at(-1)?.rule).toBe("inet_csk_get_port");
    expect(k.call(k.shell, { name: "bind", fd, addr: inet("192.0.2.7", 8080) }).result).toEqual({ ok: false, error: "EADDRNOTAVAIL" });
    expect(k.call(k.shell, { name: "bind", fd, addr: inet("127.0.0.53", 8080) }).result).toEqual({ ok: true, value: 0 });
    expect(k.call(k.shell, { name: "bind", fd, addr: inet("127.0.0.53", 8081) }).result).toEqual({ ok: false, error: "EINVAL" });
    // UDP has its own port space; another namespace has its own everything.
    const udp = k.socket(k.shell, "AF_INET", "SOCK_DGRAM");
    expect(k.call(k.shell, { name: "bind", fd: udp, addr: inet("0.0.0.0", 22) }).result).toEqual({ ok: true, value: 0 });
    const other = k.fork(k.shell, CLONE_NEWNET);
    k.listen(other, "AF_INET", "0.0.0.0", 22);
  });

  it("makes an IPv6 wildcard socket clash with IPv4 unless IPV6_V6ONLY is set", () => {
    const k = new NetHarness();
    k.listen(k.shell, "AF_INET", "0.0.0.0", 8080);
    const v6 = k.socket(k.shell, "AF_INET6", "SOCK_STREAM");
    expect(k.call(k.shell, { name: "bind", fd: v6, addr: inet("::", 8080) }).result).toEqual({ ok: false, error: "EADDRINUSE" });
    k.call(k.shell, { name: "setsockopt", fd: v6, option: "IPV6_V6ONLY", value: true });
    expect(k.call(k.shell, { name: "bind", fd: v6, addr: inet("::", 8080) }).result).toEqual({ ok: true, value: 0 });
  });
});

describe("socket", () => {
  it("needs CAP_NET_RAW for raw and packet sockets, and ping_group_range for ping sockets", () => {
    const k = new NetHarness();
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(k.call(user, { name: "socket", domain: "AF_INET", type: "SOCK_RAW", protocol: 1 }).result).toEqual({ ok: false, error: "EPERM" });
    expect(k.call(user, { name: "socket", domain: "AF_PACKET", type: "SOCK_RAW" }).result).toEqual({ ok: false, error: "EPERM" });
    expect(k.call(user, { name: "socket", domain: "AF_INET", type: "SOCK_DGRAM", protocol: 1 }).result.ok).toBe(true);
    const fresh = k.fork(k.shell, CLONE_NEWNET);
    k.setCred(fresh, userCred(1000, 1000));
    expect(k.call(fresh, { name: "socket", domain: "AF_INET", type: "SOCK_DGRAM", protocol: 1 }).result).toEqual({ ok: false, error: "EACCES" });
    expect(k.call(fresh, { name: "socket", domain: "AF_APPLETALK", type: "SOCK_DGRAM" }).result).toEqual({ ok: false, error: "EAFNOSUPPORT" });
    expect(k.call(fresh, { name: "socket", domain: "AF_VSOCK", type: "SOCK_STREAM" }).result).toEqual({ ok: true, value: { fd: 3 } });
    // As libc passes them: AF_INET6 = 10, SOCK_DGRAM = 2.
    expect(k.call(fresh, { name: "socket", domain: 10, type: 2 }).result).toEqual({ ok: true, value: { fd: 4 } });
  });
});

describe("the socket table (`ss -tlnp`)", () => {
  it("lists the host's listeners with their owners, and new ones as they appear", () => {
    const k = new NetHarness();
    const fd = k.listen(k.shell, "AF_INET", "0.0.0.0", 8080);
    const rows = dumpSockets(k.state, INIT_NET).filter((s) => s.netid === "tcp" && s.state === "LISTEN");
    const sshd = [...k.state.tasks.values()].find((t) => t.comm === "sshd")?.pid;
    const resolved = [...k.state.tasks.values()].find((t) => t.comm === "systemd-resolve")?.pid;
    expect(rows.map((r) => ({ local: r.local, sendQ: r.sendQ, users: r.users }))).toEqual([
      { local: inet("127.0.0.53", 53), sendQ: 4096, users: [{ pid: resolved, fd: 3, comm: "systemd-resolve" }] },
      { local: inet("127.0.0.54", 53), sendQ: 4096, users: [{ pid: resolved, fd: 4, comm: "systemd-resolve" }] },
      { local: inet("0.0.0.0", 22), sendQ: 128, users: [{ pid: sshd, fd: 3, comm: "sshd" }] },
      { local: inet("::", 22), sendQ: 128, users: [{ pid: sshd, fd: 4, comm: "sshd" }] },
      { local: inet("0.0.0.0", 8080), sendQ: 511, users: [{ pid: k.shell, fd, comm: "bash" }] },
    ]);
  });

  it("drops a socket on close and every socket of a task at exit; a socket keeps its namespace alive", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    const net = k.netOf(child);
    const fd = k.listen(child, "AF_INET", "0.0.0.0", 8080);
    k.listen(child, "AF_INET", "0.0.0.0", 8081);
    expect(k.state.namespaces.get(net)?.refs).toBe(3);
    k.call(child, { name: "close", fd });
    expect(dumpSockets(k.state, net).map((s) => s.local)).toEqual([inet("0.0.0.0", 8081)]);
    expect(k.call(child, { name: "close", fd }).result).toEqual({ ok: false, error: "EBADF" });
    k.call(child, { name: "exit_group", code: 0 });
    expect(k.state.net.sockets.filter((s) => s.owner === child).size).toBe(0);
    expect(k.state.net.namespaces.has(net)).toBe(false);
  });

  it("keeps a namespace alive while a socket in it is open, even after its task left", () => {
    const k = new NetHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    const net = k.netOf(child);
    const fd = k.listen(child, "AF_INET", "0.0.0.0", 8080);
    k.call(child, { name: "setns", target: INIT_NET, nstype: CLONE_NEWNET });
    expect(k.state.namespaces.get(net)?.refs).toBe(1);
    expect(dumpSockets(k.state, net)).toHaveLength(1);
    k.call(child, { name: "close", fd });
    expect(k.state.namespaces.has(net)).toBe(false);
  });
});
