import { describe, expect, it } from "vitest";
import type { Pid } from "../ids";
import { CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUTS } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { attempt, mountinfoOf, must, readFile, writeFile } from "./fs-harness";
import { MNT_DETACH, MS_BIND, MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_PRIVATE, MS_RDONLY, MS_REC, MS_REMOUNT, MS_STRICTATIME } from "./mount-flags";

const ID = "26942030231a01eb86f34e1995c9ef5a96fdf94fef09b3873b828c804dcb9c85";
const LAB = "/var/lib/lab";
const ROOT = `${LAB}/overlay2/${ID}/merged`;

/** The lab's container setup (reference §0): what runc does for `docker run`, step by step. */
function labContainer(k: KernelHarness): Pid {
  const sh = k.shell;
  for (const d of [LAB, `${LAB}/image`, `${LAB}/overlay2`, `${LAB}/overlay2/${ID}`, `${LAB}/overlay2/${ID}/diff`, `${LAB}/overlay2/${ID}/work`, ROOT, `${LAB}/containers`, `${LAB}/containers/${ID}`]) {
    must(k, sh, { name: "mkdir", path: d, mode: 0o755 });
  }
  for (const d of ["proc", "sys", "dev", "etc", "tmp"]) must(k, sh, { name: "mkdir", path: `${LAB}/image/${d}`, mode: 0o755 });
  writeFile(k, sh, `${LAB}/image/etc/hostname`, "");
  writeFile(k, sh, `${LAB}/containers/${ID}/hostname`, "26942030231a\n");
  const c = k.fork(sh, CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET);
  const mount = (source: string | null, target: string, fstype: string | null, flags: number, data: string | null = null) =>
    must(k, c, { name: "mount", source, target, fstype, flags, data });
  mount(null, "/", null, MS_REC | MS_PRIVATE);
  mount("overlay", ROOT, "overlay", 0, `lowerdir=${LAB}/image,upperdir=${LAB}/overlay2/${ID}/diff,workdir=${LAB}/overlay2/${ID}/work`);
  mount("proc", `${ROOT}/proc`, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC);
  mount("sysfs", `${ROOT}/sys`, "sysfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
  mount("tmpfs", `${ROOT}/dev`, "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
  for (const d of ["pts", "shm", "mqueue"]) must(k, c, { name: "mkdir", path: `${ROOT}/dev/${d}`, mode: 0o755 });
  must(k, c, { name: "mknod", path: `${ROOT}/dev/null`, mode: 0o020666, dev: { major: 1, minor: 3 } });
  mount("devpts", `${ROOT}/dev/pts`, "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5");
  mount("shm", `${ROOT}/dev/shm`, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k");
  mount("mqueue", `${ROOT}/dev/mqueue`, "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC);
  return c;
}

function finish(k: KernelHarness, c: Pid): void {
  const mount = (source: string | null, target: string, fstype: string | null, flags: number, data: string | null = null) =>
    must(k, c, { name: "mount", source, target, fstype, flags, data });
  mount("tmpfs", `${ROOT}/sys/fs/cgroup`, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=755");
  mount(`${LAB}/containers/${ID}/hostname`, `${ROOT}/etc/hostname`, null, MS_BIND | MS_REC);
  must(k, c, { name: "chdir", path: ROOT });
  must(k, c, { name: "pivot_root", newRoot: ".", putOld: "." });
  must(k, c, { name: "umount2", target: ".", flags: MNT_DETACH });
  // Masked paths: /dev/null over a file; read-only paths: a read-only bind of the path on itself.
  mount("/dev/null", "/proc/interrupts", null, MS_BIND);
  mount("/proc/bus", "/proc/bus", null, MS_BIND | MS_REC);
  mount("/proc/bus", "/proc/bus", null, MS_BIND | MS_REC | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
}

/** Ids and device numbers differ between hosts; everything else must be as recorded. */
const norm = (l: string) => l.replace(/^\d+ \d+ \d+:\d+ /, "ID PARENT DEV ").replace(/\/var\/lib\/lab/g, LAB);

describe("[10_container_default] a container's /proc/self/mountinfo", () => {
  it("has the recorded lines: overlay root, proc, ro sysfs, /dev tmpfs, devpts, shm, mqueue, binds, masks", () => {
    const k = new KernelHarness();
    const c = labContainer(k);
    finish(k, c);
    expect(mountinfoOf(k, c).trimEnd().split("\n").map(norm)).toEqual([
      `ID PARENT DEV / / rw,relatime - overlay overlay rw,lowerdir=${LAB}/image,upperdir=${LAB}/overlay2/${ID}/diff,workdir=${LAB}/overlay2/${ID}/work,uuid=on`,
      "ID PARENT DEV / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
      "ID PARENT DEV / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro",
      "ID PARENT DEV / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755",
      "ID PARENT DEV / /dev/pts rw,nosuid,noexec,relatime - devpts devpts rw,gid=5,mode=620,ptmxmode=666",
      "ID PARENT DEV / /dev/shm rw,nosuid,nodev,noexec,relatime - tmpfs shm rw,size=65536k",
      "ID PARENT DEV / /dev/mqueue rw,nosuid,nodev,noexec,relatime - mqueue mqueue rw",
      "ID PARENT DEV / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - tmpfs tmpfs ro,mode=755",
      `ID PARENT DEV ${LAB}/containers/${ID}/hostname /etc/hostname rw,relatime - ext4 /dev/sda1 rw,errors=remount-ro`,
      // The lab bound the host's devtmpfs /dev/null; runc binds the container's own, a tmpfs node.
      "ID PARENT DEV /null /proc/interrupts rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755",
      "ID PARENT DEV /bus /proc/bus ro,nosuid,nodev,noexec,relatime - proc proc rw",
    ]);
  });

  it("behaves like the recording: read-only /sys and /proc/bus, an empty masked file, the bound hostname", () => {
    const k = new KernelHarness();
    const c = labContainer(k);
    finish(k, c);
    expect(readFile(k, c, "/etc/hostname")).toBe("26942030231a\n");
    expect(readFile(k, c, "/proc/interrupts")).toBe("");
    expect(attempt(k, c, { name: "openat", path: "/sys/kernel/foo", flags: 0o101 }).errno).toBe("EROFS");
    const bus = attempt(k, c, { name: "mkdir", path: "/proc/bus/x", mode: 0o755 });
    expect(bus.errno).toBe("EROFS");
    expect(writeFile(k, c, "/tmp/x", "container-only\n")).toBe("ok");
    expect(readFile(k, k.shell, `${LAB}/overlay2/${ID}/diff/tmp/x`)).toBe("container-only\n");
  });
});
