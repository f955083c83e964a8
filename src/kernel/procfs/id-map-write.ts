/**
 * Writing /proc/PID/uid_map and gid_map (`kernel/user_namespace.c: proc_uid_map_write()`,
 * `map_write()`, `new_idmap_permitted()`, `verify_root_map()`), in the order Linux checks,
 * following user_namespaces(7) "Defining user and group ID mappings":
 *
 * 1. "The writing process must have the CAP_SETUID (CAP_SETGID) capability in the user
 *    namespace of the process pid" — map_write() asks for CAP_SYS_ADMIN there too.
 * 2. "The writing process must be in either the user namespace of the process pid or inside
 *    the parent user namespace of the process pid."
 * 3. "The mapped user IDs (group IDs) must in turn have a mapping in the parent user namespace."
 * 4. One of: "the writing process has CAP_SETUID (CAP_SETGID) in the parent user namespace",
 *    or the data is a single line mapping the writer's own effective uid (gid), the writer
 *    owns the namespace, and — for gid_map — setgroups was first set to "deny".
 * 5. "A uid_map or gid_map file can be written only once": a second write fails with EPERM.
 *
 * SIMPLIFICATION: Linux checks some rules against the process that opened the file
 * (file->f_cred) and others against the one writing; here the writer is both.
 */
import { capableCheck, nsCapable, userNsName } from "../cred/capable";
import type { IdMapEntry, UserNs } from "../ns/namespace";
import { mapIdDown } from "../ns/id-map";
import type { KernelState } from "../state";
import { getNs, putNs } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { Extent } from "./id-map-parse";
import { parseIdMap } from "./id-map-parse";
import type { IdKind } from "./view";
import type { ProcWriteOutcome } from "./write-common";
import { PAGE_SIZE, badValue, refused, utf8Length, written } from "./write-common";

const CAP = { uid: "CAP_SETUID", gid: "CAP_SETGID" } as const;
const mapOf = (ns: UserNs, kind: IdKind) => (kind === "uid" ? ns.uidMap : ns.gidMap);

/** map_id_range_down(): the global id of `[id, id+count)` if one extent holds all of it. */
export function mapIdRangeDown(map: readonly IdMapEntry[] | null, id: number, count: number): number | undefined {
  const last = id + count - 1;
  const e = map?.find((x) => id >= x.inside && last <= x.inside + x.count - 1);
  return e === undefined ? undefined : e.outside + (id - e.inside);
}

export const writeUidMap = (state: KernelState, writer: Task, target: Task, text: string): ProcWriteOutcome =>
  writeIdMap(state, writer, target, text, "uid");
export const writeGidMap = (state: KernelState, writer: Task, target: Task, text: string): ProcWriteOutcome =>
  writeIdMap(state, writer, target, text, "gid");

function writeIdMap(state: KernelState, writer: Task, target: Task, text: string, kind: IdKind): ProcWriteOutcome {
  const file = `${kind}_map`;
  const ns = getNs(state, target.cred.userNs, "user");
  const trace: Check[] = [];
  const entry = entryChecks(state, writer, ns, file);
  for (const check of entry) {
    if (check.verdict === "deny") return refused(state, trace, check);
    trace.push(check);
  }
  if (utf8Length(text) >= PAGE_SIZE) return badValue(state, trace, "map_write", `a ${file} write must be shorter than one page (${PAGE_SIZE} bytes)`);
  if ((mapOf(ns, kind) ?? []).length > 0) {
    return refused(state, trace, deny("kernel", "map_write: written once", `the ${file} of user namespace ${ns.id} was already written; "a ${file} file can be written only once"`, "EPERM"));
  }
  const admin = capableCheck(state, writer.cred, ns.id, "CAP_SYS_ADMIN", `writing the ${file} of user namespace ${ns.id}`);
  if (admin.verdict === "deny") return refused(state, trace, admin);
  trace.push(admin);
  const parsed = parseIdMap(text);
  if (!parsed.ok) return badValue(state, trace, "map_write: parse", parsed.reason);
  trace.push(pass("kernel", "map_write: parse", `${parsed.extents.length} line(s), no overlapping ranges`));
  const allowed = permitted(state, writer, ns, kind, parsed.extents);
  if (allowed.verdict === "deny") return refused(state, trace, allowed);
  trace.push(allowed);
  return install(state, trace, ns, kind, parsed.extents, text);
}

/** proc_uid_map_write(): not the initial namespace; the writer in the namespace or its parent. */
function entryChecks(state: KernelState, writer: Task, ns: UserNs, file: string): Check[] {
  if (ns.owner === null) {
    return [deny("namespace", "proc_uid_map_write: !ns->parent", `the ${file} of the initial user namespace is fixed (0 0 4294967295)`, "EPERM")];
  }
  const own = writer.cred.userNs;
  if (own !== ns.id && own !== ns.owner) {
    return [deny("namespace", "proc_uid_map_write: seq_user_ns", `the writer must be in user namespace ${ns.id} or its parent, not in ${userNsName(state, own)}`, "EPERM")];
  }
  return [pass("namespace", "proc_uid_map_write: seq_user_ns", `the writer is in ${own === ns.id ? "the namespace itself" : "its parent user namespace"}`)];
}

/** new_idmap_permitted(), with verify_root_map() first for uid maps. */
function permitted(state: KernelState, writer: Task, ns: UserNs, kind: IdKind, extents: readonly Extent[]): Check {
  const parent = ns.owner!;
  const cred = writer.cred;
  if (kind === "uid") {
    const root = verifyRootMap(state, writer, ns, extents);
    if (root) return root;
  }
  const only = extents.length === 1 && extents[0]!.count === 1 ? extents[0]! : undefined;
  if (only && ns.ownerUid === cred.euid) {
    const parentNs = getNs(state, parent, "user");
    const global = mapIdDown(mapOf(parentNs, kind), only.lowerFirst);
    const own = kind === "uid" ? cred.euid : cred.egid;
    if (global === own && (kind === "uid" || ns.setgroups === "deny")) {
      return pass("capability", "new_idmap_permitted: own id", `one line mapping the writer's own ${kind === "uid" ? "uid" : "gid"} needs no capability`);
    }
  }
  const cap = CAP[kind];
  if (nsCapable(state, cred, parent, cap)) {
    return pass("capability", `ns_capable(${cap})`, `the writer has ${cap} in ${userNsName(state, parent)}, the parent namespace`);
  }
  const hint = only && kind === "gid" && ns.setgroups === "allow" ? `; an unprivileged writer must first write "deny" to /proc/PID/setgroups` : "";
  return deny("capability", `ns_capable(${cap})`,
    `mapping ids other than the writer's own needs ${cap} in ${userNsName(state, parent)}${hint}`, "EPERM");
}

/**
 * verify_root_map(): mapping the parent's id 0 gives the namespace's root the file
 * capabilities of the parent's root, so the creator must have had CAP_SETFCAP.
 * SIMPLIFICATION: "the parent could setfcap when it unshared" is taken to mean the namespace
 * was created by global root (Linux records the creator's capability at create_user_ns()).
 */
function verifyRootMap(state: KernelState, writer: Task, ns: UserNs, extents: readonly Extent[]): Check | undefined {
  if (!extents.some((e) => e.lowerFirst === 0)) return undefined;
  const ok = writer.cred.userNs === ns.id ? ns.ownerUid === 0 : nsCapable(state, writer.cred, ns.owner!, "CAP_SETFCAP");
  return ok ? undefined : deny("capability", "verify_root_map: CAP_SETFCAP",
    `mapping the parent namespace's uid 0 needs CAP_SETFCAP in ${userNsName(state, ns.owner!)}`, "EPERM");
}

/** Translates each outside range to global ids through the parent's map, then installs. */
function install(state: KernelState, trace: Check[], ns: UserNs, kind: IdKind, extents: readonly Extent[], text: string): ProcWriteOutcome {
  const parentMap = mapOf(getNs(state, ns.owner!, "user"), kind);
  const entries: IdMapEntry[] = [];
  for (const e of extents) {
    const outside = mapIdRangeDown(parentMap, e.lowerFirst, e.count);
    if (outside === undefined) {
      return refused(state, trace, deny("namespace", "map_id_range_down", `outside ${kind}s ${e.lowerFirst}–${e.lowerFirst + e.count - 1} are not all mapped in the parent user namespace`, "EPERM"));
    }
    entries.push({ inside: e.first, outside, count: e.count });
  }
  const next = putNs(state, kind === "uid" ? { ...ns, uidMap: entries } : { ...ns, gidMap: entries });
  trace.push(pass("kernel", "map_write: install", `${kind}_map of user namespace ${ns.id} set: ${entries.map((e) => `${e.inside}→${e.outside} (${e.count})`).join(", ")}`));
  return written(next, trace, text);
}
