/**
 * SELinux file access decisions (security/selinux/avc.c: avc_has_perm()): type enforcement
 * first, then the MCS constraint, and on denial the AVC record
 *
 *   avc:  denied  { write } for  pid=4546 comm="touch" name="foo" dev="sdb5" ino=6947856
 *   scontext=system_u:system_r:container_t:s0:c159,c177 tcontext=… tclass=dir permissive=0
 *
 * (avc.c: avc_audit_pre_callback() and avc_audit_post_callback(), with lsm_audit.c in between).
 */
import type { Check } from "../../trace";
import { deny, pass } from "../../trace";
import type { AuditContext } from "../audit";
import { AUDIT_AVC, auditLine, untrusted } from "../audit";
import type { SelinuxContext } from "./context";
import { clearance, dominates, formatContext, levelText } from "./context";
import type { SelinuxClass, SelinuxPerm } from "./policy";
import { MCS_CONSTRAINED, SELINUX_PERMS, teAllows } from "./policy";

export interface SelinuxObject {
  readonly label: SelinuxContext;
  readonly tclass: SelinuxClass;
  /** The last path component, printed as `name=`; and the device and inode, when known. */
  readonly name?: string;
  readonly dev?: string;
  readonly ino?: number;
}

export interface SelinuxOptions {
  /** `getenforce`: Enforcing (default) or Permissive, where denials are logged but allowed. */
  readonly enforcing?: boolean;
}

export interface SelinuxDecision {
  readonly check: Check;
  readonly audit?: string;
}

const ordered = (perms: readonly SelinuxPerm[]) => SELINUX_PERMS.filter((p) => perms.includes(p));

// SIMPLIFICATION: the object is always described by name= dev= ino=; hooks that have a full
// path print path= instead, and ioctl denials add ioctlcmd=.
function avcLine(subject: SelinuxContext, obj: SelinuxObject, denied: readonly SelinuxPerm[], permissive: boolean, ctx: AuditContext): string {
  const parts = [`avc:  denied  { ${ordered(denied).join(" ")} } for  pid=${ctx.pid}`, `comm=${untrusted(ctx.comm)}`];
  if (obj.name !== undefined) parts.push(`name=${untrusted(obj.name)}`);
  if (obj.dev !== undefined) parts.push(`dev=${untrusted(obj.dev)}`);
  if (obj.ino !== undefined) parts.push(`ino=${obj.ino}`);
  parts.push(`scontext=${formatContext(subject)}`, `tcontext=${formatContext(obj.label)}`, `tclass=${obj.tclass}`, `permissive=${permissive ? 1 : 0}`);
  return auditLine(AUDIT_AVC, ctx.stamp, parts.join(" "));
}

/** Why the access is refused, if it is: a missing allow rule, or the MCS constraint. */
function refusal(subject: SelinuxContext, obj: SelinuxObject, perms: readonly SelinuxPerm[]) {
  const missing = perms.filter((p) => !teAllows(subject.type, obj.label.type, [p]));
  if (missing.length) {
    return {
      denied: missing, rule: `selinux: allow ${subject.type} ${obj.label.type}:${obj.tclass} { ${ordered(missing).join(" ")} }`,
      reason: `SELinux policy has no rule letting ${subject.type} ${ordered(missing).join(" and ")} ${obj.label.type} ${obj.tclass}s`,
    };
  }
  if (MCS_CONSTRAINED.includes(subject.type) && !dominates(clearance(subject), obj.label.low)) {
    return {
      denied: perms, rule: "selinux: mlsconstrain (h1 dom h2)",
      reason: `SELinux MCS constraint: the process (${levelText(clearance(subject))}) does not dominate the file (${levelText(obj.label.low)}), ` +
        `so ${subject.type} may not ${ordered(perms).join(" or ")} it`,
    };
  }
  return undefined;
}

/**
 * Whether `subject` may use `perms` on a file labelled `obj.label`. Denials are EACCES
 * ("Permission denied"); in permissive mode the AVC is logged with permissive=1 and the access
 * goes on.
 */
export function selinuxFileCheck(subject: SelinuxContext, obj: SelinuxObject, perms: readonly SelinuxPerm[], ctx: AuditContext, opts: SelinuxOptions = {}): SelinuxDecision {
  const what = `${ordered(perms).join(" and ")} on ${obj.label.type} ${obj.tclass}${obj.name ? ` "${obj.name}"` : ""}`;
  const bad = refusal(subject, obj, perms);
  if (!bad) {
    const rule = teAllows(subject.type, obj.label.type, perms);
    return { check: pass("lsm", `selinux: ${rule?.text ?? "allow"}`, `SELinux lets ${subject.type} ${what} (${rule?.text ?? "allowed"})`) };
  }
  const permissive = opts.enforcing === false;
  const audit = avcLine(subject, obj, bad.denied, permissive, ctx);
  if (permissive) return { check: pass("lsm", bad.rule, `${bad.reason} — logged only: SELinux is permissive`), audit };
  return { check: deny("lsm", bad.rule, bad.reason, "EACCES"), audit };
}
