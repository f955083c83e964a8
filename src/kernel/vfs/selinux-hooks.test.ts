/**
 * SELinux at the VFS hooks on the Fedora-like host: container_t may use files labelled with
 * its own category pair and is refused host files (reference §5.2), with the AVC record.
 */
import { describe, expect, it } from "vitest";
import { FEDORA_HOST } from "../boot/fedora-host";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";
import { attempt, mountinfoOf, must, readFile, writeFile } from "./fs-harness";
import { confined } from "./lsm-harness";
import { O_RDONLY, O_WRONLY } from "./open-flags";

const CONTAINER = "system_u:system_r:container_t:s0:c123,c456";
const FILES = "system_u:object_r:container_file_t:s0:c123,c456";

/** The AVC of reference §5.2 (moby issue), kernel-log form: `audit: type=1400 audit(…): avc:  denied  { write } for  pid=…`. */
const REFERENCE_AVC = "avc:  denied  { write } for  pid=4546 comm=\"touch\" name=\"xxx\" dev=\"sdb5\" ino=6947856 scontext=system_u:system_r:container_t:s0:c159,c177 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=dir permissive=0";
/** Its fields, in order, with their values blanked: what every AVC line must look like. */
const shape = (avc: string) => avc.replace(/=("[^"]*"|\S+)/g, "=…");

const lastLog = (k: KernelHarness) => (k.state.dmesg.last()?.text ?? "").replace(/^audit: type=1400 audit\(\d+\.\d{3}:\d+\): /, "");

/** A mount labelled for the container, as Docker mounts its rootfs with `context=`. */
function containerMount(k: KernelHarness, target: string, level = "s0:c123,c456"): void {
  must(k, k.shell, { name: "mkdir", path: target, mode: 0o755 });
  must(k, k.shell, { name: "mount", source: "tmpfs", target, fstype: "tmpfs", flags: 0, data: `context="system_u:object_r:container_file_t:${level}",mode=755` });
}

describe("the Fedora-like host", () => {
  it("boots with SELinux labels on every process and Fedora's identity", () => {
    const k = new KernelHarness(FEDORA_HOST);
    const label = (comm: string) => [...k.state.tasks.values()].find((t) => t.comm === comm)?.lsm.label;
    expect(label("systemd")).toBe("system_u:system_r:init_t:s0");
    expect(label("kthreadd")).toBe("system_u:system_r:kernel_t:s0");
    expect(label("dockerd")).toBe("system_u:system_r:container_runtime_t:s0");
    expect(label("bash")).toBe("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    expect(readFile(k, k.shell, "/proc/self/attr/current")).toBe("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\0");
    expect(readFile(k, k.shell, "/etc/os-release")).toContain('PRETTY_NAME="Fedora Linux 43 (Server Edition)"\n');
    expect(readFile(k, k.shell, "/etc/selinux/config")).toContain("\nSELINUX=enforcing\n");
    expect(k.state.lsm.apparmor.size).toBe(0);
  });
});

describe("SELinux file checks", () => {
  it("refuses container_t writing a host file with EACCES and the AVC record", () => {
    const k = new KernelHarness(FEDORA_HOST);
    const c = confined(k, CONTAINER);
    const out = attempt(k, c, { name: "openat", path: "/etc/passwd", flags: O_WRONLY });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)).toEqual({
      layer: "lsm", verdict: "deny", errno: "EACCES", rule: "selinux: allow container_t passwd_file_t:file { write }",
      reason: "SELinux policy has no rule letting container_t write passwd_file_t files", audit: expect.any(String),
    });
    const ino = must<{ ino: number }>(k, k.shell, { name: "stat", path: "/etc/passwd" }).ino;
    const avc = `avc:  denied  { write } for  pid=${k.task(c).nr[0]} comm="sh" name="passwd" dev="sda1" ino=${ino} ` +
      `scontext=${CONTAINER} tcontext=system_u:object_r:passwd_file_t:s0 tclass=file permissive=0`;
    expect(lastLog(k)).toBe(avc);
    expect(shape(avc)).toBe(shape(REFERENCE_AVC));
  });

  it("refuses creating a file in a host directory: { write } on the dir, like `touch /host/foo`", () => {
    const k = new KernelHarness(FEDORA_HOST);
    const c = confined(k, CONTAINER);
    expect(writeFile(k, c, "/root/foo", "x")).toBe("EACCES");
    expect(lastLog(k)).toMatch(/^avc: {2}denied {2}\{ write \} for {2}pid=\d+ comm="sh" name="root" dev="sda1" ino=\d+ scontext=system_u:system_r:container_t:s0:c123,c456 tcontext=system_u:object_r:admin_home_t:s0 tclass=dir permissive=0$/);
    expect(attempt(k, c, { name: "openat", path: "/etc/passwd", flags: O_RDONLY }).errno).toBe("EACCES");
  });

  it("lets container_t use files labelled with its own pair, and keeps other pairs out (MCS)", () => {
    const k = new KernelHarness(FEDORA_HOST);
    containerMount(k, "/mnt/own");
    containerMount(k, "/mnt/other", "s0:c1,c2");
    const c = confined(k, CONTAINER);
    expect(writeFile(k, c, "/mnt/own/data", "hello")).toBe("ok");
    expect(readFile(k, c, "/mnt/own/data")).toBe("hello");
    const made = attempt(k, c, { name: "mkdir", path: "/mnt/own/d", mode: 0o755 });
    expect(made.trace.filter((x) => x.layer === "lsm").map((x) => x.rule)).toEqual(["selinux: manage_files_pattern(container_t, container_file_t, container_file_t)"]);
    expect(writeFile(k, c, "/mnt/other/data", "x")).toBe("EACCES");
    expect(lastLog(k)).toContain("scontext=system_u:system_r:container_t:s0:c123,c456 tcontext=system_u:object_r:container_file_t:s0:c1,c2 tclass=dir permissive=0");
  });

  it("shows the mount context first among the super options, quoted", () => {
    const k = new KernelHarness(FEDORA_HOST);
    containerMount(k, "/mnt/own");
    expect(mountinfoOf(k, k.shell).split("\n").find((l) => l.includes(" /mnt/own "))).toMatch(
      new RegExp(` - tmpfs tmpfs rw,context="${FILES}",mode=755$`),
    );
    expect(attempt(k, k.shell, { name: "mount", source: "tmpfs", target: "/mnt", fstype: "tmpfs", flags: 0, data: "context=bogus" }).errno).toBe("EINVAL");
  });

  it("logs but allows in permissive mode (permissive=1)", () => {
    const k = new KernelHarness(FEDORA_HOST);
    k.state = { ...k.state, lsm: { ...k.state.lsm, selinuxEnforcing: false } };
    const c = confined(k, CONTAINER);
    expect(attempt(k, c, { name: "openat", path: "/etc/passwd", flags: O_WRONLY }).errno).toBe("ok");
    expect(lastLog(k)).toMatch(/tclass=file permissive=1$/);
  });

  it("does not check unconfined domains (unconfined_t, spc_t)", () => {
    const k = new KernelHarness(FEDORA_HOST);
    const spc = confined(k, "system_u:system_r:spc_t:s0");
    for (const pid of [k.shell, spc]) {
      const out = attempt(k, pid, { name: "openat", path: "/etc/passwd", flags: O_WRONLY });
      expect(out.errno).toBe("ok");
      expect(out.trace.some((x) => x.layer === "lsm")).toBe(false);
    }
  });
});

describe("getxattr(2) security.selinux", () => {
  it("returns each file's context with its NUL, for ls -Z", () => {
    const k = new KernelHarness(FEDORA_HOST);
    containerMount(k, "/mnt/own");
    writeFile(k, k.shell, "/mnt/own/hosts", "");
    const get = (path: string) => must<{ value: string }>(k, k.shell, { name: "getxattr", path, attr: "security.selinux" }).value;
    expect(get("/etc/passwd")).toBe("system_u:object_r:passwd_file_t:s0\0");
    expect(get("/etc/hostname")).toBe("system_u:object_r:etc_t:s0\0");
    expect(get("/proc/sys/kernel/hostname")).toBe("system_u:object_r:sysctl_t:s0\0");
    expect(get("/dev/null")).toBe("system_u:object_r:null_device_t:s0\0");
    expect(get("/mnt/own/hosts")).toBe(`${FILES}\0`);
    expect(must<{ value: string }>(k, k.shell, { name: "lgetxattr", path: "/bin", attr: "security.selinux" }).value).toBe("system_u:object_r:bin_t:s0\0");
  });

  it("has no security.selinux on the AppArmor host; trusted.* needs CAP_SYS_ADMIN; procfs has no xattrs", () => {
    const k = new KernelHarness();
    expect(attempt(k, k.shell, { name: "getxattr", path: "/etc/passwd", attr: "security.selinux" }).errno).toBe("ENODATA");
    expect(attempt(k, k.shell, { name: "getxattr", path: "/proc/uptime", attr: "user.x" }).errno).toBe("EOPNOTSUPP");
    const c = confined(k, "unconfined");
    k.setCred(c, userCred(1000, 1000));
    expect(attempt(k, c, { name: "getxattr", path: "/etc/passwd", attr: "trusted.overlay.opaque" }).errno).toBe("ENODATA");
  });
});
