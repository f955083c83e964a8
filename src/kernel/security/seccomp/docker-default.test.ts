import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_CAPS, capSetOf, capUnion, capsIn } from "../../caps/capabilities";
import { seccompCheck } from "./check";
import { DEFAULT_TARGET_HOST, compileSeccompProfile, seccompFiltersFor } from "./compile";
import { DOCKER_DEFAULT_SECCOMP, SYS_ADMIN_SYSCALLS } from "./docker-default";
import { DOCKER_DEFAULT_ALLOWED } from "./docker-default-names";
import type { SeccompCall } from "./types";

const DEFAULT_CAPS = capsIn(DOCKER_DEFAULT_CAPS);
const SYS_ADMIN_CAPS = capsIn(capUnion(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_SYS_ADMIN"])));
const filtersFor = (caps: readonly string[]) =>
  seccompFiltersFor({ mode: "profile", profile: DOCKER_DEFAULT_SECCOMP }, { ...DEFAULT_TARGET_HOST, caps });
const defaultCtr = filtersFor(DEFAULT_CAPS);
const sysAdminCtr = filtersFor(SYS_ADMIN_CAPS);
const privileged = seccompFiltersFor({ mode: "unconfined" }, { ...DEFAULT_TARGET_HOST, caps: [] });

/** "kernel": seccomp lets the call through, and the kernel's own answer is what the table shows. */
type Seen = "EPERM" | "ENOSYS" | "kernel";
const seen = (filters: typeof defaultCtr, call: SeccompCall): Seen => {
  const check = seccompCheck(filters, call);
  return check.verdict === "pass" ? "kernel" : (check.errno as Seen);
};

const CLONE_NEWNS = 0x20000;
const CLONE_NEWCGROUP = 0x02000000;
const CLONE_NEWUTS = 0x04000000;
const CLONE_NEWUSER = 0x10000000;
const CLONE_NEWNET = 0x40000000;
const SIGCHLD = 17;
const c = (name: string, ...args: number[]): SeccompCall => ({ name, args });

/** Reference §4.1 (transcripts/27_sysprobe_matrix.md): default container, --cap-add SYS_ADMIN, --privileged. */
const MEASURED: readonly (readonly [string, SeccompCall, Seen, Seen])[] = [
  ['mount("none","/nonexistent","tmpfs")', c("mount", 0, 0, 0, 0, 0), "EPERM", "kernel"],
  ['umount2("/nonexistent",0)', c("umount2", 0, 0), "EPERM", "kernel"],
  ['pivot_root("/nonexistent","/nonexistent")', c("pivot_root", 0, 0), "EPERM", "EPERM"],
  ['chroot("/")', c("chroot", 0), "kernel", "kernel"],
  ["unshare(CLONE_NEWNS)", c("unshare", CLONE_NEWNS), "EPERM", "kernel"],
  ["unshare(CLONE_NEWUSER)", c("unshare", CLONE_NEWUSER), "EPERM", "kernel"],
  ["unshare(CLONE_NEWNET)", c("unshare", CLONE_NEWNET), "EPERM", "kernel"],
  ["unshare(CLONE_NEWCGROUP)", c("unshare", CLONE_NEWCGROUP), "EPERM", "kernel"],
  ["setns(open(/proc/self/ns/uts), CLONE_NEWUTS)", c("setns", 3, CLONE_NEWUTS), "EPERM", "kernel"],
  ["clone(CLONE_NEWUSER|SIGCHLD)", c("clone", CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0), "EPERM", "kernel"],
  ["clone(CLONE_NEWNS|SIGCHLD)", c("clone", CLONE_NEWNS | SIGCHLD, 0, 0, 0, 0), "EPERM", "kernel"],
  ["clone(SIGCHLD) [plain fork]", c("clone", SIGCHLD, 0, 0, 0, 0), "kernel", "kernel"],
  ["clone3(NULL, 0)", c("clone3", 0, 0), "ENOSYS", "kernel"],
  ["sethostname(<current name>)", c("sethostname", 0, 12), "EPERM", "kernel"],
  ["keyctl(KEYCTL_GET_KEYRING_ID, SESSION, 0)", c("keyctl", 0, -3, 0), "EPERM", "EPERM"],
  ['add_key("user","probe",NULL,0,bad keyring)', c("add_key", 0, 0, 0, 0, 0), "EPERM", "EPERM"],
  ['request_key("user","probe",NULL,0)', c("request_key", 0, 0, 0, 0), "EPERM", "EPERM"],
  ["bpf(BPF_MAP_CREATE, NULL, 0)", c("bpf", 0, 0, 0), "EPERM", "kernel"],
  ["perf_event_open(NULL, 0, -1, -1, 0)", c("perf_event_open", 0, 0, -1, -1, 0), "EPERM", "kernel"],
  ["reboot(LINUX_REBOOT_CMD_CAD_OFF) [in pid ns]", c("reboot", 0xfee1dead, 672274793, 0), "EPERM", "EPERM"],
  ['swapon("/nonexistent",0)', c("swapon", 0, 0), "EPERM", "EPERM"],
  ['swapoff("/nonexistent")', c("swapoff", 0), "EPERM", "EPERM"],
  ["kexec_load(0,0,NULL,<invalid flags>)", c("kexec_load", 0, 0, 0, 0xffffffff), "EPERM", "EPERM"],
  ["open_by_handle_at(-1, NULL, 0)", c("open_by_handle_at", -1, 0, 0), "EPERM", "EPERM"],
  ['init_module(NULL, 0, "")', c("init_module", 0, 0, 0), "EPERM", "EPERM"],
  ['finit_module(-1, "", 0)', c("finit_module", -1, 0, 0), "EPERM", "EPERM"],
  ['delete_module("nonexistent_mod", O_NONBLOCK)', c("delete_module", 0, 0o4000), "EPERM", "EPERM"],
  ['acct("/nonexistent")', c("acct", 0), "EPERM", "EPERM"],
  ["settimeofday(NULL, NULL) [no-op]", c("settimeofday", 0, 0), "EPERM", "EPERM"],
  ["clock_settime(CLOCK_REALTIME, NULL)", c("clock_settime", 0, 0), "EPERM", "EPERM"],
  // With SYS_ADMIN the table shows EPERM too, but from the kernel: seccomp lets syslog through
  // and check_syslog_permissions() wants CAP_SYSLOG (reference §4, syslog row).
  ["syslog(SYSLOG_ACTION_SIZE_BUFFER) [dmesg]", c("syslog", 10, 0, 0), "EPERM", "kernel"],
  ["iopl(0)", c("iopl", 0), "EPERM", "EPERM"],
  ["ioperm(0x80,1,0)", c("ioperm", 0x80, 1, 0), "EPERM", "EPERM"],
  ["ptrace(PTRACE_PEEKDATA, getppid(), 0)", c("ptrace", 2, 1, 0, 0), "kernel", "kernel"],
  ["process_vm_readv(getpid(), NULL,0,NULL,0,0)", c("process_vm_readv", 7, 0, 0, 0, 0, 0), "kernel", "kernel"],
  ["kcmp(getpid(),getpid(),KCMP_VM,0,0)", c("kcmp", 7, 7, 1, 0, 0), "EPERM", "EPERM"],
  ["userfaultfd(0)", c("userfaultfd", 0), "EPERM", "EPERM"],
  ["io_uring_setup(1, NULL)", c("io_uring_setup", 1, 0), "EPERM", "EPERM"],
  ["move_pages(0,0,NULL,NULL,NULL,0)", c("move_pages", 0, 0, 0, 0, 0, 0), "EPERM", "EPERM"],
  ["mbind(NULL,0,0,NULL,0,0)", c("mbind", 0, 0, 0, 0, 0, 0), "EPERM", "EPERM"],
  ["quotactl(Q_SYNC, NULL, 0, NULL)", c("quotactl", 0x800001, 0, 0, 0), "EPERM", "kernel"],
  ["personality(0xffffffff) [query]", c("personality", 0xffffffff), "kernel", "kernel"],
  ["personality(ADDR_NO_RANDOMIZE)", c("personality", 0x0040000), "EPERM", "EPERM"],
  ["socket(AF_INET, SOCK_STREAM, 0)", c("socket", 2, 1, 0), "kernel", "kernel"],
  ["socket(AF_PACKET, SOCK_RAW, 0)", c("socket", 17, 3, 0), "kernel", "kernel"],
  ["socket(AF_VSOCK=40, SOCK_STREAM, 0)", c("socket", 40, 1, 0), "EPERM", "EPERM"],
  ["socket(AF_ALG=38, SOCK_SEQPACKET, 0)", c("socket", 38, 5, 0), "EPERM", "EPERM"],
  ['mknod("/tmp/.probe-null", S_IFCHR|0600, 1:3)', c("mknod", 0, 0o20600, 0x103), "kernel", "kernel"],
];

describe("Docker's default seccomp profile as data", () => {
  it("has the 361-name allow rule and 32 conditional rules of moby/profiles default.json", () => {
    expect(DOCKER_DEFAULT_ALLOWED).toHaveLength(361);
    expect(new Set(DOCKER_DEFAULT_ALLOWED).size).toBe(361);
    expect(DOCKER_DEFAULT_SECCOMP.syscalls).toHaveLength(33);
    expect(SYS_ADMIN_SYSCALLS).toHaveLength(26);
    expect(DOCKER_DEFAULT_SECCOMP.defaultAction).toBe("SCMP_ACT_ERRNO");
    expect(DOCKER_DEFAULT_SECCOMP.defaultErrnoRet).toBe(1);
  });

  it("compiles for amd64 like moby: the x86_64 archMap entry, arch rules kept or dropped", () => {
    const f = compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, { ...DEFAULT_TARGET_HOST, caps: DEFAULT_CAPS });
    expect(f.architectures).toEqual(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]);
    expect(f.rules.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 18, 20, 22]);
    expect(f.skipped.map((s) => [s.index, s.why])).toEqual([
      [10, "includes.arches"], [11, "includes.arches"], [14, "includes.arches"], [15, "includes.arches"],
      [16, "includes.caps"], [17, "includes.caps"], [19, "includes.arches"], [21, "includes.caps"],
      [23, "includes.caps"], [24, "includes.caps"], [25, "includes.caps"], [26, "includes.caps"],
      [27, "includes.caps"], [28, "includes.caps"], [29, "includes.caps"], [30, "includes.caps"],
      [31, "includes.caps"], [32, "includes.caps"],
    ]);
  });

  it("drops the clone mask and clone3 ENOSYS rules for CAP_SYS_ADMIN, and ptrace before 4.8", () => {
    const admin = compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, { ...DEFAULT_TARGET_HOST, caps: SYS_ADMIN_CAPS });
    // moby checks excludes before includes, so the s390 clone rule (19) is dropped for its caps.
    expect(admin.skipped.filter((s) => s.why.startsWith("excludes")).map((s) => [s.index, s.why]))
      .toEqual([[18, "excludes.caps"], [19, "excludes.caps"], [20, "excludes.caps"]]);
    const old = compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, { kernelRelease: "4.4.0-210-generic", arch: "amd64", caps: DEFAULT_CAPS });
    expect(old.skipped.find((s) => s.index === 1)?.why).toBe("includes.minKernel");
  });
});

describe("the measured syscall table (reference §4.1), as far as seccomp decides it", () => {
  it.each(MEASURED)("%s", (_label, call, inDefault, withSysAdmin) => {
    expect(seen(defaultCtr, call)).toBe(inDefault);
    expect(seen(sysAdminCtr, call)).toBe(withSysAdmin);
    expect(seen(privileged, call)).toBe("kernel");
  });

  it("gives a privileged container no filter at all", () => {
    expect(privileged).toEqual([]);
  });
});
