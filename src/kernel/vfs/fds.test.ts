import { describe, expect, it } from "vitest";
import { CLONE_NEWNET, CLONE_NEWNS } from "../ns/namespace";
import { checkInvariants } from "../invariants";
import { KernelHarness } from "../testing";
import { attempt, must } from "./fs-harness";
import { MS_BIND } from "./mount-flags";
import { O_APPEND, O_CREAT, O_EXCL, O_RDWR, O_WRONLY, SEEK_END, SEEK_SET } from "./open-flags";

describe("file descriptors", () => {
  it("hands out the lowest free descriptor and shares offsets with a forked child", () => {
    const k = new KernelHarness();
    const a = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/etc/hostname", flags: 0 });
    const b = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/etc/hostname", flags: 0 });
    expect([a.fd, b.fd]).toEqual([0, 1]);
    must(k, k.shell, { name: "close", fd: a.fd });
    expect(must<{ fd: number }>(k, k.shell, { name: "openat", path: "/etc/hosts", flags: 0 }).fd).toBe(0);
    const child = k.fork(k.shell);
    expect(must(k, child, { name: "read", fd: b.fd, count: 2 })).toEqual({ data: "ho" });
    expect(must(k, k.shell, { name: "read", fd: b.fd, count: 10 })).toEqual({ data: "st\n" });
    expect(attempt(k, child, { name: "write", fd: b.fd, data: "x" }).errno).toBe("EBADF");
    expect(attempt(k, child, { name: "close", fd: 9 }).errno).toBe("EBADF");
  });

  it("creates with O_CREAT|O_EXCL, appends with O_APPEND and seeks", () => {
    const k = new KernelHarness();
    const f = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/tmp/log", flags: O_CREAT | O_EXCL | O_RDWR | O_APPEND, mode: 0o640 });
    expect(attempt(k, k.shell, { name: "openat", path: "/tmp/log", flags: O_CREAT | O_EXCL | O_WRONLY }).errno).toBe("EEXIST");
    must(k, k.shell, { name: "write", fd: f.fd, data: "one\n" });
    must(k, k.shell, { name: "lseek", fd: f.fd, offset: 0, whence: SEEK_SET });
    must(k, k.shell, { name: "write", fd: f.fd, data: "two\n" });
    expect(must(k, k.shell, { name: "lseek", fd: f.fd, offset: 0, whence: SEEK_END })).toBe(8);
    must(k, k.shell, { name: "lseek", fd: f.fd, offset: 0, whence: SEEK_SET });
    expect(must(k, k.shell, { name: "read", fd: f.fd, count: 100 })).toEqual({ data: "one\ntwo\n" });
    expect(must<{ mode: number; uid: number }>(k, k.shell, { name: "fstat", fd: f.fd })).toMatchObject({ mode: 0o100640, uid: 0, size: 8 });
  });

  it("lists a directory with getdents64, . and .. first", () => {
    const k = new KernelHarness();
    const d = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/etc/ssh", flags: 0o200000 });
    const names = must<{ name: string; type: number }[]>(k, k.shell, { name: "getdents64", fd: d.fd }).map((e) => `${e.name}:${e.type}`);
    expect(names).toEqual([".:4", "..:4", "ssh_host_ed25519_key:8", "ssh_host_ed25519_key.pub:8", "sshd_config:8", "sshd_config.d:4"]);
    expect(must(k, k.shell, { name: "getdents64", fd: d.fd })).toEqual([]);
  });

  it("keeps a namespace alive while an nsfs file is open or bind-mounted, and releases it after", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell, CLONE_NEWNET);
    const net = k.task(child).ns.net;
    must(k, k.shell, { name: "mkdir", path: "/run/netns", mode: 0o755 });
    writeEmpty(k, "/run/netns/c1");
    must(k, k.shell, { name: "mount", source: `/proc/${child}/ns/net`, target: "/run/netns/c1", fstype: null, flags: MS_BIND, data: null });
    const fd = must<{ fd: number }>(k, k.shell, { name: "openat", path: `/proc/${child}/ns/net`, flags: 0 });
    expect(attempt(k, k.shell, { name: "read", fd: fd.fd, count: 1 }).errno).toBe("EINVAL");
    must(k, child, { name: "exit_group", code: 0 });
    must(k, k.shell, { name: "wait4", pid: -1, options: 0 });
    expect(k.state.namespaces.get(net)?.refs).toBe(2);
    const line = k.state.vfs.namespaces.get(k.task(k.shell).ns.mnt);
    expect(line).toBeDefined();
    expect(must<{ ino: number }>(k, k.shell, { name: "stat", path: "/run/netns/c1" }).ino).toBe(net);
    must(k, k.shell, { name: "close", fd: fd.fd });
    must(k, k.shell, { name: "umount2", target: "/run/netns/c1", flags: 0 });
    expect(k.state.namespaces.has(net)).toBe(false);
    expect(checkInvariants(k.state)).toEqual([]);
  });

  it("closes a task's descriptors when it exits and frees a mount namespace with its last task", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell, CLONE_NEWNS);
    const mntNs = k.task(child).ns.mnt;
    must(k, child, { name: "openat", path: "/etc/hostname", flags: 0 });
    const before = k.state.vfs.mounts.size;
    must(k, child, { name: "exit_group", code: 0 });
    expect(k.state.vfs.files.size).toBe(0);
    expect(k.state.vfs.namespaces.has(mntNs)).toBe(false);
    expect(k.state.vfs.mounts.size).toBeLessThan(before);
    expect(checkInvariants(k.state)).toEqual([]);
  });
});

function writeEmpty(k: KernelHarness, path: string): void {
  const f = must<{ fd: number }>(k, k.shell, { name: "openat", path, flags: O_CREAT | O_WRONLY, mode: 0o644 });
  must(k, k.shell, { name: "close", fd: f.fd });
}
