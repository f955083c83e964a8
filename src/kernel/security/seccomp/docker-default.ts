/**
 * Docker's default seccomp profile (moby/profiles `seccomp/default.json`, HEAD 3c28324, May 2026),
 * as data: an allow-list. `defaultAction: SCMP_ACT_ERRNO` with `defaultErrnoRet: 1` makes every
 * syscall not allowed below return EPERM, silently (ERRNO actions are not logged).
 *
 * The 32 conditional rules follow the file's order; the index of a rule in `syscalls` is what
 * traces cite (`syscalls[17]`), so keep the order when updating.
 */
import { DOCKER_DEFAULT_ALLOWED } from "./docker-default-names";
import type { SeccompArg, SeccompProfile, SeccompRule } from "./types";

const allow = (names: readonly string[], more: Omit<SeccompRule, "names" | "action"> = {}): SeccompRule => ({
  names, action: "SCMP_ACT_ALLOW", ...more,
});
const arg0 = (op: SeccompArg["op"], value: number): readonly SeccompArg[] => [{ index: 0, value, op }];
const withCap = (cap: string, names: readonly string[]): SeccompRule => allow(names, { includes: { caps: [cap] } });

/**
 * CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
 * CLONE_NEWNET = 0x7E020000 (2114060288): without CAP_SYS_ADMIN, clone(2) is allowed only when
 * `(flags & 0x7E020000) == 0`, i.e. when it creates no namespace.
 */
export const CLONE_NAMESPACE_MASK = 0x7e020000;

/** socket(2) domains the profile refuses: AF_ALG (38, kernel crypto API) and AF_VSOCK (40). */
export const AF_ALG = 38;
export const AF_VSOCK = 40;

/** The 26 syscalls allowed only with CAP_SYS_ADMIN (the largest conditional rule). */
export const SYS_ADMIN_SYSCALLS: readonly string[] = [
  "bpf", "clone", "clone3", "fanotify_init", "fsconfig", "fsmount", "fsopen", "fspick", "lookup_dcookie",
  "lsm_get_self_attr", "lsm_list_modules", "lsm_set_self_attr", "mount", "mount_setattr", "move_mount",
  "open_tree", "perf_event_open", "quotactl", "quotactl_fd", "setdomainname", "sethostname", "setns", "syslog",
  "umount", "umount2", "unshare",
];

const CONDITIONAL_RULES: readonly SeccompRule[] = [
  // Before 4.8 a ptraced task could change its syscall after the seccomp check (seccomp bypass).
  allow(["process_vm_readv", "process_vm_writev", "ptrace"], { includes: { minKernel: "4.8" } }),
  // Every socket domain but AF_ALG (38) and AF_VSOCK (40); socketcall(2) stays allowed above.
  allow(["socket"], { args: arg0("SCMP_CMP_LT", AF_ALG) }),
  allow(["socket"], { args: arg0("SCMP_CMP_EQ", 39) }),
  allow(["socket"], { args: arg0("SCMP_CMP_GT", AF_VSOCK) }),
  // personality(2): PER_LINUX, UNAME26, PER_LINUX32, UNAME26|PER_LINUX32 and the 0xffffffff query.
  allow(["personality"], { args: arg0("SCMP_CMP_EQ", 0x0) }),
  allow(["personality"], { args: arg0("SCMP_CMP_EQ", 0x0008) }),
  allow(["personality"], { args: arg0("SCMP_CMP_EQ", 0x20000) }),
  allow(["personality"], { args: arg0("SCMP_CMP_EQ", 0x20008) }),
  allow(["personality"], { args: arg0("SCMP_CMP_EQ", 0xffffffff) }),
  allow(["sync_file_range2", "swapcontext"], { includes: { arches: ["ppc64le"] } }),
  allow(["arm_fadvise64_64", "arm_sync_file_range", "sync_file_range2", "breakpoint", "cacheflush", "set_tls"], {
    includes: { arches: ["arm", "arm64"] },
  }),
  allow(["arch_prctl"], { includes: { arches: ["amd64", "x32"] } }),
  allow(["modify_ldt"], { includes: { arches: ["amd64", "x32", "x86"] } }),
  allow(["s390_pci_mmio_read", "s390_pci_mmio_write", "s390_runtime_instr"], { includes: { arches: ["s390", "s390x"] } }),
  allow(["riscv_flush_icache"], { includes: { arches: ["riscv64"] } }),
  // The "Shocker" breakout (2014) read host files through open_by_handle_at(2).
  withCap("CAP_DAC_READ_SEARCH", ["open_by_handle_at"]),
  withCap("CAP_SYS_ADMIN", SYS_ADMIN_SYSCALLS),
  allow(["clone"], {
    args: arg0("SCMP_CMP_MASKED_EQ", CLONE_NAMESPACE_MASK),
    excludes: { caps: ["CAP_SYS_ADMIN"], arches: ["s390", "s390x"] },
  }),
  allow(["clone"], {
    args: [{ index: 1, value: CLONE_NAMESPACE_MASK, op: "SCMP_CMP_MASKED_EQ" }],
    comment: "s390 parameter ordering for clone is different",
    includes: { arches: ["s390", "s390x"] },
    excludes: { caps: ["CAP_SYS_ADMIN"] },
  }),
  // ENOSYS, not EPERM: glibc then falls back to clone(2), which the rules above can filter.
  { names: ["clone3"], action: "SCMP_ACT_ERRNO", errnoRet: 38, excludes: { caps: ["CAP_SYS_ADMIN"] } },
  withCap("CAP_SYS_BOOT", ["reboot"]),
  withCap("CAP_SYS_CHROOT", ["chroot"]),
  withCap("CAP_SYS_MODULE", ["delete_module", "init_module", "finit_module"]),
  withCap("CAP_SYS_PACCT", ["acct"]),
  withCap("CAP_SYS_PTRACE", ["kcmp", "pidfd_getfd", "process_madvise", "process_vm_readv", "process_vm_writev", "ptrace"]),
  withCap("CAP_SYS_RAWIO", ["iopl", "ioperm"]),
  withCap("CAP_SYS_TIME", ["settimeofday", "stime", "clock_settime", "clock_settime64"]),
  withCap("CAP_SYS_TTY_CONFIG", ["vhangup"]),
  withCap("CAP_SYS_NICE", ["get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node"]),
  withCap("CAP_SYSLOG", ["syslog"]),
  withCap("CAP_BPF", ["bpf"]),
  withCap("CAP_PERFMON", ["perf_event_open"]),
];

export const DOCKER_DEFAULT_SECCOMP: SeccompProfile = {
  label: "Docker's default seccomp profile",
  defaultAction: "SCMP_ACT_ERRNO",
  defaultErrnoRet: 1,
  archMap: [
    { architecture: "SCMP_ARCH_X86_64", subArchitectures: ["SCMP_ARCH_X86", "SCMP_ARCH_X32"] },
    { architecture: "SCMP_ARCH_AARCH64", subArchitectures: ["SCMP_ARCH_ARM"] },
    { architecture: "SCMP_ARCH_MIPS64", subArchitectures: ["SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64N32"] },
    { architecture: "SCMP_ARCH_MIPS64N32", subArchitectures: ["SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64"] },
    { architecture: "SCMP_ARCH_MIPSEL64", subArchitectures: ["SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64N32"] },
    { architecture: "SCMP_ARCH_MIPSEL64N32", subArchitectures: ["SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64"] },
    { architecture: "SCMP_ARCH_S390X", subArchitectures: ["SCMP_ARCH_S390"] },
    // "subArchitectures": null in the file for these two.
    { architecture: "SCMP_ARCH_RISCV64" },
    { architecture: "SCMP_ARCH_LOONGARCH64" },
  ],
  syscalls: [allow(DOCKER_DEFAULT_ALLOWED), ...CONDITIONAL_RULES],
};
