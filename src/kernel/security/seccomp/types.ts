/**
 * Seccomp profiles and filters as plain, serializable data.
 *
 * A *profile* has the shape of the JSON that `docker run --security-opt seccomp=FILE` takes
 * (moby/profiles `seccomp/seccomp.go`: `Seccomp`, `Syscall`, `Filter`), which extends the OCI
 * runtime-spec `linux.seccomp` with conditional rules (`includes`/`excludes` on capabilities,
 * architectures and kernel version). A *filter* is what a task actually carries: the profile
 * compiled for one capability set, architecture and kernel (moby `setupSeccomp()`), i.e. the
 * OCI `LinuxSeccomp` that runc turns into a BPF program with libseccomp.
 */

/** The actions of runc `libcontainer/seccomp/config.go` (libseccomp names). */
export const SECCOMP_ACTIONS = [
  "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_TRAP", "SCMP_ACT_ERRNO",
  "SCMP_ACT_NOTIFY", "SCMP_ACT_TRACE", "SCMP_ACT_LOG", "SCMP_ACT_ALLOW",
] as const;
export type SeccompAction = (typeof SECCOMP_ACTIONS)[number];

/** Argument comparisons (libseccomp `enum scmp_compare`). */
export const SECCOMP_OPS = [
  "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ",
] as const;
export type SeccompOp = (typeof SECCOMP_OPS)[number];

/**
 * One argument condition. For SCMP_CMP_MASKED_EQ, `value` is the mask and `valueTwo` the datum:
 * the rule matches when `(arg & value) == valueTwo` (runtime-spec config-linux.md).
 */
export interface SeccompArg {
  readonly index: number;
  readonly value: number;
  readonly valueTwo?: number;
  readonly op: SeccompOp;
}

/** moby `Filter`: when a rule is kept (includes) or dropped (excludes) at compile time. */
export interface SeccompCondition {
  /** Capability names such as "CAP_SYS_ADMIN"; every one must be (includes) / any one is (excludes). */
  readonly caps?: readonly string[];
  /** Native architecture names as libseccomp spells them: "amd64", "x86", "arm64", "s390x", … */
  readonly arches?: readonly string[];
  /** "<kernel>.<major>", e.g. "4.8": the minimum kernel the rule applies to (includes) or stops at (excludes). */
  readonly minKernel?: string;
}

export interface SeccompRule {
  readonly names: readonly string[];
  readonly action: SeccompAction;
  readonly errnoRet?: number;
  readonly args?: readonly SeccompArg[];
  readonly comment?: string;
  readonly includes?: SeccompCondition;
  readonly excludes?: SeccompCondition;
}

export interface SeccompArchMap {
  readonly architecture: string;
  /** Absent when the file says `null` (JSON null decodes to nothing, as in Go). */
  readonly subArchitectures?: readonly string[];
}

export interface SeccompProfile {
  /** What the trace calls it: "Docker's default seccomp profile", "the seccomp profile in p.json". */
  readonly label: string;
  readonly defaultAction: SeccompAction;
  readonly defaultErrnoRet?: number;
  readonly architectures?: readonly string[];
  readonly archMap?: readonly SeccompArchMap[];
  readonly syscalls: readonly SeccompRule[];
}

/** What a profile is compiled against (moby reads them from the OCI spec and the host). */
export interface SeccompTarget {
  /** The container's bounding set as capability names (moby checks `Capabilities.Bounding`). */
  readonly caps: readonly string[];
  /** `uname -r` of the kernel, e.g. "6.8.0-45-generic"; only "<kernel>.<major>" counts. */
  readonly kernelRelease: string;
  /** Native architecture (runtime.GOARCH mapped by moby's goToNative): "amd64" on x86_64. */
  readonly arch: string;
}

/** A rule that survived compilation, with its position in the profile (for traces). */
export interface CompiledRule {
  readonly index: number;
  readonly rule: SeccompRule;
}

/** A rule dropped at compile time and why: traces use it to say what would re-enable a call. */
export interface SkippedRule {
  readonly index: number;
  readonly rule: SeccompRule;
  readonly why: "includes.caps" | "includes.arches" | "includes.minKernel" | "excludes.caps" | "excludes.arches" | "excludes.minKernel";
}

/** One loaded seccomp filter (kernel/seccomp.c: struct seccomp_filter), as data. */
export interface SeccompFilter {
  readonly label: string;
  readonly defaultAction: SeccompAction;
  readonly defaultErrnoRet?: number;
  readonly architectures: readonly string[];
  readonly rules: readonly CompiledRule[];
  readonly skipped: readonly SkippedRule[];
  /** The capability names and kernel the filter was compiled for, to word explanations. */
  readonly target: SeccompTarget;
}

/** A syscall as seccomp sees it (struct seccomp_data): its name and its six raw arguments. */
export interface SeccompCall {
  readonly name: string;
  readonly args: readonly number[];
}

/**
 * The outcome of running filters on a call. `notify` and `trace` without a listener or tracer
 * attached fail the call with ENOSYS (seccomp(2): SECCOMP_RET_TRACE, SECCOMP_RET_USER_NOTIF).
 */
export type SeccompVerdictAction = "allow" | "log" | "trace" | "notify" | "errno" | "trap" | "kill";
