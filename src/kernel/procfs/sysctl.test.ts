/**
 * /proc/sys: who may open an entry (test_perm() on global root, the namespace roots of net.*
 * and user.*), then each handler's own checks.
 */
import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWNET, CLONE_NEWUSER, CLONE_NEWUTS } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { userNsRestricted } from "./sysctl-kernel";
import { SYSCTL_DIRS, readSysctl, writeSysctl } from "./sysctl-table";
import { dockerRun, mapRootUser, mustWrite, patchTask, spawn } from "./testing";
import { procView } from "./view";

const read = (h: KernelHarness, pid: number, path: string) => readSysctl(h.state, procView(h.task(pid as never)), path).text;
const errorOf = (out: { result: { ok: boolean; error?: unknown } }) => (out.result.ok ? "ok" : out.result.error);

describe("/proc/sys/kernel", () => {
  it("reads the host's values and the reader's own UTS namespace", () => {
    const h = new KernelHarness();
    expect(["ostype", "osrelease", "cap_last_cap", "pid_max", "threads-max", "sysrq", "dmesg_restrict", "kptr_restrict", "hostname", "domainname"]
      .map((k) => read(h, h.shell, `kernel/${k}`))).toEqual(
      ["Linux\n", "6.18.0-9-generic\n", "40\n", "4194304\n", "62958\n", "176\n", "1\n", "1\n", "host\n", "(none)\n"],
    );
    const c = spawn(h, h.shell, ["sh"], CLONE_NEWUTS);
    mustWrite(h, writeSysctl(h.state, h.task(c), "kernel/hostname", "x\n"));
    expect([read(h, c, "kernel/hostname"), read(h, h.shell, "kernel/hostname")]).toEqual(["x\n", "host\n"]);
  });

  it("gives root of a user namespace no write access: sysctl's root is global uid 0 (EACCES)", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, spawn(h, h.shell, ["sh"]), ["sh"], CLONE_NEWUTS);
    patchTask(h, h.shell, { cred: userCred(1000, 1000) });
    const remapped = mapRootUser(h, h.shell, ["sh"], CLONE_NEWUTS);
    const out = writeSysctl(h.state, h.task(remapped), "kernel/hostname", "x");
    expect(errorOf(out)).toBe("EACCES");
    expect(out.trace.at(-1)?.reason).toContain("sysctl's root is uid 0 of the initial user namespace");
    expect(h.call(remapped, { name: "sethostname", hostname: "x" }).result.ok).toBe(true);
    // Mapped to global uid 0, root of a user namespace passes test_perm() (02_unshare -r as real root).
    expect(errorOf(writeSysctl(h.state, h.task(sh), "kernel/hostname", "y"))).toBe("ok");
  });

  it("lets a capability-less global root write plain settings, but not those with their own check", () => {
    const h = new KernelHarness();
    const { init } = dockerRun(h);
    const root = h.task(init);
    expect(errorOf(writeSysctl(h.state, root, "kernel/sysrq", "1\n"))).toBe("ok");
    const kptr = writeSysctl(h.state, root, "kernel/kptr_restrict", "2\n");
    expect(errorOf(kptr)).toBe("EPERM");
    expect(kptr.trace.map((c) => c.rule)).toEqual(["sysctl_perm: test_perm", "ns_capable(CAP_SYS_ADMIN)"]);
    expect(errorOf(writeSysctl(h.state, h.task(h.shell), "kernel/kptr_restrict", "3\n"))).toBe("EINVAL");
    expect(errorOf(writeSysctl(h.state, h.task(h.shell), "kernel/cap_last_cap", "41\n"))).toBe("EACCES");
    expect(errorOf(writeSysctl(h.state, h.task(h.shell), "kernel/nonexistent", "1\n"))).toBe("ENOENT");
    expect(errorOf(writeSysctl(h.state, h.task(h.shell), "kernel/panic", "ten\n"))).toBe("EINVAL");
  });

  it("sets the next PID through ns_last_pid, with CAP_SYS_ADMIN over the PID namespace", () => {
    const h = new KernelHarness();
    mustWrite(h, writeSysctl(h.state, h.task(h.shell), "kernel/ns_last_pid", "1000\n"));
    expect(read(h, h.shell, "kernel/ns_last_pid")).toBe("1000\n");
    expect(h.fork(h.shell)).toBe(1001);
    const nobody = spawn(h, h.shell, ["sh"]);
    h.setCred(nobody, userCred(1000, 1000));
    expect(errorOf(writeSysctl(h.state, h.task(nobody), "kernel/ns_last_pid", "5000\n"))).toBe("EPERM");
  });

  it("locks Yama's ptrace_scope at 3", () => {
    const h = new KernelHarness();
    const root = () => h.task(h.shell);
    mustWrite(h, writeSysctl(h.state, root(), "kernel/yama/ptrace_scope", "3"));
    expect(errorOf(writeSysctl(h.state, root(), "kernel/yama/ptrace_scope", "1"))).toBe("EINVAL");
  });

  it("turns on Ubuntu's AppArmor restriction of unprivileged user namespaces by default", () => {
    const h = new KernelHarness();
    expect(read(h, h.shell, "kernel/apparmor_restrict_unprivileged_userns")).toBe("1\n");
    expect(userNsRestricted(h.state)).toBe(true);
    mustWrite(h, writeSysctl(h.state, h.task(h.shell), "kernel/apparmor_restrict_unprivileged_userns", "0"));
    expect(userNsRestricted(h.state)).toBe(false);
  });
});

describe("/proc/sys/net", () => {
  it("reads and writes the reader's network namespace; CAP_NET_ADMIN over it stands in for root", () => {
    const h = new KernelHarness();
    const host = read(h, h.shell, "net/ipv4/ip_forward");
    patchTask(h, h.shell, { cred: userCred(1000, 1000) });
    expect(errorOf(writeSysctl(h.state, h.task(h.shell), "net/ipv4/ip_forward", "0\n"))).toBe("EACCES");
    const rootless = mapRootUser(h, h.shell, ["sh"], CLONE_NEWNET);
    const out = writeSysctl(h.state, h.task(rootless), "net/ipv4/ip_unprivileged_port_start", "80\n");
    expect(out.trace.map((c) => `${c.verdict}:${c.rule}`)).toEqual(["pass:sysctl_perm: test_perm", "pass:net sysctl"]);
    h.state = out.state;
    expect([read(h, rootless, "net/ipv4/ip_unprivileged_port_start"), read(h, h.shell, "net/ipv4/ip_unprivileged_port_start")]).toEqual(["80\n", "1024\n"]);
    expect(errorOf(writeSysctl(h.state, h.task(rootless), "net/ipv4/ip_forward", "7\n"))).toBe("EINVAL");
    expect(read(h, h.shell, "net/ipv4/ip_forward")).toBe(host);
  });
});

describe("/proc/sys/user and the directory list", () => {
  it("shows each user namespace its own limits: INT_MAX in a new one", () => {
    const h = new KernelHarness();
    expect(read(h, h.shell, "user/max_user_namespaces")).toBe("31479\n");
    const c = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    expect(read(h, c, "user/max_user_namespaces")).toBe("2147483647\n");
    mustWrite(h, writeSysctl(h.state, h.task(c), "user/max_user_namespaces", "0\n"));
    expect([read(h, c, "user/max_user_namespaces"), read(h, h.shell, "user/max_user_namespaces")]).toEqual(["0\n", "31479\n"]);
    const nobody = spawn(h, h.shell, ["sh"]);
    h.setCred(nobody, userCred(1000, 1000));
    expect(errorOf(writeSysctl(h.state, h.task(nobody), "user/max_user_namespaces", "5\n"))).toBe("EACCES");
    // Root of a default container (global uid 0, no CAP_SYS_RESOURCE) may read but not write.
    const { init } = dockerRun(h);
    expect(read(h, init, "user/max_user_namespaces")).toBe("31479\n");
    expect(errorOf(writeSysctl(h.state, h.task(init), "user/max_user_namespaces", "5\n"))).toBe("EACCES");
  });

  it("lists the directories that hold entries", () => {
    expect(SYSCTL_DIRS).toEqual(["debug", "fs", "kernel", "kernel/random", "kernel/yama", "net", "net/core", "net/ipv4", "user", "vm"]);
  });
});
