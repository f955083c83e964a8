import { describe, expect, it } from "vitest";
import type { AuditContext } from "../audit";
import { aaPermsFromMask, apparmorFileCheck } from "./file";
import { apparmorMountCheck, apparmorNetworkCheck, apparmorPtraceCheck, apparmorSignalCheck } from "./mediate";
import { MS } from "./names";
import type { AaFilePerm, AaProfile } from "./profile";
import { DOCKER_DEFAULT_APPARMOR as DD, APPARMOR_UNCONFINED, apparmorAttrCurrent, dockerDefaultProfile } from "./profile";

const ctx = (comm: string): AuditContext => ({ pid: 1234, comm, stamp: { timeMs: 1700000000123, serial: 42 } });
const verdict = (path: string, perms: readonly AaFilePerm[], profile: AaProfile = DD) => {
  const d = apparmorFileCheck(profile, { path, perms }, ctx("sh"));
  return d.check.verdict === "pass" ? "allow" : `deny: ${d.check.rule}`;
};

describe("docker-default file rules", () => {
  it.each([
    ["/proc/sysrq-trigger", ["w"], "deny: apparmor docker-default: deny @{PROC}/* w"],
    ["/proc/sysrq-trigger", ["r"], "deny: apparmor docker-default: deny @{PROC}/sysrq-trigger rwklx"],
    ["/proc/kcore", ["r"], "deny: apparmor docker-default: deny @{PROC}/kcore rwklx"],
    ["/proc/uptime", ["w"], "deny: apparmor docker-default: deny @{PROC}/* w"],
    ["/proc/acpi/wakeup", ["w"], "deny: apparmor docker-default: deny @{PROC}/{[^1-9/],[^1-9/][^0-9/],[^1-9s/][^0-9y/][^0-9s/],[^1-9/][^0-9/][^0-9/][^0-9/]*}/** w"],
    ["/proc/sys/net/ipv4/ip_forward", ["w"], "deny: apparmor docker-default: deny @{PROC}/sys/[^k]** w"],
    ["/proc/sys/vm/drop_caches", ["w"], "deny: apparmor docker-default: deny @{PROC}/sys/[^k]** w"],
    ["/proc/sys/kernel/core_pattern", ["w"], "deny: apparmor docker-default: deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w"],
    ["/proc/sys/kernel/panic", ["w"], "deny: apparmor docker-default: deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w"],
    ["/sys/kernel/security/apparmor/profiles", ["r"], "deny: apparmor docker-default: deny /sys/kernel/security/** rwklx"],
    ["/sys/kernel/security/apparmor/.load", ["w"], "deny: apparmor docker-default: deny /sys/[^f]*/** wklx"],
    ["/sys/class/net/eth0/mtu", ["w"], "deny: apparmor docker-default: deny /sys/[^f]*/** wklx"],
    ["/sys/fs/ext4/features/lazy_itable_init", ["w"], "deny: apparmor docker-default: deny /sys/fs/[^c]*/** wklx"],
    ["/sys/firmware/efi/efivars/x", ["r"], "deny: apparmor docker-default: deny /sys/firmware/** rwklx"],
    ["/sys/devices/virtual/powercap/intel-rapl/energy_uj", ["r"], "deny: apparmor docker-default: deny /sys/devices/virtual/powercap/** rwklx"],
  ] as const)("%s %s → %s", (path, perms, expected) => {
    expect(verdict(path, perms)).toBe(expected);
  });

  it.each([
    ["/proc/1/oom_score_adj", ["w"]],
    ["/proc/4242/attr/current", ["w"]],
    ["/proc/sys/kernel/shmmax", ["w"]],
    ["/proc/sys/kernel/shm_rmid_forced", ["w"]],
    ["/proc/sys/", ["r", "w"]],
    ["/proc/cpuinfo", ["r"]],
    ["/sys/fs/cgroup/memory.max", ["w"]],
    ["/sys/kernel/mm/transparent_hugepage/enabled", ["r"]],
    ["/etc/passwd", ["r", "w"]],
    ["/tmp/x", ["w", "k", "l"]],
  ] as const)("%s %s → allow", (path, perms) => {
    expect(verdict(path, perms)).toBe("allow");
  });

  it("lets /proc/sys/kernel/sysrq through, since [^s][^h][^m] needs all three letters to differ [regression]", () => {
    // The rule means "everything but shm*" yet only refuses names whose 1st, 2nd AND 3rd letters
    // all differ from s, h, m; "sysrq" starts with s. In Docker the write still fails: /proc/sys is read-only.
    expect(verdict("/proc/sys/kernel/sysrq", ["w"])).toBe("allow");
    expect(verdict("/proc/sys/kernel/hostname", ["w"])).toBe("deny: apparmor docker-default: deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w");
  });

  it("needs resolved paths: /proc/self would be read as a name, not a PID", () => {
    expect(verdict("/proc/self/attr/current", ["w"])).toMatch(/^deny/);
  });

  it("returns EACCES with the reason and the kernel-log line", () => {
    expect(apparmorFileCheck(DD, { path: "/proc/sysrq-trigger", perms: ["r", "w"] }, ctx("sh"))).toEqual({
      check: {
        layer: "lsm", verdict: "deny", errno: "EACCES", rule: "apparmor docker-default: deny @{PROC}/sysrq-trigger rwklx",
        reason: "AppArmor profile docker-default denies read and write on /proc/sysrq-trigger (rule `deny @{PROC}/sysrq-trigger rwklx`)",
      },
      audit: 'audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="open" class="file" profile="docker-default" ' +
        'name="/proc/sysrq-trigger" pid=1234 comm="sh" requested_mask="wr" denied_mask="wr" fsuid=0 ouid=0',
    });
  });

  it("explains an allowance by the rule that grants it", () => {
    expect(apparmorFileCheck(DD, { path: "/proc/1/oom_score_adj", perms: ["w"] }, ctx("sh")).check).toEqual({
      layer: "lsm", verdict: "pass", rule: "apparmor docker-default: file",
      reason: "AppArmor profile docker-default allows write on /proc/1/oom_score_adj (rule `file`)",
    });
  });

  it("logs but allows in complain mode", () => {
    const d = apparmorFileCheck({ ...DD, mode: "complain" }, { path: "/proc/kcore", perms: ["r"] }, ctx("cat"));
    expect(d.check.verdict).toBe("pass");
    expect(d.audit).toContain('apparmor="ALLOWED" operation="open" class="file" profile="docker-default" name="/proc/kcore"');
  });

  it("maps VFS access masks to permission letters", () => {
    expect(aaPermsFromMask(4 | 2)).toEqual(["r", "w"]);
    expect(aaPermsFromMask(1 | 8)).toEqual(["a", "x"]);
  });

  it("does not mediate an unconfined task", () => {
    expect(verdict("/proc/sysrq-trigger", ["w"], APPARMOR_UNCONFINED)).toBe("allow");
  });
});

describe("docker-default mount, signal, ptrace and network rules", () => {
  it("denies every mount, even with CAP_SYS_ADMIN, and allows umount", () => {
    const m = apparmorMountCheck(DD, { op: "mount", mountpoint: "/mnt/", source: "none", fstype: "tmpfs", flags: 0 }, ctx("mount"));
    expect(m).toEqual({
      check: {
        layer: "lsm", verdict: "deny", errno: "EACCES", rule: "apparmor docker-default: deny mount",
        reason: "AppArmor profile docker-default denies mounting on /mnt/ (rule `deny mount`)",
      },
      audit: 'audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="mount" class="mount" info="failed perms check" ' +
        'error=-13 profile="docker-default" name="/mnt/" pid=1234 comm="mount" fstype="tmpfs" srcname="none"',
    });
    expect(apparmorMountCheck(DD, { op: "umount", mountpoint: "/mnt/" }, ctx("umount")).check.verdict).toBe("pass");
  });

  it("prints mount flags the way audit_mnt_flags() does", () => {
    const m = apparmorMountCheck(DD, { op: "mount", mountpoint: "/host/", source: "/dev/sda1", fstype: "ext4", flags: MS.NOSUID | MS.NODEV }, ctx("mount"));
    expect(m.audit).toMatch(/ fstype="ext4" srcname="\/dev\/sda1" flags="rw, nosuid, nodev"$/);
    const b = apparmorMountCheck(DD, { op: "mount", mountpoint: "/x/", source: "/", flags: MS.BIND | MS.REC | MS.RDONLY | MS.REMOUNT }, ctx("mount"));
    expect(b.audit).toMatch(/ flags="ro, remount, rbind"$/);
  });

  it("lets the host and runc signal a container, but not the container the host", () => {
    expect(apparmorSignalCheck(APPARMOR_UNCONFINED, DD, 15, ctx("dockerd")).check).toEqual({
      layer: "lsm", verdict: "pass", rule: "apparmor docker-default: signal (receive) peer=unconfined",
      reason: "AppArmor profile docker-default allows the signal term from unconfined to docker-default (rule `signal (receive) peer=unconfined`)",
    });
    expect(apparmorSignalCheck(DD, DD, 9, ctx("kill")).check.verdict).toBe("pass");
    expect(apparmorSignalCheck(DD, APPARMOR_UNCONFINED, 9, ctx("kill"))).toEqual({
      check: {
        layer: "lsm", verdict: "deny", errno: "EACCES", rule: "apparmor docker-default: no matching rule",
        reason: "AppArmor profile docker-default has no rule that allows send for the signal kill from docker-default to unconfined",
      },
      audit: 'audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="signal" class="signal" profile="docker-default" ' +
        'pid=1234 comm="kill" requested_mask="send" denied_mask="send" signal=kill peer="unconfined"',
    });
  });

  it("confines ptrace to the profile's own peers", () => {
    expect(apparmorPtraceCheck(DD, APPARMOR_UNCONFINED, "read", ctx("ps")).audit).toBe(
      'audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="ptrace" class="ptrace" profile="docker-default" ' +
        'pid=1234 comm="ps" requested_mask="read" denied_mask="read" peer="unconfined"',
    );
    expect(apparmorPtraceCheck(DD, DD, "trace", ctx("strace")).check.rule).toBe('apparmor docker-default: ptrace (trace,tracedby,read,readby) peer="docker-default"');
    expect(apparmorPtraceCheck(APPARMOR_UNCONFINED, DD, "trace", ctx("gdb")).check).toEqual({
      layer: "lsm", verdict: "pass", rule: "apparmor: unconfined",
      reason: "the task is unconfined, so AppArmor does not mediate ptrace trace of docker-default by unconfined",
    });
  });

  it("refuses AF_ALG sockets and allows the rest", () => {
    expect(apparmorNetworkCheck(DD, { family: 38, type: 5, protocol: 0 }, ctx("python3"))).toEqual({
      check: {
        layer: "lsm", verdict: "deny", errno: "EACCES", rule: "apparmor docker-default: deny network alg",
        reason: "AppArmor profile docker-default denies creating a socket of family alg (rule `deny network alg`)",
      },
      audit: 'audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="create" class="net" profile="docker-default" ' +
        'pid=1234 comm="python3" family="alg" sock_type="seqpacket" protocol=0 requested_mask="create" denied_mask="create"',
    });
    expect(apparmorNetworkCheck(DD, { family: 2, type: 1 }, ctx("curl")).check.rule).toBe("apparmor docker-default: network");
  });

  it("shows the label in /proc/PID/attr/current", () => {
    expect(apparmorAttrCurrent(DD)).toBe("docker-default (enforce)\n");
    expect(apparmorAttrCurrent(APPARMOR_UNCONFINED)).toBe("unconfined\n");
  });

  it("renders the 2024 template too: no AF_ALG rule, classes without '/', unquoted peers", () => {
    const classic = dockerDefaultProfile("docker-default", "unconfined", "2024");
    expect(classic.rules.map((r) => r.text).filter((t) => t.includes("PROC}/{") || t.startsWith("ptrace") || t.includes("alg"))).toEqual([
      "deny @{PROC}/{[^1-9],[^1-9][^0-9],[^1-9s][^0-9y][^0-9s],[^1-9][^0-9][^0-9][^0-9/]*}/** w",
      "ptrace (trace,read,tracedby,readby) peer=docker-default",
    ]);
    expect(apparmorNetworkCheck(classic, { family: 38, type: 5 }, ctx("python3")).check.verdict).toBe("pass");
    expect(DD.rules).toHaveLength(26);
  });
});
