import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_CAPS, EMPTY_CAPS, capSetOf, capUnion } from "../caps/capabilities";
import { userCred } from "../cred/cred";
import type { Pid } from "../ids";
import { CLONE_NEWIPC, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUTS } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { attempt, ls, mountinfoOf, must, readFile, writeFile } from "./fs-harness";
import { MNT_DETACH, MS_BIND, MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_PRIVATE, MS_REC, MS_SLAVE } from "./mount-flags";

const ID = "26942030231a";
const DIR = `/var/lib/docker/overlay2/${ID}`;

/** What runc does for `docker run`: new namespaces, an overlay root, /proc, pivot_root, detach. */
function runContainer(k: KernelHarness, opts: { readonly pidHost?: boolean; readonly dirs?: readonly string[] } = {}): Pid {
  const image = "/var/lib/docker/image-root";
  for (const d of [`${DIR}`, `${DIR}/diff`, `${DIR}/work`, `${DIR}/merged`, image, `${image}/proc`, `${image}/etc`, ...(opts.dirs ?? []).map((x) => image + x)]) {
    must(k, k.shell, { name: "mkdir", path: d, mode: 0o755 });
  }
  writeFile(k, k.shell, `${image}/etc/hostname`, `${ID}\n`);
  const c = k.fork(k.shell, CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | (opts.pidHost ? 0 : CLONE_NEWPID));
  must(k, c, { name: "mount", source: null, target: "/", fstype: null, flags: MS_SLAVE | MS_REC, data: null });
  must(k, c, { name: "mount", source: "overlay", target: `${DIR}/merged`, fstype: "overlay", flags: 0, data: `lowerdir=/var/lib/docker/image-root,upperdir=${DIR}/diff,workdir=${DIR}/work` });
  must(k, c, { name: "mount", source: "proc", target: `${DIR}/merged/proc`, fstype: "proc", flags: MS_NOSUID | MS_NODEV | MS_NOEXEC, data: null });
  must(k, c, { name: "chdir", path: `${DIR}/merged` });
  must(k, c, { name: "pivot_root", newRoot: ".", putOld: "." });
  must(k, c, { name: "umount2", target: ".", flags: MNT_DETACH });
  k.setCred(c, { ...k.task(c).cred, caps: { inheritable: EMPTY_CAPS, permitted: DOCKER_DEFAULT_CAPS, effective: DOCKER_DEFAULT_CAPS, bounding: DOCKER_DEFAULT_CAPS, ambient: EMPTY_CAPS } });
  return c;
}

describe("pivot_root(2) as runc uses it ([10_container_default])", () => {
  it("leaves the overlay as / and the old root detached: mountinfo as in the transcript", () => {
    const k = new KernelHarness();
    const c = runContainer(k);
    const lines = mountinfoOf(k, c).trimEnd().split("\n");
    expect(lines.map((l) => l.replace(/^\d+ \d+ 0:\d+/, "N P DEV"))).toEqual([
      `N P DEV / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/image-root,upperdir=${DIR}/diff,workdir=${DIR}/work,uuid=on`,
      "N P DEV / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
    ]);
    const [root, proc] = lines.map((l) => l.split(" "));
    expect(proc?.[1]).toBe(root?.[0]);
    // The root's parent is the namespace's rootfs copy, which is not listed ("70 47" in the transcript).
    expect(lines.some((l) => l.startsWith(`${root?.[1]} `))).toBe(false);
    expect(readFile(k, c, "/etc/hostname")).toBe(`${ID}\n`);
    expect(ls(k, c, "/")).toEqual(["etc", "proc"]);
    expect(must(k, c, { name: "getcwd" })).toBe("/");
  });

  it("refuses the usual mistakes with EINVAL and EBUSY", () => {
    const k = new KernelHarness();
    const c = k.fork(k.shell, CLONE_NEWNS);
    const pr = (newRoot: string, putOld: string) => attempt(k, c, { name: "pivot_root", newRoot, putOld });
    must(k, c, { name: "mount", source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null });
    const shared = pr("/mnt", "/mnt");
    expect(shared.errno).toBe("EINVAL");
    expect(shared.trace.at(-1)?.rule).toBe("pivot_root: IS_MNT_SHARED");
    must(k, c, { name: "mount", source: null, target: "/", fstype: null, flags: MS_PRIVATE | MS_REC, data: null });
    expect(pr("/", "/").errno).toBe("EBUSY");
    expect(pr("/tmp", "/tmp").errno).toBe("EBUSY");
    must(k, c, { name: "mkdir", path: "/mnt/old", mode: 0o755 });
    expect(pr("/mnt", "/tmp").errno).toBe("EBUSY");
    must(k, c, { name: "mount", source: "none", target: "/opt", fstype: "tmpfs", flags: 0, data: null });
    expect(pr("/mnt", "/opt").trace.at(-1)?.reason).toBe("put_old is not at or under new_root");
    expect(pr("/mnt/old", "/mnt/old").errno).toBe("EINVAL");
    expect(pr("/nonexistent", "/").errno).toBe("ENOENT");
    expect(pr("/mnt", "/mnt/old").errno).toBe("ok");
    expect(ls(k, c, "/old/etc")).toContain("hostname");
  });

  it("needs CAP_SYS_ADMIN over the mount namespace", () => {
    const k = new KernelHarness();
    const c = k.fork(k.shell);
    k.setCred(c, userCred(1000, 1000));
    const out = attempt(k, c, { name: "pivot_root", newRoot: "/", putOld: "/" });
    expect(out.errno).toBe("EPERM");
  });
});

describe("escapes through the filesystem", () => {
  it("[7a] chroot needs CAP_SYS_CHROOT; with the host disk mounted it reaches the host's files", () => {
    const k = new KernelHarness();
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(attempt(k, user, { name: "chroot", path: "/tmp" }).trace.at(-1)?.reason).toBe("chroot needs CAP_SYS_CHROOT in the initial user namespace, which the caller does not have");
    const c = runContainer(k);
    k.setCred(c, { ...k.task(c).cred, caps: { ...k.task(c).cred.caps, effective: capUnion(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_SYS_ADMIN"])) } });
    must(k, c, { name: "mkdir", path: "/mnt", mode: 0o755 });
    must(k, c, { name: "mknod", path: "/sda1", mode: 0o060660, dev: { major: 8, minor: 1 } });
    must(k, c, { name: "mount", source: "/sda1", target: "/mnt", fstype: "ext4", flags: 0, data: null });
    must(k, c, { name: "chroot", path: "/mnt" });
    expect(readFile(k, c, "/etc/hostname")).toBe("host\n");
  });

  it("[7d] --pid=host: /proc/PID/root of a host process needs CAP_SYS_PTRACE", () => {
    const k = new KernelHarness();
    const hostPid = k.fork(k.shell);
    const c = runContainer(k, { pidHost: true });
    const out = attempt(k, c, { name: "openat", path: `/proc/${hostPid}/root/etc/hostname`, flags: 0 });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)).toMatchObject({ layer: "capability", rule: "cap_ptrace_access_check", verdict: "deny" });
    expect(attempt(k, c, { name: "readlink", path: `/proc/${hostPid}/root` }).errno).toBe("EACCES");
    const caps = capUnion(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_SYS_PTRACE"]));
    k.setCred(c, { ...k.task(c).cred, caps: { ...k.task(c).cred.caps, effective: caps, permitted: caps } });
    expect(readFile(k, c, `/proc/${hostPid}/root/etc/hostname`)).toBe("host\n");
    expect(writeFile(k, c, `/proc/${hostPid}/root/etc/cron.d/x`, "* * * * * root sh\n")).toBe("ok");
    expect(readFile(k, k.shell, "/etc/cron.d/x")).toBe("* * * * * root sh\n");
  });

  it("[7e] -v /:/host bind-mounts the host's root filesystem into the container", () => {
    const k = new KernelHarness();
    const c = runContainer(k, { dirs: ["/host"] });
    expect(attempt(k, c, { name: "mount", source: "/", target: "/host", fstype: null, flags: MS_BIND, data: null }).errno).toBe("EPERM");
  });
});
