/**
 * What every AppArmor check returns, and the audit record of a denial as Linux 6.x prints it
 * (security/apparmor/audit.c: audit_pre() writes `apparmor= operation= class= [info= error=]
 * profile= [name=]`, security/lsm_audit.c adds `pid= comm=`, then the class's own callback adds
 * its fields, e.g. file.c: file_audit_cb() `requested_mask= denied_mask= fsuid= ouid=`).
 */
import type { Check } from "../../trace";
import { deny, pass } from "../../trace";
import type { AuditContext } from "../audit";
import { AUDIT_AVC, auditLine, untrusted } from "../audit";
import type { AaProfile } from "./profile";

export interface LsmDecision {
  readonly check: Check;
  /** The kernel-log line, for a denial (or an ALLOWED record in complain mode). */
  readonly audit?: string;
}

export interface AaAuditFields {
  readonly operation: string;
  readonly class: "file" | "mount" | "signal" | "ptrace" | "net";
  readonly info?: string;
  /** The path or mountpoint, printed as `name=`. */
  readonly name?: string;
  /** The class's own fields, in order, values already formatted. */
  readonly tail: readonly (readonly [string, string])[];
}

/** One AppArmor audit record (AUDIT_APPARMOR_DENIED is logged as type=1400, like an AVC). */
export function aaAuditLine(profile: AaProfile, f: AaAuditFields, ctx: AuditContext): string {
  const outcome = profile.mode === "complain" ? "ALLOWED" : "DENIED";
  const head = [`apparmor="${outcome}"`, `operation="${f.operation}"`, `class="${f.class}"`];
  if (f.info) head.push(`info="${f.info}"`, "error=-13");
  head.push(`profile=${untrusted(profile.name)}`);
  if (f.name !== undefined) head.push(`name=${untrusted(f.name)}`);
  head.push(`pid=${ctx.pid}`, `comm=${untrusted(ctx.comm)}`);
  const body = [...head, ...f.tail.map(([k, v]) => `${k}=${v}`)].join(" ");
  return auditLine(AUDIT_AVC, ctx.stamp, body);
}

/** The pass of an unconfined task: AppArmor has nothing to say. */
export const unconfinedPass = (what: string): LsmDecision => ({
  check: pass("lsm", "apparmor: unconfined", `the task is unconfined, so AppArmor does not mediate ${what}`),
});

/**
 * A denial in enforce mode is EACCES ("AppArmor denials return EACCES (-13)", reference §5.1,
 * for files, mounts, signals, ptrace and sockets alike). In complain mode it is logged as
 * ALLOWED and the operation goes on.
 */
export function aaDenied(profile: AaProfile, rule: string, reason: string, audit: string): LsmDecision {
  const ruleName = `apparmor ${profile.name}: ${rule}`;
  if (profile.mode === "complain") {
    return { check: pass("lsm", ruleName, `${reason} — logged only: the profile is in complain mode`), audit };
  }
  return { check: deny("lsm", ruleName, reason, "EACCES"), audit };
}

export const aaAllowed = (profile: AaProfile, rule: string, reason: string): LsmDecision => ({
  check: pass("lsm", `apparmor ${profile.name}: ${rule}`, reason),
});
