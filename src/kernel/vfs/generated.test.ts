import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_CAPS } from "../caps/capabilities";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";
import { attempt, ls, must, readFile, writeFile } from "./fs-harness";

describe("generated filesystems through the VFS", () => {
  it("reads /proc/self/mountinfo and /proc/mounts (a symlink to self/mounts)", () => {
    const k = new KernelHarness();
    const info = readFile(k, k.shell, "/proc/self/mountinfo") as string;
    expect(info.split("\n").slice(0, 6)).toEqual([
      "22 29 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw",
      "23 29 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw",
      "24 29 0:5 / /dev rw,nosuid,relatime shared:2 - devtmpfs udev rw,size=4065684k,nr_inodes=1016421,mode=755",
      "25 24 0:23 / /dev/pts rw,nosuid,noexec,relatime shared:3 - devpts devpts rw,gid=5,mode=620,ptmxmode=000",
      "26 29 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=813136k,mode=755",
      "29 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro",
    ]);
    expect(must(k, k.shell, { name: "readlink", path: "/proc/mounts" })).toBe("self/mounts");
    expect((readFile(k, k.shell, "/etc/mtab") as string).split("\n")[5]).toBe("/dev/sda1 / ext4 rw,relatime,errors=remount-ro 0 0");
  });

  it("wires the procfs renderers: status, cmdline, ns links", () => {
    const k = new KernelHarness();
    expect((readFile(k, k.shell, "/proc/self/status") as string).split("\n")[0]).toBe("Name:\tbash");
    expect(readFile(k, k.shell, "/proc/1/cmdline")).toBe("/sbin/init\0");
    expect(must(k, k.shell, { name: "readlink", path: "/proc/self/ns/mnt" })).toBe("mnt:[4026531832]");
    expect(must(k, k.shell, { name: "readlink", path: "/proc/self/cwd" })).toBe("/");
    expect(must(k, k.shell, { name: "readlink", path: "/proc/1/exe" })).toBe("/usr/lib/systemd/systemd");
    expect(must<{ ino: number }>(k, k.shell, { name: "stat", path: "/proc/self/ns/pid" }).ino).toBe(4026531836);
    expect(ls(k, k.shell, "/proc/self/ns")).toEqual(["cgroup", "ipc", "mnt", "net", "pid", "pid_for_children", "time", "time_for_children", "user", "uts"]);
  });

  it("checks ptrace access when another user's environ is opened", () => {
    const k = new KernelHarness();
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    const out = attempt(k, user, { name: "openat", path: "/proc/1/environ", flags: 0 });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)?.rule).toBe("generic_permission");
    expect(readFile(k, user, "/proc/1/cmdline")).toBe("/sbin/init\0");
    // Root with Docker's capabilities passes DAC but holds fewer capabilities than init.
    const docker = k.fork(k.shell);
    k.setCred(docker, { ...k.task(docker).cred, caps: { ...k.task(docker).cred.caps, effective: DOCKER_DEFAULT_CAPS, permitted: DOCKER_DEFAULT_CAPS } });
    const denied = attempt(k, docker, { name: "openat", path: "/proc/1/environ", flags: 0 });
    expect(denied.trace.map((c) => `${c.layer}:${c.verdict}:${c.rule}`)).toEqual([
      "dac:pass:generic_permission", "dac:pass:ptrace_may_access(PTRACE_MODE_READ_FSCREDS)", "capability:deny:cap_ptrace_access_check",
    ]);
    expect(readFile(k, k.shell, "/proc/1/environ")).toBe("");
  });

  it("writes /proc/sys/kernel/hostname into the writer's UTS namespace", () => {
    const k = new KernelHarness();
    expect(writeFile(k, k.shell, "/proc/sys/kernel/hostname", "newname\n")).toBe("ok");
    expect(readFile(k, k.shell, "/etc/hostname")).toBe("host\n");
    expect(readFile(k, k.shell, "/proc/sys/kernel/hostname")).toBe("newname\n");
  });

  it("lists, reads and writes cgroup2 interface files, and makes cgroups with mkdir", () => {
    const k = new KernelHarness();
    const root = ls(k, k.shell, "/sys/fs/cgroup") as string[];
    expect(root).toContain("cgroup.procs");
    expect(root).toContain("system.slice");
    must(k, k.shell, { name: "mkdir", path: "/sys/fs/cgroup/lab", mode: 0o755 });
    expect(readFile(k, k.shell, "/sys/fs/cgroup/lab/pids.max")).toBe("max\n");
    expect(writeFile(k, k.shell, "/sys/fs/cgroup/lab/pids.max", "20\n")).toBe("ok");
    expect(readFile(k, k.shell, "/sys/fs/cgroup/lab/pids.max")).toBe("20\n");
    expect(writeFile(k, k.shell, "/sys/fs/cgroup/lab/pids.max", "lots\n")).toBe("EINVAL");
    must(k, k.shell, { name: "rmdir", path: "/sys/fs/cgroup/lab" });
    expect(attempt(k, k.shell, { name: "stat", path: "/sys/fs/cgroup/lab" }).errno).toBe("ENOENT");
  });

  it("refuses files in /proc and /sys the way those filesystems do", () => {
    const k = new KernelHarness();
    expect(writeFile(k, k.shell, "/proc/newfile", "x")).toBe("EACCES");
    expect(attempt(k, k.shell, { name: "mkdir", path: "/proc/dir", mode: 0o755 }).errno).toBe("EPERM");
    expect(attempt(k, k.shell, { name: "unlink", path: "/proc/version" }).errno).toBe("EPERM");
    expect(readFile(k, k.shell, "/sys/block/sda/sda1/dev")).toBe("8:1\n");
  });
});
