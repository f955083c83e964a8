/**
 * AppArmor's non-file mediation used by docker-default: mount/umount (security/apparmor/mount.c),
 * signals and ptrace between labels (ipc.c, task.c: both sides' profiles are checked,
 * xcheck_labels()), and socket creation (net.c).
 */
import type { AuditContext } from "../audit";
import { untrusted } from "../audit";
import type { LsmDecision } from "./decision";
import { aaAllowed, aaAuditLine, aaDenied, unconfinedPass } from "./decision";
import { aaGlobMatch } from "./glob";
import { mountFlagsText, signalName, socketFamilyName, socketTypeName } from "./names";
import type { AaProfile, AaPtracePerm, AaRule, AaSignalPerm } from "./profile";

/** The first deny rule, else the first allow rule, of `kind` that `applies`. */
function firstMatch<K extends AaRule["kind"]>(profile: AaProfile, kind: K, applies: (r: Extract<AaRule, { kind: K }>) => boolean) {
  const rules = profile.rules.filter((r): r is Extract<AaRule, { kind: K }> => r.kind === kind && applies(r as Extract<AaRule, { kind: K }>));
  return rules.find((r) => r.deny) ?? rules.find((r) => !r.deny);
}

export interface AaMountRequest {
  readonly op: "mount" | "umount";
  /** The mount point as AppArmor names it; a directory gets its trailing '/' ("/mnt/"). */
  readonly mountpoint: string;
  readonly source?: string;
  readonly fstype?: string;
  readonly flags?: number;
  readonly data?: string;
}

/**
 * mount(2) and umount(2) under a profile. docker-default says `deny mount,` and `umount,`, so
 * every mount fails with EACCES — even with CAP_SYS_ADMIN — while umount is allowed. The audit
 * `info` is the step do_match_mnt() failed at: "failed perms check" when a rule matched but
 * does not allow (a deny rule); "failed mntpnt match" when no rule matched at all.
 */
export function apparmorMountCheck(profile: AaProfile, req: AaMountRequest, ctx: AuditContext): LsmDecision {
  const what = req.op === "mount" ? `mounting on ${req.mountpoint}` : `unmounting ${req.mountpoint}`;
  if (profile.mode === "unconfined") return unconfinedPass(what);
  const rule = firstMatch(profile, req.op, () => true);
  if (rule && !rule.deny) return aaAllowed(profile, rule.text, `AppArmor profile ${profile.name} allows ${what} (rule \`${rule.text}\`)`);
  const tail: [string, string][] = [];
  if (req.fstype !== undefined) tail.push(["fstype", untrusted(req.fstype)]);
  if (req.source !== undefined) tail.push(["srcname", untrusted(req.source)]);
  if (req.flags) tail.push(["flags", `"${mountFlagsText(req.flags)}"`]);
  if (req.data) tail.push(["options", untrusted(req.data)]);
  const audit = aaAuditLine(profile, {
    operation: req.op, class: "mount", info: rule ? "failed perms check" : "failed mntpnt match", name: req.mountpoint, tail,
  }, ctx);
  const reason = rule
    ? `AppArmor profile ${profile.name} denies ${what} (rule \`${rule.text}\`)`
    : `AppArmor profile ${profile.name} has no rule that allows ${what}`;
  return aaDenied(profile, rule?.text ?? "no matching rule", reason, audit);
}

const peerMatches = (peer: string | undefined, label: string) => peer === undefined || aaGlobMatch(peer, label);

interface CrossSide<P extends string> {
  readonly profile: AaProfile;
  readonly perm: P;
  /** The rule that decided: the granting rule, or the deny rule; none when no rule matched. */
  readonly rule?: AaRule;
  readonly ok: boolean;
}

/** One side of a cross-label check: does `profile` grant `perm` towards the label `peer`? */
function crossSide<P extends string>(profile: AaProfile, kind: "signal" | "ptrace", perm: P, peer: AaProfile): CrossSide<P> {
  if (profile.mode === "unconfined") return { profile, perm, ok: true };
  const rule = firstMatch(profile, kind, (r) => (r.perms as readonly string[]).includes(perm) && peerMatches(r.peer, peer.name));
  return { profile, perm, ok: rule !== undefined && !rule.deny, ...(rule ? { rule } : {}) };
}

/** Both sides checked (xcheck_labels()): the first refusal, or the pass citing the confined side's rule. */
function crossCheck<P extends string>(sides: readonly CrossSide<P>[], what: string, tail: (s: CrossSide<P>, peer: string) => [string, string][], op: "signal" | "ptrace", ctx: AuditContext): LsmDecision {
  const failed = sides.find((s) => !s.ok);
  if (!failed) {
    const shown = sides.find((s) => s.rule);
    if (!shown?.rule) return unconfinedPass(what);
    return aaAllowed(shown.profile, shown.rule.text, `AppArmor profile ${shown.profile.name} allows the ${what} (rule \`${shown.rule.text}\`)`);
  }
  const peer = sides.find((s) => s !== failed)?.profile.name ?? "unconfined";
  const audit = aaAuditLine(failed.profile, { operation: op, class: op, tail: tail(failed, peer) }, ctx);
  const reason = failed.rule
    ? `AppArmor profile ${failed.profile.name} denies ${failed.perm} for the ${what} (rule \`${failed.rule.text}\`)`
    : `AppArmor profile ${failed.profile.name} has no rule that allows ${failed.perm} for the ${what}`;
  return aaDenied(failed.profile, failed.rule?.text ?? "no matching rule", reason, audit);
}

/**
 * kill(2) from a task labelled `sender` to one labelled `target`: the sender's profile must
 * allow `send` to the target's label and the target's profile `receive` from the sender's
 * (ipc.c: aa_may_signal()). docker-default receives from unconfined, runc, crun and the
 * daemon, and exchanges signals only with itself.
 */
export function apparmorSignalCheck(sender: AaProfile, target: AaProfile, signal: number, ctx: AuditContext): LsmDecision {
  const sides = [crossSide<AaSignalPerm>(sender, "signal", "send", target), crossSide<AaSignalPerm>(target, "signal", "receive", sender)];
  // An anonymous callback, not a named closure: see syscalls/identity.ts.
  return crossCheck(sides, `signal ${signalName(signal)} from ${sender.name} to ${target.name}`, (s, peer) =>
    [["requested_mask", `"${s.perm}"`], ["denied_mask", `"${s.perm}"`], ["signal", signalName(signal)], ["peer", `"${peer}"`]], "signal", ctx);
}

/**
 * ptrace(2) or a ptrace-mode /proc read (`mode` "trace" or "read"): the tracer's profile must
 * allow trace/read on the tracee's label, and the tracee's profile tracedby/readby from the
 * tracer's — unless the tracer is unconfined (task.c: profile_tracee_perm()). So a
 * docker-default task cannot trace host processes even with CAP_SYS_PTRACE and --pid=host.
 * SIMPLIFICATION: a confined profile with no ptrace rule at all is treated as denying (Linux
 * falls back to a capability check for such old-style profiles).
 */
export function apparmorPtraceCheck(tracer: AaProfile, tracee: AaProfile, mode: "trace" | "read", ctx: AuditContext): LsmDecision {
  const by: AaPtracePerm = mode === "trace" ? "tracedby" : "readby";
  const sides = [crossSide<AaPtracePerm>(tracer, "ptrace", mode, tracee)];
  if (tracer.mode !== "unconfined") sides.push(crossSide<AaPtracePerm>(tracee, "ptrace", by, tracer));
  return crossCheck(sides, `ptrace ${mode} of ${tracee.name} by ${tracer.name}`, (s, peer) =>
    [["requested_mask", `"${s.perm}"`], ["denied_mask", `"${s.perm}"`], ["peer", `"${peer}"`]], "ptrace", ctx);
}

export interface AaSocketRequest {
  /** AF_* number (AF_ALG = 38) or AppArmor's family name ("alg"). */
  readonly family: number | string;
  readonly type?: number;
  readonly protocol?: number;
}

// SIMPLIFICATION: network records use the Linux 6.8 fields (requested_mask/denied_mask); newer
// kernels with fine-grained network mediation print requested=/denied=, info= and addr=.
/** socket(2) under a profile: `network,` allows every family, `deny network alg` then refuses AF_ALG. */
export function apparmorNetworkCheck(profile: AaProfile, sock: AaSocketRequest, ctx: AuditContext): LsmDecision {
  const family = typeof sock.family === "number" ? socketFamilyName(sock.family) : sock.family;
  const type = sock.type === undefined ? undefined : socketTypeName(sock.type);
  const what = `creating a socket of family ${family}`;
  if (profile.mode === "unconfined") return unconfinedPass(what);
  const rule = firstMatch(profile, "network", (r) => (r.family === undefined || r.family === family) && (r.type === undefined || r.type === type));
  if (rule && !rule.deny) return aaAllowed(profile, rule.text, `AppArmor profile ${profile.name} allows ${what} (rule \`${rule.text}\`)`);
  const tail: [string, string][] = [["family", `"${family}"`]];
  if (type !== undefined) tail.push(["sock_type", `"${type}"`]);
  tail.push(["protocol", String(sock.protocol ?? 0)], ["requested_mask", '"create"'], ["denied_mask", '"create"']);
  const audit = aaAuditLine(profile, { operation: "create", class: "net", tail }, ctx);
  const reason = rule
    ? `AppArmor profile ${profile.name} denies ${what} (rule \`${rule.text}\`)`
    : `AppArmor profile ${profile.name} has no rule that allows ${what}`;
  return aaDenied(profile, rule?.text ?? "no matching rule", reason, audit);
}
