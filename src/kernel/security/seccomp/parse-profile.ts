/**
 * Custom profiles from JSON text (`docker run --security-opt seccomp=profile.json`), validated in
 * the three places real Docker validates them, with their messages:
 *  1. moby `LoadProfile()`: json.Unmarshal → "Decoding seccomp profile failed: …";
 *  2. moby `setupSeccomp()`: "both 'name' and 'names' are specified …";
 *  3. runc `specconv.SetupSeccomp()`: "string X is not a valid action for seccomp".
 */
import type { Result } from "../../../lib";
import { err, ok } from "../../../lib";
import type { GoType } from "./go-decode";
import { goDecode } from "./go-decode";
import { goJsonSyntaxError } from "./go-json";
import type { SeccompArchMap, SeccompProfile, SeccompRule } from "./types";
import { SECCOMP_ACTIONS, SECCOMP_OPS } from "./types";

export interface SeccompProfileError {
  /** Who refuses it: the daemon decoding it, the daemon setting it up, or runc loading it. */
  readonly stage: "decode" | "setup" | "runtime";
  readonly message: string;
}

/** moby `KernelVersion.UnmarshalJSON()`: its errors abort decoding. */
function kernelVersionError(raw: unknown): string | undefined {
  const head = `invalid kernel version: ${JSON.stringify(raw)}, expected "<kernel>.<major>"`;
  if (typeof raw !== "string") {
    const kind = Array.isArray(raw) ? "array" : typeof raw === "boolean" ? "bool" : typeof raw === "number" ? "number" : "object";
    return `${head}: json: cannot unmarshal ${kind} into Go value of type string`;
  }
  if (raw === "") return undefined;
  const parts = raw.split(".");
  if (parts.length !== 2) return head;
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return `${head}: strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`;
    if (Number(p) > 255) return `${head}: strconv.ParseUint: parsing ${JSON.stringify(p)}: value out of range`;
  }
  return parts.every((p) => Number(p) === 0) ? `${head}: version cannot be 0.0` : undefined;
}

const str = (name: string): GoType => ({ kind: "string", name });
const slice = (name: string, elem: GoType): GoType => ({ kind: "slice", name, elem });
const STRINGS = slice("[]string", str("string"));
const FILTER: GoType = {
  kind: "struct", name: "seccomp.Filter",
  fields: { caps: STRINGS, arches: STRINGS, minKernel: { kind: "custom", name: "seccomp.KernelVersion", check: kernelVersionError } },
};
const ARG: GoType = {
  kind: "struct", name: "specs.LinuxSeccompArg",
  fields: { index: { kind: "uint", name: "uint" }, value: { kind: "uint", name: "uint64" }, valueTwo: { kind: "uint", name: "uint64" }, op: str("specs.LinuxSeccompOperator") },
};
const SYSCALL: GoType = {
  kind: "struct", name: "seccomp.Syscall",
  fields: {
    names: STRINGS, action: str("specs.LinuxSeccompAction"), errnoRet: { kind: "uint", name: "uint" },
    args: slice("[]specs.LinuxSeccompArg", ARG), name: str("string"), comment: str("string"), includes: FILTER, excludes: FILTER,
  },
};
const ARCH = slice("[]specs.Arch", str("specs.Arch"));
/** moby `seccomp.Seccomp`: specs.LinuxSeccomp's fields plus archMap and the conditional syscalls. */
const PROFILE: GoType = {
  kind: "struct", name: "seccomp.Seccomp",
  fields: {
    defaultAction: str("specs.LinuxSeccompAction"), defaultErrnoRet: { kind: "uint", name: "uint" }, architectures: ARCH,
    flags: slice("[]specs.LinuxSeccompFlag", str("specs.LinuxSeccompFlag")), listenerPath: str("string"), listenerMetadata: str("string"),
    archMap: slice("[]seccomp.Architecture", { kind: "struct", name: "seccomp.Architecture", fields: { architecture: str("specs.Arch"), subArchitectures: ARCH } }),
    syscalls: slice("[]*seccomp.Syscall", SYSCALL),
  },
};

/** runc's `archs` table (libcontainer/seccomp/config.go). */
const RUNC_ARCHES = new Set([
  "SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32", "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS",
  "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32",
  "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE", "SCMP_ARCH_RISCV64", "SCMP_ARCH_S390", "SCMP_ARCH_S390X",
  "SCMP_ARCH_LOONGARCH64",
]);

type Decoded = Omit<SeccompProfile, "label" | "syscalls" | "defaultAction"> & {
  readonly defaultAction?: string;
  readonly syscalls?: readonly (Omit<SeccompRule, "names" | "action"> & { names?: readonly string[]; name?: string; action?: string })[];
};

/** runc's conversions, in its order: architectures, the default action, then each rule. */
function runcError(d: Decoded): string | undefined {
  // SIMPLIFICATION: every archMap entry is checked, not only the one matching the host.
  const arches = [...(d.architectures ?? []), ...(d.archMap ?? []).flatMap((a: SeccompArchMap) => [a.architecture, ...(a.subArchitectures ?? [])])];
  const badArch = arches.find((a) => !RUNC_ARCHES.has(a));
  if (badArch !== undefined) return `string ${badArch} is not a valid arch for seccomp`;
  const isAction = (a: string | undefined) => (SECCOMP_ACTIONS as readonly string[]).includes(a ?? "");
  if (!isAction(d.defaultAction)) return `string ${d.defaultAction ?? ""} is not a valid action for seccomp`;
  for (const call of d.syscalls ?? []) {
    if (!isAction(call.action)) return `string ${call.action ?? ""} is not a valid action for seccomp`;
    const badOp = call.args?.find((a) => !(SECCOMP_OPS as readonly string[]).includes(a.op ?? ""));
    if (badOp) return `string ${badOp.op ?? ""} is not a valid operator for seccomp`;
  }
  return undefined;
}

/**
 * A profile from JSON text, or null when it disables seccomp (no defaultAction and no syscalls,
 * as moby and runc read it). `label` names it in traces, e.g. "the seccomp profile in p.json".
 * SIMPLIFICATION: `flags`, `listenerPath` and `listenerMetadata` are accepted and ignored.
 */
export function parseSeccompProfile(text: string, label: string): Result<SeccompProfile | null, SeccompProfileError> {
  const decodeFail = (m: string) => err<SeccompProfileError>({ stage: "decode", message: `Decoding seccomp profile failed: ${m}` });
  const syntax = goJsonSyntaxError(text);
  if (syntax) return decodeFail(syntax);
  const { value, error } = goDecode(JSON.parse(text) as unknown, PROFILE);
  if (error) return decodeFail(error);
  const d = value as Decoded;
  if (!d.defaultAction && !d.syscalls?.length) return ok(null);
  if (d.architectures?.length && d.archMap?.length) {
    return err({ stage: "setup", message: "both 'architectures' and 'archMap' are specified in the seccomp profile, use either 'architectures' or 'archMap'" });
  }
  if (d.syscalls?.some((c) => c.name && c.names?.length)) {
    return err({ stage: "setup", message: "both 'name' and 'names' are specified in the seccomp profile, use either 'name' or 'names'" });
  }
  const bad = runcError(d);
  if (bad) return err({ stage: "runtime", message: bad });
  const syscalls = (d.syscalls ?? []).map(({ name, ...c }) => ({ ...c, names: name ? [name] : (c.names ?? []) }) as SeccompRule);
  const { defaultErrnoRet, architectures, archMap } = d;
  return ok({
    label, defaultAction: d.defaultAction as SeccompProfile["defaultAction"], syscalls,
    ...(defaultErrnoRet !== undefined ? { defaultErrnoRet } : {}),
    ...(architectures ? { architectures } : {}),
    ...(archMap ? { archMap } : {}),
  });
}
