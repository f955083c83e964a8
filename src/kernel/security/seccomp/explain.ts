/**
 * One-line explanations of seccomp verdicts, generated from the rules that matched or were
 * skipped at compile time — never written per syscall. For Docker's default profile and `mount`:
 * "Docker's default seccomp profile returns EPERM for mount unless the container has CAP_SYS_ADMIN".
 */
import type { SeccompVerdict } from "./evaluate";
import { ruleAlternatives } from "./evaluate";
import type { SeccompAction, SeccompArg, SeccompCall, SeccompFilter, SeccompRule } from "./types";

/** Argument names from the syscalls' man pages, so conditions read `domain < 38`, not `arg0 < 38`. */
const ARG_NAMES: Readonly<Record<string, readonly string[]>> = {
  socket: ["domain", "type", "protocol"],
  clone: ["flags", "stack", "parent_tid", "child_tid", "tls"],
  personality: ["persona"],
  unshare: ["flags"],
  setns: ["fd", "nstype"],
  ioctl: ["fd", "request"],
  prctl: ["option", "arg2", "arg3", "arg4", "arg5"],
};

const argName = (syscall: string, i: number) => ARG_NAMES[syscall]?.[i] ?? `arg${i}`;
const num = (n: number) => (n > 0xffff ? `0x${n.toString(16)}` : String(n));
const OP_TEXT = { SCMP_CMP_NE: "!=", SCMP_CMP_LT: "<", SCMP_CMP_LE: "<=", SCMP_CMP_EQ: "==", SCMP_CMP_GE: ">=", SCMP_CMP_GT: ">" } as const;

function condText(syscall: string, c: SeccompArg): string {
  const name = argName(syscall, c.index);
  if (c.op === "SCMP_CMP_MASKED_EQ") return `(${name} & ${num(c.value)}) == ${num(c.valueTwo ?? 0)}`;
  return `${name} ${OP_TEXT[c.op]} ${num(c.value)}`;
}

/** `domain < 38`, or for runc's OR-split rules `type == 1 or type == 2`. */
export function argsText(syscall: string, args: readonly SeccompArg[]): string {
  return ruleAlternatives(args).map((alt) => alt.map((c) => condText(syscall, c)).join(" and ")).join(" or ");
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function actionVerb(action: SeccompAction, errnoName: string, syscall: string): string {
  switch (action) {
    case "SCMP_ACT_ALLOW": return `allows ${syscall}`;
    case "SCMP_ACT_LOG": return `logs and allows ${syscall}`;
    case "SCMP_ACT_ERRNO": return `returns ${errnoName} for ${syscall}`;
    case "SCMP_ACT_TRAP": return `sends SIGSYS to the task that calls ${syscall}`;
    case "SCMP_ACT_TRACE": return `hands ${syscall} to a tracer (none is attached, so ENOSYS)`;
    case "SCMP_ACT_NOTIFY": return `hands ${syscall} to a user-space supervisor (none is listening, so ENOSYS)`;
    case "SCMP_ACT_KILL_PROCESS": return `kills the process that calls ${syscall}`;
    case "SCMP_ACT_KILL":
    case "SCMP_ACT_KILL_THREAD": return `kills the thread that calls ${syscall}`;
  }
}

const names = (syscall: string) => (r: { readonly rule: SeccompRule }) => r.rule.names.includes(syscall);
const permissive = (a: SeccompAction) => a === "SCMP_ACT_ALLOW" || a === "SCMP_ACT_LOG";

/**
 * What would have kept a skipped allow rule, in profile order: "the container has CAP_SYS_ADMIN
 * or CAP_BPF", "the kernel is 4.8 or newer". Capability alternatives share one "the container has".
 */
function unlessClauses(filter: SeccompFilter, syscall: string, extraCaps: readonly string[]): readonly string[] {
  const parts: string[] = [];
  const caps: string[] = [];
  for (const s of filter.skipped.filter(names(syscall))) {
    if (!permissive(s.rule.action)) continue;
    if (s.why === "includes.caps") {
      if (!caps.length) parts.push("CAPS");
      caps.push((s.rule.includes?.caps ?? []).join(" and "));
    }
    if (s.why === "includes.minKernel") parts.push(`the kernel is ${s.rule.includes?.minKernel ?? "?"} or newer`);
  }
  if (extraCaps.length && !caps.length) parts.push("CAPS");
  caps.push(...extraCaps);
  return parts.map((p) => (p === "CAPS" ? `the container has ${orList([...new Set(caps)])}` : p));
}

function allowedBecause(rule: SeccompRule, syscall: string): string {
  if (rule.includes?.caps?.length) return ` because the container has ${rule.includes.caps.join(" and ")}`;
  if (rule.includes?.minKernel) return ` on kernel ${rule.includes.minKernel} and newer`;
  if (rule.args?.length) return ` when ${argsText(syscall, rule.args)}`;
  return "";
}

/** The one-line reason for a verdict of `filter` on `call`. */
export function explainSeccomp(filter: SeccompFilter, call: SeccompCall, verdict: SeccompVerdict): string {
  const errnoName = verdict.errno ?? `errno ${verdict.errnoRet ?? "?"}`;
  const head = `${filter.label} ${actionVerb(verdict.scmpAction, errnoName, call.name)}`;
  const rule = verdict.matched?.rule;
  if (rule && permissive(rule.action)) return head + allowedBecause(rule, call.name);
  if (!rule && permissive(filter.defaultAction)) return `${head}: no rule of the profile names it`;
  const unless = unlessClauses(filter, call.name, rule?.excludes?.caps ?? []);
  const argRules = filter.rules.filter(names(call.name)).filter((r) => r.rule.args?.length && permissive(r.rule.action));
  const only = orList(argRules.map((r) => argsText(call.name, r.rule.args ?? [])));
  const unlessText = unless.length ? ` unless ${orList(unless)}` : "";
  if (only) return `${head}${unlessText}${unless.length ? ";" : ":"} it allows ${call.name} only when ${only}`;
  if (unless.length || rule) return head + unlessText;
  return `${head}: ${call.name} is not on its allow-list`;
}
