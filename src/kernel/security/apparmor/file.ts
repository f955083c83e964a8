/**
 * AppArmor file mediation (security/apparmor/file.c: aa_path_perm()). The permissions a profile
 * grants a path are the union of its matching allow rules minus the union of its matching deny
 * rules ("deny rules take precedence", apparmor.d(5)); what no rule allows is denied.
 */
import type { AuditContext } from "../audit";
import { untrusted } from "../audit";
import type { LsmDecision } from "./decision";
import { aaAllowed, aaAuditLine, aaDenied, unconfinedPass } from "./decision";
import { aaGlobMatch, expandVariables, filterSlashes } from "./glob";
import type { AaFilePerm, AaProfile, AaRule } from "./profile";

/**
 * What a request may ask for: the rule letters, plus `c` (create) and `d` (delete), which a
 * rule grants with `w` (policy_unpack.c: map_old_perms() gives MAY_WRITE AA_MAY_CREATE,
 * AA_MAY_DELETE, AA_MAY_SETATTR, AA_MAY_CHMOD and AA_MAY_CHOWN) but the log prints apart.
 */
export type AaRequestPerm = AaFilePerm | "c" | "d";

export interface AaFileRequest {
  /** The path as AppArmor names it: absolute in the task's mount namespace, symlinks resolved, directories ending in '/'. */
  readonly path: string;
  readonly perms: readonly AaRequestPerm[];
  /** The audit `operation`: "open" (default), "mkdir", "unlink", "exec", "truncate", … */
  readonly operation?: string;
  /** The task's fsuid and the file owner's uid, as seen from the initial user namespace. */
  readonly fsuid?: number;
  readonly ouid?: number;
  /** link: the existing file the new name would point to, printed as `target=`. */
  readonly target?: string;
}

const PERM_WORDS: Readonly<Record<AaRequestPerm, string>> = {
  r: "read", w: "write", a: "append", c: "create", d: "delete", k: "lock", l: "link", m: "mmap-exec", x: "exec",
};
/** The order file masks are printed in (security/apparmor/lib.c: aa_file_perm_chrs "xwracd … km l"). */
const MASK_ORDER: readonly AaRequestPerm[] = ["x", "w", "r", "a", "c", "d", "k", "m", "l"];
/** The rule letter that grants a requested permission. */
const ruleLetter = (perm: AaRequestPerm): AaFilePerm => (perm === "c" || perm === "d" ? "w" : perm);
const ALL_PERMS: readonly AaFilePerm[] = ["r", "w", "a", "k", "l", "m", "x"];

type FileRule = Extract<AaRule, { kind: "file" }>;

/**
 * MAY_EXEC, MAY_WRITE, MAY_READ, MAY_APPEND (include/linux/fs.h), as the VFS hooks pass them,
 * and AppArmor's own AA_MAY_CREATE and AA_MAY_DELETE (security/apparmor/include/perms.h).
 */
export const AA_MAY = { EXEC: 1, WRITE: 2, READ: 4, APPEND: 8, CREATE: 0x10, DELETE: 0x20 } as const;

/** The AppArmor permissions a VFS access mask asks for (file.c: aa_map_file_to_perms()). */
export function aaPermsFromMask(mask: number): readonly AaRequestPerm[] {
  const perms: AaRequestPerm[] = [];
  if (mask & AA_MAY.READ) perms.push("r");
  if (mask & AA_MAY.WRITE) perms.push("w");
  if (mask & AA_MAY.APPEND) perms.push("a");
  if (mask & AA_MAY.CREATE) perms.push("c");
  if (mask & AA_MAY.DELETE) perms.push("d");
  if (mask & AA_MAY.EXEC) perms.push("x");
  return perms;
}

// SIMPLIFICATION: `x` is a plain permission: exec transitions (ix, px, ux, cx) and the profile
// change they cause are not modelled.
/** A rule's `w` grants append too ("w implies a", apparmor.d(5)); a bare `file,` grants everything. */
function grants(rule: FileRule, perm: AaFilePerm): boolean {
  const perms = rule.perms ?? ALL_PERMS;
  return perms.includes(perm) || (perm === "a" && perms.includes("w"));
}

function ruleMatches(profile: AaProfile, rule: FileRule, path: string, perm: AaFilePerm): boolean {
  if (!grants(rule, perm)) return false;
  return rule.path === undefined || aaGlobMatch(filterSlashes(expandVariables(rule.path, profile.variables)), path);
}

/** For each requested permission, the deny rule that refuses it or the allow rule that grants it. */
function decide(profile: AaProfile, path: string, perm: AaRequestPerm): { readonly denyRule?: FileRule; readonly allowRule?: FileRule } {
  const rules = profile.rules.filter((r): r is FileRule => r.kind === "file" && ruleMatches(profile, r, path, ruleLetter(perm)));
  const denyRule = rules.find((r) => r.deny);
  const allowRule = rules.find((r) => !r.deny);
  return { ...(denyRule ? { denyRule } : {}), ...(allowRule ? { allowRule } : {}) };
}

const maskText = (perms: readonly AaRequestPerm[]) => `"${MASK_ORDER.filter((p) => perms.includes(p)).join("")}"`;
const words = (perms: readonly AaRequestPerm[]) => perms.map((p) => PERM_WORDS[p]).join(" and ");

/**
 * Whether the profile lets the task access `req.path` with `req.perms`. Denials return EACCES
 * and the audit line `apparmor="DENIED" operation="open" class="file" profile=… name=… pid=…
 * comm=… requested_mask="w" denied_mask="w" fsuid=0 ouid=0`.
 */
export function apparmorFileCheck(profile: AaProfile, req: AaFileRequest, ctx: AuditContext): LsmDecision {
  if (profile.mode === "unconfined") return unconfinedPass(`access to ${req.path}`);
  const decisions = req.perms.map((perm) => ({ perm, ...decide(profile, req.path, perm) }));
  const refused = decisions.filter((d) => d.denyRule || !d.allowRule);
  if (refused.length === 0) {
    const rule = decisions[0]?.allowRule?.text ?? "file";
    return aaAllowed(profile, rule, `AppArmor profile ${profile.name} allows ${words(req.perms)} on ${req.path} (rule \`${rule}\`)`);
  }
  const denied = refused.map((d) => d.perm);
  const byRule = refused.find((d) => d.denyRule)?.denyRule;
  const reason = byRule
    ? `AppArmor profile ${profile.name} denies ${words(denied)} on ${req.path} (rule \`${byRule.text}\`)`
    : `AppArmor profile ${profile.name} has no rule that allows ${words(denied)} on ${req.path}`;
  const audit = aaAuditLine(profile, {
    operation: req.operation ?? "open", class: "file", name: req.path,
    tail: [
      ["requested_mask", maskText(req.perms)], ["denied_mask", maskText(denied)], ["fsuid", String(req.fsuid ?? 0)], ["ouid", String(req.ouid ?? 0)],
      ...(req.target !== undefined ? [["target", untrusted(req.target)] as const] : []),
    ],
  }, ctx);
  return aaDenied(profile, byRule?.text ?? "no matching rule", reason, audit);
}
