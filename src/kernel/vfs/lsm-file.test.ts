/**
 * AppArmor's file and path rules at the VFS hooks, under Docker's docker-default profile:
 * open, exec and the path operations, with EACCES and the kernel-log record of a denial.
 */
import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { attempt, must, writeFile } from "./fs-harness";
import { confined, pivoted } from "./lsm-harness";
import { O_RDONLY, O_WRONLY } from "./open-flags";

/** The file denial of reference §5.1 (linux-facts.md), as a modern kernel prints it: with `class="file"`. */
const REFERENCE_DENIAL =
  'apparmor="DENIED" operation="open" profile="docker-default" name="/proc/sysrq-trigger" pid=… comm="sh" requested_mask="w" denied_mask="w" fsuid=0 ouid=0';

const lastLog = (k: KernelHarness) => k.state.dmesg.last()?.text ?? "";
const body = (line: string) => line.replace(/^audit: type=1400 audit\(\d+\.\d{3}:\d+\): /, "");

describe("AppArmor file rules on open", () => {
  it("refuses writing /proc/sysrq-trigger with EACCES and the recorded audit line", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    const serial = k.state.lsm.auditSerial;
    const out = attempt(k, sh, { name: "openat", path: "/proc/sysrq-trigger", flags: O_WRONLY });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)).toMatchObject({
      layer: "lsm", verdict: "deny", errno: "EACCES", rule: "apparmor docker-default: deny @{PROC}/* w",
      reason: "AppArmor profile docker-default denies write on /proc/sysrq-trigger (rule `deny @{PROC}/* w`)",
    });
    const line = lastLog(k);
    expect(line).toMatch(new RegExp(`^audit: type=1400 audit\\(\\d+\\.\\d{3}:${serial + 1}\\): `));
    const pid = k.task(sh).nr[0];
    expect(body(line)).toBe(
      `apparmor="DENIED" operation="open" class="file" profile="docker-default" name="/proc/sysrq-trigger" pid=${pid} comm="sh" requested_mask="w" denied_mask="w" fsuid=0 ouid=0`,
    );
    expect(body(line).replace(' class="file"', "").replace(`pid=${pid}`, "pid=…")).toBe(REFERENCE_DENIAL);
  });

  it("asks for create too when a shell redirects (O_CREAT|O_TRUNC): requested_mask=\"wc\"", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    expect(writeFile(k, sh, "/proc/sysrq-trigger", "b")).toBe("EACCES");
    expect(lastLog(k)).toContain('name="/proc/sysrq-trigger" pid=');
    expect(lastLog(k)).toContain('requested_mask="wc" denied_mask="wc" fsuid=0 ouid=0');
  });

  it("refuses even reading what docker-default denies rwklx", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    const out = attempt(k, sh, { name: "openat", path: "/proc/sysrq-trigger", flags: O_RDONLY });
    expect(out).toMatchObject({ errno: "EACCES", trace: expect.arrayContaining([expect.objectContaining({ rule: "apparmor docker-default: deny @{PROC}/sysrq-trigger rwklx" })]) });
    expect(lastLog(k)).toContain('requested_mask="r" denied_mask="r"');
  });

  it.each([
    ["/proc/sys/kernel/hostname", "EACCES", "deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w"],
    ["/proc/sys/net/ipv4/ip_forward", "EACCES", "deny @{PROC}/sys/[^k]** w"],
    ["/sys/kernel/mm/transparent_hugepage/enabled", "EACCES", "deny /sys/[^f]*/** wklx"],
    // [^s][^h][^m] lets through any name starting with s (apparmor.test.ts has the regression).
    ["/proc/sys/kernel/sysrq", "ok", "file"],
    ["/proc/self/oom_score_adj", "ok", "file"],
  ] as const)("writing %s → %s (%s)", (path, errno, rule) => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    const out = attempt(k, sh, { name: "openat", path, flags: O_WRONLY });
    expect(out.errno).toBe(errno);
    expect(out.trace.filter((c) => c.layer === "lsm").map((c) => c.rule)).toEqual([`apparmor docker-default: ${rule}`]);
  });

  it("does not check unconfined tasks at all", () => {
    const k = new KernelHarness();
    const out = attempt(k, k.shell, { name: "openat", path: "/proc/sys/kernel/hostname", flags: O_WRONLY });
    expect(out.errno).toBe("ok");
    expect(out.trace.some((c) => c.layer === "lsm")).toBe(false);
  });

  it("names files from the root of the task's mount namespace, as a container sees them", () => {
    const k = new KernelHarness();
    const c = pivoted(k, "docker-default");
    expect(attempt(k, c, { name: "openat", path: "/proc/sysrq-trigger", flags: O_WRONLY }).errno).toBe("EACCES");
    expect(lastLog(k)).toContain('name="/proc/sysrq-trigger" pid=');
    // A relative path and a symlink are resolved first: the rule sees the real name.
    must(k, c, { name: "symlink", target: "/proc/sys/kernel", linkpath: "/tmp/k" });
    must(k, c, { name: "chdir", path: "/proc" });
    expect(attempt(k, c, { name: "openat", path: "sysrq-trigger", flags: O_WRONLY }).errno).toBe("EACCES");
    expect(attempt(k, c, { name: "openat", path: "/tmp/k/hostname", flags: O_WRONLY }).errno).toBe("EACCES");
    expect(lastLog(k)).toContain('name="/proc/sys/kernel/hostname"');
  });
});

describe("AppArmor path rules and exec", () => {
  it("refuses mkdir under /sys with operation=\"mkdir\" and requested_mask=\"c\"", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    const out = attempt(k, sh, { name: "mkdir", path: "/sys/kernel/lab", mode: 0o755 });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)).toMatchObject({ layer: "lsm", rule: "apparmor docker-default: deny /sys/[^f]*/** wklx" });
    expect(body(lastLog(k))).toBe(
      `apparmor="DENIED" operation="mkdir" class="file" profile="docker-default" name="/sys/kernel/lab/" pid=${k.task(sh).nr[0]} comm="sh" requested_mask="c" denied_mask="c" fsuid=0 ouid=0`,
    );
  });

  it("asks `d` to remove a file (operation=\"unlink\"), naming its owner as ouid", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    expect(attempt(k, sh, { name: "unlink", path: "/sys/kernel/mm/transparent_hugepage/enabled" }).errno).toBe("EACCES");
    expect(body(lastLog(k))).toMatch(/^apparmor="DENIED" operation="unlink" class="file" profile="docker-default" name="\/sys\/kernel\/mm\/transparent_hugepage\/enabled" pid=\d+ comm="sh" requested_mask="d" denied_mask="d" fsuid=0 ouid=0$/);
  });

  it("lets docker-default make, rename and remove files elsewhere, citing its `file` rule", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    const lsmRules = (call: Parameters<typeof attempt>[2]) => {
      const out = attempt(k, sh, call);
      expect(out.errno).toBe("ok");
      return out.trace.filter((c) => c.layer === "lsm").map((c) => `${c.verdict} ${c.rule}`);
    };
    expect(lsmRules({ name: "mkdir", path: "/tmp/d", mode: 0o755 })).toEqual(["pass apparmor docker-default: file"]);
    expect(lsmRules({ name: "rename", oldpath: "/tmp/d", newpath: "/tmp/e" })).toEqual(["pass apparmor docker-default: file"]);
    expect(lsmRules({ name: "chmod", path: "/tmp/e", mode: 0o700 })).toEqual(["pass apparmor docker-default: file"]);
    expect(lsmRules({ name: "rmdir", path: "/tmp/e" })).toEqual(["pass apparmor docker-default: file"]);
    expect(lsmRules({ name: "chroot", path: "/tmp" })).toEqual([]);
  });

  it("checks exec as `x` (operation=\"exec\")", () => {
    const k = new KernelHarness();
    const sh = confined(k, "docker-default");
    const out = attempt(k, sh, { name: "execve", path: "/bin/true", argv: ["true"], envp: [] });
    expect(out.errno).toBe("ok");
    expect(out.trace.find((c) => c.layer === "lsm")).toMatchObject({
      verdict: "pass", reason: "AppArmor profile docker-default allows exec on /usr/bin/true (rule `file`)",
    });
  });
});
