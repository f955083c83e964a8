import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWNS } from "../ns/namespace";
import { mapRootUser } from "../procfs/testing";
import { KernelHarness } from "../testing";
import { attempt, ls, mountinfoOf, must, normalizeIds, readFile, writeFile } from "./fs-harness";
import { MNT_DETACH, MS_BIND, MS_PRIVATE, MS_RDONLY, MS_REC, MS_REMOUNT } from "./mount-flags";

const mnt = (text: string) => text.split("\n").filter((l) => l.includes(" /mnt "));

describe("mount(2) and mount namespaces", () => {
  it("[02_unshare] unshare --mount; mount -t tmpfs none /mnt is invisible to the host", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    must(k, child, { name: "unshare", flags: CLONE_NEWNS });
    // util-linux unshare makes the copy private first (--propagation private).
    must(k, child, { name: "mount", source: "none", target: "/", fstype: null, flags: MS_REC | MS_PRIVATE, data: null });
    must(k, child, { name: "mount", source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null });
    expect(mnt(mountinfoOf(k, child)).map(normalizeIds)).toEqual(["ID PARENT 0:48 / /mnt rw,relatime - tmpfs none rw"]);
    const [line] = mnt(mountinfoOf(k, child));
    const rootId = mountinfoOf(k, child).split("\n").find((l) => l.includes(" / / "))?.split(" ")[0];
    expect(line?.split(" ")[1]).toBe(rootId);
    expect(mnt(mountinfoOf(k, k.shell))).toEqual([]);
    expect(ls(k, k.shell, "/mnt")).toEqual([]);
  });

  it("copies the tree with new ids; shared mounts stay peers, so a host mount propagates", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell, CLONE_NEWNS);
    const copy = mountinfoOf(k, child).split("\n").find((l) => l.includes(" / / "));
    expect(copy?.replace(/^\d+ \d+/, "N P")).toBe("N P 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro");
    must(k, k.shell, { name: "mount", source: "tmpfs", target: "/mnt", fstype: "tmpfs", flags: 0, data: "size=1m" });
    expect(mnt(mountinfoOf(k, k.shell)).map(normalizeIds)).toEqual(["ID PARENT 0:48 / /mnt rw,relatime shared:22 - tmpfs tmpfs rw,size=1024k"]);
    expect(mnt(mountinfoOf(k, child)).map(normalizeIds)).toEqual(["ID PARENT 0:48 / /mnt rw,relatime shared:22 - tmpfs tmpfs rw,size=1024k"]);
    expect(writeFile(k, k.shell, "/mnt/f", "same fs\n")).toBe("ok");
    expect(readFile(k, child, "/mnt/f")).toBe("same fs\n");
    must(k, k.shell, { name: "umount2", target: "/mnt", flags: 0 });
    expect(mnt(mountinfoOf(k, child))).toEqual([]);
  });

  it("does not propagate into a namespace made private, nor out of it", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell, CLONE_NEWNS);
    must(k, child, { name: "mount", source: null, target: "/", fstype: null, flags: MS_REC | MS_PRIVATE, data: null });
    must(k, k.shell, { name: "mount", source: "tmpfs", target: "/mnt", fstype: "tmpfs", flags: 0, data: null });
    expect(mnt(mountinfoOf(k, child))).toEqual([]);
    must(k, child, { name: "mount", source: "tmpfs", target: "/opt", fstype: "tmpfs", flags: 0, data: null });
    expect(mountinfoOf(k, k.shell)).not.toContain(" /opt ");
  });

  it("makes a less privileged copy's mounts slaves and locks them (mount_namespaces(7))", () => {
    const k = new KernelHarness();
    const userns = mapRootUser(k, k.shell, ["sh"], CLONE_NEWNS);
    const lines = mountinfoOf(k, userns).split("\n");
    expect(lines.find((l) => l.includes(" / / "))?.replace(/^\d+ \d+/, "N P")).toBe("N P 8:1 / / rw,relatime master:1 - ext4 /dev/sda1 rw,errors=remount-ro");
    const locked = attempt(k, userns, { name: "umount2", target: "/proc", flags: 0 });
    expect(locked.errno).toBe("EINVAL");
    expect(locked.trace.at(-1)?.rule).toBe("can_umount: MNT_LOCKED");
    expect(attempt(k, userns, { name: "mount", source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null }).errno).toBe("ok");
    const ext4 = attempt(k, userns, { name: "mount", source: "/dev/sda1", target: "/media", fstype: "ext4", flags: 0, data: null });
    expect(ext4.errno).toBe("EPERM");
    expect(ext4.trace.at(-1)?.reason).toBe("mounting a ext4 filesystem (mount_capable) needs CAP_SYS_ADMIN in the initial user namespace, which the caller does not have");
  });

  it("[reference §6] refuses a mount in a user namespace that does not own the mount namespace", () => {
    const k = new KernelHarness();
    const userns = mapRootUser(k, k.shell, ["sh"]);
    const out = attempt(k, userns, { name: "mount", source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null });
    expect(out.errno).toBe("EPERM");
    expect(out.trace.at(-1)?.reason).toBe("mounting (may_mount) needs CAP_SYS_ADMIN in the initial user namespace, which the caller does not have");
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(attempt(k, user, { name: "mount", source: "none", target: "/nonexistent", fstype: "tmpfs", flags: 0, data: null }).errno).toBe("ENOENT");
  });

  it("gives ENODEV, ENOTBLK, EINVAL and EBUSY where Linux does", () => {
    const k = new KernelHarness();
    const m = (source: string | null, target: string, fstype: string | null, data: string | null = null) =>
      attempt(k, k.shell, { name: "mount", source, target, fstype, flags: 0, data }).errno;
    expect(m("x", "/mnt", "nosuchfs")).toBe("ENODEV");
    expect(m("/etc/passwd", "/mnt", "ext4")).toBe("ENOTBLK");
    expect(m("/dev/sda", "/mnt", "ext4")).toBe("EINVAL");
    expect(m("none", "/mnt", "tmpfs", "size=1q")).toBe("EINVAL");
    expect(m("none", "/mnt", null)).toBe("EINVAL");
    expect(m("none", "/etc/passwd", "tmpfs")).toBe("ENOTDIR");
    expect(attempt(k, k.shell, { name: "umount2", target: "/etc", flags: 0 }).errno).toBe("EINVAL");
    must(k, k.shell, { name: "mount", source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null });
    const child = k.fork(k.shell);
    must(k, child, { name: "chdir", path: "/mnt" });
    const busy = attempt(k, k.shell, { name: "umount2", target: "/mnt", flags: 0 });
    expect(busy.errno).toBe("EBUSY");
    expect(busy.trace.at(-1)?.reason).toBe(`/mnt is busy: process ${child} has its working directory in it`);
    expect(attempt(k, k.shell, { name: "umount2", target: "/mnt", flags: MNT_DETACH }).errno).toBe("ok");
    expect(must(k, child, { name: "getcwd" })).toBe("(unreachable)/");
  });

  it("[7a] mounts the host disk again: the same filesystem, so writes land on the host", () => {
    const k = new KernelHarness();
    must(k, k.shell, { name: "mount", source: "/dev/sda1", target: "/mnt", fstype: "ext4", flags: 0, data: null });
    expect(readFile(k, k.shell, "/mnt/etc/hostname")).toBe("host\n");
    expect(writeFile(k, k.shell, "/mnt/etc/cron.d/x", "* * * * * root /tmp/evil.sh\n")).toBe("ok");
    expect(readFile(k, k.shell, "/etc/cron.d/x")).toBe("* * * * * root /tmp/evil.sh\n");
    // A new mount under the shared root gets a peer group of its own.
    expect(mnt(mountinfoOf(k, k.shell)).map(normalizeIds)).toEqual(["ID PARENT 8:1 / /mnt rw,relatime shared:22 - ext4 /dev/sda1 rw,errors=remount-ro"]);
  });

  it("[7e] a read-only bind mount of / refuses writes with EROFS, a writable one writes the host", () => {
    const k = new KernelHarness();
    must(k, k.shell, { name: "mkdir", path: "/host", mode: 0o755 });
    must(k, k.shell, { name: "mount", source: "/", target: "/host", fstype: null, flags: MS_BIND | MS_REC, data: null });
    expect(mountinfoOf(k, k.shell).split("\n").filter((l) => l.includes(" /host ")).map(normalizeIds))
      .toEqual(["ID PARENT 8:1 / /host rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro"]);
    expect(mountinfoOf(k, k.shell)).not.toContain("/host/host");
    expect(mountinfoOf(k, k.shell).split("\n").filter((l) => l.includes(" /host/")).length).toBe(20);
    expect(readFile(k, k.shell, "/host/proc/sys/kernel/hostname")).toBe("host\n");
    must(k, k.shell, { name: "mount", source: null, target: "/host", fstype: null, flags: MS_REMOUNT | MS_BIND | MS_RDONLY, data: null });
    const out = attempt(k, k.shell, { name: "openat", path: "/host/etc/passwd", flags: 1 });
    expect(out.errno).toBe("EROFS");
    expect(out.trace.at(-1)?.reason).toMatch(/^\/host\/etc\/passwd is on a read-only mount \(mount \d+\)$/);
    expect(writeFile(k, k.shell, "/etc/motd", "still writable\n")).toBe("ok");
    expect(attempt(k, k.shell, { name: "mkdir", path: "/host/tmp/x", mode: 0o755 }).errno).toBe("EROFS");
  });
});

describe("device nodes", () => {
  it("reads /dev/zero and /dev/null, and /dev/full fails writes with ENOSPC", () => {
    const k = new KernelHarness();
    expect(readFile(k, k.shell, "/dev/null")).toBe("");
    const z = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/dev/zero", flags: 0 });
    expect(must(k, k.shell, { name: "read", fd: z.fd, count: 4 })).toEqual({ data: "\0\0\0\0" });
    expect(writeFile(k, k.shell, "/dev/null", "gone")).toBe("ok");
    const full = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/dev/full", flags: 1 });
    const w = attempt(k, k.shell, { name: "write", fd: full.fd, data: "x" });
    expect(w.errno).toBe("ENOSPC");
    expect(w.trace.at(-1)?.reason).toBe("device 1:7 refused the write");
  });

  it("refuses device nodes on a nodev mount (EACCES) and unknown devices (ENXIO)", () => {
    const k = new KernelHarness();
    must(k, k.shell, { name: "mknod", path: "/run/null", mode: 0o020666, dev: { major: 1, minor: 3 } });
    expect(attempt(k, k.shell, { name: "openat", path: "/run/null", flags: 0 }).errno).toBe("EACCES");
    must(k, k.shell, { name: "mknod", path: "/tmp/odd", mode: 0o020666, dev: { major: 99, minor: 1 } });
    expect(attempt(k, k.shell, { name: "openat", path: "/tmp/odd", flags: 0 }).errno).toBe("ENXIO");
  });
});
