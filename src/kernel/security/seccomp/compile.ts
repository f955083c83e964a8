/**
 * Compiling a profile for one container: moby/profiles `seccomp/seccomp_linux.go: setupSeccomp()`.
 * Each conditional rule is kept or dropped by its `excludes` (arches, caps, minKernel — any match
 * drops it) and then its `includes` (every listed cap must be in the bounding set, the arch must
 * be listed, the kernel must be at least minKernel). What remains is the OCI `LinuxSeccomp`.
 */
import type { CompiledRule, SeccompCondition, SeccompFilter, SeccompProfile, SeccompTarget, SkippedRule } from "./types";

/** libseccomp native arch name → SCMP_ARCH_* (moby `nativeToSeccomp`). */
const NATIVE_TO_SECCOMP: Readonly<Record<string, string>> = {
  x86: "SCMP_ARCH_X86", amd64: "SCMP_ARCH_X86_64", arm: "SCMP_ARCH_ARM", arm64: "SCMP_ARCH_AARCH64",
  loong64: "SCMP_ARCH_LOONGARCH64", mips64: "SCMP_ARCH_MIPS64", mips64n32: "SCMP_ARCH_MIPS64N32",
  mipsel64: "SCMP_ARCH_MIPSEL64", mips3l64n32: "SCMP_ARCH_MIPSEL64N32", mipsle: "SCMP_ARCH_MIPSEL",
  ppc: "SCMP_ARCH_PPC", ppc64: "SCMP_ARCH_PPC64", ppc64le: "SCMP_ARCH_PPC64LE", riscv64: "SCMP_ARCH_RISCV64",
  s390: "SCMP_ARCH_S390", s390x: "SCMP_ARCH_S390X",
};

/** The host this simulator boots by default: Linux 6.8 on x86_64. */
export const DEFAULT_TARGET_HOST: Omit<SeccompTarget, "caps"> = { kernelRelease: "6.8.0-45-generic", arch: "amd64" };

export interface KernelVersion {
  readonly kernel: number;
  readonly major: number;
}

/**
 * "<kernel>.<major>" as moby's `KernelVersion.UnmarshalJSON()` accepts it: two numbers of at most
 * 255, not both zero. Undefined for anything else.
 */
export function parseMinKernel(text: string): KernelVersion | undefined {
  const parts = text.split(".");
  if (parts.length !== 2 || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  const [kernel, major] = parts.map(Number) as [number, number];
  if (kernel > 255 || major > 255 || (kernel === 0 && major === 0)) return undefined;
  return { kernel, major };
}

/** moby `getKernelVersion()`: `fmt.Sscanf(release, "%d.%d")`, so "6.8.0-45-generic" is 6.8. */
export function kernelOf(release: string): KernelVersion {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m ? { kernel: Number(m[1]), major: Number(m[2]) } : { kernel: 0, major: 0 };
}

/**
 * moby `kernelGreaterEqualThan()`. "" decodes to version 0.0, which every kernel satisfies; any
 * other unparsable minKernel never holds (parseSeccompProfile rejects those anyway).
 */
export function kernelAtLeast(release: string, minKernel: string): boolean {
  if (minKernel === "") return true;
  const min = parseMinKernel(minKernel);
  if (!min) return false;
  const k = kernelOf(release);
  return k.kernel > min.kernel || (k.kernel === min.kernel && k.major >= min.major);
}

function excludedBy(cond: SeccompCondition | undefined, t: SeccompTarget): SkippedRule["why"] | undefined {
  if (!cond) return undefined;
  if (cond.arches?.length && cond.arches.includes(t.arch)) return "excludes.arches";
  if (cond.caps?.some((c) => t.caps.includes(c))) return "excludes.caps";
  if (cond.minKernel !== undefined && kernelAtLeast(t.kernelRelease, cond.minKernel)) return "excludes.minKernel";
  return undefined;
}

function notIncludedBy(cond: SeccompCondition | undefined, t: SeccompTarget): SkippedRule["why"] | undefined {
  if (!cond) return undefined;
  if (cond.arches?.length && !cond.arches.includes(t.arch)) return "includes.arches";
  if (cond.caps?.length && !cond.caps.every((c) => t.caps.includes(c))) return "includes.caps";
  if (cond.minKernel !== undefined && !kernelAtLeast(t.kernelRelease, cond.minKernel)) return "includes.minKernel";
  return undefined;
}

/** The architectures the filter accepts: the native one and its sub-architectures from archMap. */
function architecturesFor(profile: SeccompProfile, arch: string): readonly string[] {
  if (profile.architectures?.length) return profile.architectures;
  const native = NATIVE_TO_SECCOMP[arch];
  const entry = profile.archMap?.find((a) => a.architecture === native);
  return entry ? [entry.architecture, ...(entry.subArchitectures ?? [])] : [];
}

/** The filter a container with `target.caps` gets from `profile` (moby `setupSeccomp()`). */
export function compileSeccompProfile(profile: SeccompProfile, target: SeccompTarget): SeccompFilter {
  const rules: CompiledRule[] = [];
  const skipped: SkippedRule[] = [];
  profile.syscalls.forEach((rule, index) => {
    const why = excludedBy(rule.excludes, target) ?? notIncludedBy(rule.includes, target);
    if (why) skipped.push({ index, rule, why });
    else rules.push({ index, rule });
  });
  return {
    label: profile.label,
    defaultAction: profile.defaultAction,
    ...(profile.defaultErrnoRet !== undefined ? { defaultErrnoRet: profile.defaultErrnoRet } : {}),
    architectures: architecturesFor(profile, target.arch),
    rules,
    skipped,
    target,
  };
}

/**
 * `--security-opt seccomp=…` as data: Docker's default profile, `unconfined` (no filter at all,
 * as with `--privileged`) or a custom profile. A null custom profile disables seccomp too.
 */
export type SeccompSetting =
  | { readonly mode: "unconfined" }
  | { readonly mode: "profile"; readonly profile: SeccompProfile | null };

/** The filters a new container task gets: none when unconfined, else the one compiled profile. */
export function seccompFiltersFor(setting: SeccompSetting, target: SeccompTarget): readonly SeccompFilter[] {
  if (setting.mode === "unconfined" || setting.profile === null) return [];
  return [compileSeccompProfile(setting.profile, target)];
}
